import type { Scenario } from '../../core/domain/planning';
import type { RoleCapacity } from '../../core/planner/types';
import { fte } from '../format';

/*
 * What the capacity charts show of issue 9's run work and borrowed people: the part of each
 * role's capacity lent by other teams (a band under the capacity line), and the share of the
 * busy people's time kept for run work (the top slice of the load: items run longer by
 * 1 / (1 − share), so of the people at work on them that share goes to support, on-call, …).
 */

/** People of the role lent by other teams in `week`. */
export function borrowedAt(capacity: RoleCapacity, week: number): number {
  let borrowed = 0;
  for (const step of capacity.steps) if (step.from <= week) borrowed = step.borrowed;
  return borrowed;
}

/** Contiguous weeks with the same borrowed people (more than none), for drawing and for words. */
export function borrowedRuns(capacity: RoleCapacity, weeks: number): { readonly from: number; readonly to: number; readonly people: number }[] {
  const runs: { from: number; to: number; people: number }[] = [];
  for (let w = 0; w < weeks; w += 1) {
    const people = borrowedAt(capacity, w);
    const last = runs.at(-1);
    if (people <= 0) continue;
    if (last && last.to === w && last.people === people) last.to = w + 1;
    else runs.push({ from: w, to: w + 1, people });
  }
  return runs;
}

interface Props {
  readonly capacity: RoleCapacity;
  /** People at work on the plan's items, week by week. */
  readonly load: readonly number[];
  /** Capacity week by week. */
  readonly cap: readonly number[];
  readonly runShare: number;
  readonly x: (week: number) => number;
  readonly yOf: (people: number) => number;
}

export function CapacityOverlays({ capacity, load, cap, runShare, x, yOf }: Props) {
  const runs = borrowedRuns(capacity, cap.length);
  const slice =
    runShare > 0
      ? load
          .map((l, w) => (l > 0 ? `M${x(w)},${yOf(l)} H${x(w + 1)} V${yOf(l * (1 - runShare))} H${x(w)} Z` : ''))
          .filter(Boolean)
          .join(' ')
      : '';
  return (
    <g className="capacity-overlays">
      {slice && <path d={slice} className="capacity-run" data-testid="capacity-run" />}
      {runs.map((r) => {
        const top = cap[r.from] ?? 0;
        return (
          <rect key={r.from} x={x(r.from)} width={x(r.to) - x(r.from)} y={yOf(top)} height={Math.max(1, yOf(top - r.people) - yOf(top))} className="capacity-borrowed" data-testid="capacity-borrowed">
            <title>{`${fte(r.people)} borrowed from other teams, weeks ${r.from}–${r.to}`}</title>
          </rect>
        );
      })}
    </g>
  );
}

/** The same in words, for the chart's summary: the loans as the scenario has them (dates as entered). */
export function overlaySummary(roleId: string, scenario: Pick<Scenario, 'runShare' | 'borrowed'>): string {
  const parts: string[] = [];
  if (scenario.runShare > 0) parts.push(`${Math.round(scenario.runShare * 100)} % of the busy people's time is kept for run work`);
  for (const b of scenario.borrowed.filter((l) => l.roleId === roleId)) {
    parts.push(`${fte(b.fte)} borrowed from ${b.startDate ?? 'the status date'} for ${b.weeks} ${b.weeks === 1 ? 'week' : 'weeks'}${b.note ? ` (${b.note})` : ''}`);
  }
  return parts.length ? `; ${parts.join('; ')}` : '';
}

/** The legend's entries for run work and borrowed people. */
export function CapacityOverlayLegend({ runShare, anyBorrowed }: { readonly runShare: number; readonly anyBorrowed: boolean }) {
  return (
    <>
      {runShare > 0 && (
        <>
          <span className="legend-swatch is-run" aria-hidden="true" /> Run work ({Math.round(runShare * 100)} %)
        </>
      )}
      {anyBorrowed && (
        <>
          <span className="legend-swatch is-borrowed" aria-hidden="true" /> Borrowed
        </>
      )}
    </>
  );
}
