import { LAYERS, type LayerId } from '../../core/domain/layers';
import { addWeeksIso, quarterLabel } from '../../core/planner/calendar';
import type { PlannedHire, PlanResult } from '../../core/planner/types';

export const WEEKS_PER_QUARTER = 13;

/** Layers top to bottom, as the pyramid is drawn. */
export const LAYERS_TOP_DOWN = [...LAYERS].reverse();

export function layerName(layer: LayerId | null): string {
  return LAYERS.find((l) => l.id === layer)?.name ?? 'No capability';
}

/** `YYYY-MM-DD` plus whole weeks. */
export function addWeeks(date: string, weeks: number): string {
  return addWeeksIso(date, weeks);
}

/** The plan week of a date (fractional, negative before the start). */
export function weeksBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000);
}

export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Calendar label of a plan quarter, also past the horizon (the planner's own labelling). */
export function quarterLabelAt(plan: PlanResult, index: number): string {
  return plan.quarters[index]?.label ?? quarterLabel(plan.scenario.startDate, index);
}

/** Quarters to show: the horizon, plus any the schedule spills into. */
export function quarterCount(plan: PlanResult): number {
  return Math.max(plan.quarters.length, Math.ceil(plan.makespan / WEEKS_PER_QUARTER), 1);
}

export function weeksLabel(start: number, finish: number): string {
  return `wk ${start}–${finish}`;
}

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatMoney(value: number): string {
  return money.format(Math.round(value));
}

/** Salary cost of the plan's hires in each quarter (pro rata for the weeks each is on staff). */
export function hireCostByQuarter(plan: PlanResult, quarters: number): (number | null)[] {
  const priced = plan.hires.filter((h): h is PlannedHire & { annualSalary: number } => h.annualSalary !== null);
  if (priced.length === 0) return Array.from({ length: quarters }, () => null);
  return Array.from({ length: quarters }, (_, q) => {
    const from = q * WEEKS_PER_QUARTER;
    const to = from + WEEKS_PER_QUARTER;
    return priced.reduce((sum, h) => sum + (h.annualSalary * Math.max(0, to - Math.max(from, h.startWeek))) / 52, 0);
  });
}

export const HIRE_STATUS_LABELS: Record<PlannedHire['status'], string> = {
  proposed: 'Proposed',
  open_req: 'Open requisition',
  planned: 'Planned',
};
