import { describe, expect, it } from 'vitest';
import { parseProblem, schedule, ScheduleError, validateProblem, type Problem } from '../../../../src/core/engine';

function errorOf(run: () => unknown): ScheduleError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScheduleError) return error;
    throw error;
  }
  throw new Error('expected a ScheduleError');
}

const base = {
  version: 1,
  resources: [
    { id: 'R1', capacity: 2 },
    { id: 'hire', capacity: [{ from: 0, units: 1 }, { from: 10, units: 3 }, { from: 20, units: 1 }] },
  ],
  tasks: [
    { id: '1', duration: 2, demand: { R1: 1 }, predecessors: [] },
    { id: '2', duration: 3, demand: { R1: 2 }, predecessors: ['1'] },
  ],
};

function withTask(task: Record<string, unknown>, extra: Record<string, unknown>[] = []): unknown {
  return { ...base, tasks: [...base.tasks, task, ...extra] };
}

describe('validation errors', () => {
  it('invalid-json', () => {
    const e = errorOf(() => parseProblem('{"version": 1,'));
    expect(e.code).toBe('invalid-json');
    expect(e.message).toMatch(/^malformed JSON: /);
  });

  it('bad-version', () => {
    const e = errorOf(() => validateProblem({ ...base, version: 2 }));
    expect(e.code).toBe('bad-version');
    expect(e.message).toBe('version: only version 1 is supported, got 2');
  });

  it('missing-field names the task and the field', () => {
    const e = errorOf(() => validateProblem(withTask({ id: '7', demand: {}, predecessors: [] })));
    expect(e).toMatchObject({ code: 'missing-field', taskId: '7', field: 'duration', message: 'task "7".duration: missing' });
    expect(errorOf(() => validateProblem({ version: 1, tasks: [] })).message).toBe('resources: missing');
  });

  it('bad-number names the task and the field', () => {
    const e = errorOf(() => validateProblem(withTask({ id: '7', duration: -1, demand: {}, predecessors: [] })));
    expect(e).toMatchObject({ code: 'bad-number', taskId: '7', field: 'duration' });
    expect(e.message).toBe('task "7".duration: must be an integer ≥ 0 and ≤ 1000000, got -1');
    expect(errorOf(() => validateProblem(withTask({ id: '8', duration: 1, demand: { R1: 1.5 }, predecessors: [] }))).message).toBe(
      'task "8".demand."R1": must be an integer ≥ 0 and ≤ 1000000, got 1.5',
    );
    expect(errorOf(() => validateProblem({ ...base, resources: [{ id: 'R1', capacity: [{ from: 4, units: 1 }, { from: 2, units: 2 }] }] })).code).toBe('bad-number');
  });

  it('bad-shape for wrong types', () => {
    expect(errorOf(() => validateProblem([])).code).toBe('bad-shape');
    expect(errorOf(() => validateProblem(withTask({ id: '7', duration: 1, demand: {}, predecessors: '1' }))).code).toBe('bad-shape');
  });

  it('duplicate-id', () => {
    const e = errorOf(() => validateProblem(withTask({ id: '1', duration: 1, demand: {}, predecessors: [] })));
    expect(e).toMatchObject({ code: 'duplicate-id', taskId: '1', message: 'task "1": duplicate task id' });
  });

  it('unknown-id for predecessors and resources', () => {
    expect(errorOf(() => validateProblem(withTask({ id: '7', duration: 1, demand: {}, predecessors: ['9'] })))).toMatchObject({
      code: 'unknown-id',
      taskId: '7',
      field: 'predecessors',
      message: 'task "7".predecessors: unknown task "9"',
    });
    expect(errorOf(() => validateProblem(withTask({ id: '7', duration: 1, demand: { R9: 1 }, predecessors: [] })))).toMatchObject({
      code: 'unknown-id',
      resourceId: 'R9',
    });
  });

  it('cycle names the cycle in precedence order', () => {
    const e = errorOf(() =>
      validateProblem({
        ...base,
        tasks: [
          { id: '1', duration: 1, demand: {}, predecessors: [] },
          { id: '3', duration: 1, demand: {}, predecessors: ['1', '9'] },
          { id: '5', duration: 1, demand: {}, predecessors: ['3'] },
          { id: '9', duration: 1, demand: {}, predecessors: ['5'] },
        ],
      }),
    );
    expect(e.code).toBe('cycle');
    expect(['cycle: 3 → 5 → 9 → 3', 'cycle: 5 → 9 → 3 → 5', 'cycle: 9 → 3 → 5 → 9']).toContain(e.message);
  });

  it('infeasible-demand names the task and the resource', () => {
    const e = errorOf(() => validateProblem(withTask({ id: '7', duration: 1, demand: { R1: 3 }, predecessors: [] })));
    expect(e).toMatchObject({ code: 'infeasible-demand', taskId: '7', resourceId: 'R1' });
    expect(e.message).toContain('task "7"');
    expect(e.message).toContain('"R1"');
    // 3 units exist only in weeks 10–19: 10 weeks fit, 11 do not.
    expect(() => validateProblem(withTask({ id: '8', duration: 10, demand: { hire: 3 }, predecessors: [] }))).not.toThrow();
    expect(errorOf(() => validateProblem(withTask({ id: '8', duration: 11, demand: { hire: 3 }, predecessors: [] }))).code).toBe('infeasible-demand');
    expect(errorOf(() => validateProblem(withTask({ id: '8', duration: 10, demand: { hire: 3 }, predecessors: [], release: 11 }))).code).toBe('infeasible-demand');
  });

  it('pin-conflict: before the release, before a pinned predecessor, over capacity', () => {
    expect(errorOf(() => validateProblem(withTask({ id: '7', duration: 1, demand: {}, predecessors: [], release: 5, pin: 3 })))).toMatchObject({
      code: 'pin-conflict',
      taskId: '7',
      field: 'pin',
      message: 'task "7".pin: week 3 is before its release week 5',
    });
    const pinnedPred = errorOf(() =>
      validateProblem(withTask({ id: '7', duration: 4, demand: {}, predecessors: [], pin: 2 }, [{ id: '8', duration: 1, demand: {}, predecessors: ['7'], pin: 5 }])),
    );
    expect(pinnedPred).toMatchObject({ code: 'pin-conflict', taskId: '8' });
    expect(pinnedPred.message).toBe('task "8".pin: week 5 is too early: its pinned predecessor "7" finishes at week 6');
    const chain = errorOf(() => validateProblem(withTask({ id: '7', duration: 1, demand: {}, predecessors: ['2'], pin: 3 })));
    expect(chain.message).toBe('task "7".pin: week 3 is too early: its predecessor "2" cannot finish before week 5');
    const overCapacity = errorOf(() =>
      validateProblem(withTask({ id: '7', duration: 2, demand: { R1: 2 }, predecessors: [], pin: 0 }, [{ id: '8', duration: 2, demand: { R1: 1 }, predecessors: [], pin: 1 }])),
    );
    expect(overCapacity).toMatchObject({ code: 'pin-conflict', taskId: '8', resourceId: 'R1' });
    expect(overCapacity.message).toContain('"7"');
  });

  it('pin-conflict when unpinned predecessors find no room before a pinned successor', () => {
    const problem: Problem = {
      version: 1,
      resources: [{ id: 'R', capacity: 1 }],
      tasks: [
        { id: 'a', duration: 2, demand: { R: 1 }, predecessors: [] },
        { id: 'b', duration: 2, demand: { R: 1 }, predecessors: [] },
        { id: 'c', duration: 1, demand: {}, predecessors: ['a', 'b'], pin: 3 },
      ],
    };
    const e = errorOf(() => schedule(problem, { maxSchedules: 200 }));
    expect(e.code).toBe('pin-conflict');
    expect(['a', 'b']).toContain(e.taskId);
  });

  it('no-room when capacity ends before all the work fits', () => {
    const problem: Problem = {
      version: 1,
      resources: [{ id: 'R', capacity: [{ from: 0, units: 1 }, { from: 3, units: 0 }] }],
      tasks: [
        { id: 'a', duration: 2, demand: { R: 1 }, predecessors: [] },
        { id: 'b', duration: 2, demand: { R: 1 }, predecessors: [] },
      ],
    };
    const e = errorOf(() => schedule(problem, { maxSchedules: 200 }));
    expect(e.code).toBe('no-room');
  });

  it('too-large for horizons the arrays cannot hold', () => {
    const tasks = Array.from({ length: 40 }, (_, i) => ({ id: String(i), duration: 1_000_000, demand: { R1: 1 }, predecessors: [] }));
    expect(errorOf(() => validateProblem({ ...base, tasks })).code).toBe('too-large');
  });
});
