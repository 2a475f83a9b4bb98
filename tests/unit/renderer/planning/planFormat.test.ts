import { describe, expect, it } from 'vitest';
import type { PlannedHire, PlanResult } from '../../../../src/core/planner/types';
import { hireCostByQuarter, quarterCount, quarterLabelAt, weeksBetween } from '../../../../src/renderer/planning/planFormat';

function plan(overrides: Partial<PlanResult>): PlanResult {
  return {
    version: 1,
    organisation: 'Test',
    scenario: { startDate: '2027-01-01', horizonWeeks: 26 },
    quarters: [
      { index: 0, label: '2027-Q1', startWeek: 0, startDate: '2027-01-01' },
      { index: 1, label: '2027-Q2', startWeek: 13, startDate: '2027-04-02' },
    ],
    items: [],
    hires: [],
    layers: [],
    warnings: [],
    decisions: [],
    capacity: [],
    makespan: 20,
    ...overrides,
  } as unknown as PlanResult;
}

const hire = (startWeek: number, annualSalary: number | null) => ({ startWeek, annualSalary }) as PlannedHire;

describe('plan formatting', () => {
  it('shows the horizon, and the quarters the schedule spills into', () => {
    expect(quarterCount(plan({ makespan: 20 }))).toBe(2);
    expect(quarterCount(plan({ makespan: 40 }))).toBe(4);
  });

  it('labels quarters past the horizon like the planner does', () => {
    const p = plan({});
    expect(quarterLabelAt(p, 1)).toBe('2027-Q2');
    expect(quarterLabelAt(p, 2)).toBe('2027-Q3');
    expect(quarterLabelAt(p, 4)).toBe('2028-Q1');
  });

  it('costs hires pro rata for the weeks they are on staff in each quarter', () => {
    const p = plan({ hires: [hire(0, 52_000), hire(10, 104_000), hire(5, null)] });
    const cost = hireCostByQuarter(p, 2);
    // First: 13 weeks × 1,000; second: weeks 10–13 at 2,000 a week.
    expect(cost[0]).toBeCloseTo(13_000 + 3 * 2_000);
    expect(cost[1]).toBeCloseTo(13_000 + 13 * 2_000);
  });

  it('has no cost at all when no salary is known', () => {
    expect(hireCostByQuarter(plan({ hires: [hire(0, null)] }), 2)).toEqual([null, null]);
  });

  it('counts weeks between dates, negative before the start', () => {
    expect(weeksBetween('2027-01-01', '2027-01-15')).toBe(2);
    expect(weeksBetween('2027-01-01', '2026-11-27')).toBe(-5);
  });
});
