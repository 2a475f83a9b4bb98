import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { openWorkspace, openWorkspaceReadOnly, StorageError, type OpenWorkspaceOptions, type ReadableWorkspace, type WritableWorkspace } from '../../../src/storage';

export const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/workspaces', import.meta.url));

const made: string[] = [];
const opened: ReadableWorkspace[] = [];

afterEach(() => {
  for (const workspace of opened.splice(0)) workspace.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-storage-'));
  made.push(dir);
  return dir;
}

/** A clock that starts at 2027-01-04T09:00Z and moves one minute per call. */
export function steppingClock(): () => Date {
  let minute = 0;
  return () => new Date(Date.UTC(2027, 0, 4, 9, minute++));
}

/** Opens with the repository's migrations and a stepping clock; closed after the test. */
export function open(path: string, options: OpenWorkspaceOptions = {}): WritableWorkspace {
  const workspace = openWorkspace(path, { migrationsDir: MIGRATIONS, now: steppingClock(), ...options });
  opened.push(workspace);
  return workspace;
}

/** Opens read-only with the repository's migrations; closed after the test. */
export function openReadOnly(path: string): ReadableWorkspace {
  const workspace = openWorkspaceReadOnly(path, { migrationsDir: MIGRATIONS });
  opened.push(workspace);
  return workspace;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The SQLite side files that exist beside `path`. */
export function sideFiles(path: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(`${path}${suffix}`));
}

/** A copy of a committed fixture in a temp folder (the fixture itself is never opened). */
export function copyFixture(version: number, dir: string, name = `v${version}.groundwork`): string {
  const target = join(dir, name);
  copyFileSync(join(FIXTURES, `v${version}.groundwork`), target);
  return target;
}

/** A raw connection for looking under the hood (PRAGMAs, EXPLAIN); closed by the caller. */
export function raw(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, options);
}

/** Everything a write could touch. */
export function everything(ws: ReadableWorkspace) {
  return {
    organisation: ws.getOrganisation(),
    capabilities: ws.listCapabilities(),
    roles: ws.listRoles(),
    people: ws.listPeople(),
    workItems: ws.listWorkItems(),
    scenarios: ws.listScenarios(),
    history: ws.listHistory(),
  };
}

/** `write` is refused with a StorageError of `code` naming `field`, and nothing in `ws` changes. */
export function expectRefusedWrite(ws: WritableWorkspace, write: () => unknown, code: StorageError['code'], field: string | undefined): StorageError {
  const before = everything(ws);
  let caught: unknown;
  try {
    write();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StorageError);
  expect(caught).toMatchObject({ code, field });
  expect(everything(ws)).toEqual(before);
  return caught as StorageError;
}
