import fc from 'fast-check';
import type { Problem, Task } from '../../../../src/core/engine';

export interface Shape {
  readonly pins?: boolean;
}

/**
 * Random feasible problems: a DAG (predecessors among earlier tasks, ids shuffled by a prefix),
 * 1–3 resources with step capacities that may go down, demands within the last step's capacity
 * (so that every problem without pins can be scheduled), and optional releases.
 */
export function problemArbitrary(): fc.Arbitrary<Problem> {
  return fc
    .record({
      resources: fc.array(
        fc.record({
          steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 6 }), units: fc.integer({ min: 0, max: 4 }) }), { minLength: 0, maxLength: 3 }),
          last: fc.integer({ min: 1, max: 4 }),
          constant: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      tasks: fc.array(
        fc.record({
          duration: fc.integer({ min: 0, max: 5 }),
          demands: fc.array(fc.record({ r: fc.nat(), units: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
          preds: fc.array(fc.nat(), { maxLength: 3 }),
          release: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 14 },
      ),
    })
    .map(({ resources, tasks }) => {
      const res = resources.map((r, i) => {
        if (r.constant) return { id: `r${i}`, capacity: r.last };
        let from = 0;
        const steps = r.steps.map((s) => {
          const step = { from, units: s.units };
          from += s.gap;
          return step;
        });
        steps.push({ from, units: r.last });
        return { id: `r${i}`, capacity: steps };
      });
      const finalUnits = resources.map((r) => r.last);
      const built: Task[] = tasks.map((t, j) => {
        const demand: Record<string, number> = {};
        for (const d of t.demands) {
          const r = d.r % res.length;
          demand[`r${r}`] = Math.min(d.units, finalUnits[r]!);
        }
        const predecessors = j === 0 ? [] : [...new Set(t.preds.map((p) => `t${p % j}`))];
        return { id: `t${j}`, duration: t.duration, demand, predecessors, ...(t.release === undefined ? {} : { release: t.release }) };
      });
      return { version: 1 as const, resources: res, tasks: built };
    });
}
