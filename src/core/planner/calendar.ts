import { addDays, differenceInCalendarDays, format, getQuarter, parseISO } from 'date-fns';

/** DESIGN.md: time is integer weeks from the plan's start; a quarter is 13 weeks. */
export const WEEKS_PER_QUARTER = 13;

export function addWeeksIso(startDate: string, weeks: number): string {
  return format(addDays(parseISO(startDate), weeks * 7), 'yyyy-MM-dd');
}

/** The plan week a date falls in (negative before the start). */
export function weekOf(startDate: string, date: string): number {
  return Math.floor(differenceInCalendarDays(parseISO(date), parseISO(startDate)) / 7);
}

export function quarterIndexOf(week: number): number {
  return Math.floor(week / WEEKS_PER_QUARTER);
}

/**
 * A plan quarter is labelled by the calendar quarter its middle falls in, so that a plan starting
 * mid-quarter still gets one distinct label per 13-week quarter (e.g. `2027-Q1`).
 */
export function quarterLabel(startDate: string, quarterIndex: number): string {
  const middle = addDays(parseISO(startDate), Math.round((quarterIndex * WEEKS_PER_QUARTER + WEEKS_PER_QUARTER / 2) * 7));
  return `${format(middle, 'yyyy')}-Q${getQuarter(middle)}`;
}

export function quarterLabelOfWeek(startDate: string, week: number): string {
  return quarterLabel(startDate, quarterIndexOf(week));
}
