import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schedule, ScheduleError, validateProblem, type Problem } from '../../../../src/core/engine';
import { problemArbitrary } from './arbitraries';
import { reasonProblems, violations } from './checker';

const budget = { maxSchedules: 300, timeLimitMs: 60_000 };
/** Generous: the CI machine may be shared; the tests check behaviour, not speed. */
const slow = 60_000;

describe('schedule (property-based)', () => {
  it('every schedule passes the independent checker, and every reason really binds', () => {
    fc.assert(
      fc.property(problemArbitrary(), fc.integer({ min: 0, max: 1000 }), (problem, seed) => {
        validateProblem(problem);
        const result = schedule(problem, { ...budget, seed, explain: true });
        expect(violations(problem, result.makespan, result.tasks)).toEqual([]);
        expect(reasonProblems(problem, result.tasks)).toEqual([]);
        expect(result.makespan).toBeGreaterThanOrEqual(result.stats.lowerBound);
      }),
      { numRuns: 150 },
    );
  }, slow);

  it('keeps pins taken from a feasible schedule and schedules the rest around them', () => {
    fc.assert(
      fc.property(problemArbitrary(), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), (problem, chosen) => {
        const free = schedule(problem, budget);
        const pinned: Problem = {
          ...problem,
          tasks: problem.tasks.map((t, j) => (chosen[j] ? { ...t, pin: free.tasks[j]!.start } : t)),
        };
        const result = schedule(pinned, { ...budget, explain: true });
        expect(violations(pinned, result.makespan, result.tasks)).toEqual([]);
        expect(reasonProblems(pinned, result.tasks)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, slow);

  it('arbitrary pins either give a valid schedule or a pin-conflict naming a task', () => {
    fc.assert(
      fc.property(problemArbitrary(), fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), { minLength: 14, maxLength: 14 }), (problem, pins) => {
        const pinned: Problem = {
          ...problem,
          tasks: problem.tasks.map((t, j) => (pins[j] === undefined ? t : { ...t, pin: pins[j] })),
        };
        try {
          const result = schedule(pinned, budget);
          expect(violations(pinned, result.makespan, result.tasks)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(ScheduleError);
          const e = error as ScheduleError;
          expect(['pin-conflict', 'infeasible-demand', 'no-room']).toContain(e.code);
          expect(e.taskId).toBeDefined();
          expect(e.message).toContain(`"${e.taskId}"`);
        }
      }),
      { numRuns: 150 },
    );
  }, slow);

  it('rejects a predecessor edge that closes a cycle, naming the cycle', () => {
    fc.assert(
      fc.property(problemArbitrary(), fc.nat(), fc.nat(), (problem, a, b) => {
        const n = problem.tasks.length;
        const from = a % n;
        const to = b % n;
                const tasks = problem.tasks.map((t, j) => (j === from ? { ...t, predecessors: [...t.predecessors, `t${to}`] } : t));
        // A cycle exactly when task `to` already depends, transitively, on task `from`.
        const dependsOn = (j: number, target: number): boolean =>
          j === target || problem.tasks[j]!.predecessors.some((p) => dependsOn(Number(p.slice(1)), target));
        const closesCycle = dependsOn(to, from);
        let caught: unknown;
        try {
          schedule({ ...problem, tasks }, budget);
        } catch (error) {
          caught = error;
        }
        if (!closesCycle) expect(caught).toBeUndefined();
        else {
          expect((caught as ScheduleError).code).toBe('cycle');
          expect((caught as ScheduleError).message).toMatch(/^cycle: (t\d+ → )+t\d+$/);
          expect((caught as ScheduleError).message).toContain(`t${from}`);
        }
      }),
      { numRuns: 100 },
    );
  }, slow);

  it('rejects negative or fractional numbers with bad-number, naming task and field', () => {
    fc.assert(
      fc.property(
        problemArbitrary(),
        fc.nat(),
        fc.constantFrom('duration', 'release', 'pin'),
        fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true })),
        (problem, k, field, value) => {
          const j = k % problem.tasks.length;
          const tasks = problem.tasks.map((t, i) => (i === j ? { ...t, [field]: value } : t));
          let caught: unknown;
          try {
            validateProblem({ ...problem, tasks });
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(ScheduleError);
          expect((caught as ScheduleError).code).toBe('bad-number');
          expect((caught as ScheduleError).taskId).toBe(`t${j}`);
          expect((caught as ScheduleError).field).toBe(field);
          expect((caught as ScheduleError).message).toContain(`task "t${j}".${field}`);
        },
      ),
      { numRuns: 100 },
    );
  }, slow);
});
