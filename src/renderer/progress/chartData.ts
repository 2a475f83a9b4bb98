import { addDaysIso, nextQuarter, quarterOf, type MonthNumber } from '../../core/domain/calendar';
import type { ProgressReport } from '../../core/progress/progress';

/*
 * The Progress view's series shaped for its charts. Each series of the report is sampled on its
 * own dates (the actual readiness weekly from the first history row, the planned one from the
 * baseline's date; headcount only where it changes), so the charts put them on one time axis and
 * read every series as a step: its value holds from its date until its next one.
 */

/** Milliseconds of a date's midnight, UTC: a time axis with no time zone in it. */
export function timeOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The date of a time from timeOf. */
export function dateOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export interface StepPoint {
  readonly date: string;
  readonly value: number | null;
}

export type ChartRow = { readonly t: number } & Readonly<Record<string, number | null | undefined>>;

/**
 * One row per date any series has, each series holding its last value from its first date to its
 * last (`until`, when given, extends a series to that date): the rows a step chart of several
 * series needs. Outside its span a series has no value; a null value (nothing tracked) stays null.
 */
export function stepRows(series: Readonly<Record<string, readonly StepPoint[]>>, until: Readonly<Record<string, string>> = {}): ChartRow[] {
  const dates = new Set<string>();
  for (const [key, points] of Object.entries(series)) {
    for (const p of points) dates.add(p.date);
    const end = until[key];
    if (end !== undefined && points.length > 0) dates.add(end);
  }
  const sorted = [...dates].sort();
  const rows: ChartRow[] = sorted.map((date) => ({ t: timeOf(date) }));
  for (const [key, points] of Object.entries(series)) {
    if (points.length === 0) continue;
    const ordered = [...points].sort((a, b) => a.date.localeCompare(b.date));
    const first = ordered[0]!.date;
    const last = until[key] !== undefined && until[key]! > ordered.at(-1)!.date ? until[key]! : ordered.at(-1)!.date;
    let next = 0;
    let value: number | null = null;
    sorted.forEach((date, i) => {
      while (next < ordered.length && ordered[next]!.date <= date) value = ordered[next++]!.value;
      if (date >= first && date <= last) (rows[i] as Record<string, number | null>)[key] = value;
    });
  }
  return rows;
}

/** A readiness series in percent (whole numbers, as the rest of the app shows readiness). */
function percent(points: readonly { readonly date: string; readonly value: number | null }[]): StepPoint[] {
  return points.map((p) => ({ date: p.date, value: p.value === null ? null : Math.floor(p.value * 100 + 1e-9) }));
}

export interface LayerChart {
  readonly layer: string;
  readonly name: string;
  readonly rows: readonly ChartRow[];
  /** The latest value at or before the status date, in percent (null: not tracked or no data). */
  readonly actualNow: number | null;
  readonly plannedNow: number | null;
}

/** The value a step series has on `date` (its last point at or before it). */
export function valueAt(points: readonly StepPoint[], date: string): number | null {
  let value: number | null = null;
  for (const p of points) if (p.date <= date) value = p.value;
  return value;
}

/** Per layer: actual readiness against the baseline's planned line. */
export function readinessCharts(report: ProgressReport): LayerChart[] {
  return report.readiness.map((l) => {
    const actual = percent(l.actual);
    const planned = percent(l.planned);
    return { layer: l.layer, name: l.name, rows: stepRows({ actual, planned }), actualNow: valueAt(actual, report.asOf), plannedNow: valueAt(planned, report.asOf) };
  });
}

/** Done against the baseline's planned finishes. */
export function burnUpRows(report: ProgressReport): ChartRow[] {
  const points = (list: readonly { readonly date: string; readonly count: number }[]) => list.map((p) => ({ date: p.date, value: p.count }));
  return stepRows({ planned: points(report.burnUp.planned), actual: points(report.burnUp.actual) });
}

export interface RoleChart {
  readonly roleId: string;
  readonly roleName: string;
  readonly rows: readonly ChartRow[];
  /** Null before the baseline's headcount begins (its plan starts later). */
  readonly plannedNow: number | null;
  readonly actualNow: number;
}

/**
 * Per role: people planned (the baseline's headcount) against people on staff. Both lines run to
 * the end of the chart: a headcount holds until it changes. Roles with nobody either way are left out.
 */
export function headcountCharts(report: ProgressReport, end: string): RoleChart[] {
  const points = (list: readonly { readonly date: string; readonly people: number }[]) => list.map((p) => ({ date: p.date, value: p.people }));
  return report.headcount
    .filter((r) => r.planned.some((p) => p.people > 0) || r.actual.some((p) => p.people > 0))
    .map((r) => {
      const planned = points(r.planned);
      const actual = points(r.actual);
      return {
        roleId: r.roleId,
        roleName: r.roleName,
        rows: stepRows({ planned, actual }, { planned: end, actual: report.asOf }),
        plannedNow: valueAt(planned, report.asOf),
        actualNow: valueAt(actual, report.asOf) ?? 0,
      };
    });
}

export interface Tick {
  readonly t: number;
  readonly label: string;
}

/** A tick at the first day of every quarter from `from` to `to`, labelled as the workspace counts quarters. */
export function quarterTicks(from: string, to: string, fiscalStartMonth: MonthNumber): Tick[] {
  const ticks: Tick[] = [];
  let q = quarterOf(from, fiscalStartMonth);
  if (q.firstDay < from) q = nextQuarter(q, fiscalStartMonth);
  for (; q.firstDay <= to; q = nextQuarter(q, fiscalStartMonth)) ticks.push({ t: timeOf(q.firstDay), label: q.label });
  return ticks;
}

/** The time span all of a report's charts share: from its earliest point to the latest of the baseline's end and the status date. */
export function reportSpan(report: ProgressReport): { readonly from: string; readonly to: string } {
  const dates = [
    ...report.readiness.flatMap((l) => [l.actual[0]?.date, l.planned[0]?.date, l.planned.at(-1)?.date]),
    report.burnUp.planned[0]?.date,
    report.burnUp.planned.at(-1)?.date,
    report.asOf,
  ].filter((d): d is string => d !== undefined);
  const sorted = dates.sort();
  return { from: sorted[0] ?? report.asOf, to: sorted.at(-1) ?? addDaysIso(report.asOf, 7) };
}
