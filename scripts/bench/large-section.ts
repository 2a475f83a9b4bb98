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
  for (const n of SIZES) {
    const problem = generateProblem(n, 7 + n);
    // Constructive time: the best of five runs stopped after the first schedule (the machine is
    // shared, so single timings are noisy).
    const runs = [1, 2, 3, 4, 5].map(() => {
      const copy = structuredClone(problem);
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      schedule(copy, { maxSchedules: 1 });
      const cpu = process.cpuUsage(cpu0);
      return { wall: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000 };
    });
    const constructive = Math.min(...runs.map((r) => r.wall));
    const constructiveCpu = Math.min(...runs.map((r) => r.cpu));
    const fresh = structuredClone(problem);
    const t0 = performance.now();
    const result = schedule(fresh);
    const total = performance.now() - t0;
    const errors = checkSchedule(problem, result.makespan, result.tasks);
    const nlogn = n * Math.log2(n);
    const perNlogn = (constructiveCpu * 1e6) / nlogn;
    const cp = criticalPath(problem);
    context.print(
      `  n=${String(n).padEnd(6)} valid ${errors.length === 0 ? 'yes' : `NO (${errors.slice(0, 2).join('; ')})`}  ` +
        `makespan ${result.makespan} (lower bound ${result.stats.lowerBound}, critical path ${cp}, constructive ${result.stats.constructiveMakespan})  ` +
        `constructive ${constructive.toFixed(0)} ms (CPU ${constructiveCpu.toFixed(0)} ms)  total ${total.toFixed(0)} ms  ` +
        `constructive CPU per n·log2(n): ${perNlogn.toFixed(0)} ns`,
    );
  }
  await Promise.resolve();
}

export const largeSection: BenchSection = { name: 'large', run };
