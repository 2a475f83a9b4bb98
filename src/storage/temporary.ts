import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files written beside a target and renamed over it once complete (imports, the demo,
 * Save As, restores): `.<target name>.<pid>-<random>.<purpose>.gw-tmp`. The process id in the
 * name lets a later run tell a leftover of a killed process from the file of one still running.
 */
export function temporaryPathFor(target: string, purpose: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.${purpose}.gw-tmp`);
}

const TEMPORARY = /^\.(.+)\.(\d+)-[0-9a-f]{12}\.[a-z-]+\.gw-tmp(-wal|-shm|-journal)?$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files for `target` left by processes that are gone (killed, crashed, a
 * power loss), with their SQLite side files, and returns their paths. A temporary file is never
 * the user's data: the target is only ever replaced by a rename of a complete one.
 */
export function removeStaleTemporaries(target: string): string[] {
  const name = basename(target);
  return removeStale(dirname(target), (forTarget) => forTarget === name);
}

/** Removes a temporary file and the side files SQLite may have made for it. */
export function removeTemporary(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Removes every temporary file in `folder` left by a process that is gone, whatever its target
 * (the backup folder, where each backup has a name of its own). Returns their paths.
 */
export function removeStaleTemporariesIn(folder: string): string[] {
  return removeStale(folder, () => true);
}

/** The temporary files in `folder` whose target `matches` and whose process is gone, removed. */
function removeStale(folder: string, matches: (target: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry);
    if (!match || !matches(match[1] ?? '') || isRunning(Number(match[2]))) continue;
    const path = join(folder, entry);
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Someone else's file in a shared folder: leave it.
    }
  }
  return removed;
}
