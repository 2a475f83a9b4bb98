import { schedule, ScheduleError, type CapacityStep, type Reason, type Task } from '../engine';
import type { PlanItem } from './items';
import type { Staffing, UnstaffedShare } from './staffing';

export interface Placed {
  readonly start: number;
  readonly finish: number;
  /** The engine's binding reason, from the pass that placed the item. */
  readonly reason: Reason;
  /** The earliest start the pass allowed (the status date or the item's release). */
  readonly floor: number;
  /** The maturity level of the layers below the item waits for (null: their full gate). */
  readonly gateLevel: number | null;
  /** Items of the layers below whose finish is the item's gate (see gateEdges in layers.ts). */
  readonly gateEdges: readonly string[];
  readonly staffing: Staffing;
}

export type BlockCause =
  | { readonly kind: 'unstaffed'; readonly shares: readonly UnstaffedShare[] }
  | { readonly kind: 'blocked-predecessor'; readonly itemId: string }
  | { readonly kind: 'engine'; readonly message: string };

export interface PassResult {
  readonly placed: ReadonlyMap<string, Placed>;
  readonly blocked: ReadonlyMap<string, BlockCause>;
  /** User pins the engine could not keep (dropped for this plan), with the reason. */
  readonly droppedPins: ReadonlyMap<string, string>;
}

/** An item of the pass with how it is staffed, where it may start, and the gate it waits for. */
export interface PassItem {
  readonly item: PlanItem;
  readonly staffing: Staffing;
  /** Earliest start: the status week or the item's release, whichever is later. */
  readonly floor: number;
  readonly gateLevel: number | null;
  /** Items that must finish first for the layers below to be at the item's gate. */
  readonly gateEdges: readonly string[];
  /** A fixed start (a pin, or the status week for work in progress); null: free. */
  readonly fixedStart: number | null;
  /** Set aside before scheduling (nobody to staff it, or it waits for such an item). */
  readonly blocked: BlockCause | null;
}

export interface PassInput {
  /** Items of this pass, in a stable order. */
  readonly items: readonly PassItem[];
  /** Items that are finished (done): predecessors on them are already met. */
  readonly finished: ReadonlySet<string>;
  readonly capacity: ReadonlyMap<string, readonly CapacityStep[]>;
  readonly effort: number;
  readonly seed: number;
}

/**
 * Schedules the pass's items with the engine, all together: a layer's gates are precedence edges
 * to the items that bring the layers below to that level, so lower and upper layers interleave as
 * far as the gates allow. Items set aside before (unstaffed) stay aside with their cause, and so
 * does their successors' work; a user's pin the engine cannot keep is dropped and reported; an
 * item the engine refuses is set aside; the rest is scheduled.
 */
export function schedulePass(input: PassInput): PassResult {
  const blocked = new Map<string, BlockCause>();
  const droppedPins = new Map<string, string>();
  const known = new Set(input.items.map((p) => p.item.id));
  for (const p of input.items) if (p.blocked) blocked.set(p.item.id, p.blocked);

  for (let attempt = 0; attempt <= input.items.length; attempt++) {
    // Blocking spreads to successors, in as many rounds as the longest chain needs.
    let spread = true;
    while (spread) {
      spread = false;
      for (const { item } of input.items) {
        if (blocked.has(item.id)) continue;
        // Only the lead's own chain blocks: a gate edge to work set aside is dropped below (the
        // caller then waives that work and schedules again without the edge).
        const stuck = item.predecessors.find((p) => blocked.has(p));
        if (stuck !== undefined) {
          blocked.set(item.id, { kind: 'blocked-predecessor', itemId: stuck });
          spread = true;
        }
      }
    }

    const tasks: Task[] = [];
    for (const p of input.items) {
      if (blocked.has(p.item.id)) continue;
      const predecessors = [...new Set([...p.item.predecessors, ...p.gateEdges])].filter((id) => known.has(id) && !input.finished.has(id) && !blocked.has(id));
      const pinned = p.fixedStart !== null && !droppedPins.has(p.item.id);
      tasks.push({
        id: p.item.id,
        duration: p.staffing.weeks,
        demand: positive(p.staffing.units),
        // A pinned or started item keeps its start whatever the gates say; its own predecessors still bind.
        predecessors: pinned ? p.item.predecessors.filter((id) => known.has(id) && !input.finished.has(id)) : predecessors,
        ...(pinned ? { pin: p.fixedStart ?? 0 } : { release: p.floor }),
      });
    }
    const resources = [...input.capacity.entries()].map(([id, steps]) => ({ id, capacity: [...steps] }));

    try {
      const result = schedule(
        { version: 1, resources, tasks },
        { seed: input.seed, maxSchedules: input.effort, timeLimitMs: Number.POSITIVE_INFINITY, explain: true },
      );
      const byId = new Map(input.items.map((p) => [p.item.id, p]));
      const placed = new Map<string, Placed>();
      for (const t of result.tasks) {
        const p = byId.get(t.id);
        if (!t.reason || !p) continue;
        placed.set(t.id, { start: t.start, finish: t.finish, reason: t.reason, floor: p.floor, gateLevel: p.gateLevel, gateEdges: p.gateEdges, staffing: p.staffing });
      }
      return { placed, blocked, droppedPins };
    } catch (error) {
      if (!(error instanceof ScheduleError) || error.taskId === undefined) throw error;
      const p = input.items.find((i) => i.item.id === error.taskId);
      if (!p) throw error;
      // Keep the rest of the plan: drop the pin the engine cannot keep, or set the item aside.
      if (p.fixedStart !== null && !droppedPins.has(p.item.id) && error.code === 'pin-conflict') droppedPins.set(p.item.id, error.message);
      else blocked.set(p.item.id, { kind: 'engine', message: error.message });
    }
  }
  throw new Error('internal: the pass did not settle');
}

function positive(units: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [roleId, u] of Object.entries(units)) if (u > 0) out[roleId] = u;
  return out;
}
