import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../../../src/core/domain/calendar';
import { spendByQuarter } from '../../../../src/core/domain/cost';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { defaultScenario } from '../../../../src/core/domain/planning';
import { plan } from '../../../../src/core/planner';
import { compareScenarios } from '../../../../src/core/planner/comparison';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const salaries = { 'data-engineer': 110000, 'platform-engineer': 120000, 'analytics-engineer': 100000, 'data-scientist': 130000, 'ml-engineer': 140000 };
const base = { ...defaultScenario(TODAY), salaries };
const settings = { fiscalYearStartMonth: 1 as const, currency: 'EUR' };
const planOf = (scenario: typeof base) => plan({ ...demo, workItems: [], scenario, settings });

describe('comparing scenarios', () => {
  const a = planOf(base);
  const b = planOf({ ...base, id: 'lean', name: 'Lean', isDefault: false, maxHiresPerQuarter: 1, hiringBudgetPerQuarter: 120000 });

  it('names the parameters that differ, and only those', () => {
    const c = compareScenarios([a, b]);
    expect(c.parameters.filter((p) => p.differs).map((p) => p.key).sort()).toEqual(['hiringBudgetPerQuarter', 'maxHiresPerQuarter', 'name'].sort());
    expect(c.parameters.find((p) => p.key === 'hiringBudgetPerQuarter')?.values).toEqual(['no limit', '120,000 EUR']);
    expect(c.gatesDiffer).toBe(false);
  });

  it('spends per quarter by the one cost rule, adds it up, and totals it', () => {
    const c = compareScenarios([a, b]);
    [a, b].forEach((p, i) => {
      const rows = spendByQuarter(p.hires.filter((h) => h.annualSalary !== null), calendarOf(p).quarters);
      expect(c.quarters.map((q) => q.spend[i])).toEqual(rows.map((r) => r.spend));
      expect(c.quarters.map((q) => q.cumulative[i])).toEqual(rows.map((r) => r.cumulative));
      expect(c.totals[i]?.spend).toBe(rows.at(-1)?.cumulative);
      // A quarter's spend is not a running total: it is at most what every priced hire earns in a quarter.
      const ceiling = (p.hires.reduce((s, h) => s + (h.annualSalary ?? 0), 0) * 92) / 365 + 1;
      for (const row of rows) expect(row.spend).toBeLessThanOrEqual(ceiling);
    });
    expect(c.currency).toBe('EUR');
  });

  it('marks the earliest layer only when the gates are the same', () => {
    const same = compareScenarios([a, b]);
    const differing = same.layers.filter((l) => new Set(l.cells.map((c) => c.date)).size > 1 && l.cells.some((c) => c.date !== null));
    expect(differing.length).toBeGreaterThan(0);
    for (const l of differing) expect(l.cells.filter((c) => c.earliest)).not.toHaveLength(0);
    const lowGate = planOf({ ...base, id: 'low', name: 'Low gate', isDefault: false, gateThreshold: 0.5 });
    const mixed = compareScenarios([a, lowGate]);
    expect(mixed.gatesDiffer).toBe(true);
    expect(mixed.parameters.find((p) => p.key === 'gateThreshold')).toMatchObject({ differs: true, values: ['75%', '50%'] });
    expect(mixed.layers.flatMap((l) => l.cells).some((c) => c.earliest)).toBe(false);
  });

  it('says a layer above the target is not needed rather than giving it a date', () => {
    const c = compareScenarios([a, b]);
    expect(c.layers.find((l) => l.layer === 'ai')?.cells.map((cell) => cell.text)).toEqual(['Not needed for the target', 'Not needed for the target']);
    expect(c.layers.find((l) => l.layer === 'learn_optimize')?.cells.every((cell) => cell.isTarget)).toBe(true);
  });
});
