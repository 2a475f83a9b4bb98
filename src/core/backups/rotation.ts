/**
 * Which automatic backups to keep: the newest `recent` ones, and for each of the last `days`
 * days the newest backup made that day (UTC). So a lead can go back a few edits, or to how the
 * workspace looked on any day of the last month, with at most recent + days files.
 */
export interface RotationPolicy {
  readonly recent: number;
  readonly days: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { recent: 10, days: 30 };

export interface DatedBackup {
  readonly name: string;
  /** ISO timestamp in UTC. */
  readonly createdAt: string;
}

/** The names of the backups to keep (the rest may be deleted), given the time now. */
export function backupsToKeep(backups: readonly DatedBackup[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, policy.recent).map((b) => b.name));
  const oldestDay = new Date(now.getTime() - (policy.days - 1) * 86_400_000).toISOString().slice(0, 10);
  const seenDays = new Set<string>();
  for (const backup of newestFirst) {
    const day = backup.createdAt.slice(0, 10);
    if (day < oldestDay || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(backup.name);
  }
  return keep;
}

export interface BackupCountsLike {
  readonly capabilities: number;
  readonly roles: number;
  readonly people: number;
  readonly workItems: number;
}

/**
 * What changed from one backup to the next, as a lead reads it in the list: "+2 capabilities,
 * −1 person", "no change" when the content is the same, "other fields changed" when only values
 * changed. `previous` undefined: the oldest backup.
 */
export function describeBackupChange(
  current: { readonly counts: BackupCountsLike | null; readonly fingerprint?: string },
  previous: { readonly counts: BackupCountsLike | null; readonly fingerprint?: string } | undefined,
): string {
  if (current.counts === null) return '';
  if (previous === undefined) return 'oldest backup';
  if (previous.counts === null) return '';
  if (current.fingerprint !== undefined && current.fingerprint === previous.fingerprint) return 'no change';
  const parts: string[] = [];
  const diff = (now: number, before: number, one: string, many: string) => {
    const d = now - before;
    if (d !== 0) parts.push(`${d > 0 ? '+' : '−'}${Math.abs(d)} ${Math.abs(d) === 1 ? one : many}`);
  };
  diff(current.counts.capabilities, previous.counts.capabilities, 'capability', 'capabilities');
  diff(current.counts.people, previous.counts.people, 'person', 'people');
  diff(current.counts.workItems, previous.counts.workItems, 'work item', 'work items');
  diff(current.counts.roles, previous.counts.roles, 'role', 'roles');
  return parts.length > 0 ? parts.join(', ') : 'values changed';
}
