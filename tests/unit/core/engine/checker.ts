// The tests' own schedule checker: written from SCHEDULE-JSON.md alone, week by week, sharing no
// code with the engine.
import type { Problem, ScheduledTask } from '../../../../src/core/engine';

export function capacityAt(problem: Problem, resourceId: string, week: number): number {
  const resource = problem.resources.find((r) => r.id === resourceId);
  if (!resource) return 0;
  if (typeof resource.capacity === 'number') return resource.capacity;
  let units = 0;
  for (const step of resource.capacity) if (step.from <= week) units = step.units;
  return units;
}

/** Units of resource r used in week w by tasks other than `except`, and by whom. */
export function usage(problem: Problem, tasks: readonly ScheduledTask[], resourceId: string, week: number, except?: string): { units: number; ids: string[] } {
  let units = 0;
  const ids: string[] = [];
  for (const t of tasks) {
    if (t.id === except || !(t.start <= week && week < t.finish)) continue;
    const d = problem.tasks.find((x) => x.id === t.id)?.demand[resourceId] ?? 0;
    if (d > 0) {
      units += d;
      ids.push(t.id);
    }
  }
  return { units, ids };
}

export function violations(problem: Problem, makespan: number, tasks: readonly ScheduledTask[]): string[] {
  const errors: string[] = [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  if (tasks.length !== problem.tasks.length || byId.size !== problem.tasks.length) errors.push('tasks not exactly once');
  let last = 0;
  for (const task of problem.tasks) {
    const t = byId.get(task.id);
    if (!t) {
      errors.push(`missing ${task.id}`);
      continue;
    }
    if (!Number.isInteger(t.start) || t.start < 0) errors.push(`${task.id}: start ${t.start}`);
    if (t.finish !== t.start + task.duration) errors.push(`${task.id}: finish`);
    if (task.release !== undefined && t.start < task.release) errors.push(`${task.id}: before release`);
    if (task.pin !== undefined && t.start !== task.pin) errors.push(`${task.id}: not at pin`);
    for (const p of task.predecessors) if ((byId.get(p)?.finish ?? Infinity) > t.start) errors.push(`${task.id}: before predecessor ${p}`);
    last = Math.max(last, t.finish);
  }
  if (makespan !== last) errors.push(`makespan ${makespan} ≠ ${last}`);
  for (const r of problem.resources) {
    for (let week = 0; week < last; week++) {
      const used = usage(problem, tasks, r.id, week).units;
      if (used > capacityAt(problem, r.id, week)) errors.push(`${r.id} over capacity in week ${week}`);
    }
  }
  return errors;
}

/** Whether the reason of each task names a constraint that forbids starting one week earlier. */
export function reasonProblems(problem: Problem, tasks: readonly ScheduledTask[]): string[] {
  const errors: string[] = [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const task of problem.tasks) {
    const t = byId.get(task.id)!;
    const reason = t.reason;
    if (!reason || reason.text.length === 0) {
      errors.push(`${task.id}: no reason`);
      continue;
    }
    const bad = (why: string): void => {
      errors.push(`${task.id} (${reason.kind}): ${why}`);
    };
    switch (reason.kind) {
      case 'pin':
        if (task.pin !== t.start) bad('not pinned there');
        break;
      case 'start':
        if (t.start !== 0) bad('does not start at week 0');
        break;
      case 'release':
        if (task.release !== t.start || t.start === 0) bad('release is not the start');
        break;
      case 'predecessor':
        if (reason.taskIds.length === 0) bad('names no predecessor');
        for (const p of reason.taskIds) {
          if (!task.predecessors.includes(p)) bad(`${p} is not a predecessor`);
          if (byId.get(p)?.finish !== t.start) bad(`${p} does not finish at the start`);
        }
        break;
      case 'capacity': {
        const need = task.demand[reason.resourceId] ?? 0;
        if (reason.week !== t.start || !(capacityAt(problem, reason.resourceId, t.start - 1) < need)) bad('capacity before the start is enough');
        break;
      }
      case 'resource': {
        const need = task.demand[reason.resourceId] ?? 0;
        const week = t.start - 1;
        const used = usage(problem, tasks, reason.resourceId, week, task.id);
        if (reason.week !== t.start || !(used.units + need > capacityAt(problem, reason.resourceId, week))) bad('resource not short in the week before');
        if ([...reason.taskIds].sort().join() !== [...used.ids].sort().join()) bad(`holders ${reason.taskIds.join()} ≠ ${used.ids.join()}`);
        if (!reason.text.includes(reason.resourceId)) bad('text does not name the resource');
        break;
      }
    }
    // Whatever the kind, starting one week earlier must break something.
    if (t.start > 0 && task.pin === undefined) {
      const earlier = tasks.map((x) => (x.id === task.id ? { ...x, start: x.start - 1, finish: x.finish - 1 } : x));
      const makespan = Math.max(0, ...earlier.map((x) => x.finish));
      if (violations(problem, makespan, earlier).length === 0) bad('could start a week earlier');
    }
  }
  return errors;
}
