import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../../../src/core/domain/calendar';
import { spendByQuarter } from '../../../../src/core/domain/cost';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { defaultScenario } from '../../../../src/core/domain/planning';
import { plan } from '../../../../src/core/planner';
import { compareScenarios } from '../../../../src/core/planner/comparison';
import { comparisonTable } from '../../../../src/core/csv';
import { buildComparisonReport, MIN_FONT_SIZE } from '../../../../src/core/report';

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

describe('the comparison as CSV and as a PDF page', () => {
  const a = planOf(base);
  const b = planOf({ ...base, id: 'lean', name: 'Lean', isDefault: false, maxHiresPerQuarter: 1, gateThreshold: 0.5 });
  const c = compareScenarios([a, b]);

  it('has in its CSV the numbers the dialog shows: what differs, spend per quarter and to date, totals', () => {
    const table = comparisonTable([a, b], (id) => (id === 'data-engineer' ? 'Data engineer' : id));
    expect(table.header).toEqual(['', 'Baseline', 'Lean']);
    const row = (label: string) => table.rows.find((r) => r[0] === label);
    expect(row('Gate threshold (differs)')).toEqual(['Gate threshold (differs)', '75%', '50%']);
    expect(row('Run work')).toEqual(['Run work', '20%', '20%']);
    const first = c.quarters[1];
    if (!first) throw new Error('the plans have quarters');
    expect(row(`Salary spend ${first.label}`)?.slice(1)).toEqual(first.spend.map((v) => String(Math.round(v ?? 0))));
    expect(row(`Salary spend to date ${first.label}`)?.slice(1)).toEqual(first.cumulative.map((v) => String(Math.round(v ?? 0))));
    expect(row('Salary spend over the horizon (EUR)')?.slice(1)).toEqual(c.totals.map((t) => String(Math.round(t.spend ?? 0))));
    expect(row('Salaries')?.[1]).toContain('Data engineer 110,000 EUR');
  });

  it('lays out on its own pages, inside their content box, with the running header and footer', () => {
    const report = buildComparisonReport([a, b], { organisation: demo.organisation.name, roles: demo.roles, generatedOn: TODAY, paper: 'a4' });
    expect(report.title).toBe('Northwind Commerce — Baseline vs Lean');
    expect(report.pages.length).toBeGreaterThanOrEqual(1);
    expect(report.minFontSize).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    const text = report.pages.flatMap((p) => p.texts.map((t) => t.text)).join('\n');
    expect(text).toContain('What differs');
    expect(text).toContain('Gate threshold');
    expect(text).toContain(`page ${report.pages.length} of ${report.pages.length}`);
    for (const page of report.pages) for (const t of page.texts) expect(t.x + t.width).toBeLessThanOrEqual(page.content.x + page.content.width + 0.01);
    expect(() => buildComparisonReport([a], { organisation: 'x', roles: [], generatedOn: TODAY, paper: 'a4' })).toThrow(/two or three/);
  });
});
