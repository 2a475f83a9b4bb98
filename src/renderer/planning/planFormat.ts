import { calendarOf, daysBetween, type PlanCalendar } from '../../core/domain/calendar';
import { spendByQuarter } from '../../core/domain/cost';
import type { PlannedHire, PlannedItem, PlanResult } from '../../core/planner/types';

const calendars = new WeakMap<PlanResult, PlanCalendar>();

/** The calendar a plan was made with (calendar or fiscal quarters), built once per plan. */
export function planCalendar(plan: PlanResult): PlanCalendar {
  let cal = calendars.get(plan);
  if (!cal) {
    cal = calendarOf(plan);
    calendars.set(plan, cal);
  }
  return cal;
}

/** The plan week of a date (fractional, negative before the start). */
export function weeksBetween(from: string, to: string): number {
  return daysBetween(from, to) / 7;
}

/** Calendar label of a plan quarter, also past the horizon. */
export function quarterLabelAt(plan: PlanResult, index: number): string {
  return planCalendar(plan).quarterAt(index).label;
}

/** First day of a plan quarter, also past the horizon. */
export function quarterStartDate(plan: PlanResult, index: number): string {
  return planCalendar(plan).quarterAt(index).firstDay;
}

/** Quarters to show: the horizon, plus any the schedule spills into. */
export function quarterCount(plan: PlanResult): number {
  const cal = planCalendar(plan);
  const lastStart = plan.items.reduce<string | null>((last, i) => (i.start !== null && i.startDate !== null && (last === null || i.startDate > last) ? i.startDate : last), null);
  return Math.max(1, cal.quartersThrough(lastStart).length);
}

/**
 * The plan quarter an item starts in, by its start date (a date the user entered counts as
 * entered). Work in progress that started before the plan did shows in its first quarter.
 */
export function quarterIndexOfItem(plan: PlanResult, item: PlannedItem): number {
  return item.startDate === null ? 0 : Math.max(0, planCalendar(plan).quarterIndexOfDate(item.startDate));
}

/** The plan quarter a date falls in. */
export function quarterIndexOfDate(plan: PlanResult, date: string): number {
  return planCalendar(plan).quarterIndexOfDate(date);
}

/** "2027-03-01 – 2027-04-09": an item's dates as people read them. */
export function datesLabel(item: Pick<PlannedItem, 'startDate' | 'finishDate'>): string {
  return item.startDate && item.finishDate ? `${item.startDate} – ${item.finishDate}` : '';
}

/** Money reads the same in the app, the CLI and the PDF (core/format.ts). */
export { formatMoney } from '../../core/format';

/** Salary spend of the plan's hires per quarter and since the first (core's one rule); null when no hire has a salary. */
export function hireCostByQuarter(plan: PlanResult, quarters: number): { spend: number; cumulative: number }[] | null {
  const priced = plan.hires.filter((h): h is PlannedHire & { annualSalary: number } => h.annualSalary !== null);
  if (priced.length === 0) return null;
  const cal = planCalendar(plan);
  const list = Array.from({ length: quarters }, (_, q) => cal.quarterAt(q));
  return spendByQuarter(priced, list);
}
