import { resolve } from 'node:path';
import { restoreBackup } from '../../storage';
import { outWorkspaceArg, parseCommandArgs } from '../args';
import type { CliIO } from '../io';

const USAGE = 'groundwork restore BACKUP --out WORKSPACE [--force]';

/**
 * `groundwork restore`: a backup (or any workspace file) into a workspace file. An existing
 * WORKSPACE is replaced only with --force, after it is itself backed up (so the restore can be
 * undone), and never when it is damaged (restore into a new file instead).
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, force: { type: 'boolean', default: false } },
    { min: 1, max: 1, usage: USAGE },
  );
  const out = outWorkspaceArg(values.out, values.force, USAGE, '; it is backed up first');
  const result = await restoreBackup(resolve(positionals[0] ?? ''), out, { overwrite: values.force });
  if (result.replacedBackup) io.stderr(`Backed up the workspace it replaced: ${result.replacedBackup.path}\n`);
  io.stdout(`Restored ${resolve(positionals[0] ?? '')} to ${out}\n`);
  return 0;
}
