import { describe, expect, it } from 'vitest';
import { budgetCounted, quarterSpend, spendByQuarter, withinHiringBudget } from '../../../../src/core/domain/cost';
import { goalOfCapability, goalsOfTarget, isNeededForTarget } from '../../../../src/core/domain/goals';
import { DEFAULT_SETTINGS, isCurrencyCode, isWorkspaceSettings } from '../../../../src/core/domain/settings';

const Q1 = { label: '2027-Q1', firstDay: '2027-01-01', lastDay: '2027-03-31' };
const Q2 = { label: '2027-Q2', firstDay: '2027-04-01', lastDay: '2027-06-30' };

describe('hire cost', () => {
  it('counts the annual salaries of the hires starting within a quarter against its budget', () => {
    const hires = [
      { startDate: '2027-01-01', annualSalary: 100 },
      { startDate: '2027-03-31', annualSalary: 50 },
      { startDate: '2027-04-01', annualSalary: 1000 },
      { startDate: '2026-12-31', annualSalary: 1000 },
      { startDate: '2027-02-01', annualSalary: null },
    ];
    expect(budgetCounted(hires, Q1)).toBe(150);
    expect(budgetCounted(hires, Q2)).toBe(1000);
  });

  it('allows a hire while the quarter stays within budget; no limit without a budget', () => {
    expect(withinHiringBudget(100, 50, 150)).toBe(true);
    expect(withinHiringBudget(100, 51, 150)).toBe(false);
    expect(withinHiringBudget(0, null, 0)).toBe(true);
    expect(withinHiringBudget(1e9, 1e9, null)).toBe(true);
  });

  it('spends each salary pro rata for the days on the payroll in the quarter', () => {
    const hires = [
      { startDate: '2027-01-01', annualSalary: 36_500 },
      { startDate: '2027-03-22', annualSalary: 73_000 },
      { startDate: '2027-05-01', annualSalary: 36_500 },
      { startDate: '2027-01-01', annualSalary: null },
    ];
    expect(quarterSpend(hires, Q1)).toBeCloseTo(90 * 100 + 10 * 200);
    expect(quarterSpend(hires, Q2)).toBeCloseTo(91 * 100 + 91 * 200 + 61 * 100);
    const rows = spendByQuarter(hires, [Q1, Q2]);
    expect(rows.map((r) => r.quarter)).toEqual(['2027-Q1', '2027-Q2']);
    expect(rows[1]!.cumulative).toBeCloseTo(rows[0]!.spend + rows[1]!.spend);
    expect(spendByQuarter([], [Q1])).toEqual([{ quarter: '2027-Q1', spend: 0, cumulative: 0 }]);
  });
});

describe('goals', () => {
  it('stand for analytics up to Aggregate/Label, add experimentation and ML at Learn/Optimize, and AI at the top', () => {
    expect([...goalsOfTarget('collect')]).toEqual(['analytics']);
    expect([...goalsOfTarget('aggregate_label')]).toEqual(['analytics']);
    expect([...goalsOfTarget('learn_optimize')].sort()).toEqual(['analytics', 'experimentation', 'ml']);
    expect([...goalsOfTarget('ai')].sort()).toEqual(['ai', 'analytics', 'experimentation', 'ml']);
  });

  it('take the catalog’s goal, or the layer’s for a capability of the lead’s own', () => {
    expect(goalOfCapability({ id: 'feature-store', layer: 'aggregate_label' })).toBe('ml');
    expect(goalOfCapability({ id: 'ab-testing', layer: 'learn_optimize' })).toBe('experimentation');
    expect(goalOfCapability({ id: 'warehouse', layer: 'move_store' })).toBe('analytics');
    expect(goalOfCapability({ id: 'mine', layer: 'aggregate_label' })).toBe('analytics');
    expect(goalOfCapability({ id: 'mine', layer: 'learn_optimize' })).toBe('ml');
    expect(goalOfCapability({ id: 'mine', layer: 'ai' })).toBe('ai');
  });

  it('need a capability when its goal is the target’s and it is not above the target layer', () => {
    expect(isNeededForTarget({ id: 'feature-store', layer: 'aggregate_label' }, 'aggregate_label')).toBe(false);
    expect(isNeededForTarget({ id: 'feature-store', layer: 'aggregate_label' }, 'learn_optimize')).toBe(true);
    expect(isNeededForTarget({ id: 'metric-definitions', layer: 'aggregate_label' }, 'explore_transform')).toBe(false);
    expect(isNeededForTarget({ id: 'metric-definitions', layer: 'aggregate_label' }, 'aggregate_label')).toBe(true);
    expect(isNeededForTarget({ id: 'model-serving', layer: 'ai' }, 'learn_optimize')).toBe(false);
    expect(isNeededForTarget({ id: 'model-serving', layer: 'ai' }, 'ai')).toBe(true);
  });
});

describe('workspace settings', () => {
  it('default to calendar quarters and no currency, and check their values', () => {
    expect(DEFAULT_SETTINGS).toEqual({ fiscalYearStartMonth: 1, currency: '' });
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(isWorkspaceSettings({ fiscalYearStartMonth: 4, currency: 'GBP' })).toBe(true);
    expect(isWorkspaceSettings({ fiscalYearStartMonth: 0, currency: 'GBP' })).toBe(false);
    expect(isWorkspaceSettings({ fiscalYearStartMonth: 4, currency: 'pounds' })).toBe(false);
    expect(isWorkspaceSettings(null)).toBe(false);
  });
});
