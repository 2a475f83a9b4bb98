import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WorkspaceError, latestVersion, migrate, openWorkspace, readMigrations } from '../../../src/storage';
import { FIXTURES, MIGRATIONS, copyFixture, open, openReadOnly, raw, sha256, sideFiles, tempDir } from './helpers';

/** A migrations folder holding the real migrations plus `extra` (file name → SQL). */
function migrationsWith(extra: Record<string, string>): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  for (const name of readdirSync(MIGRATIONS)) copyFileSync(join(MIGRATIONS, name), join(dir, name));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

/** A made-up schema 5, to exercise the runner beyond the released migrations. */
const ADD_BUDGET = `
ALTER TABLE capabilities ADD COLUMN budget INTEGER;
CREATE TABLE budget_lines (id TEXT NOT NULL PRIMARY KEY, capability_id TEXT NOT NULL REFERENCES capabilities (id)) STRICT;
`;

function userVersion(file: string): number {
  const db = raw(file);
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
}

function columns(file: string, table: string): string[] {
  const db = raw(file);
  try {
    return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
  } finally {
    db.close();
  }
}

describe('the committed fixture of every released schema version', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => /^v\d+\.groundwork$/.test(name));
  const latest = latestVersion(readMigrations(MIGRATIONS));

  it('has one fixture per schema version, up to the newest', () => {
    expect(fixtures.sort()).toEqual(Array.from({ length: latest }, (_, i) => `v${i + 1}.groundwork`).sort());
  });

  it.each(fixtures)('%s opens with the current migrations and keeps its rows', (name) => {
    const version = Number(/\d+/.exec(name)?.[0]);
    const file = copyFixture(version, tempDir());
    const workspace = open(file, { create: false });
    expect(workspace.schemaVersion).toBe(latest);
    expect(workspace.migratedFrom).toBe(version < latest ? version : null);
    expect(workspace.backupPath === null).toBe(version === latest);
    // Every fixture is written by scripts/make-fixture.ts with the same organisation.
    expect(workspace.getOrganisation().name).toMatch(/^Fixture Org/);
    expect(workspace.getCapability('warehouse')).toMatchObject({ layer: 'move_store', currentMaturity: 2 });
    expect(workspace.getRole('ml_engineer')?.prerequisites).toContainEqual({
      kind: 'capability',
      capabilityId: 'orchestration',
      minMaturity: 2,
    });
    expect(workspace.getPerson('p-ada')).toMatchObject({ fte: 0.8, startDate: '2024-03-01', endDate: null });
    expect(workspace.listHistory({ entity: 'person', entityId: 'p-temp' }).map((h) => h.field)).toContain('deleted');
  });

  it('v1 holds exactly what make-fixture wrote', () => {
    const workspace = open(copyFixture(1, tempDir()), { create: false });
    expect(workspace.getOrganisation()).toEqual({ name: 'Fixture Org — schema 1' });
    expect(workspace.listCapabilities().map((c) => c.id)).toEqual([
      'event_instrumentation',
      'warehouse',
      'orchestration',
      'custom-feature-store',
    ]);
    expect(workspace.getCapability('event_instrumentation')?.notes).toBe('ad hoc — “mostly” works');
    expect(workspace.listRoles().map((r) => r.id)).toEqual(['data_engineer', 'ml_engineer']);
    expect(workspace.listPeople().map((p) => p.id)).toEqual(['p-ada', 'p-ml-req']);
    expect(workspace.getPerson('p-ml-req')).toMatchObject({ status: 'open_req', startDate: null, endDate: null });
    expect(workspace.listHistory({ entity: 'capability', entityId: 'orchestration' })).toMatchObject([
      { field: 'created', newValue: 'Orchestration' },
      { field: 'currentMaturity', oldValue: null, newValue: '0' },
      { field: 'targetMaturity', oldValue: null, newValue: '3' },
      { field: 'currentMaturity', oldValue: '0', newValue: '1' },
    ]);
  });
});

