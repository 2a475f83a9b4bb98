import { resolve } from 'node:path';
import { describeBackupChange } from '../../core/backups/rotation';
import { backupFolderFor, createBackup, formatSize, listBackups, openWorkspaceReadOnly } from '../../storage';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';
import { jsonForTerminal } from '../terminal';

const USAGE = 'groundwork backups WORKSPACE [--json] [--now]';

/**
 * `groundwork backups`: the automatic backups of a workspace, newest first, with date, size,
 * what they hold and what changed since the one before; `--now` makes one first.
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { json: { type: 'boolean', default: false }, now: { type: 'boolean', default: false } },
    { min: 1, max: 1, usage: USAGE },
  );
  const file = resolve(positionals[0] ?? '');
  if (values.now) {
    const workspace = openWorkspaceReadOnly(file);
    try {
      const made = await createBackup(workspace, 'manual', { folder: backupFolderFor(file), skipIfUnchanged: false });
      if (made) io.stderr(`Backed up ${file} to ${made.path}\n`);
    } finally {
      workspace.close();
    }
  }
  const backups = listBackups(file);
  if (values.json) {
    io.stdout(`${jsonForTerminal({ workspace: file, folder: backupFolderFor(file), backups })}\n`);
    return 0;
  }
  if (backups.length === 0) {
    io.stdout(`No backups of ${file} yet (they go to ${backupFolderFor(file)}).\n`);
    return 0;
  }
  const lines = [`Backups of ${file} (newest first), in ${backupFolderFor(file)}:`, ''];
  backups.forEach((backup, index) => {
    const when = backup.createdAt.replace('T', ' ').slice(0, 19);
    const holds =
      backup.counts === null
        ? `cannot be restored: ${backup.problem ?? 'unreadable'}`
        : `${backup.counts.capabilities} capabilities, ${backup.counts.people} people, ${backup.counts.workItems} work items`;
    const change = describeBackupChange(backup, backups[index + 1]);
    lines.push(`  ${when} UTC  ${backup.reason.padEnd(10)} ${formatSize(backup.bytes).padStart(9)}  ${holds}${change ? `  (${change})` : ''}`);
    lines.push(`      ${backup.path}`);
  });
  lines.push('', `Restore one with: groundwork restore BACKUP --out ${file} --force   (the current file is backed up first)`);
  io.stdout(`${lines.join('\n')}\n`);
  if (backups.every((b) => b.problem !== null)) throw new CliError('none of the backups can be restored');
  return 0;
}
