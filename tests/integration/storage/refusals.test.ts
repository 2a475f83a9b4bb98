import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, closeSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceError, backupFolderFor, listBackups, newestGoodBackup, openWorkspace, openWorkspaceReadOnly, type WorkspaceErrorCode } from '../../../src/storage';
import { MIGRATIONS, copyFixture, open, raw, sha256, sideFiles, tempDir } from './helpers';

/** Opening `file` is refused with `code`, the message names the file, and the file is untouched. */
function expectRefused(file: string, code: WorkspaceErrorCode, message?: RegExp): WorkspaceError {
  const hash = sha256(file);
  const size = statSync(file).size;
  let caught: unknown;
  try {
    openWorkspace(file, { migrationsDir: MIGRATIONS }).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WorkspaceError);
  const error = caught as WorkspaceError;
  expect(error.code).toBe(code);
  expect(error.path).toBe(file);
  expect(error.message).toContain(file);
  if (message) expect(error.message).toMatch(message);
  expect(statSync(file).size).toBe(size);
  expect(sha256(file)).toBe(hash);
  expect(sideFiles(file)).toEqual([]);
  return error;
}

/** A real workspace with enough rows to span several pages. */
function populatedWorkspace(file: string): void {
  const workspace = open(file);
  workspace.createRole({ id: 'r', name: 'Role' });
  for (let i = 0; i < 60; i++) {
    workspace.createCapability({
      name: `Capability ${i}`,
      layer: 'collect',
      currentMaturity: i % 5,
      targetMaturity: 4,
      notes: 'x'.repeat(400),
    });
  }
  workspace.close();
}

describe('files that are not Groundwork workspaces are refused and left byte for byte', () => {
  it('refuses random bytes', () => {
    const file = join(tempDir(), 'garbage.groundwork');
    writeFileSync(file, randomBytes(8192));
    expectRefused(file, 'not-a-workspace', /not a SQLite database/);
  });

  it('refuses a text file and a file shorter than the SQLite header', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.groundwork');
    writeFileSync(text, 'Quarterly plan\n- hire a data engineer\n');
    expectRefused(text, 'not-a-workspace');
    const short = join(dir, 'short.groundwork');
    writeFileSync(short, 'SQLite');
    expectRefused(short, 'not-a-workspace');
  });

  it('refuses a folder', () => {
    const folder = join(tempDir(), 'folder.groundwork');
    mkdirSync(folder);
    expect(() => openWorkspace(folder, { migrationsDir: MIGRATIONS })).toThrow(
      expect.objectContaining({ code: 'not-a-workspace' }),
    );
  });

  it("refuses another application's SQLite database (rollback journal)", () => {
    const file = join(tempDir(), 'other-app.db');
    const db = raw(file);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')");
    db.close();
    expectRefused(file, 'foreign-database', /another application/);
  });

  it("refuses another application's SQLite database in WAL mode, without creating -wal/-shm", () => {
    const file = join(tempDir(), 'other-app-wal.db');
    const db = raw(file);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x')");
    db.close();
    expect(readFileSync(file)[18]).toBe(2);
    expectRefused(file, 'foreign-database');
  });

  it('refuses a database with a different application id even if it has our table names', () => {
    const file = join(tempDir(), 'lookalike.groundwork');
    const db = raw(file);
    db.exec('CREATE TABLE capabilities (id TEXT)');
    db.pragma('application_id = 42');
    db.pragma('user_version = 1');
    db.close();
    expectRefused(file, 'foreign-database');
  });
});

