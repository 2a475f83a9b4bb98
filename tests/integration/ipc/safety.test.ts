import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/host/handlers';
import { dispatch, dispatchApp } from '../../../src/host/dispatch';
import { createAppHandlers } from '../../../src/host/app-handlers';
import { inlineJobRunner } from '../../../src/host/job-runner';
import { WorkspaceSession } from '../../../src/host/session';
import type { BackupList, CsvImportAnswer, CsvPreview, RestoreAnswer } from '../../../src/shared/contract';
import { tempDir } from '../storage/helpers';

function setup() {
  const dir = tempDir();
  const session = new WorkspaceSession({ migrationsDir: resolve('migrations') });
  session.switchTo(join(dir, 'acme.groundwork'), true);
  const saves: (string | null)[] = [];
  const switched: string[] = [];
  let writes = 0;
  const handlers = createHandlers({
    workspace: () => session.current,
    today: () => '2026-11-27',
    session,
    chooseSavePath: async () => saves.shift() ?? null,
    onSwitched: (path: string) => switched.push(path),
    afterWrite: () => writes++,
  });
  const call = async <T>(method: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, method, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  return { dir, session, saves, switched, call, writes: () => writes };
}

describe('backup and restore over IPC', () => {
  it('lists, backs up, restores over the open workspace and undoes it; restores into a new file and opens it', async () => {
    const { dir, session, saves, switched, call } = setup();
    await call('workspace.openDemo', {});
    const first = await call<BackupList>('backup.create', {});
    expect(first.backups).toHaveLength(1);
    await call('workspace.setOrganisation', { name: 'Renamed' });
    const restored = await call<RestoreAnswer>('backup.restore', { path: first.backups[0]?.path, target: 'current' });
    expect(restored.snapshot.organisation.name).toBe('Northwind Commerce');
    expect(restored.undoBackup).toMatch(/\.restore\./);
    const undone = await call<RestoreAnswer>('backup.restore', { path: restored.undoBackup, target: 'current' });
    expect(undone.snapshot.organisation.name).toBe('Renamed');

    const copy = join(dir, 'copy.groundwork');
    saves.push(copy);
    const list = await call<BackupList>('backup.list', {});
    const asNew = await call<RestoreAnswer>('backup.restore', { path: list.backups.at(-1)?.path, target: 'new' });
    expect(asNew.restoredTo).toBe(copy);
    expect(session.current.path).toBe(copy);
    expect(switched).toEqual([copy]);
  });

  it('awaits the before-write hook (the open backup, while still due) before a write method runs; a read runs no hook', async () => {
    const session = new WorkspaceSession({ migrationsDir: resolve('migrations') });
    session.switchTo(join(tempDir(), 'order.groundwork'), true);
    const seen: string[] = [];
    const handlers = createHandlers({
      workspace: () => session.current,
      today: () => '2026-11-27',
      session,
      beforeWrite: async () => {
        await new Promise((r) => setTimeout(r, 5));
        seen.push(`before: ${session.current.getOrganisation().name || '(unnamed)'}`);
      },
      afterWrite: () => seen.push(`after: ${session.current.getOrganisation().name}`),
    });
    expect((await dispatch(handlers, 'workspace.snapshot', {})).ok).toBe(true);
    expect((await dispatch(handlers, 'workspace.setOrganisation', { name: 'Renamed' })).ok).toBe(true);
    expect(seen).toEqual(['before: (unnamed)', 'after: Renamed']);
    session.close();
  });

  it('restores only the backups it listed', async () => {
    const { call } = setup();
    await expect(call('backup.restore', { path: '/etc/passwd', target: 'current' })).rejects.toMatchObject({ code: 'not-found', field: 'path' });
  });
});

describe('CSV over IPC', () => {
  it('previews, imports after a backup, and exports where the user picks', async () => {
    const { dir, saves, call, writes } = setup();
    await call('workspace.openDemo', {});
    const before = writes();
    const data = Buffer.from('Name,Role\r\nAda,Data engineer\r\nBob,Wizard\r\n').toString('base64');
    const preview = await call<CsvPreview>('csv.preview', { kind: 'people', data });
    expect(preview.counts).toMatchObject({ add: 1, invalid: 1 });
    expect(writes()).toBe(before);
    await expect(call('csv.import', { kind: 'people', data })).rejects.toMatchObject({ code: 'invalid-input', field: 'data' });
    const good = Buffer.from('Name,Role\r\nAda,Data engineer\r\n').toString('base64');
    const imported = await call<CsvImportAnswer>('csv.import', { kind: 'people', data: good });
    expect(imported).toMatchObject({ created: 1, updated: 0 });
    expect(imported.backup).toMatch(/\.csv-import\./);
    expect(writes()).toBe(before + 1);

    const out = join(dir, 'inventory.csv');
    saves.push(out);
    expect(await call('csv.export', { table: 'inventory' })).toEqual({ path: out });
    expect(readFileSync(out, 'utf8')).toMatch(/^\ufeffLayer,Name,Current maturity/);
    expect(await call('csv.export', { table: 'hiring' })).toEqual({ path: null });
  });
});

describe('exports as of the status date', () => {
  it('plans the roadmap CSV and the comparison PDF as of the date the app plans as of, not today', async () => {
    const { dir, saves, call } = setup();
    await call('workspace.openDemo', {});
    const asOf = '2027-06-01';
    const roadmap = join(dir, 'roadmap.csv');
    saves.push(roadmap);
    await call('csv.export', { table: 'roadmap', asOf });
    const starts = readFileSync(roadmap, 'utf8')
      .split('\r\n')
      .slice(1)
      .flatMap((line) => line.match(/,(\d{4}-\d{2}-\d{2}),\d{4}-\d{2}-\d{2},/)?.[1] ?? []);
    expect(starts.length).toBeGreaterThan(10);
    // Work in progress keeps its actual start; nothing else starts before the status date.
    expect(starts.filter((d) => d < asOf).length).toBeLessThanOrEqual(3);
    const today = join(dir, 'roadmap-today.csv');
    saves.push(today);
    await call('csv.export', { table: 'roadmap' });
    expect(readFileSync(today, 'utf8')).not.toBe(readFileSync(roadmap, 'utf8'));

    type Snap = { scenarios: ({ id: string; isDefault: boolean } & Record<string, unknown>)[] };
    const { id: _id, isDefault: _d, ...fields } = (await call<Snap>('workspace.snapshot', {})).scenarios[0]!;
    await call('scenario.create', { ...fields, name: 'No hiring', hiringBudgetPerQuarter: 0 });
    const ids = (await call<Snap>('workspace.snapshot', {})).scenarios.map((s) => s.id);
    expect(ids).toHaveLength(2);
    const pdf = join(dir, 'comparison.pdf');
    expect(await call('plan.exportComparison', { scenarioIds: ids, asOf, savePath: pdf })).toEqual({ path: pdf });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(call('csv.export', { table: 'roadmap', asOf: '2027-02-30' })).rejects.toMatchObject({ code: 'invalid-input', field: 'asOf' });
  });
});

describe('a damaged workspace at start (app contract)', () => {
  it('names its newest good backup and restores it into a new file beside it, which is opened; the damaged file stays', async () => {
    const { dir, session, call } = setup();
    await call('workspace.openDemo', {});
    const damaged = session.current.path;
    await call<BackupList>('backup.create', {});
    session.close();
    writeFileSync(damaged, Buffer.alloc(8192, 5));
    const bytes = readFileSync(damaged);
    const app = createAppHandlers({ session, today: () => '2026-11-27', jobs: inlineJobRunner(), chosen: { scenarioId: null } });
    const recovery = await dispatchApp(app, 'app.recovery', { path: damaged });
    expect(recovery).toMatchObject({ ok: true, value: { newestBackup: { capabilities: 31, people: 7 } } });
    const backup = recovery.ok ? (recovery.value as { newestBackup: { path: string } }).newestBackup.path : '';
    expect(await dispatchApp(app, 'app.restoreAsNew', { path: damaged, backup: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const restored = await dispatchApp(app, 'app.restoreAsNew', { path: damaged, backup });
    expect(restored).toMatchObject({ ok: true, value: { path: join(dir, 'acme (restored 2026-12-01).groundwork'.replace('2026-12-01', new Date().toISOString().slice(0, 10))), organisation: 'Northwind Commerce' } });
    expect(readFileSync(damaged).equals(bytes)).toBe(true);
  });
});
