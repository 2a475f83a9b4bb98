import { schedule, ScheduleError, type CapacityStep, type Reason, type Task } from '../engine';
import { UNITS_PER_FTE, peakUnits } from './capacity';
import type { PlanItem } from './items';

export interface Placed {
  readonly start: number;
  readonly finish: number;
  /** The engine's binding reason, from the pass that placed the item. */
  readonly reason: Reason;
  /** The earliest start the pass allowed (the layer's gate or the item's release). */
  readonly floor: number;
}

export type BlockCause =
  | {
      readonly kind: 'no-capacity';
      /** The first role short of people, with what the item needs of it and the most it ever has. */
      readonly roleId: string;
      readonly needed: number;
      readonly peak: number;
      /** Every role the item lacks people of. */
      readonly missingRoles: readonly string[];
    }
  | { readonly kind: 'blocked-predecessor'; readonly itemId: string }
  | { readonly kind: 'gate'; readonly floor: null }
  | { readonly kind: 'engine'; readonly message: string };

export interface PassResult {
  readonly placed: ReadonlyMap<string, Placed>;
  readonly blocked: ReadonlyMap<string, BlockCause>;
  /** User pins the engine could not keep (dropped for this plan), with the engine's message. */
  readonly droppedPins: ReadonlyMap<string, string>;
}

export interface PassInput {
  /** Items of this pass, in a stable order. */
  readonly items: readonly PlanItem[];
  /** Items placed by the passes below: kept where they are, holding their people. */
  readonly fixed: ReadonlyMap<string, Placed>;
  readonly fixedItems: ReadonlyMap<string, PlanItem>;
  /** Items that could not be placed below (their successors cannot be placed either). */
  readonly blockedBelow: ReadonlySet<string>;
  /** Items that are finished (done): predecessors on them are already met. */
  readonly finished: ReadonlySet<string>;
  /** Earliest start of the pass's unpinned items (the gate of the layer below); null: never. */
  readonly floor: number | null;
  readonly capacity: ReadonlyMap<string, readonly CapacityStep[]>;
  readonly effort: number;
  readonly seed: number;
}

const demandUnits = (people: number) => Math.round(people * UNITS_PER_FTE);

/**
 * Schedules one layer's items with the engine around the items already placed. Items the engine
 * can never place (a role without enough people at any time, a predecessor that is blocked) are
 * set aside with their cause, and a user's pin the engine cannot keep is dropped and reported;
 * the rest is scheduled.
 */
export function schedulePass(input: PassInput): PassResult {
  const blocked = new Map<string, BlockCause>();
  const droppedPins = new Map<string, string>();
  const known = new Set([...input.items.map((i) => i.id), ...input.fixed.keys()]);

  if (input.floor === null) {
    for (const item of input.items) if (item.pin === null) blocked.set(item.id, { kind: 'gate', floor: null });
  }
  for (const item of input.items) {
    if (blocked.has(item.id)) continue;
    const short = Object.entries(item.demand)
      .map(([roleId, people]) => ({ roleId, needed: demandUnits(people), peak: peakUnits(input.capacity.get(roleId) ?? []) }))
      .filter((r) => r.needed > r.peak);
    const first = short[0];
    if (first) blocked.set(item.id, { kind: 'no-capacity', ...first, missingRoles: short.map((r) => r.roleId) });
  }

  for (let attempt = 0; attempt <= input.items.length; attempt++) {
    // Blocking spreads to successors, in as many rounds as the longest chain needs.
    let spread = true;
    while (spread) {
      spread = false;
      for (const item of input.items) {
        if (blocked.has(item.id)) continue;
        const stuck = item.predecessors.find((p) => blocked.has(p) || input.blockedBelow.has(p));
        if (stuck !== undefined) {
          blocked.set(item.id, { kind: 'blocked-predecessor', itemId: stuck });
          spread = true;
        }
      }
    }

    const tasks: Task[] = [];
    const floors = new Map<string, number>();
    for (const [id, placed] of input.fixed) {
      const item = input.fixedItems.get(id);
      if (!item) continue;
      tasks.push({ id, duration: item.durationWeeks, demand: unitsOf(item.demand), predecessors: [], pin: placed.start });
    }
    for (const item of input.items) {
      if (blocked.has(item.id)) continue;
      const predecessors = item.predecessors.filter((p) => known.has(p) && !input.finished.has(p));
      const floor = Math.max(input.floor ?? 0, item.release ?? 0);
      floors.set(item.id, floor);
      const pinned = item.pin !== null && !droppedPins.has(item.id);
      tasks.push({
        id: item.id,
        duration: item.durationWeeks,
        demand: unitsOf(item.demand),
        predecessors,
        ...(pinned ? { pin: item.pin ?? 0 } : { release: floor }),
      });
    }
    const resources = [...input.capacity.entries()].map(([id, steps]) => ({ id, capacity: [...steps] }));

    try {
      const result = schedule(
        { version: 1, resources, tasks },
        { seed: input.seed, maxSchedules: input.effort, timeLimitMs: Number.POSITIVE_INFINITY, explain: true },
      );
      const placed = new Map<string, Placed>();
      for (const t of result.tasks) {
        if (input.fixed.has(t.id) || !t.reason) continue;
        placed.set(t.id, { start: t.start, finish: t.finish, reason: t.reason, floor: floors.get(t.id) ?? 0 });
      }
      return { placed, blocked, droppedPins };
    } catch (error) {
      if (!(error instanceof ScheduleError) || error.taskId === undefined || input.fixed.has(error.taskId)) throw error;
      const item = input.items.find((i) => i.id === error.taskId);
      if (!item) throw error;
      // Keep the rest of the plan: drop the pin the engine cannot keep, or set the item aside.
      if (item.pin !== null && !droppedPins.has(item.id) && error.code === 'pin-conflict') droppedPins.set(item.id, error.message);
      else blocked.set(item.id, { kind: 'engine', message: error.message });
    }
  }
  throw new Error('internal: the pass did not settle');
}

function unitsOf(demand: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [roleId, people] of Object.entries(demand)) if (people > 0) out[roleId] = demandUnits(people);
  return out;
}
