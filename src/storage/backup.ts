import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { WorkspaceError } from './errors';

/**
 * Where the backup of `path` at schema `version` goes: `<file>.v<version>.bak` beside it (or in
 * `backupDir`). An existing backup is never overwritten: the next free `<file>.v<version>.<n>.bak`
 * is taken instead.
 */
export function backupPathFor(path: string, version: number, backupDir?: string): string {
  const folder = backupDir ?? dirname(path);
  const stem = join(folder, `${basename(path)}.v${version}`);
  let candidate = `${stem}.bak`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${stem}.${n}.bak`;
  return candidate;
}

/**
 * Writes a copy of the database before it is migrated, and returns its path.
 *
 * Synchronous on purpose, so that openWorkspace can stay synchronous: better-sqlite3's
 * `db.backup()` (SQLite's online backup API) returns a promise, and its copy differs from the
 * original in header bytes (SQLite updates the destination's counters). `db.serialize()`
 * (sqlite3_serialize) reads every page through the pager inside one read transaction — here,
 * inside the migration's write transaction — so the copy is a consistent snapshot that includes
 * anything still in the -wal, and its pages are the original's byte for byte. A workspace is at
 * most a few megabytes, so holding it in memory once is cheap. `VACUUM INTO` would also be
 * synchronous but rewrites the pages, so the backup would not be the file as it was.
 */
export function backupBeforeMigration(db: Database.Database, path: string, version: number, backupDir?: string): string {
  let target = '';
  let created = false;
  try {
    if (backupDir !== undefined) mkdirSync(backupDir, { recursive: true });
    target = backupPathFor(path, version, backupDir);
    const bytes = db.serialize();
    const fd = openSync(target, 'wx');
    created = true;
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return target;
  } catch (error) {
    // A half-written backup must not pass for a good one.
    if (created) rmSync(target, { force: true });
    throw new WorkspaceError(
      'backup-failed',
      path,
      `${path}: could not write the backup ${target || 'file'} before migrating it ` +
        `(${error instanceof Error ? error.message : String(error)}); the file was not changed.`,
      { cause: error },
    );
  }
}
