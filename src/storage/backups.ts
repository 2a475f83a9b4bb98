import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { backupsToKeep, DEFAULT_ROTATION, type RotationPolicy } from '../core/backups/rotation';
import { LIMITS } from '../core/input/limits';
import { isSqliteError, toWorkspaceError } from './errors';
import { GROUNDWORK_APPLICATION_ID } from './migrations';
import { removeStaleTemporaries, removeStaleTemporariesIn, removeTemporary, temporaryPathFor } from './temporary';
import { openWorkspaceReadOnly, type OpenWorkspaceOptions, type ReadableWorkspace } from './workspace';
import { exportWorkspaceJson } from './workspace-json';

/** Why a backup was made; part of its file name. */
export const BACKUP_REASONS = ['open', 'edit', 'migration', 'import', 'csv-import', 'restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupCounts {
  readonly capabilities: number;
  readonly roles: number;
  readonly people: number;
  readonly workItems: number;
}

export interface BackupInfo {
  readonly path: string;
  readonly name: string;
  /** ISO timestamp (UTC) of when it was made. */
  readonly createdAt: string;
  readonly reason: BackupReason;
  readonly bytes: number;
  /** What it holds, or null when it cannot be read. */
  readonly counts: BackupCounts | null;
  /** Why it cannot be restored (damaged, not a workspace), or null when it passed the check. */
  readonly problem: string | null;
  /** Short hash of its content (see contentFingerprint). */
  readonly fingerprint: string;
}

export type BackupErrorCode = 'not-found' | 'damaged' | 'conflict' | 'failed';

/** A backup that cannot be made or restored; nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `Acme.groundwork` → the folder `Acme.groundwork.backups` beside it. */
export function backupFolderFor(workspacePath: string): string {
  const path = resolve(workspacePath);
  return join(dirname(path), `${basename(path)}.backups`);
}

