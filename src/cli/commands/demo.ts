import { renameSync } from 'node:fs';
import { buildDemoOrganisation } from '../../core/domain/demo';
import { backupBeforeReplacing, openWorkspace, WorkspaceError, removeStaleTemporaries, removeTemporary, temporaryPathFor } from '../../storage';
import { outWorkspaceArg, parseCommandArgs, todayArg } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = 'groundwork demo --out FILE [--today YYYY-MM-DD] [--force]';

/**
 * Writes the demo organisation to a new workspace file. It is built under a temporary name beside
 * the target and renamed into place, so an interrupted run never leaves half a workspace.
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { out: { type: 'string' }, today: { type: 'string' }, force: { type: 'boolean', default: false } },
    { min: 0, max: 0, usage: USAGE },
  );
  const out = outWorkspaceArg(values.out, values.force, USAGE);
  const today = todayArg(values.today);

  const replaced = values.force ? await backupBeforeReplacing(out, 'import') : null;
  if (replaced) io.stderr(`Backed up the workspace it replaces: ${replaced.path}\n`);
  removeStaleTemporaries(out);
  const temp = temporaryPathFor(out, 'demo');
  try {
    const workspace = openWorkspace(temp, { create: true, now: () => new Date(`${today}T12:00:00Z`) });
    try {
      workspace.seed(buildDemoOrganisation(today));
    } finally {
      workspace.close();
    }
    renameSync(temp, out);
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CliError(error.message.replaceAll(temp, out));
    throw error;
  } finally {
    removeTemporary(temp);
  }
  io.stdout(`Wrote the demo organisation to ${out}\n`);
  return 0;
}
