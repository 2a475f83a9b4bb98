import type { PlanCalendar } from '../domain/calendar';
import type { BorrowedCapacity } from '../domain/planning';
import type { Person } from '../domain/types';
import type { CapacityStep } from '../engine';

/**
 * The engine takes whole units; people come in fractions of a full-time equivalent. A unit is a
 * tenth of an FTE, and a work item that needs "1 data engineer" holds 10 units: one full-time
 * person, or two half-time ones.
 */
export const UNITS_PER_FTE = 10;

export type CapacitySource = 'staff' | 'joiner' | 'leaver' | 'hire' | 'borrowed';

/** A change of a role's capacity: `units` more (or fewer) from `week` on. */
export interface CapacityChange {
  readonly roleId: string;
  readonly week: number;
  readonly units: number;
  readonly source: CapacitySource;
  /** The person, hire or loan behind it, for reasons. */
  readonly ref: string;
}

export interface TeamClock {
  readonly calendar: PlanCalendar;
  /** First week new work and new people can start in. */
  readonly statusWeek: number;
  readonly leadTimeWeeks: number;
  readonly rampUpOf: (roleId: string) => number;
}

export function unitsOfFte(fte: number): number {
  return Math.round(fte * UNITS_PER_FTE);
}

/** When someone on the headcount is expected to start: their date, else after a full lead time from the status date. */
export function expectedStartWeek(person: Person, clock: TeamClock): number {
  if (person.status === 'on_staff') return person.startDate ? clock.calendar.firstWeekOnOrAfter(person.startDate) : 0;
  // Not joined yet: not before the status date, whatever date the headcount still says.
  const planned = person.startDate ? clock.calendar.firstWeekOnOrAfter(person.startDate) : clock.statusWeek + clock.leadTimeWeeks;
  return Math.max(clock.statusWeek, planned);
}

/**
 * When a person counts as capacity: from their start plus the role's ramp-up (someone who joined
 * long ago is productive from week 0) until the week after their last day. `countedFrom` defers
 * them (a luxury requisition counted only once its foundations are ready; null: not at all).
 */
export function personChanges(person: Person, clock: TeamClock, countedFrom?: number | null): CapacityChange[] {
  const units = unitsOfFte(person.fte);
  if (units <= 0 || countedFrom === null) return [];
  const start = expectedStartWeek(person, clock);
  // Someone on staff with no start date recorded has been there: no ramp-up.
  const ramp = person.status === 'on_staff' && person.startDate === null ? 0 : clock.rampUpOf(person.roleId);
  const from = Math.max(0, start + ramp, countedFrom ?? 0);
  const source: CapacitySource = person.status === 'on_staff' && start <= 0 ? 'staff' : 'joiner';
  const changes: CapacityChange[] = [{ roleId: person.roleId, week: from, units, source, ref: person.id }];
  if (person.endDate) {
    const end = clock.calendar.weekOf(person.endDate) + 1;
    if (end <= from) return [];
    changes.push({ roleId: person.roleId, week: end, units: -units, source: 'leaver', ref: person.id });
  }
  return changes;
}

/** People lent to the team: from their first day (or the status date) for the weeks agreed. */
export function borrowedChanges(loan: BorrowedCapacity, index: number, clock: TeamClock): CapacityChange[] {
  const units = unitsOfFte(loan.fte);
  if (units <= 0 || loan.weeks <= 0) return [];
  const from = Math.max(clock.statusWeek, loan.startDate ? clock.calendar.firstWeekOnOrAfter(loan.startDate) : clock.statusWeek);
  const ref = `borrowed:${index + 1}`;
  return [
    { roleId: loan.roleId, week: from, units, source: 'borrowed', ref },
    { roleId: loan.roleId, week: from + loan.weeks, units: -units, source: 'borrowed', ref },
  ];
}

/** Step-list capacities per role, as the engine takes them (0 before the first step). */
export function capacitySteps(changes: readonly CapacityChange[], roleIds: Iterable<string>): Map<string, CapacityStep[]> {
  const byRole = new Map<string, Map<number, number>>();
  for (const c of changes) {
    const weeks = byRole.get(c.roleId) ?? new Map<number, number>();
    weeks.set(c.week, (weeks.get(c.week) ?? 0) + c.units);
    byRole.set(c.roleId, weeks);
  }
  const result = new Map<string, CapacityStep[]>();
  for (const roleId of roleIds) {
    const byWeek = byRole.get(roleId) ?? new Map<number, number>();
    const steps: CapacityStep[] = [{ from: 0, units: 0 }];
    let level = 0;
    for (const week of [...byWeek.keys()].sort((a, b) => a - b)) {
      level += byWeek.get(week) ?? 0;
      const units = Math.max(0, level);
      const last = steps[steps.length - 1]!;
      if (last.from === week) steps[steps.length - 1] = { from: week, units };
      else if (last.units !== units) steps.push({ from: week, units });
    }
    result.set(roleId, merge(steps));
  }
  return result;
}

/** Drops steps that repeat the level before them (a replaced step can leave one behind). */
function merge(steps: CapacityStep[]): CapacityStep[] {
  const out: CapacityStep[] = [];
  for (const s of steps) if (out.length === 0 || out[out.length - 1]!.units !== s.units) out.push(s);
  return out;
}

/** Units available at `week`. */
export function unitsAt(steps: readonly CapacityStep[], week: number): number {
  let units = 0;
  for (const s of steps) {
    if (s.from > week) break;
    units = s.units;
  }
  return units;
}

/** The most units the role has at any week from `from` on. */
export function peakFrom(steps: readonly CapacityStep[], from: number): number {
  let max = unitsAt(steps, from);
  for (const s of steps) if (s.from > from) max = Math.max(max, s.units);
  return max;
}

/**
 * The earliest week ≥ `from` at which `units` are available for `weeks` weeks in a row; null when
 * that never happens (the role shrinks below it for good).
 */
export function earliestRun(steps: readonly CapacityStep[], from: number, units: number, weeks: number): number | null {
  if (units <= 0) return from;
  const starts = [from, ...steps.filter((s) => s.from > from).map((s) => s.from)];
  for (const s of starts) {
    const end = s + Math.max(1, weeks);
    let ok = unitsAt(steps, s) >= units;
    for (const step of steps) {
      if (!ok) break;
      if (step.from > s && step.from < end && step.units < units) ok = false;
    }
    if (ok) return s;
  }
  return null;
}

/** The week a role's capacity drops below `units` for good after `from` (null: it never does). */
export function lastWeekWith(steps: readonly CapacityStep[], units: number): number | null {
  const last = steps[steps.length - 1];
  if (!last || last.units >= units) return null;
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.units >= units) return steps[i + 1]?.from ?? null;
  return 0;
}
