import { schedule } from '../../src/core/engine';
import { checkSchedule, criticalPath } from './checker';
import type { BenchContext, BenchSection } from './context';
import { generateProblem } from './generate';

const SIZES = [1000, 5000, 10000];

async function run(context: BenchContext): Promise<void> {
  if (!context.wants('large')) return;
  context.print('large generated instances (8 roles, step capacities, random DAG, seed 7):');
  // Warm the JIT up first so that the n = 1,000 figure is not mostly compilation.
  schedule(generateProblem(1000, 1), { maxSchedules: 50 });
  let unit: number | null = null;
  for (const n of SIZES) {
    const problem = generateProblem(n, 7 + n);
    // Constructive time: the best of three runs stopped after the first schedule (the machine is
    // shared, so single timings are noisy).
    const constructive = Math.min(
      ...[1, 2, 3].map(() => {
        const t = performance.now();
        schedule(structuredClone(problem), { maxSchedules: 1 });
        return performance.now() - t;
      }),
    );
    const t0 = performance.now();
    const result = schedule(structuredClone(problem));
    const total = performance.now() - t0;
    const errors = checkSchedule(problem, result.makespan, result.tasks);
    const nlogn = n * Math.log2(n);
    const perNlogn = constructive / nlogn;
    unit ??= perNlogn;
    const cp = criticalPath(problem);
    context.print(
      `  n=${String(n).padEnd(6)} valid ${errors.length === 0 ? 'yes' : `NO (${errors.slice(0, 2).join('; ')})`}  ` +
        `makespan ${result.makespan} (lower bound ${result.stats.lowerBound}, critical path ${cp}, constructive ${result.stats.constructiveMakespan})  ` +
        `constructive ${constructive.toFixed(0)} ms  total ${total.toFixed(0)} ms  ` +
        `constructive/(n log n) relative to n=1000: ${(perNlogn / unit).toFixed(2)}`,
    );
  }
  await Promise.resolve();
}

export const largeSection: BenchSection = { name: 'large', run };
