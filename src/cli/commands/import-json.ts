import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROBLEMS_SHOWN, WorkspaceJsonError } from '../../core/workspace-json';
import { importWorkspaceJson, StorageError, WorkspaceError } from '../../storage';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = 'groundwork import-json FILE|- --out WORKSPACE [--force]';

/**
 * `groundwork import-json`: a Workspace JSON v1 file (or stdin) into a NEW workspace file. A bad
 * file gets its first problems on stderr, one per line prefixed by the file name, exit 2, and
 * nothing is written; `--force` replaces an existing workspace, only once the new one is complete.
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
  if (existsSync(out) && !values.force) throw new CliError(`--out: ${out} already exists (add --force to replace it); nothing was written`);

  const source = positionals[0] ?? '-';
  const name = source === '-' ? '<stdin>' : source;
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : readFileSync(source, 'utf8');
  } catch (error) {
    throw new CliError(`${name}: cannot read it (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${name}: not JSON (${error instanceof Error ? error.message : String(error)}); nothing was written`);
  }

  try {
    importWorkspaceJson(json, out, { overwrite: values.force });
  } catch (error) {
    if (error instanceof WorkspaceJsonError) {
      const shown = error.problems.slice(0, PROBLEMS_SHOWN);
      for (const problem of shown) io.stderr(`${name}: ${problem}\n`);
      const more = error.problems.length - shown.length;
      if (more > 0) io.stderr(`${name}: … and ${more} more problem${more === 1 ? '' : 's'}\n`);
      io.stderr(`groundwork import-json: ${name} is not a valid Workspace JSON file; nothing was written\n`);
      return 2;
    }
    if (error instanceof StorageError || error instanceof WorkspaceError) throw new CliError(`${error.message}`);
    throw error;
  }
  io.stdout(`Imported ${name} into ${out}\n`);
  return 0;
}
