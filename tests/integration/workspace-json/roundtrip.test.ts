import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceJsonError, formatWorkspaceJson, type WorkspaceJson } from '../../../src/core/workspace-json';
import { StorageError, exportWorkspaceJson, importWorkspaceJson } from '../../../src/storage';
import { MIGRATIONS, copyFixture, open, openReadOnly, sha256, tempDir } from '../storage/helpers';
import { EXPORTED, demoWorkspace } from './helpers';

const options = { migrationsDir: MIGRATIONS };

/** The files in `dir`, without SQLite's side files of a workspace still open. */
function files(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !/-(wal|shm)$/.test(name))
    .sort();
}

function exported(dir: string): WorkspaceJson {
  const ws = demoWorkspace(dir);
  const doc = exportWorkspaceJson(ws, EXPORTED);
  ws.close();
  return doc;
}

describe('export → import → export', () => {
  it('is byte-identical for the demo workspace with work items and two scenarios', () => {
    const dir = tempDir();
    const first = exported(dir);
    expect(first.workItems).toHaveLength(3);
    expect(first.scenarios.map((s) => [s.name, s.isDefault])).toEqual([
      ['Baseline', true],
      ['Lean', false],
    ]);
    expect(first.history.some((h) => h.entity === 'work_item' && h.field === 'pinnedStart')).toBe(true);
    // Version 2's additions come through: actual dates, run work and loans, settings, baselines.
    expect(first.version).toBe(2);
    expect(first.workItems.find((w) => w.id === 'wi-orchestration')?.actualStart).toBe('2027-01-12');
    expect(first.scenarios[1]).toMatchObject({ runShare: 0.3, borrowed: [{ roleId: 'software-engineer', fte: 0.5, startDate: '2027-05-03', weeks: 6, note: 'Checkout squad' }] });
    expect(first.settings).toEqual({ fiscalYearStartMonth: 4, currency: 'EUR' });
    expect(first.baselines.map((b) => [b.name, b.plan.items.length > 0])).toEqual([['First plan as approved', true]]);
    // Role-keyed maps are sorted, whatever order they were written in.
    expect(Object.keys(first.scenarios[1]?.salaries ?? {})).toEqual(['data-engineer', 'ml-engineer']);

    const target = join(dir, 'imported.groundwork');
    expect(importWorkspaceJson(JSON.parse(formatWorkspaceJson(first)), target, options)).toEqual({ path: target });
    const imported = open(target, { create: false });
    const second = exportWorkspaceJson(imported, EXPORTED);
    expect(formatWorkspaceJson(second)).toBe(formatWorkspaceJson(first));
    // The import wrote no history of its own, and the new file still has exactly one default scenario.
    expect(imported.listHistory()).toHaveLength(first.history.length);
    expect(imported.listScenarios().filter((s) => s.isDefault)).toHaveLength(1);
    // No temporary file is left beside the target (the open workspace has its -wal/-shm).
    expect(files(dir)).toEqual(['demo.groundwork', 'imported.groundwork']);
  });

  it('reads a version 1 file: what version 2 added takes its defaults, the rest is kept', () => {
    const dir = tempDir();
    const v2 = exported(dir);
    const v1 = JSON.parse(formatWorkspaceJson(v2)) as Record<string, unknown> & { workItems: Record<string, unknown>[]; scenarios: Record<string, unknown>[]; history: Record<string, unknown>[] };
    v1['version'] = 1;
    delete v1['settings'];
    delete v1['baselines'];
    for (const w of v1.workItems) {
      delete w['actualStart'];
      delete w['actualFinish'];
    }
    for (const s of v1.scenarios) {
      delete s['runShare'];
      delete s['borrowed'];
    }
    v1.history = v1.history.filter((h) => h['field'] !== 'actualStart' && h['field'] !== 'actualFinish');
    const target = join(dir, 'from-v1.groundwork');
    importWorkspaceJson(v1, target, options);
    const ws = open(target, { create: false });
    const back = exportWorkspaceJson(ws, EXPORTED);
    expect(back.version).toBe(2);
    expect(back.settings).toEqual({ fiscalYearStartMonth: 1, currency: '' });
    expect(back.baselines).toEqual([]);
    expect(back.scenarios.map((s) => [s.runShare, s.borrowed])).toEqual([[0.2, []], [0.2, []]]);
    expect(back.workItems.map((w) => w.actualStart)).toEqual([null, null, null]);
    expect(back.capabilities).toEqual(v2.capabilities);
    expect(back.people).toEqual(v2.people);
  });

  it('a schema 1 workspace read-only exports the default scenario loadPlanInput would plan with', () => {
    const ws = openReadOnly(copyFixture(1, tempDir()));
    const doc = exportWorkspaceJson(ws, EXPORTED);
    expect(doc.scenarios).toMatchObject([{ name: 'Baseline', isDefault: true, startDate: '2027-01-01' }]);
  });
});

