// Runs one PSPLIB instance per message, so that two instances can run on the two cores at once.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { schedule } from '../../src/core/engine';
import { checkSchedule, criticalPath } from './checker';
import { parseSm } from './psplib';

export interface InstanceJob {
  readonly file: string;
  readonly timeLimitMs?: number;
  /** A fixed schedule budget instead of the default time limit: reproducible, load-independent. */
  readonly maxSchedules?: number;
}

export interface InstanceResult {
  readonly file: string;
  readonly makespan: number;
  readonly criticalPath: number;
  readonly errors: readonly string[];
  readonly ms: number;
  readonly schedules: number;
  /** Whether the search stopped at the lower bound (early) rather than at its budget. */
  readonly atLowerBound: boolean;
}

export function runInstance(job: InstanceJob): InstanceResult {
  const problem = parseSm(readFileSync(job.file, 'utf8'));
  const t0 = performance.now();
  const result = schedule(problem, {
    ...(job.timeLimitMs === undefined ? {} : { timeLimitMs: job.timeLimitMs }),
    ...(job.maxSchedules === undefined ? {} : { maxSchedules: job.maxSchedules, timeLimitMs: job.timeLimitMs ?? 600_000 }),
  });
  const ms = performance.now() - t0;
  return {
    file: job.file,
    makespan: result.makespan,
    criticalPath: criticalPath(problem),
    errors: checkSchedule(problem, result.makespan, result.tasks),
    ms,
    schedules: result.stats.schedulesEvaluated,
    atLowerBound: result.stats.stoppedBy === 'lower-bound' || result.stats.stoppedBy === 'trivial',
  };
}

parentPort?.on('message', (job: InstanceJob) => {
  parentPort?.postMessage(runInstance(job));
});
