import { LIMITS } from '../../core/input/limits';
import { parseWorkspaceJsonBytes, PROBLEMS_SHOWN, WorkspaceJsonError } from '../../core/workspace-json';
import { backupBeforeReplacing, importWorkspaceJson, readInputFile } from '../../storage';
import { outWorkspaceArg, parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = 'groundwork import-json FILE|- --out WORKSPACE [--force]';

/**
 * `groundwork import-json`: a Workspace JSON v1 file (or stdin) into a NEW workspace file. A bad
 * file gets its first problems on stderr, one per line prefixed by the file name, exit 2, and
 * nothing is written; `--force` replaces an existing workspace, only once the new one is complete
 * and after a backup of the old one.
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, force: { type: 'boolean', default: false } },
    { min: 1, max: 1, usage: USAGE },
  );
  const out = outWorkspaceArg(values.out, values.force, USAGE);

  const source = positionals[0] ?? '-';
  const name = source === '-' ? '<stdin>' : source;
  const bytes = source === '-' ? await io.readStdin(LIMITS.workspaceJsonBytes) : readInputFile(source, LIMITS.workspaceJsonBytes, 'Workspace JSON file');
  if (bytes === null) throw new CliError(`${name}: more than ${LIMITS.workspaceJsonBytes.toLocaleString('en-US')} bytes, the most a Workspace JSON file may be; nothing was written`);

  try {
    const doc = parseWorkspaceJsonBytes(bytes);
    const replaced = values.force ? await backupBeforeReplacing(out, 'import') : null;
    importWorkspaceJson(doc, out, { overwrite: values.force });
    if (replaced) io.stderr(`Backed up the workspace it replaced: ${replaced.path}\n`);
  } catch (error) {
    if (error instanceof WorkspaceJsonError) {
      const shown = error.problems.slice(0, PROBLEMS_SHOWN);
      for (const problem of shown) io.stderr(`${name}: ${problem}\n`);
      const more = error.problems.length - shown.length;
      if (more > 0) io.stderr(`${name}: … and ${more} more problem${more === 1 ? '' : 's'}\n`);
      io.stderr(`groundwork import-json: ${name} is not a valid Workspace JSON file; nothing was written\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(`Imported ${name} into ${out}\n`);
  return 0;
}