describe('bad files', () => {
  function breaks(change: (doc: Record<string, unknown> & WorkspaceJson) => void, problem: RegExp): void {
    const dir = tempDir();
    const doc = structuredClone(exported(dir)) as Record<string, unknown> & WorkspaceJson;
    change(doc);

    const target = join(dir, 'new.groundwork');
    let caught: unknown;
    try {
      importWorkspaceJson(doc, target, options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkspaceJsonError);
    expect((caught as WorkspaceJsonError).problems.join('\n')).toMatch(problem);
    expect(existsSync(target)).toBe(false);

    // With overwrite, an existing target is left byte for byte.
    const existing = join(dir, 'demo.groundwork');
    const hash = sha256(existing);
    expect(() => importWorkspaceJson(doc, existing, { ...options, overwrite: true })).toThrow(WorkspaceJsonError);
    expect(sha256(existing)).toBe(hash);
    expect(readdirSync(dir)).toEqual(['demo.groundwork']);
  }

  type Doc = Record<string, unknown> & WorkspaceJson;
  const mutable = (doc: Doc) => doc as unknown as {
    version: number;
    people: { startDate: string | null; roleId: string; id: string }[];
    workItems: { id: string; predecessors: string[] }[];
    scenarios: { isDefault: boolean }[];
  };

  it('wrong version', () => breaks((d) => (mutable(d).version = 3), /^version: 3 is not supported/));
  it('a bad start date', () => breaks((d) => (mutable(d).people[1]!.startDate = '2027-13-01'), /^people\[1\]\.startDate: not a date \(use YYYY-MM-DD\)$/m));
  it('an unknown role', () => breaks((d) => (mutable(d).people[0]!.roleId = 'wizard'), /^people\[0\]\.roleId: no role "wizard" in roles$/m));
  it('a cycle among work items', () =>
    breaks((d) => (mutable(d).workItems[0]!.predecessors = [mutable(d).workItems[2]!.id]), /^workItems\[0\]\.predecessors: dependency cycle "Orchestrate the nightly loads" → /m));
  it('duplicate ids', () => breaks((d) => (mutable(d).people[1]!.id = mutable(d).people[0]!.id), /^people\[1\]\.id: ".*" is already used by people\[0\]$/m));
  it('two default scenarios', () => breaks((d) => (mutable(d).scenarios[1]!.isDefault = true), /^scenarios\[1\]\.isDefault: a second default scenario/m));
});

describe('the target', () => {
  it('is refused when it exists, unless overwrite; overwrite replaces it with the complete new workspace', () => {
    const dir = tempDir();
    const doc = exported(dir);
    const existing = join(dir, 'demo.groundwork');
    const hash = sha256(existing);
    expect(() => importWorkspaceJson(doc, existing, options)).toThrow(expect.objectContaining({ code: 'conflict', field: 'target' }));
    expect(() => importWorkspaceJson(doc, existing, options)).toThrow(StorageError);
    expect(sha256(existing)).toBe(hash);

    const lean = { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, isDefault: s.id === 'lean' })) };
    importWorkspaceJson(lean, existing, { ...options, overwrite: true });
    const replaced = open(existing, { create: false });
    expect(replaced.listScenarios()[0]?.id).toBe('lean');
    expect(files(dir)).toEqual(['demo.groundwork']);
  });
});
