import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { GROUNDWORK_APPLICATION_ID, WorkspaceError, openWorkspace } from '../../../src/storage';
import { MIGRATIONS, open, openReadOnly, raw, sha256, sideFiles, tempDir } from './helpers';

describe('creating and reopening a workspace', () => {
  it('creates a fresh workspace: schema 4, our application id, WAL, foreign keys, STRICT tables', () => {
    const file = join(tempDir(), 'fresh.groundwork');
    const workspace = open(file);
    expect(workspace.path).toBe(file);
    expect(workspace.schemaVersion).toBe(4);
    expect(workspace.migratedFrom).toBeNull();
    expect(workspace.backupPath).toBeNull();
    expect(workspace.isEmpty()).toBe(true);
    expect(workspace.getOrganisation()).toEqual({ name: '' });
    workspace.close();
    // A clean close leaves no side files.
    expect(sideFiles(file)).toEqual([]);

    // Not read-only: a read-only connection to a WAL file leaves -wal/-shm behind.
    const db = raw(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(4);
      expect(db.pragma('application_id', { simple: true })).toBe(GROUNDWORK_APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare<[], { name: string; strict: number }>(
          "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all();
      expect(tables.map((t) => t.name)).toEqual(['baselines', 'capabilities', 'capability_days', 'history', 'meta', 'people', 'roles', 'scenarios', 'work_items']);
      expect(tables.every((t) => t.strict === 1)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('turns foreign keys on for the connection it hands out', () => {
    const file = join(tempDir(), 'fk.groundwork');
    const workspace = open(file);
    workspace.createRole({ id: 'r', name: 'Role' });
    workspace.createPerson({ id: 'p', name: 'P', roleId: 'r', fte: 1, status: 'on_staff' });
    // Enforced by the schema, not only by the repository's pre-check: see the refused delete below.
    expect(() => workspace.deleteRole('r')).toThrow(/still held by 1 person/);
  });

  it('refuses a missing file with create: false, and creates nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'missing.groundwork');
    expect(() => openWorkspace(file, { migrationsDir: MIGRATIONS, create: false })).toThrow(
      expect.objectContaining({ code: 'not-found', path: file }),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('initialises a 0-byte file as a new workspace', () => {
    const file = join(tempDir(), 'touched.groundwork');
    writeFileSync(file, '');
    const workspace = open(file, { create: false });
    expect(workspace.schemaVersion).toBe(4);
    expect(workspace.isEmpty()).toBe(true);
  });

  it('initialises an empty SQLite database (no tables, no ids) as a new workspace', () => {
    const file = join(tempDir(), 'blank.groundwork');
    const db = raw(file);
    db.pragma('page_size = 4096');
    db.exec('VACUUM');
    db.close();
    const workspace = open(file);
    expect(workspace.schemaVersion).toBe(4);
  });

  it('keeps every entity after close and reopen', () => {
    const file = join(tempDir(), 'reopen.groundwork');
    const first = open(file);
    first.setOrganisation({ name: 'Acme Analytics' });
    first.createRole({ id: 'analyst', name: 'Data analyst', builds: ['aggregate_label'] });
    first.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    first.createPerson({ id: 'p1', name: 'Ada', roleId: 'analyst', fte: 0.5, status: 'on_staff', startDate: '2026-01-05' });
    const before = {
      organisation: first.getOrganisation(),
      capabilities: first.listCapabilities(),
      roles: first.listRoles(),
      people: first.listPeople(),
      history: first.listHistory(),
    };
    first.close();
    expect(sideFiles(file)).toEqual([]);

    const second = open(file, { create: false });
    expect(second.migratedFrom).toBeNull();
    expect({
      organisation: second.getOrganisation(),
      capabilities: second.listCapabilities(),
      roles: second.listRoles(),
      people: second.listPeople(),
      history: second.listHistory(),
    }).toEqual(before);
  });

  it('opens read-only without changing the file or leaving side files, and refuses writes', () => {
    const file = join(tempDir(), 'ro.groundwork');
    const writer = open(file);
    writer.createRole({ id: 'r', name: 'Role' });
    writer.close();
    const hash = sha256(file);

    const reader = openReadOnly(file);
    expect(reader.listRoles().map((r) => r.id)).toEqual(['r']);
    // A write through a read-only workspace does not compile, and the object has no write methods.
    expectTypeOf(reader).not.toHaveProperty('createRole');
    expect('createRole' in reader).toBe(false);
    expect(sideFiles(file)).toEqual([]);
    reader.close();
    expect(sha256(file)).toBe(hash);
    expect(() => openReadOnly(join(tempDir(), 'none.groundwork'))).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });

  it('reads a workspace that another connection has open (its data still in the -wal)', () => {
    const file = join(tempDir(), 'busy.groundwork');
    const writer = open(file);
    writer.createRole({ id: 'r', name: 'Role' });
    expect(existsSync(`${file}-wal`)).toBe(true);
    const reader = openReadOnly(file);
    expect(reader.listRoles().map((r) => r.id)).toEqual(['r']);
  });

  it('keeps what was committed before a crash (the data still in the -wal)', () => {
    const dir = tempDir();
    const file = join(dir, 'live.groundwork');
    const live = open(file);
    live.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    live.updateCapability('warehouse', { currentMaturity: 3 });
    // What a power loss leaves: the file and its -wal/-shm, no checkpoint, no clean close.
    const crashed = join(dir, 'crashed.groundwork');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, `${crashed}${suffix}`);

    const reader = openReadOnly(crashed);
    expect(reader.getCapability('warehouse')?.currentMaturity).toBe(3);
    reader.close();
    const reopened = open(crashed, { create: false });
    expect(reopened.getCapability('warehouse')?.currentMaturity).toBe(3);
    expect(reopened.listHistory({ entityId: 'warehouse' })).toHaveLength(4);
    reopened.close();
    expect(sideFiles(crashed)).toEqual([]);
  });

  it('saves a copy (File → Save As) that opens with the same data, and stays on its own file', async () => {
    const dir = tempDir();
    const file = join(dir, 'original.groundwork');
    const workspace = open(file);
    workspace.setOrganisation({ name: 'Acme' });
    workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    const target = join(dir, 'copy.groundwork');
    writeFileSync(target, 'an older file the user chose to replace');

    await expect(workspace.saveCopyTo(target)).resolves.toBe(target);
    expect(readdirSync(dir).filter((name) => name.includes('tmp'))).toEqual([]);
    await expect(workspace.saveCopyTo(file)).rejects.toThrow(expect.objectContaining({ code: 'conflict' }));

    workspace.updateCapability('warehouse', { currentMaturity: 3 });
    const copy = open(target, { create: false });
    expect(copy.getOrganisation()).toEqual({ name: 'Acme' });
    expect(copy.getCapability('warehouse')?.currentMaturity).toBe(2);
    expect(workspace.getCapability('warehouse')?.currentMaturity).toBe(3);
  });

  it('is a WorkspaceError that names the file', () => {
    const file = join(tempDir(), 'x.groundwork');
    try {
      openWorkspace(file, { migrationsDir: MIGRATIONS, create: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkspaceError);
      expect((error as WorkspaceError).message).toContain(file);
    }
  });
});
