// An independent schedule checker for the benchmark: deliberately naive (week by week, plain
// objects) and sharing no code with src/core/engine, so that an engine bug cannot hide itself.
import type { Problem } from '../../src/core/engine';

export interface CheckedTask {
  readonly id: string;
  readonly start: number;
  readonly finish: number;
}

/** Returns the violations found (empty when the schedule is valid). */
export function checkSchedule(problem: Problem, makespan: number, tasks: readonly CheckedTask[]): string[] {
  const errors: string[] = [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  if (tasks.length !== problem.tasks.length || byId.size !== tasks.length) errors.push('not every task exactly once');
  let last = 0;
  for (const task of problem.tasks) {
    const got = byId.get(task.id);
    if (!got) {
      errors.push(`task ${task.id} missing`);
      continue;
    }
    if (!Number.isInteger(got.start) || got.start < 0) errors.push(`task ${task.id}: bad start ${got.start}`);
    if (got.finish !== got.start + task.duration) errors.push(`task ${task.id}: finish ≠ start + duration`);
    if (task.release !== undefined && got.start < task.release) errors.push(`task ${task.id}: starts before its release`);
    if (task.pin !== undefined && got.start !== task.pin) errors.push(`task ${task.id}: not at its pin`);
    for (const p of task.predecessors) {
      const pred = byId.get(p);
      if (pred && pred.finish > got.start) errors.push(`task ${task.id}: starts before predecessor ${p} finishes`);
    }
    last = Math.max(last, got.finish);
  }
  if (last !== makespan) errors.push(`makespan ${makespan} ≠ latest finish ${last}`);
  // Usage per week from a difference array: O(tasks + weeks) per resource, even for 10,000 tasks.
  for (const resource of problem.resources) {
    const delta = new Array<number>(last + 1).fill(0);
    for (const task of problem.tasks) {
      const got = byId.get(task.id);
      const units = task.demand[resource.id] ?? 0;
      if (!got || units === 0 || got.finish <= got.start) continue;
      delta[got.start] = (delta[got.start] ?? 0) + units;
      delta[got.finish] = (delta[got.finish] ?? 0) - units;
    }
    const steps = typeof resource.capacity === 'number' ? [{ from: 0, units: resource.capacity }] : resource.capacity;
    let used = 0;
    let capacity = 0;
    let next = 0;
    for (let week = 0; week < last; week++) {
      while (next < steps.length && steps[next]!.from <= week) capacity = steps[next++]!.units;
      used += delta[week] ?? 0;
      if (used > capacity) errors.push(`resource ${resource.id} over capacity in week ${week}: ${used} > ${capacity}`);
    }
  }
  return errors;
}

/** Critical-path length (releases included, resources ignored): the simple lower bound. */
export function criticalPath(problem: Problem): number {
  const finish = new Map<string, number>();
  const byId = new Map(problem.tasks.map((t) => [t.id, t]));
  const visit = (id: string): number => {
    const known = finish.get(id);
    if (known !== undefined) return known;
    const task = byId.get(id)!;
    let start = task.release ?? 0;
    for (const p of task.predecessors) start = Math.max(start, visit(p));
    const f = start + task.duration;
    finish.set(id, f);
    return f;
  };
  let length = 0;
  for (const t of problem.tasks) length = Math.max(length, visit(t.id));
  return length;
}
