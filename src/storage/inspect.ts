import { closeSync, copyFileSync, existsSync, lstatSync, mkdtempSync, openSync, readSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { LIMITS } from '../core/input/limits';
import { WorkspaceError, isSqliteError } from './errors';
import { GROUNDWORK_APPLICATION_ID } from './migrations';

/** What an existing file turned out to be, when it may be opened. */
export type Inspection =
  /** Nothing to lose: a 0-byte file, or a SQLite database with no schema, no version and no application id. */
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'workspace';
      readonly version: number;
      /** The database's bytes as committed (the -wal or a hot journal applied), with a rollback-journal header. */
      readonly snapshot: Buffer;
    };

/** Tables and their columns, by name: what a schema version must have. */
export type SchemaShape = ReadonlyMap<string, readonly string[]>;

export interface InspectOptions {
  readonly nativeBinding?: string | undefined;
  /** The tables and columns a workspace at `version` must have (from the migrations). */
  readonly expectedShape?: ((version: number) => SchemaShape | undefined) | undefined;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

/**
 * Decides whether the existing file at `path` may be opened, WITHOUT changing it or leaving
 * anything beside it. Throws a WorkspaceError otherwise: 'not-a-workspace', 'foreign-database',
 * 'corrupt', 'unreadable', 'too-large'.
 *
 * Even a read-only SQLite connection is not harmless: on a WAL-mode file it creates `-wal` and
 * `-shm` files, and with a hot journal beside the file it cannot read at all. So the checks run
 * on an in-memory snapshot of the file (see readSnapshot), never on a connection that could
 * leave something behind.
 */
export function inspectFile(path: string, options: InspectOptions = {}): Inspection {
  const stat = statOrRefuse(path);
  if (!stat.isFile()) {
    throw new WorkspaceError('not-a-workspace', path, `${path} is ${describeKind(stat)}, not a file, so it is not a Groundwork workspace.`);
  }
  if (stat.size > LIMITS.workspaceFileBytes) {
    throw new WorkspaceError(
      'too-large',
      path,
      `${path} is ${formatBytes(stat.size)}; a Groundwork workspace is at most ${formatBytes(LIMITS.workspaceFileBytes)} ` +
        '(a large one holds a few megabytes), so it is not opened; it was not changed.',
    );
  }
  const side = sideFilesOf(path);
  // SQLite itself treats a 0-byte file as an empty database; a lead who `touch`es a file and
  // opens it gets a new workspace, as with a missing file.
  if (stat.size === 0 && !side.wal && !side.journal) return { kind: 'blank' };

  const header = readHeader(path);
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new WorkspaceError(
      'not-a-workspace',
      path,
      `${path} is not a Groundwork workspace (it is not a SQLite database); it was not changed.`,
    );
  }
  if (header.length < HEADER_SIZE) throw corrupt(path, 'the file ends inside its header');
  const headerProblem = checkHeader(header);
  if (headerProblem !== null) throw corrupt(path, headerProblem);
  const pageSize = readPageSize(header) as number;
  if (!side.wal && !side.journal) {
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
    const snapshot = readSnapshot(path, side, options.nativeBinding);
    db = new Database(snapshot, { readonly: true, nativeBinding: options.nativeBinding });
    const found = classify(db, path, options.expectedShape);
    return found === 'blank' ? { kind: 'blank' } : { kind: 'workspace', version: found.version, snapshot };
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    if (isSqliteError(error)) throw corrupt(path, shorten(error.message), error);
    throw error;
  } finally {
    db?.close();
  }
}

/** The side files SQLite keeps beside a database. */
interface SideFiles {
  readonly wal: boolean;
  readonly shm: boolean;
  readonly journal: boolean;
}

function sideFilesOf(path: string): SideFiles {
  return { wal: existsSync(`${path}-wal`), shm: existsSync(`${path}-shm`), journal: existsSync(`${path}-journal`) };
}

/** statSync, with the failures a user can cause turned into refusals that say what is wrong. */
function statOrRefuse(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new WorkspaceError('not-a-workspace', path, `${path} is a symbolic link that loops back on itself; it was not changed.`);
    if (code === 'ENOENT') {
      let link = false;
      try {
        link = lstatSync(path).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      if (link) throw new WorkspaceError('not-a-workspace', path, `${path} is a symbolic link to a file that does not exist; it was not changed.`);
      throw new WorkspaceError('not-found', path, `${path} does not exist.`);
    }
    throw unreadable(path, error);
  }
}

export function unreadable(path: string, error: unknown): WorkspaceError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'you do not have permission to read it' : error instanceof Error ? shorten(error.message) : String(error);
  return new WorkspaceError('unreadable', path, `${path} cannot be read (${why}); it was not changed.`, { cause: error });
}

function describeKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The committed content of the database as bytes, with bytes 18–19 set to 1 (rollback journal):
 * a WAL-mode header cannot be opened in memory.
 *
 * - No -wal and no -journal: the file's own bytes.
 * - Otherwise (the workspace is open elsewhere, or a crash left a -wal or a hot journal): the
 *   file and its -wal/-journal are copied into a private temporary folder and opened there, so
 *   SQLite replays the WAL or rolls the journal back on the copies. Even a read-only connection
 *   to the original would write its read marks into the -shm (or create -wal and -shm where
 *   there were none); this way nothing beside the original changes. A journal or WAL that
 *   cannot be applied is 'corrupt'. When the app is writing at the same time, the copy is taken
 *   again until the file and its side files did not change while being copied.
 */
