import type { RoleCapacity } from '../../core/planner/types';
import { fte } from '../format';
import { borrowedRuns } from './hiringAdvice';

/*
 * What the capacity charts show of issue 9's run work and borrowed people: the part of each
 * role's capacity lent by other teams (a band under the capacity line), and the share of the
 * busy people's time kept for run work (the top slice of the load: items run longer by
 * 1 / (1 − share), so of the people at work on them that share goes to support, on-call, …).
 */

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
