import { schedule, ScheduleError, type CapacityStep, type Reason, type Task } from '../engine';
import type { PlanItem } from './items';
import type { Staffing, UnstaffedShare } from './staffing';

export interface Placed {
  readonly start: number;
  readonly finish: number;
  /** The engine's binding reason, from the pass that placed the item. */
  readonly reason: Reason;
  /** The earliest start the pass allowed (the layer's gate, the status date or the item's release). */
  readonly floor: number;
  readonly staffing: Staffing;
}

export type BlockCause =
  | { readonly kind: 'unstaffed'; readonly shares: readonly UnstaffedShare[] }
  | { readonly kind: 'blocked-predecessor'; readonly itemId: string }
  | { readonly kind: 'gate'; readonly floor: null }
  | { readonly kind: 'engine'; readonly message: string };

export interface PassResult {
  readonly placed: ReadonlyMap<string, Placed>;
  readonly blocked: ReadonlyMap<string, BlockCause>;
  /** User pins the engine could not keep (dropped for this plan), with the reason. */
  readonly droppedPins: ReadonlyMap<string, string>;
}

/** An item of the pass with how it is staffed and where it may start. */
export interface PassItem {
  readonly item: PlanItem;
  readonly staffing: Staffing;
  /** Earliest start: max of the layer's floor, the status week and the item's release. */
  readonly floor: number;
  /** A fixed start (a pin, or the status week for work in progress); null: free. */
  readonly fixedStart: number | null;
}

export interface PassInput {
  /** Items of this pass, in a stable order. */
  readonly items: readonly PassItem[];
  /** Items placed by the passes below: kept where they are, holding their people. */
  readonly fixed: ReadonlyMap<string, Placed>;
  /** Items that could not be placed below (their successors cannot be placed either). */
  readonly blockedBelow: ReadonlySet<string>;
  /** Items that are finished (done): predecessors on them are already met. */
  readonly finished: ReadonlySet<string>;
  /** False when the layer below never reaches its gate: the pass's free items cannot start. */
  readonly gateReached: boolean;
  readonly capacity: ReadonlyMap<string, readonly CapacityStep[]>;
  readonly effort: number;
  readonly seed: number;
}

/**
 * Schedules one layer's items with the engine around the items already placed. Items that cannot
 * be placed (a share nobody can staff, a predecessor that is blocked) are set aside with their
 * cause, and a user's pin the engine cannot keep is dropped and reported; the rest is scheduled.
 */
export function schedulePass(input: PassInput): PassResult {
  const blocked = new Map<string, BlockCause>();
  const droppedPins = new Map<string, string>();
  const known = new Set([...input.items.map((p) => p.item.id), ...input.fixed.keys()]);

  for (const p of input.items) {
    if (p.staffing.unstaffed.length > 0) blocked.set(p.item.id, { kind: 'unstaffed', shares: p.staffing.unstaffed });
    else if (!input.gateReached && p.fixedStart === null) blocked.set(p.item.id, { kind: 'gate', floor: null });
  }

  for (let attempt = 0; attempt <= input.items.length; attempt++) {
    // Blocking spreads to successors, in as many rounds as the longest chain needs.
    let spread = true;
    while (spread) {
      spread = false;
      for (const { item } of input.items) {
        if (blocked.has(item.id)) continue;
        const stuck = item.predecessors.find((p) => blocked.has(p) || input.blockedBelow.has(p));
        if (stuck !== undefined) {
          blocked.set(item.id, { kind: 'blocked-predecessor', itemId: stuck });
          spread = true;
        }
      }
    }

    const tasks: Task[] = [];
    for (const [id, placed] of input.fixed) {
      tasks.push({ id, duration: placed.finish - placed.start, demand: positive(placed.staffing.units), predecessors: [], pin: placed.start });
    }
    for (const p of input.items) {
      if (blocked.has(p.item.id)) continue;
      const predecessors = p.item.predecessors.filter((id) => known.has(id) && !input.finished.has(id));
      const pinned = p.fixedStart !== null && !droppedPins.has(p.item.id);
      tasks.push({
        id: p.item.id,
        duration: p.staffing.weeks,
        demand: positive(p.staffing.units),
        predecessors,
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
        if (input.fixed.has(t.id) || !t.reason || !p) continue;
        placed.set(t.id, { start: t.start, finish: t.finish, reason: t.reason, floor: p.floor, staffing: p.staffing });
      }
      return { placed, blocked, droppedPins };
    } catch (error) {
      if (!(error instanceof ScheduleError) || error.taskId === undefined || input.fixed.has(error.taskId)) throw error;
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