const BACKUP_NAME = /^(.+)\.(\d{8}T\d{9}Z)\.([a-z-]+)\.([0-9a-f]{12})\.groundwork$/;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function unstamp(text: string): string {
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}.${text.slice(15, 18)}Z`;
}

function isReason(value: string): value is BackupReason {
  return (BACKUP_REASONS as readonly string[]).includes(value);
}

/**
 * A short fingerprint of a workspace's content: two backups with the same fingerprint hold the
 * same data. It is the workspace's content token (schema 4: a random value every write that
 * changes a row replaces), read in well under a millisecond; only a file that lost its token is
 * hashed whole (its canonical Workspace JSON without the export time), which for five years of
 * history takes about 200 ms. A write that changes a value and changes it back gets a new token:
 * one backup more, never one too few.
 */
export function contentFingerprint(workspace: ReadableWorkspace): string {
  const token = workspace.getContentToken();
  if (token !== null) return token;
  const doc = { ...exportWorkspaceJson(workspace, new Date(0)), exportedAt: '' };
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 12);
}

export interface BackupOptions {
  /** The backup folder (default: backupFolderFor the workspace). */
  readonly folder?: string;
  readonly now?: () => Date;
  /** Skip the backup when the newest one already holds the same content (default true for 'open' and 'edit'). */
  readonly skipIfUnchanged?: boolean;
  readonly rotation?: RotationPolicy;
}

/**
 * Backs up `workspace` into its backup folder with SQLite's online backup API (a consistent copy
 * of a live database, never a file copy), verifies the copy (`PRAGMA integrity_check`, our
 * application id, every row readable) before it gets its final name, then rotates the folder
 * (backupsToKeep). Returns the new backup, or null when skipped because nothing changed.
 */
export async function createBackup(workspace: ReadableWorkspace, reason: BackupReason, options: BackupOptions = {}): Promise<BackupInfo | null> {
  const now = options.now ?? (() => new Date());
  const folder = options.folder ?? backupFolderFor(workspace.path);
  const fingerprint = contentFingerprint(workspace);
  const skip = options.skipIfUnchanged ?? (reason === 'open' || reason === 'edit');
  if (skip) {
    const newest = listBackupNames(folder, workspace.path)[0];
    if (newest?.fingerprint === fingerprint) return null;
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new BackupError('failed', `could not make the backup folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const name = `${basename(workspace.path)}.${stamp(now())}.${reason}.${fingerprint}.groundwork`;
  const target = join(folder, name);
  removeStaleTemporariesIn(folder);
  const temporary = temporaryPathFor(target, 'backup');
  try {
    await workspace.saveCopyTo(temporary);
    const counts = verifyCopy(temporary);
    renameSync(temporary, target);
    rotate(folder, workspace.path, now(), options.rotation ?? DEFAULT_ROTATION);
    return { path: target, name, createdAt: now().toISOString(), reason, bytes: statSync(target).size, counts, problem: null, fingerprint };
  } catch (error) {
    removeTemporary(temporary);
    if (error instanceof BackupError) throw error;
    const cause = toWorkspaceError(error, target);
    throw new BackupError('failed', `could not back up ${workspace.path} (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

/**
 * Checks a freshly written copy and leaves it in rollback-journal mode (so that reading it later,
 * even read-only, creates nothing beside it). Returns its counts. The check runs on a connection
 * that may write: on a read-only one SQLite's integrity check skips the CHECK constraints.
 */
function verifyCopy(path: string): BackupCounts {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (check.length !== 1 || check[0] !== 'ok') throw new BackupError('failed', `the backup copy failed its integrity check (${check.slice(0, 2).join('; ')})`);
    if (Number(db.pragma('application_id', { simple: true })) !== GROUNDWORK_APPLICATION_ID) {
      throw new BackupError('failed', 'the backup copy lost the workspace application id');
    }
    return countsOf(db);
  } finally {
    db.close();
  }
}

function countsOf(db: Database.Database): BackupCounts {
  const count = (table: string) => {
    try {
      return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    } catch {
      return 0;
    }
  };
  return { capabilities: count('capabilities'), roles: count('roles'), people: count('people'), workItems: count('work_items') };
}

interface NamedBackup {
  readonly path: string;
  readonly name: string;
  readonly createdAt: string;
  readonly reason: BackupReason;
  readonly fingerprint: string;
}

/** The automatic backups of `workspacePath` in `folder`, newest first, from their names alone. */
function listBackupNames(folder: string, workspacePath: string): NamedBackup[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  const own = basename(workspacePath);
  const out: NamedBackup[] = [];
  for (const name of entries) {
    const match = BACKUP_NAME.exec(name);
    if (!match || match[1] !== own || !isReason(match[3] as string)) continue;
    out.push({ path: join(folder, name), name, createdAt: unstamp(match[2] as string), reason: match[3] as BackupReason, fingerprint: match[4] as string });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

function rotate(folder: string, workspacePath: string, now: Date, policy: RotationPolicy): void {
  const backups = listBackupNames(folder, workspacePath);
  const keep = backupsToKeep(backups, now, policy);
  for (const backup of backups) if (!keep.has(backup.name)) rmSync(backup.path, { force: true });
}

/**
 * Reads a backup (or any workspace file) without touching it: its bytes are opened in memory.
 * Returns its counts, or the problem that makes it unusable.
 */
export function summariseBackup(path: string): { counts: BackupCounts | null; problem: string | null } {
  try {
    const size = statSync(path).size;
    if (size > LIMITS.workspaceFileBytes) return { counts: null, problem: 'larger than a workspace can be' };
    const bytes = readFileSync(path);
    if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return { counts: null, problem: 'not a SQLite database' };
    if (bytes[18] === 2) bytes[18] = 1;
    if (bytes[19] === 2) bytes[19] = 1;
    const db = new Database(bytes, { readonly: true });
    try {
      if (Number(db.pragma('application_id', { simple: true })) !== GROUNDWORK_APPLICATION_ID) return { counts: null, problem: 'not a Groundwork workspace' };
      const check = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
      if (check.length !== 1 || check[0] !== 'ok') return { counts: null, problem: `damaged (${check[0] ?? 'integrity check failed'})` };
      return { counts: countsOf(db), problem: null };
    } finally {
      db.close();
    }
  } catch (error) {
    return { counts: null, problem: isSqliteError(error) ? `damaged (${error.message})` : `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

/** Every backup of `workspacePath`, newest first, each read and checked (see summariseBackup). */
export function listBackups(workspacePath: string, options: { folder?: string } = {}): BackupInfo[] {
  const folder = options.folder ?? backupFolderFor(workspacePath);
  return listBackupNames(folder, resolve(workspacePath)).map((backup) => {
    let bytes = 0;
    try {
      bytes = statSync(backup.path).size;
    } catch {
      bytes = 0;
    }
    const summary = summariseBackup(backup.path);
    return { path: backup.path, name: backup.name, createdAt: backup.createdAt, reason: backup.reason, bytes, counts: summary.counts, problem: summary.problem, fingerprint: backup.fingerprint };
  });
}

/** The newest backup that opens as a complete workspace (checked in full), or null. */
export function newestGoodBackup(workspacePath: string, options: Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding'> & { folder?: string } = {}): BackupInfo | null {
  for (const backup of listBackups(workspacePath, options.folder === undefined ? {} : { folder: options.folder })) {
    if (backup.problem !== null) continue;
    try {
      openWorkspaceReadOnly(backup.path, { ...openOptions(options) }).close();
      return backup;
    } catch {
      // Damaged in a way the quick summary did not see: try the next one.
    }
  }
  return null;
}

function openOptions(options: Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding'>): Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding'> {
  return {
    ...(options.migrationsDir === undefined ? {} : { migrationsDir: options.migrationsDir }),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  };
}

export interface RestoreOptions extends Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding'> {
  /** Replace an existing target (it is backed up first). Default false: an existing target is 'conflict'. */
  readonly overwrite?: boolean;
  readonly now?: () => Date;
  /** The target's backup folder (default: beside the target). */
  readonly folder?: string;
}

export interface RestoreResult {
  readonly path: string;
  /** The backup of the workspace that was replaced (restore it to undo), or null for a new file. */
  readonly replacedBackup: BackupInfo | null;
}

/**
 * Restores `backupPath` to `target`. The backup is checked in full first (opened read-only:
 * inspection, integrity check, every row; an older schema is brought up to date in memory). An
 * existing target is replaced only with `overwrite`, only when it is itself a readable workspace
 * (a damaged file is never overwritten: restore next to it instead), and only after it has been
 * backed up, so the restore can be undone. The copy is written with the online backup API to a
 * temporary file beside the target, checked, then renamed over it: the target is either as it
 * was or the complete restored workspace. The target must not be open (close it first).
 */
export async function restoreBackup(backupPath: string, target: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = resolve(backupPath);
  const destination = resolve(target);
  if (source === destination) throw new BackupError('conflict', `${destination} is the backup itself`);
  if (!existsSync(source)) throw new BackupError('not-found', `${source} does not exist`);
  let backup: ReadableWorkspace;
  try {
    backup = openWorkspaceReadOnly(source, { ...openOptions(options) });
  } catch (error) {
    throw new BackupError('damaged', `${source} cannot be restored: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    let replacedBackup: BackupInfo | null = null;
    if (existsSync(destination)) {
      if (options.overwrite !== true) throw new BackupError('conflict', `${destination} already exists; nothing was written (replace it explicitly)`);
      if (existsSync(`${destination}-wal`)) {
        throw new BackupError('conflict', `${destination} is open (it has a -wal file beside it); close it first. Nothing was written.`);
      }
      replacedBackup = await backupBeforeReplacing(destination, 'restore', {
        ...openOptions(options),
        ...(options.folder === undefined ? {} : { folder: options.folder }),
        ...(options.now === undefined ? {} : { now: options.now }),
      });
    }
    removeStaleTemporaries(destination);
    const temporary = temporaryPathFor(destination, 'restore');
    try {
      await backup.saveCopyTo(temporary);
      verifyCopy(temporary);
      renameSync(temporary, destination);
    } catch (error) {
      removeTemporary(temporary);
      if (error instanceof BackupError) throw error;
      const cause = toWorkspaceError(error, destination);
      throw new BackupError('failed', `could not restore to ${destination} (${cause instanceof Error ? cause.message : String(cause)}); it is as it was`, { cause });
    }
    return { path: destination, replacedBackup };
  } finally {
    backup.close();
  }
}

/**
 * Before `target` is replaced by another file (an import with --force, a restore): backs it up,
 * and returns the backup (null when there is nothing at `target`). A target that cannot be read
 * as a workspace is refused ('conflict'): a damaged file is never overwritten.
 */
export async function backupBeforeReplacing(
  target: string,
  reason: BackupReason,
  options: Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding'> & { folder?: string; now?: () => Date } = {},
): Promise<BackupInfo | null> {
  const destination = resolve(target);
  if (!existsSync(destination)) return null;
  let current: ReadableWorkspace;
  try {
    current = openWorkspaceReadOnly(destination, { ...openOptions(options) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new BackupError('conflict', `${destination} is not replaced: it cannot be read as a workspace (${why}). Choose a new file instead.`, { cause: error });
  }
  try {
    return await createBackup(current, reason, {
      skipIfUnchanged: false,
      folder: options.folder ?? backupFolderFor(destination),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  } finally {
    current.close();
  }
}
