import { describe, expect, it } from 'vitest';
import type { PlannedHire, PlannedItem, PlanResult } from '../../../../src/core/planner/types';
import { datesLabel, hireCostByQuarter, quarterCount, quarterIndexOfItem, quarterLabelAt, weeksBetween } from '../../../../src/renderer/planning/planFormat';

function plan(overrides: Partial<PlanResult>): PlanResult {
  return {
    version: 2,
    organisation: 'Test',
    scenario: { startDate: '2027-01-01', horizonQuarters: 2 },
    settings: { fiscalYearStartMonth: 1, currency: '' },
    items: [],
    hires: [],
    ...overrides,
  } as unknown as PlanResult;
}

const item = (startDate: string) => ({ start: 1, startDate, finishDate: startDate }) as PlannedItem;
const hire = (startDate: string, annualSalary: number | null) => ({ startDate, annualSalary }) as PlannedHire;

describe('plan formatting', () => {
  it('shows the horizon, and the calendar quarters the schedule spills into', () => {
    expect(quarterCount(plan({ items: [item('2027-05-01')] }))).toBe(2);
    expect(quarterCount(plan({ items: [item('2027-10-01')] }))).toBe(4);
  });

  it('labels quarters past the horizon by the calendar', () => {
    const p = plan({});
    expect(quarterLabelAt(p, 1)).toBe('2027-Q2');
    expect(quarterLabelAt(p, 2)).toBe('2027-Q3');
    expect(quarterLabelAt(p, 4)).toBe('2028-Q1');
  });

  it('labels fiscal quarters by the workspace setting', () => {
    const p = plan({ settings: { fiscalYearStartMonth: 4, currency: '' } });
    // 2027-01-01 lies in Q4 of the fiscal year that runs April 2026 – March 2027 (FY2027).
    expect(quarterLabelAt(p, 0)).toBe('FY2027-Q4');
    expect(quarterLabelAt(p, 1)).toBe('FY2028-Q1');
  });

  it('puts an item in the quarter of its start date as entered', () => {
    // 2027-04-01 falls in the week that starts on 2027-03-26 (Q1); the date itself is in Q2.
    expect(quarterIndexOfItem(plan({}), item('2027-04-01'))).toBe(1);
    expect(quarterIndexOfItem(plan({}), item('2027-03-31'))).toBe(0);
    // Work in progress since before the plan starts shows in its first quarter.
    expect(quarterIndexOfItem(plan({}), item('2026-11-27'))).toBe(0);
    expect(datesLabel({ startDate: '2027-04-01', finishDate: '2027-04-28' })).toBe('2027-04-01 – 2027-04-28');
  });

  it('costs hires pro rata for the days they are on the payroll in each quarter (core rule)', () => {
    const p = plan({ hires: [hire('2027-01-01', 36_500), hire('2027-03-22', 73_000), hire('2027-02-01', null)] });
    const cost = hireCostByQuarter(p, 2);
    // Q1 has 90 days: the first hire all of them (100 a day), the second 10 days (200 a day).
    expect(cost?.[0]?.spend).toBeCloseTo(90 * 100 + 10 * 200);
    // Q2 has 91 days; the running total adds both quarters.
    expect(cost?.[1]?.spend).toBeCloseTo(91 * 100 + 91 * 200);
    expect(cost?.[1]?.cumulative).toBeCloseTo(90 * 100 + 10 * 200 + 91 * 100 + 91 * 200);
  });

  it('has no cost at all when no salary is known', () => {
    expect(hireCostByQuarter(plan({ hires: [hire('2027-01-01', null)] }), 2)).toBeNull();
  });

  it('counts weeks between dates, negative before the start', () => {
    expect(weeksBetween('2027-01-01', '2027-01-15')).toBe(2);
    expect(weeksBetween('2027-01-01', '2026-11-27')).toBe(-5);
  });
});
