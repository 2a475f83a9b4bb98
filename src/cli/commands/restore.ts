import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { restoreBackup } from '../../storage';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

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
  if (!values.out) throw new CliError(`--out WORKSPACE is required (usage: ${USAGE})`);
  const out = resolve(values.out);
  if (!existsSync(dirname(out))) throw new CliError(`--out: folder ${dirname(out)} does not exist`);
  if (existsSync(out) && !values.force) throw new CliError(`--out: ${out} already exists (add --force to replace it; it is backed up first); nothing was written`);
  const result = await restoreBackup(resolve(positionals[0] ?? ''), out, { overwrite: values.force });
  if (result.replacedBackup) io.stderr(`Backed up the workspace it replaced: ${result.replacedBackup.path}\n`);
  io.stdout(`Restored ${resolve(positionals[0] ?? '')} to ${out}\n`);
  return 0;
}
