import { describe, expect, it } from 'vitest';
import { schedule, validateProblem, type Problem } from '../../../../src/core/engine';
import { violations } from './checker';

describe('schedule', () => {
  it('an empty problem has makespan 0', () => {
    expect(schedule({ version: 1, resources: [], tasks: [] }).makespan).toBe(0);
  });

  it('is deterministic for a seed and a schedule budget', () => {
    const problem: Problem = {
      version: 1,
      resources: [{ id: 'R', capacity: [{ from: 0, units: 2 }, { from: 6, units: 3 }] }],
      tasks: Array.from({ length: 25 }, (_, j) => ({
        id: `t${j}`,
        duration: 1 + ((j * 7) % 5),
        demand: { R: 1 + (j % 3) },
        predecessors: j > 2 ? [`t${(j * 5) % j}`] : [],
      })),
    };
    const a = schedule(problem, { seed: 42, maxSchedules: 2000, timeLimitMs: 60_000, explain: true });
    const b = schedule(problem, { seed: 42, maxSchedules: 2000, timeLimitMs: 60_000, explain: true });
    expect(b.tasks).toEqual(a.tasks);
    expect(b.stats.schedulesEvaluated).toBe(a.stats.schedulesEvaluated);
    expect(violations(problem, a.makespan, a.tasks)).toEqual([]);
  });

  it('schedules 1,000 tasks with step capacities validly', () => {
    let x = 12345;
    const next = (k: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x % k;
    };
    const roles = ['a', 'b', 'c'];
    const problem: Problem = {
      version: 1,
      resources: roles.map((id) => ({ id, capacity: [{ from: 0, units: 2 }, { from: 30, units: 4 }, { from: 90, units: 3 }] })),
      tasks: Array.from({ length: 1000 }, (_, j) => ({
        id: String(j),
        duration: 1 + next(6),
        demand: { [roles[next(3)]!]: 1 + next(3) },
        predecessors: j > 0 && next(2) === 0 ? [String(j - 1 - next(Math.min(j, 40)))] : [],
        ...(next(20) === 0 ? { release: next(50) } : {}),
      })),
    };
    const result = schedule(problem, { maxSchedules: 20, explain: true });
    expect(violations(problem, result.makespan, result.tasks)).toEqual([]);
    expect(result.tasks.every((t) => t.reason !== undefined)).toBe(true);
  }, 60_000);

  it('stops at the lower bound', () => {
    const problem: Problem = {
      version: 1,
      resources: [{ id: 'R', capacity: 1 }],
      tasks: [
        { id: 'a', duration: 3, demand: { R: 1 }, predecessors: [] },
        { id: 'b', duration: 2, demand: {}, predecessors: ['a'] },
      ],
    };
    const result = schedule(problem);
    expect(result.makespan).toBe(5);
    expect(result.stats.stoppedBy).toBe('lower-bound');
  });

  it('explains a hire: capacity that starts later', () => {
    const problem = validateProblem({
      version: 1,
      resources: [{ id: 'data-scientist', capacity: [{ from: 26, units: 1 }] }],
      tasks: [{ id: 'model', duration: 4, demand: { 'data-scientist': 1 }, predecessors: [] }],
    });
    const [task] = schedule(problem, { explain: true }).tasks;
    expect(task).toMatchObject({ start: 26, finish: 30, reason: { kind: 'capacity', resourceId: 'data-scientist', week: 26, unitsBefore: 0, needed: 1 } });
    expect(task?.reason?.text).toBe('waits for "data-scientist" capacity: 0 units in week 25, it needs 1; 1 from week 26');
  });

  it('explains predecessors, releases, pins and busy resources from the data', () => {
    const problem = validateProblem({
      version: 1,
      resources: [{ id: 'data-engineer', capacity: 2 }],
      tasks: [
        { id: '3', duration: 12, demand: { 'data-engineer': 1 }, predecessors: [], pin: 0 },
        { id: 'free', duration: 1, demand: {}, predecessors: [] },
        { id: '8', duration: 12, demand: { 'data-engineer': 1 }, predecessors: [], pin: 0 },
        { id: 'etl', duration: 2, demand: { 'data-engineer': 1 }, predecessors: [] },
        { id: 'next', duration: 1, demand: {}, predecessors: ['etl'] },
        { id: 'later', duration: 1, demand: {}, predecessors: [], release: 30 },
      ],
    });
    const result = schedule(problem, { explain: true });
    const reason = (id: string) => result.tasks.find((t) => t.id === id)?.reason;
    expect(reason('8')).toMatchObject({ kind: 'pin', week: 0 });
    expect(reason('free')).toMatchObject({ kind: 'start' });
    expect(reason('etl')).toMatchObject({ kind: 'resource', resourceId: 'data-engineer', week: 12, taskIds: ['3', '8'] });
    expect(reason('etl')?.text).toBe('waits for "data-engineer" until week 12: in week 11 "3", "8" hold 2 of its 2 units and it needs 1');
    expect(reason('next')).toMatchObject({ kind: 'predecessor', taskIds: ['etl'], week: 14 });
    expect(reason('later')).toMatchObject({ kind: 'release', week: 30 });
  });
});
