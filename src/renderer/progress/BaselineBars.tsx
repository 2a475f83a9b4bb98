import { addDaysIso } from '../../core/domain/calendar';
import type { PlanResult } from '../../core/planner/types';
import { weeksBetween } from '../planning/planFormat';
import { useBaselineChoice } from './BaselineProvider';
import { initiativeSlip, useItemSlips } from './SlipBadge';

interface Props {
  readonly plan: PlanResult;
  /**
   * The Gantt's rows: the items each shows (an initiative's row shows its steps: its baseline bar
   * runs from the first planned start to the last planned finish), its top and its height.
   */
  readonly rows: readonly { readonly key: string; readonly itemIds: readonly string[]; readonly y: number; readonly height: number }[];
  /** The Gantt's x of a (fractional) plan week. */
  readonly x: (week: number) => number;
}

/**
 * The baseline's bars under the current ones on the Timeline: where each item was planned when
 * the baseline was saved, as a thin bar at the bottom of its row (drawn before the current bars,
 * so they stay on top). Items the baseline did not have get none.
 */
export function BaselineBars({ plan, rows, x }: Props) {
  const { baseline } = useBaselineChoice();
  const slips = useItemSlips(plan);
  if (!baseline) return null;
  const planned = new Map(baseline.snapshot.items.map((i) => [i.id, i]));
  const start = plan.scenario.startDate;
  return (
    <g className="baseline-bars" data-testid="baseline-bars">
      {rows.flatMap(({ key, itemIds, y, height }) => {
        const were = itemIds.flatMap((id) => {
          const was = planned.get(id);
          return was?.startDate && was.finishDate ? [{ startDate: was.startDate, finishDate: was.finishDate }] : [];
        });
        if (were.length === 0) return [];
        const from = were.map((w) => w.startDate).sort()[0] as string;
        const to = were.map((w) => w.finishDate).sort()[were.length - 1] as string;
        const x1 = x(weeksBetween(start, from));
        // The finish is the work's last day: the bar ends where that day does.
        const x2 = x(weeksBetween(start, addDaysIso(to, 1)));
        // The row's slip: its item's, or for an initiative its step that moved most.
        const slip = itemIds.length === 1 ? slips?.get(itemIds[0] as string) : initiativeSlip(itemIds.map((id) => ({ id })), slips);
        return [
          <rect key={key} x={x1} y={y + height - 6} width={Math.max(2, x2 - x1)} height={4} rx={1} className="baseline-bar" data-testid="baseline-bar" data-item-id={itemIds.join(' ')}>
            <title>{`Baseline “${baseline.name}”: ${from} – ${to}${slip && slip.days ? ` (now ${Math.abs(slip.days)} days ${slip.days > 0 ? 'later' : 'earlier'})` : ''}`}</title>
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
