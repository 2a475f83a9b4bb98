import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * Calendar time as people read it: ISO dates, calendar (or fiscal) quarters with their real first
 * and last days. The engine counts integer weeks; `PlanCalendar` converts between the two.
 *
 * Week 0 of a plan starts on the scenario's start date (not on a Monday): a plan that starts on a
 * quarter's first day then has its weeks line up with that day, and every week boundary is a fixed
 * number of days from a date the lead chose. docs/domain.md explains the choice.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2027-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function addDaysIso(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** 1 = January. A fiscal year that starts in April has its Q1 in April–June. */
export type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export function isMonthNumber(value: unknown): value is MonthNumber {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12;
}

export interface Quarter {
  /** `2027-Q1` for calendar quarters; `FY2028-Q1` for a fiscal year named by the year it ends in. */
  readonly label: string;
  /** The year the quarter's fiscal year is named by (the calendar year for calendar quarters). */
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** First and last day, inclusive. */
  readonly firstDay: string;
  readonly lastDay: string;
}

/**
 * The quarter a date falls in. With `fiscalStartMonth` 1 these are calendar quarters; otherwise the
 * fiscal year starts on the first of that month and is named by the calendar year it ends in
 * (a year starting 2027-04-01 is FY2028), the convention of most companies that use one.
 */
export function quarterOf(date: string, fiscalStartMonth: MonthNumber = 1): Quarter {
  const d = parseISO(date);
  const year = d.getFullYear();
  const month = d.getMonth() + 1;
  const offset = (month - fiscalStartMonth + 12) % 12;
  const q = (Math.floor(offset / 3) + 1) as 1 | 2 | 3 | 4;
  const firstMonthIndex = month - 1 - (offset % 3);
  const first = new Date(year, firstMonthIndex, 1);
  const firstDay = format(first, 'yyyy-MM-dd');
  const lastDay = format(addDays(addMonths(first, 3), -1), 'yyyy-MM-dd');
  const fiscalYearStart = new Date(year, month - 1 - offset, 1);
  const fy = fiscalStartMonth === 1 ? fiscalYearStart.getFullYear() : fiscalYearStart.getFullYear() + 1;
  const label = fiscalStartMonth === 1 ? `${fy}-Q${q}` : `FY${fy}-Q${q}`;
  return { label, year: fy, quarter: q, firstDay, lastDay };
}

/** The quarter after `q`. */
export function nextQuarter(q: Quarter, fiscalStartMonth: MonthNumber = 1): Quarter {
  return quarterOf(addDaysIso(q.lastDay, 1), fiscalStartMonth);
}

/** One quarter of a plan, bounded by real dates and by the plan weeks that start inside it. */
export interface PlanQuarter extends Quarter {
  readonly index: number;
  /** First plan week whose first day lies in this quarter (0 for the quarter the plan starts in). */
  readonly startWeek: number;
  /** First plan week of the next quarter. */
  readonly endWeek: number;
}

/**
 * A scenario's calendar: week 0 starts on `startDate`; the horizon is `horizonQuarters` quarters,
 * the first being the one the start date falls in (so a plan starting 2027-02-15 has 2027-Q1 as its
 * first, shorter, quarter). A week belongs to the quarter its first day falls in.
 */
export class PlanCalendar {
  readonly quarters: readonly PlanQuarter[];
  /** Weeks from the start to the end of the last quarter (a last partial week counts whole). */
  readonly horizonWeeks: number;
  /** The last day of the horizon. */
  readonly endDate: string;

  constructor(
    readonly startDate: string,
    horizonQuarters: number,
    readonly fiscalStartMonth: MonthNumber = 1,
  ) {
    if (!isIsoDate(startDate)) throw new RangeError(`startDate: "${startDate}" is not a date (YYYY-MM-DD)`);
    if (!Number.isInteger(horizonQuarters) || horizonQuarters < 1) throw new RangeError(`horizonQuarters: ${horizonQuarters} is not a whole number ≥ 1`);
    const quarters: PlanQuarter[] = [];
    let q = quarterOf(startDate, fiscalStartMonth);
    for (let index = 0; index < horizonQuarters; index++) {
      const startWeek = index === 0 ? 0 : this.firstWeekOnOrAfter(q.firstDay);
      const endWeek = this.firstWeekOnOrAfter(addDaysIso(q.lastDay, 1));
      quarters.push({ ...q, index, startWeek, endWeek });
      q = nextQuarter(q, fiscalStartMonth);
    }
    this.quarters = quarters;
    const last = quarters[quarters.length - 1]!;
    this.endDate = last.lastDay;
    this.horizonWeeks = Math.ceil((daysBetween(startDate, last.lastDay) + 1) / 7);
  }

  /** The week a date falls in (negative before the start). */
  weekOf(date: string): number {
    return Math.floor(daysBetween(this.startDate, date) / 7);
  }

  /** The first week that starts on or after `date`: the earliest week something can start at that date or later. */
  firstWeekOnOrAfter(date: string): number {
    // `+ 0` turns the -0 of Math.ceil(-0.5) into 0.
    return Math.ceil(daysBetween(this.startDate, date) / 7) + 0;
  }

  private readonly weekDates = new Map<number, string>();
  private readonly dateQuarters = new Map<string, Quarter>();

  /** The first day of a week. */
  dateOfWeek(week: number): string {
    let date = this.weekDates.get(week);
    if (date === undefined) {
      date = addDaysIso(this.startDate, week * 7);
      this.weekDates.set(week, date);
    }
    return date;
  }

  quarterOfDate(date: string): Quarter {
    let q = this.dateQuarters.get(date);
    if (q === undefined) {
      q = quarterOf(date, this.fiscalStartMonth);
      this.dateQuarters.set(date, q);
    }
    return q;
  }

  /** The quarter a week's first day falls in (also past the horizon). */
  quarterOfWeek(week: number): Quarter {
    return this.quarterOfDate(this.dateOfWeek(week));
  }

  /** Index of the plan quarter a date falls in; -1 before the plan, ≥ quarters.length after it. */
  quarterIndexOfDate(date: string): number {
    const first = this.quarters[0]!;
    if (date < first.firstDay) return -1;
    for (const q of this.quarters) if (date <= q.lastDay) return q.index;
    // Past the horizon: count on quarter by quarter.
    let q: Quarter = this.quarters[this.quarters.length - 1]!;
    let index = this.quarters.length - 1;
    while (date > q.lastDay) {
      q = nextQuarter(q, this.fiscalStartMonth);
      index += 1;
    }
    return index;
  }

  quarterIndexOfWeek(week: number): number {
    return this.quarterIndexOfDate(this.dateOfWeek(week));
  }

  /** The plan quarter at `index`, counting on past the horizon (work that finishes late is still shown by quarter). */
  quarterAt(index: number): PlanQuarter {
    const known = this.quarters[index];
    if (known) return known;
    let q: Quarter = this.quarters[this.quarters.length - 1]!;
    for (let i = this.quarters.length - 1; i < index; i++) q = nextQuarter(q, this.fiscalStartMonth);
    return { ...q, index, startWeek: this.firstWeekOnOrAfter(q.firstDay), endWeek: this.firstWeekOnOrAfter(addDaysIso(q.lastDay, 1)) };
  }

  /** The quarters from the plan's first to the one `date` falls in (at least the horizon's). */
  quartersThrough(date: string | null): PlanQuarter[] {
    const last = date === null ? this.quarters.length - 1 : Math.max(this.quarters.length - 1, this.quarterIndexOfDate(date));
    return Array.from({ length: last + 1 }, (_, i) => this.quarterAt(i));
  }
}

/** The calendar a plan was made with, from its scenario and the workspace's fiscal year. */
export function calendarOf(plan: { readonly scenario: { readonly startDate: string; readonly horizonQuarters: number }; readonly settings: { readonly fiscalYearStartMonth: number } }): PlanCalendar {
  const month = plan.settings.fiscalYearStartMonth;
  return new PlanCalendar(plan.scenario.startDate, plan.scenario.horizonQuarters, isMonthNumber(month) ? month : 1);
}

/**
 * Where a new plan starts: the first day of the current quarter during its first two weeks, else
 * of the next one. Quarterly roadmaps are made at quarter boundaries.
 */
export function planStartFor(today: string, fiscalStartMonth: MonthNumber = 1): string {
  const current = quarterOf(today, fiscalStartMonth);
  if (daysBetween(current.firstDay, today) < 14) return current.firstDay;
  return nextQuarter(current, fiscalStartMonth).firstDay;
}
