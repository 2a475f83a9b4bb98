import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportWorkspaceJson, writeFileAtomically } from '../../storage';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';
import { jsonForTerminal } from '../terminal';
import { withWorkspace } from '../workspace';

const USAGE = 'groundwork export-json WORKSPACE [--out FILE]';

/** `groundwork export-json`: the whole workspace as Workspace JSON v1 (docs/workspace-json.md), read-only. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } }, { min: 1, max: 1, usage: USAGE });
  const out = values.out === undefined ? undefined : resolve(values.out);
  if (out !== undefined && !existsSync(dirname(out))) throw new CliError(`--out: folder ${dirname(out)} does not exist`);
  const text = await withWorkspace(positionals[0] ?? '', (workspace) => `${jsonForTerminal(exportWorkspaceJson(workspace))}\n`);
  if (out === undefined) {
    io.stdout(text);
  } else {
    writeFileAtomically(out, text);
    io.stderr(`Wrote ${out}\n`);
  }
  return 0;
}
