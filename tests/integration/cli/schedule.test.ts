import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'groundwork.mjs');
const dir = mkdtempSync(join(tmpdir(), 'groundwork-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, 'schedule', ...args], { cwd: root, input: input ?? '', encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const problem = {
  version: 1,
  resources: [
    { id: 'R1', capacity: 2 },
    { id: 'data-engineer', capacity: [{ from: 0, units: 1 }, { from: 6, units: 2 }] },
  ],
  tasks: [
    { id: '1', duration: 3, demand: { R1: 1, 'data-engineer': 1 }, predecessors: [] },
    { id: '2', duration: 2, demand: { 'data-engineer': 2 }, predecessors: ['1'] },
    { id: '3', duration: 0, demand: {}, predecessors: ['2'], release: 4, layer: 'move_store', title: 'Milestone' },
  ],
};

function expectOneLineError(result: ReturnType<typeof run>, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('groundwork schedule (child process)', () => {
  it('schedules a file: only the result JSON on stdout, exit 0', () => {
    const result = run([file('ok.json', problem)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      version: 1,
      makespan: 8,
      tasks: [
        { id: '1', start: 0, finish: 3 },
        { id: '2', start: 6, finish: 8 },
        { id: '3', start: 8, finish: 8 },
      ],
    });
  });

  it('reads stdin with "-" and explains with --explain', () => {
    const result = run(['-', '--explain', '--seed', '7'], JSON.stringify(problem));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as { tasks: { id: string; reason: { kind: string; text: string; resourceId?: string } }[] };
    expect(output.tasks.map((t) => t.reason.kind)).toEqual(['start', 'capacity', 'predecessor']);
    expect(output.tasks[1]?.reason).toMatchObject({ resourceId: 'data-engineer', week: 6 });
    expect(output.tasks[1]?.reason.text).toContain('data-engineer');
  });

  it('is reproducible with --seed and --max-schedules', () => {
    const path = file('repro.json', problem);
    const a = run([path, '--seed', '3', '--max-schedules', '500', '--explain']);
    const b = run([path, '--seed=3', '--max-schedules=500', '--explain']);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('malformed JSON: exit 2, one line on stderr, nothing on stdout', () => {
    expectOneLineError(run([file('bad.json', '{"version": 1, "tasks": [')]), /^groundwork schedule: malformed JSON: /);
  });

  it('a cycle is named', () => {
    const tasks = [
      { id: '3', duration: 1, demand: {}, predecessors: ['9'] },
      { id: '5', duration: 1, demand: {}, predecessors: ['3'] },
      { id: '9', duration: 1, demand: {}, predecessors: ['5'] },
    ];
    expectOneLineError(run(['-'], JSON.stringify({ ...problem, tasks })), /^groundwork schedule: cycle: (3|5|9) → (3|5|9) → (3|5|9) → (3|5|9)$/m);
  });

  it('an infeasible demand names the task and the resource', () => {
    const tasks = [{ id: '7', duration: 2, demand: { R1: 5 }, predecessors: [] }];
    expectOneLineError(run(['-'], JSON.stringify({ ...problem, tasks })), /^groundwork schedule: task "7"\.demand: needs 5 of "R1"/);
  });

  it('a bad number names the task and the field', () => {
    const tasks = [{ id: '7', duration: -1, demand: {}, predecessors: [] }];
    expectOneLineError(run(['-'], JSON.stringify({ ...problem, tasks })), /^groundwork schedule: task "7"\.duration: must be an integer ≥ 0/);
  });

  it('rejects bad arguments with exit 2', () => {
    const path = file('args.json', problem);
    expectOneLineError(run([path, '--fast']), /unknown option "--fast"/);
    expectOneLineError(run([path, '--seed', 'abc']), /--seed: must be an integer ≥ 0, got "abc"/);
    expectOneLineError(run([path, '--seed', '1.5']), /--seed: must be an integer/);
    expectOneLineError(run([path, '--time-limit']), /--time-limit needs a value/);
    expectOneLineError(run([]), /missing input FILE/);
    expectOneLineError(run([join(dir, 'absent.json')]), /cannot read ".*absent\.json" \(ENOENT\)/);
  });
});
