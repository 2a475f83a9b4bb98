import { addDaysIso } from '../../core/domain/calendar';
import type { PlanResult } from '../../core/planner/types';
import { weeksBetween } from '../planning/planFormat';
import { useBaselineChoice } from './BaselineProvider';
import { useItemSlips } from './SlipBadge';

interface Props {
  readonly plan: PlanResult;
  /** The Gantt's rows: the item each shows and its top. */
  readonly rows: readonly { readonly itemId: string; readonly y: number }[];
  /** The Gantt's x of a (fractional) plan week. */
  readonly x: (week: number) => number;
  readonly rowHeight: number;
}

/**
 * The baseline's bars under the current ones on the Timeline: where each item was planned when
 * the baseline was saved, as a thin bar at the bottom of its row (drawn before the current bars,
 * so they stay on top). Items the baseline did not have get none.
 */
export function BaselineBars({ plan, rows, x, rowHeight }: Props) {
  const { baseline } = useBaselineChoice();
  const slips = useItemSlips(plan);
  if (!baseline) return null;
  const planned = new Map(baseline.snapshot.items.map((i) => [i.id, i]));
  const start = plan.scenario.startDate;
  return (
    <g className="baseline-bars" data-testid="baseline-bars">
      {rows.flatMap(({ itemId, y }) => {
        const was = planned.get(itemId);
        if (!was?.startDate || !was.finishDate) return [];
        const x1 = x(weeksBetween(start, was.startDate));
        // The finish is the work's last day: the bar ends where that day does.
        const x2 = x(weeksBetween(start, addDaysIso(was.finishDate, 1)));
        const slip = slips?.get(itemId);
        return [
          <rect key={itemId} x={x1} y={y + rowHeight - 6} width={Math.max(2, x2 - x1)} height={4} rx={1} className="baseline-bar" data-testid="baseline-bar" data-item-id={itemId}>
            <title>{`Baseline “${baseline.name}”: ${was.startDate} – ${was.finishDate}${slip && slip.days ? ` (now ${Math.abs(slip.days)} days ${slip.days > 0 ? 'later' : 'earlier'})` : ''}`}</title>
          </rect>,
        ];
      })}
    </g>
  );
}

/** The legend's entry for the baseline bars, naming the baseline. */
export function BaselineLegend() {
  const { baseline } = useBaselineChoice();
  if (!baseline) return null;
  return (
    <>
      <span className="legend-swatch is-baseline" aria-hidden="true" /> Baseline “{baseline.name}”
    </>
  );
}
