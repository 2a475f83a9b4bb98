import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { WorkspaceError } from './errors';

/**
 * `PRAGMA application_id` of every Groundwork workspace: "GWRK" in ASCII. It is what tells our
 * file from another application's SQLite database (see https://www.sqlite.org/fileformat.html,
 * "Application ID").
 */
export const GROUNDWORK_APPLICATION_ID = 0x4757524b;

export interface Migration {
  /** The schema version the file is at once this migration has run (its number). */
  readonly version: number;
  /** The file name, e.g. `001_init.sql`. */
  readonly file: string;
  readonly sql: string;
}

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

/**
 * Reads `NNN_name.sql` files from `dir`, in version order. The numbers must run 1, 2, 3… without
 * gaps or repeats: a hole would mean a schema step that some files have and others do not.
 */
export function readMigrations(dir: string): Migration[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new Error(`cannot read the migrations folder ${dir}`, { cause: error });
  }
  const migrations: Migration[] = [];
  for (const file of names) {
    if (!file.endsWith('.sql')) continue;
    const match = MIGRATION_FILE.exec(file);
    if (!match?.[1]) {
      throw new Error(`${join(dir, file)}: a migration must be named NNN_name.sql (lower case, e.g. 002_work_items.sql)`);
    }
    migrations.push({ version: Number(match[1]), file, sql: readFileSync(join(dir, file), 'utf8') });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`${join(dir, m.file)}: expected migration number ${index + 1}; numbers must run 1, 2, 3… once each`);
    }
  });
  if (migrations.length === 0) throw new Error(`no migrations (NNN_name.sql) in ${dir}`);
  return migrations;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export function readUserVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function newerSchemaError(path: string, version: number, latest: number): WorkspaceError {
  return new WorkspaceError(
    'newer-schema',
    path,
    `${path} was written by a newer version of Groundwork (schema ${version}; this version knows up to ${latest}). ` +
      'Update Groundwork to open it; the file was not changed.',
  );
}

export interface MigrateOptions {
  /** The file's name in error messages (default: the connection's file name). */
  readonly path?: string;
  /**
   * Called inside the migration transaction, before the first pending migration runs, when an
   * existing workspace (schema ≥ 1) is about to be migrated. The write lock is held, so what it
   * sees is exactly what gets migrated. Throwing aborts the migration.
   */
  readonly beforeMigrate?: (from: number, to: number) => void;
}

export interface MigrateResult {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings `db` to the newest schema: every pending migration runs inside ONE transaction, and
 * `user_version` is raised with them, so a file is at one released version or another, never in
 * between. Foreign keys are off while it runs, because a migration may have to rebuild a table
 * (https://www.sqlite.org/lang_altertable.html#otheralter); they are checked with
 * `foreign_key_check` before the commit instead, and the connection's setting is restored.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): MigrateResult {
  const path = options.path ?? db.name;
  // better-sqlite3 turns foreign keys on by default; the pragma is a no-op inside a transaction,
  // so it is switched here and restored afterwards.
  const foreignKeys = Number(db.pragma('foreign_keys', { simple: true })) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    return migrateInTransaction(db, migrations, path, options);
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}

function migrateInTransaction(
  db: Database.Database,
  migrations: readonly Migration[],
  path: string,
  options: MigrateOptions,
): MigrateResult {
  const latest = latestVersion(migrations);
  db.exec('BEGIN IMMEDIATE');
  try {
    const from = readUserVersion(db);
    if (from > latest) throw newerSchemaError(path, from, latest);
    if (from === latest) {
      db.exec('COMMIT');
      return { from, to: latest };
    }
    if (from >= 1) options.beforeMigrate?.(from, latest);
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new WorkspaceError(
          'migration-failed',
          path,
          `${path}: migration ${migration.file} failed (${error instanceof Error ? error.message : String(error)}); ` +
            `nothing was changed and the file is still at schema ${from}.`,
          { cause: error },
        );
      }
      db.pragma(`user_version = ${migration.version}`);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new WorkspaceError(
        'migration-failed',
        path,
        `${path}: after migrating to schema ${latest}, ${broken.length} rows break a foreign key; ` +
          `nothing was changed and the file is still at schema ${from}.`,
      );
    }
    db.pragma(`application_id = ${GROUNDWORK_APPLICATION_ID}`);
    db.exec('COMMIT');
    return { from, to: latest };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
