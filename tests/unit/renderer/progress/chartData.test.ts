import { describe, expect, it } from 'vitest';
import type { ProgressReport } from '../../../../src/core/progress/progress';
import { dateOf, headcountCharts, quarterTicks, readinessCharts, reportSpan, stepRows, timeOf, valueAt } from '../../../../src/renderer/progress/chartData';
import { slipLabel } from '../../../../src/renderer/progress/slips';

const t = timeOf;

describe('the time axis', () => {
  it('reads dates as UTC midnights and back', () => {
    expect(dateOf(timeOf('2028-02-29'))).toBe('2028-02-29');
    expect(timeOf('2027-01-02') - timeOf('2027-01-01')).toBe(86_400_000);
  });

  it('ticks every quarter that starts within the span, labelled as the workspace counts quarters', () => {
    expect(quarterTicks('2026-11-27', '2027-07-01', 1).map((k) => k.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(quarterTicks('2027-01-01', '2027-06-30', 1).map((k) => [k.label, dateOf(k.t)])).toEqual([
      ['2027-Q1', '2027-01-01'],
      ['2027-Q2', '2027-04-01'],
    ]);
    expect(quarterTicks('2026-11-27', '2027-05-01', 4).map((k) => [k.label, dateOf(k.t)])).toEqual([
      ['FY2027-Q4', '2027-01-01'],
      ['FY2028-Q1', '2027-04-01'],
    ]);
  });
});

describe('stepRows', () => {
  it('holds each series at its last value from its first date to its last, and leaves it out elsewhere', () => {
    const rows = stepRows({
      actual: [
        { date: '2027-01-01', value: 10 },
        { date: '2027-01-15', value: 20 },
      ],
      planned: [
        { date: '2027-01-08', value: 5 },
        { date: '2027-01-22', value: 30 },
      ],
    });
    expect(rows).toEqual([
      { t: t('2027-01-01'), actual: 10 },
      { t: t('2027-01-08'), actual: 10, planned: 5 },
      { t: t('2027-01-15'), actual: 20, planned: 5 },
      { t: t('2027-01-22'), planned: 30 },
    ]);
  });

  it('extends a series to the date given, and keeps a null (nothing tracked) as a gap', () => {
    const rows = stepRows({ a: [{ date: '2027-01-01', value: 2 }], b: [{ date: '2027-01-01', value: null }] }, { a: '2027-03-01' });
    expect(rows).toEqual([
      { t: t('2027-01-01'), a: 2, b: null },
      { t: t('2027-03-01'), a: 2 },
    ]);
  });

  it('reads a step series on a date', () => {
    const points = [
      { date: '2027-01-01', value: 1 },
      { date: '2027-02-01', value: 2 },
    ];
    expect(valueAt(points, '2026-12-31')).toBeNull();
    expect(valueAt(points, '2027-01-31')).toBe(1);
    expect(valueAt(points, '2027-02-01')).toBe(2);
  });
});

function report(over: Partial<ProgressReport> = {}): ProgressReport {
  return {
    version: 1,
    baseline: { id: 'b', name: 'Q1', asOf: '2027-01-01', createdAt: '2027-01-01T09:00:00.000Z', scenarioName: 'Baseline' },
    asOf: '2027-02-01',
    summary: { itemsDone: 0, itemsLate: 0, itemsAdded: 0, itemsRemoved: 0, hiresLate: 0, gatesLater: 0, gatesEarlier: 0 },
    slips: { items: [], hires: [], gates: [] },
    causes: [],
    finishedThisQuarter: [],
    readiness: [
      {
        layer: 'collect',
        name: 'Collect',
        actual: [
          { date: '2026-12-25', value: 1 / 3 },
          { date: '2027-01-22', value: 0.5 },
          { date: '2027-02-01', value: 0.5 },
        ],
        planned: [
          { date: '2027-01-01', value: 1 / 3 },
          { date: '2027-01-29', value: 2 / 3 },
          { date: '2027-06-30', value: 1 },
        ],
      },
    ],
    burnUp: { total: 2, planned: [{ date: '2027-01-01', count: 0 }], actual: [{ date: '2027-01-01', count: 0 }] },
    headcount: [
      { roleId: 'data-engineer', roleName: 'Data engineer', planned: [{ date: '2027-03-01', people: 2 }], actual: [{ date: '2027-01-01', people: 1 }] },
      { roleId: 'statistician', roleName: 'Statistician', planned: [], actual: [] },
    ],
    ...over,
  };
}

describe('the Progress view series', () => {
  it('shows readiness in whole percent, rounded down as everywhere, with the values on the status date', () => {
    const [collect] = readinessCharts(report());
    expect(collect!.actualNow).toBe(50);
    expect(collect!.plannedNow).toBe(66);
    expect(collect!.rows[0]).toEqual({ t: t('2026-12-25'), actual: 33 });
  });

  it('runs headcount to the end of the chart, leaves out roles with nobody, and has no plan before the baseline’s headcount starts', () => {
    const charts = headcountCharts(report(), '2027-12-31');
    expect(charts.map((c) => c.roleId)).toEqual(['data-engineer']);
    expect(charts[0]!.plannedNow).toBeNull();
    expect(charts[0]!.actualNow).toBe(1);
    expect(charts[0]!.rows.at(-1)).toEqual({ t: t('2027-12-31'), planned: 2 });
  });

  it('spans from the earliest point to the later of the baseline’s end and the status date', () => {
    expect(reportSpan(report())).toEqual({ from: '2026-12-25', to: '2027-06-30' });
    expect(reportSpan(report({ asOf: '2027-09-01' })).to).toBe('2027-09-01');
  });
});

describe('slip badges', () => {
  const slip = (change: 'later' | 'earlier' | 'on-time' | 'added' | 'done' | 'removed', days: number | null) => ({
    id: 'i',
    title: 'I',
    layer: null,
    change,
    baselineStart: null,
    baselineFinish: null,
    currentStart: null,
    currentFinish: null,
    days,
    text: '',
  });
  it('say how many days later or earlier, or that the work is new', () => {
    expect(slipLabel(slip('later', 12))).toBe('+12 d');
    expect(slipLabel(slip('earlier', -5))).toBe('−5 d');
    expect(slipLabel(slip('added', null))).toBe('New');
    expect(slipLabel(slip('later', null))).toBe('Slipped');
    expect(slipLabel(slip('on-time', 0))).toBeNull();
    expect(slipLabel(slip('done', 3))).toBeNull();
    expect(slipLabel(undefined)).toBeNull();
  });
});
