import { layerById, type LayerId } from '../domain/layers';
import { addWeeksIso, quarterLabelOfWeek } from './calendar';
import { UNITS_PER_FTE } from './capacity';

/** Shared wording for the planner's reasons; every sentence is filled from the plan's data. */
export function weekLabel(startDate: string, week: number): string {
  return `week ${week} (${quarterLabelOfWeek(startDate, week)}, ${addWeeksIso(startDate, week)})`;
}

export function people(units: number): string {
  const n = Math.round((units / UNITS_PER_FTE) * 10) / 10;
  return n === 1 ? '1 person' : `${n} people`;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function layerName(layer: LayerId): string {
  return layerById(layer).name;
}

export function quoteTitles(titles: readonly string[]): string {
  if (titles.length <= 3) return titles.map((t) => `“${t}”`).join(', ');
  return `${titles
    .slice(0, 3)
    .map((t) => `“${t}”`)
    .join(', ')} and ${titles.length - 3} more`;
}