describe('damaged workspaces are refused as corrupt and left byte for byte', () => {
  it('refuses a workspace truncated in the middle of a page', () => {
    const file = join(tempDir(), 'truncated.groundwork');
    populatedWorkspace(file);
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    expectRefused(file, 'corrupt', /damaged Groundwork workspace \(truncated/);
  });

  it('refuses a workspace truncated at a page boundary', () => {
    const file = join(tempDir(), 'truncated-page.groundwork');
    populatedWorkspace(file);
    const pages = statSync(file).size / 4096;
    truncateSync(file, Math.floor(pages / 2) * 4096);
    expectRefused(file, 'corrupt', /truncated/);
  });

  it('refuses a workspace with a page overwritten by garbage', () => {
    const file = join(tempDir(), 'scribbled.groundwork');
    populatedWorkspace(file);
    const pages = statSync(file).size / 4096;
    const fd = openSync(file, 'r+');
    try {
      // Past the schema pages, inside the capability rows.
      writeSync(fd, randomBytes(4096), 0, 4096, (pages - 3) * 4096);
    } finally {
      closeSync(fd);
    }
    expectRefused(file, 'corrupt', /integrity check/);
  });

  it('refuses a workspace whose header was damaged', () => {
    const file = join(tempDir(), 'bad-header.groundwork');
    populatedWorkspace(file);
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.from([0x00, 0x03]), 0, 2, 16); // page size 3: impossible
    } finally {
      closeSync(fd);
    }
    expectRefused(file, 'corrupt');
  });
});

describe('a row that breaks a CHECK constraint makes the file corrupt', () => {
  /** A copy of the schema 4 fixture with one history row the schema does not allow, written past the CHECKs. */
  function withBadHistoryRow(dir: string, name: string): string {
    const file = copyFixture(4, dir, name);
    const db = raw(file);
    db.pragma('ignore_check_constraints = 1');
    // Past the trigger too, as a tool that edits the file by hand would be.
    db.exec('DROP TRIGGER capability_days_follow_history');
    db.prepare("INSERT INTO history (at, entity, entity_id, field, old_value, new_value) VALUES ('yesterday', 'capability', 'warehouse', 'colour', NULL, 'red')").run();
    db.exec(`CREATE TRIGGER capability_days_follow_history AFTER INSERT ON history WHEN 0 BEGIN SELECT 1; END`);
    db.close();
    return file;
  }

  it('is refused for editing and read-only, also where nothing reads that row at open (the history)', () => {
    const file = withBadHistoryRow(tempDir(), 'bad-history.groundwork');
    expectRefused(file, 'corrupt', /integrity check: CHECK constraint failed in history/);
    const hash = sha256(file);
    expect(() => openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS })).toThrow(expect.objectContaining({ code: 'corrupt' }));
    expect(sha256(file)).toBe(hash);
    expect(sideFiles(file)).toEqual([]);
  });

  it('is listed as a damaged backup, never offered for a restore', () => {
    const dir = tempDir();
    const workspace = join(dir, 'acme.groundwork');
    copyFixture(4, dir, 'acme.groundwork');
    const folder = backupFolderFor(workspace);
    mkdirSync(folder);
    withBadHistoryRow(folder, 'acme.groundwork.20261201T090000000Z.manual.0123456789ab.groundwork');
    const [listed] = listBackups(workspace);
    expect(listed?.problem).toMatch(/damaged \(CHECK constraint failed in history/);
    expect(newestGoodBackup(workspace, { migrationsDir: MIGRATIONS })).toBeNull();
  });
});

describe('a workspace from a newer Groundwork is refused', () => {
  it('names both schema versions and leaves the file untouched', () => {
    const file = copyFixture(1, tempDir(), 'future.groundwork');
    const db = raw(file);
    db.pragma('user_version = 7');
    db.close();
    expect(sideFiles(file)).toEqual([]);
    expectRefused(
      file,
      'newer-schema',
      /written by a newer version of Groundwork \(schema 7; this version knows up to 4\)/,
    );
  });

  it('is refused in read-only mode too', () => {
    const file = copyFixture(1, tempDir(), 'future-ro.groundwork');
    const db = raw(file);
    db.pragma('user_version = 5');
    db.close();
    expect(() => openWorkspaceReadOnly(file, { migrationsDir: MIGRATIONS })).toThrow(
      expect.objectContaining({ code: 'newer-schema' }),
    );
    expect(sideFiles(file)).toEqual([]);
  });
});