describe('migrating an older workspace', () => {
  it('applies the pending migration, keeps the rows and first writes a byte-identical backup', () => {
    const dir = tempDir();
    const file = copyFixture(1, dir, 'acme.groundwork');
    const original = sha256(join(FIXTURES, 'v1.groundwork'));
    const before = openReadOnly(file);
    const rows = { capabilities: before.listCapabilities(), roles: before.listRoles(), people: before.listPeople(), history: before.listHistory() };
    before.close();

    const migrationsDir = migrationsWith({ '005_budget.sql': ADD_BUDGET });
    const workspace = open(file, { migrationsDir });
    expect(workspace.schemaVersion).toBe(5);
    expect(workspace.migratedFrom).toBe(1);
    expect(workspace.backupPath).toBe(`${file}.v1.bak`);
    expect(sha256(`${file}.v1.bak`)).toBe(original);
    expect({
      capabilities: workspace.listCapabilities(),
      roles: workspace.listRoles(),
      people: workspace.listPeople(),
      history: workspace.listHistory(),
    }).toEqual(rows);
    workspace.close();

    expect(userVersion(file)).toBe(5);
    expect(columns(file, 'capabilities')).toContain('budget');
    expect(columns(file, 'budget_lines')).toEqual(['id', 'capability_id']);

    // The backup is itself a workspace at schema 1 that the old version can open.
    const backup = openReadOnly(`${file}.v1.bak`);
    expect(userVersion(`${file}.v1.bak`)).toBe(1);
    expect(backup.migratedFrom).toBe(1);
    expect(backup.listCapabilities()).toEqual(rows.capabilities);
    backup.close();

    // Nothing left to migrate: no second backup.
    const again = open(file, { migrationsDir });
    expect(again.migratedFrom).toBeNull();
    expect(again.backupPath).toBeNull();
    expect(readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual(['acme.groundwork.v1.bak']);
  });

  it('puts the backup in backupDir when given, and never overwrites an earlier backup', () => {
    const dir = tempDir();
    const backupDir = join(dir, 'backups');
    const migrationsDir = migrationsWith({ '005_budget.sql': ADD_BUDGET });
    const first = copyFixture(1, dir, 'plan.groundwork');
    open(first, { migrationsDir, backupDir }).close();
    expect(readdirSync(backupDir)).toEqual(['plan.groundwork.v1.bak']);

    copyFixture(1, dir, 'plan.groundwork');
    const second = open(first, { migrationsDir, backupDir });
    expect(second.backupPath).toBe(join(backupDir, 'plan.groundwork.v1.2.bak'));
    expect(readdirSync(backupDir).sort()).toEqual(['plan.groundwork.v1.2.bak', 'plan.groundwork.v1.bak']);
  });

  it('creates a new file at the newest version directly, without a backup', () => {
    const dir = tempDir();
    const workspace = open(join(dir, 'new.groundwork'), { migrationsDir: migrationsWith({ '005_budget.sql': ADD_BUDGET }) });
    expect(workspace.schemaVersion).toBe(5);
    expect(workspace.backupPath).toBeNull();
    expect(readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('rolls back everything when a migration fails: the file stays at schema 1, unchanged', () => {
    const dir = tempDir();
    const file = copyFixture(1, dir, 'broken.groundwork');
    const hash = sha256(file);
    // The first statement works, the second does not: the first must be undone too.
    const migrationsDir = migrationsWith({
      '005_half.sql': 'ALTER TABLE capabilities ADD COLUMN budget INTEGER;\nCREATE TABLE oops (;',
    });
    let caught: unknown;
    try {
      openWorkspace(file, { migrationsDir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkspaceError);
    expect(caught).toMatchObject({ code: 'migration-failed', path: file });
    expect((caught as Error).message).toMatch(/005_half\.sql failed .*still at schema 1/);
    expect(sideFiles(file)).toEqual([]);
    expect(sha256(file)).toBe(hash);
    expect(userVersion(file)).toBe(1);
    expect(columns(file, 'capabilities')).not.toContain('budget');
    // The file is as it was, so the backup taken before the attempt was removed.
    expect(readdirSync(dir)).toEqual(['broken.groundwork']);
    // And the current version still opens it.
    expect(open(file, { create: false }).listPeople()).toHaveLength(2);
  });

  it('rolls back a migration that leaves a broken foreign key', () => {
    const file = copyFixture(1, tempDir());
    const migrationsDir = migrationsWith({ '005_orphans.sql': "UPDATE people SET role_id = 'ghost';" });
    expect(() => openWorkspace(file, { migrationsDir })).toThrow(
      expect.objectContaining({ code: 'migration-failed', message: expect.stringMatching(/break a foreign key/) }),
    );
    expect(userVersion(file)).toBe(1);
  });
});

describe('the migrations runner', () => {
  it('runs over any folder it is given (Signal-style: migrate, insert, migrate on, assert)', () => {
    const dir = migrationsWith({ '005_budget.sql': ADD_BUDGET });
    const all = readMigrations(dir);
    const db = new Database(':memory:');
    try {
      expect(migrate(db, all.slice(0, 1))).toEqual({ from: 0, to: 1 });
      db.prepare(
        `INSERT INTO capabilities (id, name, layer, current_maturity, target_maturity, created_at, updated_at)
         VALUES ('warehouse', 'Warehouse', 'move_store', 2, 3, '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')`,
      ).run();
      const seen: number[][] = [];
      expect(migrate(db, all, { beforeMigrate: (from, to) => seen.push([from, to]) })).toEqual({ from: 1, to: 5 });
      expect(seen).toEqual([[1, 5]]);
      expect(db.prepare('SELECT name, budget FROM capabilities').get()).toEqual({ name: 'Warehouse', budget: null });
      expect(migrate(db, all)).toEqual({ from: 5, to: 5 });
    } finally {
      db.close();
    }
  });

  it('refuses a folder whose numbers have a gap, a repeat or a bad name', () => {
    expect(() => readMigrations(migrationsWith({ '006_skip.sql': 'SELECT 1;' }))).toThrow(/expected migration number 5/);
    expect(() => readMigrations(migrationsWith({ '001_again.sql': 'SELECT 1;' }))).toThrow(/expected migration number 2/);
    expect(() => readMigrations(migrationsWith({ '2_short.sql': 'SELECT 1;' }))).toThrow(/NNN_name\.sql/);
    expect(readMigrations(migrationsWith({ 'README.md': '# notes' })).map((m) => m.file)).toEqual(['001_init.sql', '002_planning.sql', '003_progress.sql', '004_capability_days.sql']);
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    expect(() => readMigrations(empty)).toThrow(/no migrations/);
  });
});
