import type { PlanCalendar } from '../domain/calendar';
import type { LayerId } from '../domain/layers';
import { formatPercent, layerLabel } from '../format';
import { UNITS_PER_FTE } from './capacity';

/** Shared wording for the planner's reasons; every sentence is filled from the plan's data. */

/** A week as people read it: its first day and quarter, e.g. "2027-03-01 (2027-Q1)". */
export function dateLabel(calendar: PlanCalendar, week: number): string {
  return `${calendar.dateOfWeek(week)} (${calendar.quarterOfWeek(week).label})`;
}

/** "a data engineer", "an ML engineer", "an analytics engineer". */
export function withArticle(noun: string): string {
  const word = noun.trim();
  // Initialisms read letter by letter: "an ML engineer", "an SQL expert"; "a UX designer" reads "you".
  const initialism = /^([A-Z]{2,})\b/.exec(word)?.[1];
  if (initialism) return `${/^[AEFHILMNORSX]/.test(initialism) ? 'an' : 'a'} ${word}`;
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** A role name inside a sentence: "Data engineer" → "data engineer", "ML engineer" stays. */
export function roleNoun(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function formatNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function people(units: number): string {
  const n = Math.round((units / UNITS_PER_FTE) * 10) / 10;
  return n === 1 ? '1 person' : `${n} people`;
}

/** A share or readiness in the planner's sentences: the one percentage rule of core/format.ts. */
export function percent(value: number): string {
  return formatPercent(value);
}

export function layerName(layer: LayerId): string {
  return layerLabel(layer);
}

export function quoteTitles(titles: readonly string[]): string {
  const quoted = titles.slice(0, 3).map((t) => `“${t}”`);
  if (titles.length <= 3) return listing(quoted);
  return `${quoted.join(', ')} and ${titles.length - 3} more`;
}

/** "a", "a and b", "a, b and c". */
export function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A person with their role and status, without repeating what their name already says ("ML engineer (open requisition)"). */
export function personLabel(name: string, role: string, status: string): string {
  const lower = name.toLowerCase();
  const parts = [roleNoun(role), status].filter((p) => !lower.includes(p.toLowerCase()));
  return parts.length ? `${name} (${parts.join(', ')})` : name;
}
