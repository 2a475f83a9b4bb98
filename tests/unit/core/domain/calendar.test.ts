import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, calendarOf, daysBetween, isIsoDate, isMonthNumber, nextQuarter, PlanCalendar, planStartFor, quarterOf, type MonthNumber } from '../../../../src/core/domain/calendar';

describe('ISO dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2027-04-31')).toBe(false);
    expect(isIsoDate('2027-04-30')).toBe(true);
    expect(isIsoDate('2027-12-31')).toBe(true);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-00-10')).toBe(false);
    expect(isIsoDate('2027-01-00')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate(20270101)).toBe(false);
    expect(isIsoDate(' 2027-01-01')).toBe(false);
  });

  it('counts days and adds them across year ends and leap days', () => {
    expect(daysBetween('2027-12-30', '2028-01-02')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDaysIso('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('knows the months', () => {
    expect(isMonthNumber(1)).toBe(true);
    expect(isMonthNumber(12)).toBe(true);
    expect(isMonthNumber(0)).toBe(false);
    expect(isMonthNumber(13)).toBe(false);
    expect(isMonthNumber(4.5)).toBe(false);
    expect(isMonthNumber('4')).toBe(false);
  });
});

describe('quarters', () => {
  it('are calendar quarters with their real first and last days', () => {
    expect(quarterOf('2027-01-01')).toEqual({ label: '2027-Q1', year: 2027, quarter: 1, firstDay: '2027-01-01', lastDay: '2027-03-31' });
    expect(quarterOf('2027-03-31').label).toBe('2027-Q1');
    expect(quarterOf('2027-04-01')).toEqual({ label: '2027-Q2', year: 2027, quarter: 2, firstDay: '2027-04-01', lastDay: '2027-06-30' });
    expect(quarterOf('2027-09-30')).toMatchObject({ label: '2027-Q3', firstDay: '2027-07-01', lastDay: '2027-09-30' });
    expect(quarterOf('2027-12-31')).toMatchObject({ label: '2027-Q4', firstDay: '2027-10-01', lastDay: '2027-12-31' });
    expect(quarterOf('2028-02-29')).toMatchObject({ label: '2028-Q1', lastDay: '2028-03-31' });
  });

  it('are fiscal quarters named by the year the fiscal year ends in', () => {
    // A year starting in April: 2027-04-01 … 2028-03-31 is FY2028.
    expect(quarterOf('2027-04-01', 4)).toEqual({ label: 'FY2028-Q1', year: 2028, quarter: 1, firstDay: '2027-04-01', lastDay: '2027-06-30' });
    expect(quarterOf('2027-03-31', 4)).toMatchObject({ label: 'FY2027-Q4', firstDay: '2027-01-01', lastDay: '2027-03-31' });
    expect(quarterOf('2027-12-15', 4)).toMatchObject({ label: 'FY2028-Q3', firstDay: '2027-10-01', lastDay: '2027-12-31' });
    // A year starting in February: quarters Feb–Apr, May–Jul, Aug–Oct, Nov–Jan.
    expect(quarterOf('2028-01-15', 2)).toMatchObject({ label: 'FY2028-Q4', firstDay: '2027-11-01', lastDay: '2028-01-31' });
    expect(quarterOf('2028-02-29', 2)).toMatchObject({ label: 'FY2029-Q1', firstDay: '2028-02-01', lastDay: '2028-04-30' });
    // A year starting in July.
    expect(quarterOf('2027-07-01', 7)).toMatchObject({ label: 'FY2028-Q1', firstDay: '2027-07-01', lastDay: '2027-09-30' });
    expect(quarterOf('2027-06-30', 7)).toMatchObject({ label: 'FY2027-Q4', firstDay: '2027-04-01', lastDay: '2027-06-30' });
  });

  it('tile the year for any fiscal start: every day in exactly one quarter, quarters of 3 months back to back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3000 }), (month, offset) => {
        const m = month as MonthNumber;
        const date = addDaysIso('2024-01-01', offset);
        const q = quarterOf(date, m);
        expect(q.firstDay <= date && date <= q.lastDay).toBe(true);
        const next = nextQuarter(q, m);
        expect(next.firstDay).toBe(addDaysIso(q.lastDay, 1));
        expect(next.quarter).toBe(q.quarter === 4 ? 1 : q.quarter + 1);
        expect(next.year).toBe(q.quarter === 4 ? q.year + 1 : q.year);
        expect(Number(q.firstDay.slice(5, 7)) % 3).toBe(m % 3);
        const days = daysBetween(q.firstDay, q.lastDay) + 1;
        expect(days).toBeGreaterThanOrEqual(89);
        expect(days).toBeLessThanOrEqual(92);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a plan calendar', () => {
  it('starts week 0 on the start date and counts the horizon in calendar quarters', () => {
    const cal = new PlanCalendar('2027-01-01', 4);
    expect(cal.dateOfWeek(0)).toBe('2027-01-01');
    expect(cal.dateOfWeek(13)).toBe('2027-04-02');
    expect(cal.quarters.map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(cal.quarters.map((q) => q.startWeek)).toEqual([0, 13, 26, 39]);
    expect(cal.quarters.map((q) => q.endWeek)).toEqual([13, 26, 39, 53]);
    expect(cal.endDate).toBe('2027-12-31');
    expect(cal.horizonWeeks).toBe(53);
  });

  it('puts a week in the quarter its first day falls in, and a date in the week that contains it', () => {
    const cal = new PlanCalendar('2027-01-01', 4);
    // 2027-04-01 is the last day of the week that starts on 2027-03-26 (week 12).
    expect(cal.weekOf('2027-04-01')).toBe(12);
    expect(cal.quarterOfWeek(12).label).toBe('2027-Q1');
    expect(cal.quarterIndexOfDate('2027-04-01')).toBe(1);
    expect(cal.firstWeekOnOrAfter('2027-04-01')).toBe(13);
    expect(cal.firstWeekOnOrAfter('2027-03-26')).toBe(12);
    expect(cal.weekOf('2026-12-31')).toBe(-1);
    expect(cal.quarterIndexOfDate('2026-12-31')).toBe(-1);
  });

  it('makes the first quarter shorter when the plan starts mid-quarter', () => {
    const cal = new PlanCalendar('2027-02-15', 2);
    expect(cal.quarters[0]).toMatchObject({ label: '2027-Q1', firstDay: '2027-01-01', lastDay: '2027-03-31', startWeek: 0 });
    expect(cal.quarters[1]).toMatchObject({ label: '2027-Q2', startWeek: 7 });
    expect(cal.endDate).toBe('2027-06-30');
  });

  it('counts on past the horizon', () => {
    const cal = new PlanCalendar('2027-01-01', 2);
    expect(cal.quarterAt(1).label).toBe('2027-Q2');
    expect(cal.quarterAt(3)).toMatchObject({ index: 3, label: '2027-Q4', firstDay: '2027-10-01', startWeek: 39 });
    expect(cal.quarterIndexOfDate('2028-01-05')).toBe(4);
    expect(cal.quartersThrough('2027-08-01').map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(cal.quartersThrough(null).map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2']);
    expect(cal.quartersThrough('2027-02-01').map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2']);
  });

  it('uses the workspace’s fiscal year', () => {
    const cal = calendarOf({ scenario: { startDate: '2027-04-01', horizonQuarters: 4 }, settings: { fiscalYearStartMonth: 4 } });
    expect(cal.quarters.map((q) => q.label)).toEqual(['FY2028-Q1', 'FY2028-Q2', 'FY2028-Q3', 'FY2028-Q4']);
    expect(cal.endDate).toBe('2028-03-31');
    expect(calendarOf({ scenario: { startDate: '2027-04-01', horizonQuarters: 1 }, settings: { fiscalYearStartMonth: 13 } }).quarters[0]!.label).toBe('2027-Q2');
  });

  it('refuses a bad start or horizon', () => {
    expect(() => new PlanCalendar('2027-02-30', 4)).toThrow(/startDate/);
    expect(() => new PlanCalendar('2027-01-01', 0)).toThrow(/horizonQuarters/);
    expect(() => new PlanCalendar('2027-01-01', 1.5)).toThrow(/horizonQuarters/);
  });

  it('shows every date entered as entered: weeks round-trip to the dates they start on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -100, max: 500 }), (offset, week) => {
        const cal = new PlanCalendar(addDaysIso('2025-01-01', offset), 8);
        expect(cal.weekOf(cal.dateOfWeek(week))).toBe(week);
        expect(cal.firstWeekOnOrAfter(cal.dateOfWeek(week))).toBe(week);
        const date = addDaysIso(cal.dateOfWeek(week), 3);
        expect(cal.weekOf(date)).toBe(week);
        expect(cal.firstWeekOnOrAfter(date)).toBe(week + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('where a new plan starts', () => {
  it('is the current quarter’s first day during its first two weeks, else the next quarter’s', () => {
    expect(planStartFor('2027-01-01')).toBe('2027-01-01');
    expect(planStartFor('2027-01-14')).toBe('2027-01-01');
    expect(planStartFor('2027-01-15')).toBe('2027-04-01');
    expect(planStartFor('2026-11-27')).toBe('2027-01-01');
    expect(planStartFor('2027-05-20', 4)).toBe('2027-07-01');
    expect(planStartFor('2027-04-10', 4)).toBe('2027-04-01');
  });
});
