import type { CapacityStep } from '../engine';
import type { Scenario } from '../domain/planning';
import type { Person } from '../domain/types';
import { weekOf } from './calendar';

/**
 * The engine takes whole units; people come in fractions of a full-time equivalent. A unit is a
 * tenth of an FTE, and a work item that needs "1 data engineer" holds 10 units: one full-time
 * person, or two half-time ones.
 */
export const UNITS_PER_FTE = 10;

/** A change of a role's capacity: `units` more (or fewer) from `week` on. */
export interface CapacityChange {
  readonly roleId: string;
  readonly week: number;
  readonly units: number;
}

/** When a person counts as capacity: from start (plus ramp-up for people not yet on staff) to end. */
export function personChanges(person: Person, scenario: Scenario, rampUpWeeks: (roleId: string) => number): CapacityChange[] {
  const units = Math.round(person.fte * UNITS_PER_FTE);
  if (units <= 0) return [];
  let from: number;
  if (person.status === 'on_staff') {
    from = person.startDate ? Math.max(0, weekOf(scenario.startDate, person.startDate)) : 0;
  } else {
    // Not yet hired: productive after the ramp-up, from the expected start (or a full lead time).
    const start = person.startDate ? Math.max(0, weekOf(scenario.startDate, person.startDate)) : scenario.leadTimeWeeks;
    from = start + rampUpWeeks(person.roleId);
  }
  const changes: CapacityChange[] = [{ roleId: person.roleId, week: from, units }];
  if (person.endDate) {
    const end = weekOf(scenario.startDate, person.endDate) + 1;
    if (end <= from) return [];
    changes.push({ roleId: person.roleId, week: end, units: -units });
  }
  return changes;
}

/** Step-list capacities per role, as the engine takes them (0 before the first step). */
export function capacitySteps(changes: readonly CapacityChange[], roleIds: Iterable<string>): Map<string, CapacityStep[]> {
  const result = new Map<string, CapacityStep[]>();
  for (const roleId of roleIds) {
    const byWeek = new Map<number, number>();
    for (const c of changes) if (c.roleId === roleId) byWeek.set(c.week, (byWeek.get(c.week) ?? 0) + c.units);
    const steps: CapacityStep[] = [{ from: 0, units: 0 }];
    let level = 0;
    for (const week of [...byWeek.keys()].sort((a, b) => a - b)) {
      level += byWeek.get(week) ?? 0;
      const units = Math.max(0, level);
      const last = steps[steps.length - 1];
      if (last && last.from === week) steps[steps.length - 1] = { from: week, units };
      else if (!last || last.units !== units) steps.push({ from: week, units });
    }
    result.set(roleId, steps);
  }
  return result;
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

/** The highest capacity the role ever has. */
export function peakUnits(steps: readonly CapacityStep[]): number {
  return steps.reduce((max, s) => Math.max(max, s.units), 0);
}
