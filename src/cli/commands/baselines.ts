import { parseCommandArgs } from '../args';
import type { CliIO } from '../io';
import { jsonForTerminal } from '../terminal';
import { withWorkspace } from '../workspace';

const USAGE = 'groundwork baselines WORKSPACE [--json]';

/** `groundwork baselines`: the workspace's baselines, newest first. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, { min: 1, max: 1, usage: USAGE });
  return withWorkspace(positionals[0] ?? '', (workspace) => {
    const list = workspace.listBaselineSummaries();
    if (values.json) {
      io.stdout(`${jsonForTerminal(list)}\n`);
      return 0;
    }
    if (list.length === 0) {
      io.stdout('No baselines yet: save one with `groundwork baseline WORKSPACE --name NAME` (or accept a plan in the app).\n');
      return 0;
    }
    for (const b of list) io.stdout(`${b.name.padEnd(36)} scenario “${b.scenarioName}”, as of ${b.asOf}, saved ${b.createdAt.slice(0, 10)}: ${b.items} items, ${b.hires} hires\n`);
    return 0;
  });
}
