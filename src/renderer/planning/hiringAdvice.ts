import type { BorrowedCapacity, Scenario } from '../../core/domain/planning';
import type { MarginalHireValue, RoleCapacity } from '../../core/planner/types';
import { baselineNameSchema } from '../../shared/schemas';
import { fte } from '../format';
import { fieldErrors, parseDate, parseNumber } from '../validation';

/*
 * The wording and the form logic of the hiring plan's advice (issue 9) and of naming a baseline:
 * pure functions, tested on their own; the components only draw them.
 */

/** One loan as the form holds it: text, checked by the scenario schema when saved. */
export interface BorrowedDraft {
  readonly roleId: string;
  readonly fte: string;
  readonly startDate: string;
  readonly weeks: string;
  readonly note: string;
}

export function borrowedDrafts(borrowed: readonly BorrowedCapacity[]): BorrowedDraft[] {
  return borrowed.map((b) => ({ roleId: b.roleId, fte: fte(b.fte), startDate: b.startDate ?? '', weeks: String(b.weeks), note: b.note }));
}

/** The drafts as the scenario stores them; bad text becomes NaN or an unparsed date, which the schema reports. */
export function borrowedOf(drafts: readonly BorrowedDraft[]): BorrowedCapacity[] {
  return drafts.map((d) => ({ roleId: d.roleId, fte: parseNumber(d.fte), startDate: parseDate(d.startDate), weeks: parseNumber(d.weeks), note: d.note.trim() }));
}

/** People of the role lent by other teams in `week`. */
export function borrowedAt(capacity: RoleCapacity, week: number): number {
  let borrowed = 0;
  for (const step of capacity.steps) if (step.from <= week) borrowed = step.borrowed;
  return borrowed;
}

/** Contiguous weeks with the same borrowed people (more than none), for drawing and for words. */
export function borrowedRuns(capacity: RoleCapacity, weeks: number): { readonly from: number; readonly to: number; readonly people: number }[] {
  const runs: { from: number; to: number; people: number }[] = [];
  for (let w = 0; w < weeks; w += 1) {
    const people = borrowedAt(capacity, w);
    const last = runs.at(-1);
    if (people <= 0) continue;
    if (last && last.to === w && last.people === people) last.to = w + 1;
    else runs.push({ from: w, to: w + 1, people });
  }
  return runs;
}

/** The same in words, for the chart's summary: the loans as the scenario has them (dates as entered). */
export function overlaySummary(roleId: string, scenario: Pick<Scenario, 'runShare' | 'borrowed'>): string {
  const parts: string[] = [];
  if (scenario.runShare > 0) parts.push(`${Math.round(scenario.runShare * 100)} % of the busy people's time is kept for run work`);
  for (const b of scenario.borrowed.filter((l) => l.roleId === roleId)) {
    parts.push(`${fte(b.fte)} borrowed from ${b.startDate ?? 'the status date'} for ${b.weeks} ${b.weeks === 1 ? 'week' : 'weeks'}${b.note ? ` (${b.note})` : ''}`);
  }
  return parts.length ? `; ${parts.join('; ')}` : '';
}

const OUTCOME: Readonly<Record<MarginalHireValue['outcome'], string>> = { earlier: 'Earlier', none: 'No gain', 'not-yet': 'Not yet' };

/** "6 weeks earlier", "No gain", "Not yet": the outcome in a few words. */
export function outcomeLabel(value: Pick<MarginalHireValue, 'outcome' | 'weeksEarlier'>): string {
  const weeks = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;
  if (value.outcome === 'earlier') return value.weeksEarlier === null ? 'Ready within the plan' : `${weeks(value.weeksEarlier)} earlier`;
  return OUTCOME[value.outcome];
}

/** The error for a baseline name: the shared schema's, or that the name is taken (names are unique ignoring case). */
export function baselineNameError(name: string, taken: readonly string[]): string | undefined {
  const error = fieldErrors(baselineNameSchema, name)[''];
  if (error) return error;
  const key = name.trim().toLowerCase();
  return taken.some((t) => t.trim().toLowerCase() === key) ? `a baseline named “${name.trim()}” already exists` : undefined;
}
