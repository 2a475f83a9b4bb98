import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatWorkspaceJson } from '../../core/workspace-json';
import { exportWorkspaceJson, openWorkspaceReadOnly, WorkspaceError } from '../../storage';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = 'groundwork export-json WORKSPACE [--out FILE]';

/** Writes `text` to `file` through a temporary file beside it, so `file` is never half written. */
function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** `groundwork export-json`: the whole workspace as Workspace JSON v1 (docs/workspace-json.md), read-only. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } }, { min: 1, max: 1, usage: USAGE });
  const out = values.out === undefined ? undefined : resolve(values.out);
  if (out !== undefined && !existsSync(dirname(out))) throw new CliError(`--out: folder ${dirname(out)} does not exist`);
  let workspace;
  try {
    workspace = openWorkspaceReadOnly(resolve(positionals[0] ?? ''));
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CliError(error.message);
    throw error;
  }
  let text: string;
  try {
    text = formatWorkspaceJson(exportWorkspaceJson(workspace));
  } finally {
    workspace.close();
  }
  if (out === undefined) {
    io.stdout(text);
  } else {
    writeAtomically(out, text);
    io.stderr(`Wrote ${out}\n`);
  }
  return 0;
}
