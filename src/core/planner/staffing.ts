import { catalogRole, type StandIn } from '../domain/catalog/roles';
import type { CapacityStep } from '../engine';
import { earliestRun, peakFrom, UNITS_PER_FTE } from './capacity';
import type { PlanItem } from './items';
import type { Assignment } from './types';

/**
 * Who does an item's work. Each role share of an item's demand is done by people of that role
 * when the team has any from the item's earliest start on, else by the stand-in (CATALOG.md's
 * "who else can do the work") that would finish it first, more slowly. When a role has fewer people
 * than the item asks for, the ones there are do it over more weeks: the person-weeks of work are
 * kept, not the head count. A share nobody can do is left unstaffed: the item waits for a hire,
 * a borrowed person or a contractor.
 */

export interface UnstaffedShare {
  readonly roleId: string;
  readonly people: number;
  /** Weeks of work for one person of the role at full focus. */
  readonly weeks: number;
}

export interface Staffing {
  readonly assignments: readonly Assignment[];
  /** Engine demand: units per role held for the whole duration. */
  readonly units: Readonly<Record<string, number>>;
  /** Weeks the item runs: work at full focus stretched by the run-work share, by stand-ins' speed and by missing people. */
  readonly weeks: number;
  readonly unstaffed: readonly UnstaffedShare[];
  /** Role shares handed to a stand-in because the role is busy: role id → the week it would be free. */
  readonly busy: Readonly<Record<string, number>>;
}

/** A role's share to hand to a stand-in while the role is busy until `busyUntil`. */
export interface ForcedStandIn {
  readonly standIn: string;
  readonly busyUntil: number;
}

export interface StaffingContext {
  readonly capacity: ReadonlyMap<string, readonly CapacityStep[]>;
  /** Share of time kept for run work, in [0, 0.9]. */
  readonly runShare: number;
  /** Roles of the workspace: stand-ins outside it do not exist here. */
  readonly roleIds: ReadonlySet<string>;
}

/** Stand-ins for a role's share of work on a capability, fastest first. */
export function standInsFor(roleId: string, capabilityId: string | null): StandIn[] {
  const entry = catalogRole(roleId);
  if (!entry) return [];
  return entry.standIns
    .filter((s) => s.capabilities === undefined || (capabilityId !== null && s.capabilities.includes(capabilityId)))
    .sort((a, b) => b.efficiency - a.efficiency);
}

/** Weeks of work at full focus stretched by the run-work share. */
export function focusWeeks(weeks: number, runShare: number): number {
  return weeks / (1 - runShare);
}

interface Option {
  readonly roleId: string;
  readonly efficiency: number;
  readonly units: number;
  readonly weeks: number;
  readonly finish: number;
}

/**
 * Staffs one item from `floor` (its earliest start) on. `force` makes a role's share go to its
 * stand-ins even when the role has people (used when the role is busy and a stand-in is idle).
 */
export function staffItem(item: PlanItem, floor: number, ctx: StaffingContext, force: ReadonlyMap<string, ForcedStandIn> = new Map()): Staffing {
  const taken = new Map<string, number>();
  const work = new Map<string, { units: number; unitWeeks: number }>();
  const assignments: Assignment[] = [];
  const unstaffed: UnstaffedShare[] = [];
  const stretched = focusWeeks(item.durationWeeks, ctx.runShare);

  for (const [roleId, people] of Object.entries(item.demand)) {
    if (!(people > 0)) continue;
    const want = Math.round(people * UNITS_PER_FTE);
    const forced = force.get(roleId);
    const candidates: Array<{ roleId: string; efficiency: number }> = forced
      ? standInsFor(roleId, item.capabilityId).filter((s) => s.roleId === forced.standIn)
      : [{ roleId, efficiency: 1 }, ...standInsFor(roleId, item.capabilityId)];
    let best: Option | null = null;
    for (const c of candidates) {
      if (!ctx.roleIds.has(c.roleId)) continue;
      const steps = ctx.capacity.get(c.roleId) ?? [];
      const free = peakFrom(steps, floor) - (taken.get(c.roleId) ?? 0);
      if (free <= 0) continue;
      const units = Math.min(want, free);
      const weeks = (stretched * want) / (c.efficiency * units);
      const start = earliestRun(steps, floor, units + (taken.get(c.roleId) ?? 0), Math.ceil(weeks - 1e-9));
      if (start === null) continue;
      const option = { roleId: c.roleId, efficiency: c.efficiency, units, weeks, finish: start + weeks };
      // The role itself wins ties: a stand-in must finish strictly earlier to be used.
      if (!best || option.finish < best.finish - 1e-9) best = option;
    }
    if (!best) {
      unstaffed.push({ roleId, people, weeks: item.durationWeeks });
      continue;
    }
    taken.set(best.roleId, (taken.get(best.roleId) ?? 0) + best.units);
    const w = work.get(best.roleId) ?? { units: 0, unitWeeks: 0 };
    work.set(best.roleId, { units: w.units + best.units, unitWeeks: w.unitWeeks + (stretched * want) / best.efficiency });
    assignments.push({ forRoleId: roleId, roleId: best.roleId, people: best.units / UNITS_PER_FTE, efficiency: best.efficiency });
  }

  const busy: Record<string, number> = {};
  for (const [roleId, f] of force) if (assignments.some((a) => a.forRoleId === roleId && a.roleId === f.standIn)) busy[roleId] = f.busyUntil;
  const units: Record<string, number> = {};
  let weeks = 0;
  for (const [roleId, w] of work) {
    units[roleId] = w.units;
    weeks = Math.max(weeks, w.unitWeeks / w.units);
  }
  if (item.durationWeeks === 0) weeks = 0;
  else if (work.size === 0) weeks = stretched;
  return { assignments, units, weeks: Math.max(0, Math.ceil(weeks - 1e-9)), unstaffed, busy };
}

/** Whether any share is done by a stand-in or by fewer people than asked. */
export function isAdapted(staffing: Staffing, item: PlanItem): boolean {
  return staffing.assignments.some((a) => a.roleId !== a.forRoleId || a.people + 1e-9 < (item.demand[a.forRoleId] ?? 0));
}
