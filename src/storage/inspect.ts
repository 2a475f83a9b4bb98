import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { WorkspaceError, isSqliteError } from './errors';
import { GROUNDWORK_APPLICATION_ID } from './migrations';

/** What an existing file turned out to be, when it may be opened. */
export type Inspection =
  /** Nothing to lose: a 0-byte file, or a SQLite database with no schema, no version and no application id. */
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'workspace';
      readonly version: number;
      /** The database's bytes as committed (the -wal included), with a rollback-journal header. */
      readonly snapshot: Buffer;
    };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

/**
 * Decides whether the existing file at `path` may be opened, WITHOUT changing it or leaving
 * anything beside it. Throws a WorkspaceError ('not-a-workspace', 'foreign-database', 'corrupt')
 * otherwise.
 *
 * Even a read-only SQLite connection is not harmless: on a WAL-mode file it creates `-wal` and
 * `-shm` files and cannot remove them on close. So the checks run on an in-memory snapshot of the
 * file (see readSnapshot), never on a connection to the file that could leave something behind.
 */
export function inspectFile(path: string, nativeBinding?: string): Inspection {
  const stat = statSync(path);
  if (!stat.isFile()) {
    throw new WorkspaceError('not-a-workspace', path, `${path} is not a file, so it is not a Groundwork workspace.`);
  }
  const sideFiles = hasSideFiles(path);
  // SQLite itself treats a 0-byte file as an empty database; a lead who `touch`es a file and
  // opens it gets a new workspace, as with a missing file.
  if (stat.size === 0 && !sideFiles) return { kind: 'blank' };

  const header = readHeader(path);
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new WorkspaceError(
      'not-a-workspace',
      path,
      `${path} is not a Groundwork workspace (it is not a SQLite database); it was not changed.`,
    );
  }
  if (header.length < HEADER_SIZE) throw corrupt(path, 'the file ends inside its header');
  const pageSize = readPageSize(header);
  if (pageSize === undefined) throw corrupt(path, 'its header names an impossible page size');
  if (!sideFiles) {
    // Without a -wal the file must hold every page itself; an in-memory copy reads missing pages
    // as zeros, so a truncation has to be caught here.
    if (stat.size % pageSize !== 0) throw corrupt(path, 'truncated: its length is not a whole number of pages');
    const pages = readHeaderPageCount(header);
    if (pages !== undefined && stat.size < pages * pageSize) {
      throw corrupt(path, `truncated: ${stat.size} of ${pages * pageSize} bytes`);
    }
  }

  let db: Database.Database | undefined;
  try {
    const snapshot = readSnapshot(path, sideFiles, nativeBinding);
    db = new Database(snapshot, { readonly: true, nativeBinding });
    const found = classify(db, path);
    return found === 'blank' ? { kind: 'blank' } : { kind: 'workspace', version: found.version, snapshot };
  } catch (error) {
    if (isSqliteError(error) && (error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB')) {
      throw corrupt(path, error.message, error);
    }
    throw error;
  } finally {
    db?.close();
  }
}

/** A -wal or -journal beside the file: it is open elsewhere, or a crash left it. */
function hasSideFiles(path: string): boolean {
  const walPath = `${path}-wal`;
  return (existsSync(walPath) && statSync(walPath).size > 0) || existsSync(`${path}-journal`);
}

/**
 * The committed content of the database as bytes. Without side files, the file's own bytes.
 * With them, the committed data may be in the -wal, so a read-only connection reads it through
 * SQLite (sqlite3_serialize); the side files exist already, so it adds none. Bytes 18–19 of the
 * copy are set to 1 (rollback journal): a WAL-mode header cannot be opened in memory.
 */
function readSnapshot(path: string, sideFiles: boolean, nativeBinding?: string): Buffer {
  let bytes: Buffer;
  if (sideFiles) {
    const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      bytes = db.serialize();
    } finally {
      db.close();
    }
  } else {
    bytes = readFileSync(path);
  }
  if (bytes.length >= HEADER_SIZE) {
    if (bytes[18] === 2) bytes[18] = 1;
    if (bytes[19] === 2) bytes[19] = 1;
  }
  return bytes;
}

function classify(db: Database.Database, path: string): 'blank' | { version: number } {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  const version = Number(db.pragma('user_version', { simple: true }));
  const objects = Number(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
  if (applicationId !== GROUNDWORK_APPLICATION_ID) {
    if (applicationId === 0 && version === 0 && objects === 0) return 'blank';
    throw new WorkspaceError(
      'foreign-database',
      path,
      `${path} is a SQLite database of another application, not a Groundwork workspace; it was not changed.`,
    );
  }
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') {
    const lines = problems.flatMap((problem) => problem.split('\n')).filter((line) => !line.startsWith('***'));
    throw corrupt(path, `integrity check: ${lines.slice(0, 3).join('; ')}`);
  }
  return { version };
}

function corrupt(path: string, detail: string, cause?: unknown): WorkspaceError {
  return new WorkspaceError(
    'corrupt',
    path,
    `${path} is a damaged Groundwork workspace (${detail}); it was not changed. Restore it from a backup ` +
      '(e.g. a *.bak file written before a migration).',
    { cause },
  );
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_SIZE);
    const read = readSync(fd, buffer, 0, HEADER_SIZE, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Bytes 16–17, big-endian; 1 stands for 65536 (https://www.sqlite.org/fileformat.html). */
function readPageSize(header: Buffer): number | undefined {
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  const powerOfTwo = (size & (size - 1)) === 0;
  return size >= 512 && size <= 65536 && powerOfTwo ? size : undefined;
}

/**
 * The "in-header database size" (bytes 28–31), which SQLite trusts only when the change counter
 * (24–27) equals the version-valid-for number (92–95).
 */
function readHeaderPageCount(header: Buffer): number | undefined {
  const pages = header.readUInt32BE(28);
  const valid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  return valid ? pages : undefined;
}
