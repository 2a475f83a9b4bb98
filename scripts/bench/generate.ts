// Large generated instances for the benchmark: a random layered DAG, 8 roles with step
// capacities (hires and departures), seeded so that every run sees the same problems.
import type { Problem, Task } from '../../src/core/engine';

/** xorshift32: independent of the engine's generator on purpose. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

export const ROLES = ['analyst', 'statistician', 'analytics-engineer', 'data-engineer', 'software-engineer', 'platform-engineer', 'data-scientist', 'ml-engineer'];

export function generateProblem(n: number, seed: number): Problem {
  const random = generator(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  // Capacity grows with n so that the makespan (and so the horizon) stays comparable across sizes.
  const scale = Math.max(1, Math.round(n / 1000));
  const resources = ROLES.map((id) => {
    const steps = [{ from: 0, units: scale * int(2, 5) }];
    let week = 0;
    for (let k = 0; k < 4; k++) {
      week += int(10, 60);
      const previous = steps[steps.length - 1]!.units;
      steps.push({ from: week, units: Math.max(2 * scale, previous + scale * (random() < 0.75 ? 1 : -1)) });
    }
    return { id, capacity: steps };
  });
  const tasks: Task[] = [];
  for (let j = 0; j < n; j++) {
    const predecessors = new Set<string>();
    const count = j === 0 ? 0 : int(0, 3);
    for (let k = 0; k < count; k++) predecessors.add(String(Math.max(0, j - int(1, 100 * scale + 100))));
    const demand: Record<string, number> = {};
    const roles = int(1, 2);
    for (let k = 0; k < roles; k++) demand[ROLES[int(0, ROLES.length - 1)]!] = int(1, 2) * (random() < 0.1 ? scale : 1);
    tasks.push({ id: String(j), duration: int(1, 12), demand, predecessors: [...predecessors], release: random() < 0.05 ? int(0, 100) : 0 });
  }
  return { version: 1, resources, tasks };
}