function readSnapshot(path: string, side: SideFiles, nativeBinding?: string): Buffer {
  const bytes = !side.wal && !side.journal ? readWhole(path) : recoverInPrivateCopy(path, side, nativeBinding);
  if (bytes.length >= HEADER_SIZE) {
    if (bytes[18] === 2) bytes[18] = 1;
    if (bytes[19] === 2) bytes[19] = 1;
  }
  return bytes;
}

function readWhole(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const size = statSync(path).size;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

function recoverInPrivateCopy(path: string, side: SideFiles, nativeBinding?: string): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'groundwork-inspect-'));
  try {
    const copy = join(folder, basename(path));
    try {
      for (let attempt = 0; ; attempt++) {
        const before = fingerprintOf(path, side);
        copyFileSync(path, copy);
        if (side.wal) copyFileSync(`${path}-wal`, `${copy}-wal`);
        if (side.journal) copyFileSync(`${path}-journal`, `${copy}-journal`);
        if (fingerprintOf(path, side) === before || attempt >= 20) break;
      }
    } catch (error) {
      throw unreadable(path, error);
    }
    let db: Database.Database;
    try {
      db = new Database(copy, { fileMustExist: true, nativeBinding });
    } catch (error) {
      throw corrupt(path, `it could not be opened (${isSqliteError(error) ? shorten(error.message) : 'unknown error'})`, error);
    }
    try {
      // Reading the schema makes SQLite apply the -wal or roll back a hot journal, on the copies.
      db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      return db.serialize();
    } catch (error) {
      const what = side.journal ? 'the rollback journal beside it' : 'the -wal file beside it';
      throw corrupt(path, `${what} could not be applied (${isSqliteError(error) ? shorten(error.message) : String(error)})`, error);
    } finally {
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Size and modification time of the file and its side files: what a concurrent writer changes. */
function fingerprintOf(path: string, side: SideFiles): string {
  const parts = [path, ...(side.wal ? [`${path}-wal`] : []), ...(side.journal ? [`${path}-journal`] : [])].map((file) => {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  });
  return parts.join('|');
}

function classify(db: Database.Database, path: string, expectedShape: InspectOptions['expectedShape']): 'blank' | { version: number } {
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
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check(4)') as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    problems = [error.message];
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    const lines = problems.flatMap((problem) => problem.split('\n')).filter((line) => !line.startsWith('***'));
    throw corrupt(path, `integrity check: ${lines.slice(0, 3).map(shorten).join('; ')}`);
  }
  const expected = expectedShape?.(version);
  if (expected !== undefined) {
    const missing = shapeProblems(readShape(db), expected);
    if (missing.length > 0) throw corrupt(path, `schema ${version} is incomplete: ${missing.slice(0, 3).join('; ')}`);
  }
  return { version };
}

/** The tables (not SQLite's own) and their columns. */
export function readShape(db: Database.Database): SchemaShape {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all();
  return new Map(tables.map((table) => [table, db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table)]));
}

function shapeProblems(actual: SchemaShape, expected: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of expected) {
    const found = actual.get(table);
    if (found === undefined) {
      problems.push(`table ${table} is missing`);
      continue;
    }
    const missing = columns.filter((c) => !found.includes(c));
    if (missing.length > 0) problems.push(`table ${table} lacks ${missing.join(', ')}`);
  }
  return problems;
}

export function corrupt(path: string, detail: string, cause?: unknown): WorkspaceError {
  return new WorkspaceError(
    'corrupt',
    path,
    `${path} is a damaged Groundwork workspace (${detail}); it was not changed. Restore it from a backup ` +
      `(groundwork backups ${JSON.stringify(path)} lists them; File ▸ Restore from backup in the app).`,
    { cause },
  );
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MiB`;
}

function readHeader(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const buffer = Buffer.alloc(HEADER_SIZE);
    const read = readSync(fd, buffer, 0, HEADER_SIZE, 0);
    return buffer.subarray(0, read);
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * The header fields SQLite needs to read the file, checked against the file format's rules
 * (https://www.sqlite.org/fileformat.html, "The Database Header"). Returns a problem, or null.
 */
function checkHeader(header: Buffer): string | null {
  if (readPageSize(header) === undefined) return 'its header names an impossible page size';
  const write = header[18] as number;
  const read = header[19] as number;
  if (write !== 1 && write !== 2) return `its header names an unknown write format (${write})`;
  if (read !== 1 && read !== 2) return `its header names an unknown read format (${read})`;
  if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32) return 'its header names impossible payload fractions';
  // 0 in a database that has never held a table.
  const schemaFormat = header.readUInt32BE(44);
  if (schemaFormat > 4) {
    return `its header names an unknown schema format (${schemaFormat})`;
  }
  const encoding = header.readUInt32BE(56);
  if (encoding > 3) return `its header names an unknown text encoding (${encoding})`;
  return null;
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
