import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schedule, type Problem, type ScheduledTask } from '../../../../src/core/engine';
import { compileProblem } from '../../../../src/core/engine/compile';
import { peakChild } from '../../../../src/core/engine/search';
import { Kernel } from '../../../../src/core/engine/sgs';
import { problemArbitrary } from './arbitraries';
import { violations } from './checker';

/** A precedence-feasible activity list drawn from `picks` (each pick chooses among the ready tasks). */
function randomList(problem: Problem, picks: readonly number[]): Int32Array {
  const c = compileProblem(problem);
  const indegree = Array.from({ length: c.n }, (_, j) => c.predStart[j + 1]! - c.predStart[j]!);
  const ready = indegree.flatMap((d, j) => (d === 0 ? [j] : []));
  const list = new Int32Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const j = ready.splice((picks[i] ?? 0) % ready.length, 1)[0]!;
    list[i] = j;
    for (let q = c.succStart[j]!; q < c.succStart[j + 1]!; q++) if (--indegree[c.succs[q]!]! === 0) ready.push(c.succs[q]!);
  }
  return list;
}

function scheduled(problem: Problem, start: Int32Array): ScheduledTask[] {
  return problem.tasks.map((t, j) => ({ id: t.id, start: start[j]!, finish: start[j]! + t.duration }));
}

describe('Kernel (property-based)', () => {
  it('double justification keeps a decoded schedule valid, never longer, and its list in start order', () => {
    fc.assert(
      fc.property(
        problemArbitrary(),
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        (free, chosen, picks) => {
          // Pins taken from a feasible schedule, so that the problem stays feasible.
          const first = schedule(free, { maxSchedules: 1 });
          const problem: Problem = { ...free, tasks: free.tasks.map((t, j) => (chosen[j] ? { ...t, pin: first.tasks[j]!.start } : t)) };
          const kernel = new Kernel(compileProblem(problem));
          const list = randomList(problem, picks);
          const decoded = kernel.decode(list);
          if (decoded < 0) return; // a random list may miss a pinned successor's deadline
          expect(violations(problem, decoded, scheduled(problem, kernel.start))).toEqual([]);
          const before = kernel.start.slice();
          const justified = kernel.justify(list, decoded);
          expect(justified).toBeLessThanOrEqual(decoded);
          expect(violations(problem, justified, scheduled(problem, kernel.start))).toEqual([]);
          problem.tasks.forEach((t, j) => {
            if (t.pin !== undefined) expect(kernel.start[j]).toBe(before[j]);
          });
          for (let i = 1; i < list.length; i++) expect(kernel.start[list[i]!]!).toBeGreaterThanOrEqual(kernel.start[list[i - 1]!]!);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a peak-crossover child is a precedence-feasible permutation for any stretch of weeks', () => {
    fc.assert(
      fc.property(
        problemArbitrary(),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        fc.nat(),
        fc.nat(),
        (problem, motherPicks, fatherPicks, x, y) => {
          const c = compileProblem(problem);
          const kernel = new Kernel(c);
          const list = randomList(problem, motherPicks);
          const makespan = kernel.justify(list, kernel.decode(list));
          const mother = { list, start: kernel.start.slice() };
          const t1 = x % (makespan + 1);
          const t2 = t1 + 1 + (y % (makespan + 1));
          const child = new Int32Array(c.n).fill(-1);
          peakChild(c, mother, randomList(problem, fatherPicks), t1, t2, child);
          expect([...child].sort((a, b) => a - b)).toEqual(Array.from({ length: c.n }, (_, j) => j));
          const position = new Map([...child].map((j, i) => [j, i]));
          for (let j = 0; j < c.n; j++) {
            for (let k = c.predStart[j]!; k < c.predStart[j + 1]!; k++) expect(position.get(c.preds[k]!)!).toBeLessThan(position.get(j)!);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
