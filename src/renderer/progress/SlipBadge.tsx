import { useMemo } from 'react';
import type { PlanResult } from '../../core/planner/types';
import { itemSlips, type ItemSlip } from '../../core/progress/progress';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { useBaselineChoice } from './BaselineProvider';
import { slipLabel } from './slips';


/** How each item of the plan moved since the baseline compared with (core's itemSlips), by item id; null without one. */
export function useItemSlips(plan: PlanResult): ReadonlyMap<string, ItemSlip> | null {
  const { baseline } = useBaselineChoice();
  const { workItems } = useSnapshot();
  return useMemo(() => (baseline ? new Map(itemSlips(baseline.snapshot, { plan, workItems }).map((s) => [s.id, s])) : null), [baseline, plan, workItems]);
}

/** Marks a roadmap card that moved since the baseline; its title says from when to when. */
export function SlipBadge({ slip, baselineName }: { readonly slip: ItemSlip | undefined; readonly baselineName: string }) {
  const label = slipLabel(slip);
  if (!slip || label === null) return null;
  const tone = slip.change === 'earlier' ? 'is-earlier' : slip.change === 'added' ? 'is-added' : 'is-later';
  return (
    <span className={`badge slip-badge ${tone}`} title={`Since “${baselineName}”: ${slip.text}`} data-testid="slip-badge">
      <span className="visually-hidden">Since the baseline: </span>
      {label}
    </span>
  );
}

/**
 * How an initiative moved since the baseline: the step that moved the most (later before
 * earlier), else a step added since; undefined when none moved or there is no baseline.
 */
export function initiativeSlip(steps: readonly { readonly id: string }[], slips: ReadonlyMap<string, ItemSlip> | null): ItemSlip | undefined {
  if (!slips) return undefined;
  const moved = steps.map((s) => slips.get(s.id)).filter((s): s is ItemSlip => s !== undefined && slipLabel(s) !== null);
  const byDays = moved.filter((s) => s.days !== null && s.days !== 0).sort((a, b) => (b.days ?? 0) - (a.days ?? 0));
  const later = byDays.find((s) => (s.days ?? 0) > 0);
  return later ?? byDays[byDays.length - 1] ?? moved.find((s) => s.change === 'added') ?? moved[0];
}
