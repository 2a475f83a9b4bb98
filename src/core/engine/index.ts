/**
 * The scheduling engine: resource-constrained project scheduling with time-varying capacity,
 * pins and explanations. Pure TypeScript (no I/O), usable from the CLI, main and renderer.
 * See docs/engine.md.
 */
import { compileProblem } from './compile';
import { explain } from './explain';
import { search } from './search';
import { ScheduleError, type Problem, type ScheduleOptions, type ScheduleResult, type ScheduledTask } from './types';

export * from './types';
export { validateProblem, parseProblem, MAX_NUMBER } from './validate';

/**
 * Time budget of schedule() when none is given, counted from its call: a 120-task project stays
 * under 1 s as a whole `node bin/groundwork.mjs schedule` process (0.84–0.89 s measured at load ≈ 2 on
 * 2 cores; docs/performance.md).
 */
export const DEFAULT_TIME_LIMIT_MS = 700;

const defaultClock = (): number => performance.now();

/**
 * Schedules a problem (from validateProblem, or built in code: it is checked again here).
 * Deterministic for a given seed and `maxSchedules`; with only a time limit the number of
 * generations, and so the result, can depend on the machine's speed. Throws ScheduleError.
 */
export function schedule(problem: Problem, options: ScheduleOptions = {}): ScheduleResult {
  const clock = options.clock ?? defaultClock;
  const started = clock();
  const c = compileProblem(problem);
  const compiledAt = clock();
  const result = search(c, {
    seed: options.seed ?? 1,
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    maxSchedules: options.maxSchedules ?? Number.POSITIVE_INFINITY,
    clock,
    startedAt: started,
  });
  if (result.makespan < 0) {
    const j = result.failedTask ?? 0;
    const id = problem.tasks[j]?.id ?? '?';
    if (result.failedOnDeadline) {
      throw new ScheduleError({
        code: 'pin-conflict',
        message: `task "${id}": no room to finish before its pinned successor starts (week ${c.deadline[j]}); move or unpin that successor`,
        taskId: id,
        field: 'pin',
      });
    }
    throw new ScheduleError({
      code: 'no-room',
      message: `task "${id}": no room left before its resources' capacity ends; add capacity or shorten the work`,
      taskId: id,
      field: 'demand',
    });
  }
  const reasons = options.explain ? explain(c, result.start) : null;
  const tasks: ScheduledTask[] = problem.tasks.map((t, j) => {
    const start = result.start[j]!;
    const reason = reasons?.[j];
    return reason ? { id: t.id, start, finish: start + t.duration, reason } : { id: t.id, start, finish: start + t.duration };
  });
  return {
    makespan: result.makespan,
    tasks,
    stats: {
      schedulesEvaluated: result.schedulesEvaluated,
      generations: result.generations,
      constructiveMakespan: result.constructiveMakespan,
      lowerBound: c.lowerBound,
      constructiveMs: compiledAt - started + result.constructiveMs,
      elapsedMs: clock() - started,
      stoppedBy: result.stoppedBy,
    },
  };
}
