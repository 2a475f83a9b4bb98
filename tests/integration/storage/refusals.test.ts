import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, readdirSync, closeSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceError, openWorkspace, openWorkspaceReadOnly, type WorkspaceErrorCode } from '../../../src/storage';
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

describe('the checks at open run on a private copy of the file', () => {
  /** Runs `body` with the OS temporary folder set to `folder` (os.tmpdir() reads TMPDIR). */
  function withTemporaryFolder<T>(folder: string, body: () => T): T {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = folder;
    try {
      return body();
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  }

  it('leaves no copy behind, whether the file opens or is refused', () => {
    const dir = tempDir();
    const good = join(dir, 'good.groundwork');
    populatedWorkspace(good);
    const damaged = join(dir, 'damaged.groundwork');
    populatedWorkspace(damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, randomBytes(4096), 0, 4096, statSync(damaged).size - 3 * 4096);
    closeSync(fd);
    const temporary = join(dir, 'tmp');
    mkdirSync(temporary);
    withTemporaryFolder(temporary, () => {
      openWorkspace(good, { migrationsDir: MIGRATIONS }).close();
      openWorkspaceReadOnly(good, { migrationsDir: MIGRATIONS }).close();
      expectRefused(damaged, 'corrupt', /integrity check/);
    });
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('checks the bytes in memory when no copy can be written, with the same verdicts', () => {
    const dir = tempDir();
    const good = join(dir, 'good.groundwork');
    populatedWorkspace(good);
    const damaged = join(dir, 'damaged.groundwork');
    populatedWorkspace(damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, randomBytes(4096), 0, 4096, statSync(damaged).size - 3 * 4096);
    closeSync(fd);
    withTemporaryFolder(join(dir, 'no such folder'), () => {
      const workspace = openWorkspace(good, { migrationsDir: MIGRATIONS });
      expect(workspace.listCapabilities()).toHaveLength(60);
      workspace.close();
      expectRefused(damaged, 'corrupt', /integrity check/);
    });
    expect(readdirSync(dir).sort()).toEqual(['damaged.groundwork', 'good.groundwork']);
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
