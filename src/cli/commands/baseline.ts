import { snapshotOf } from '../../core/progress/baseline';
import { StorageError } from '../../storage';
import { toIsoDate } from '../../core/calendar';
import { parseCommandArgs, parseIsoDateArg } from '../args';
import { CliError, type CliIO } from '../io';
import { planScenario, withWritableWorkspace } from '../workspace';

const USAGE = 'groundwork baseline WORKSPACE --name NAME [--scenario NAME] [--as-of YYYY-MM-DD]';

/** `groundwork baseline`: freezes the scenario's plan as of a date under a name, to compare progress against. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { name: { type: 'string' }, scenario: { type: 'string' }, 'as-of': { type: 'string' } },
    { min: 1, max: 1, usage: USAGE },
  );
  const name = values.name?.trim();
  if (!name) throw new CliError(`--name: give the baseline a name, e.g. --name "2027-Q1 plan as approved" (usage: ${USAGE})`);
  if (name.length > 120) throw new CliError('--name: at most 120 characters');
  const today = toIsoDate(new Date());
  const asOf = values['as-of'] === undefined ? today : parseIsoDateArg('as-of', values['as-of']);
  return withWritableWorkspace(positionals[0] ?? '', (workspace) => {
    const { input, scenario, result } = planScenario(workspace, { scenario: values.scenario, today, asOf });
    try {
      const baseline = workspace.createBaseline({ name, scenarioId: scenario.id, snapshot: snapshotOf(result, input.people, input.capabilities) });
      io.stdout(`Saved the baseline “${baseline.name}” of scenario “${scenario.name}” as of ${baseline.asOf}: ${baseline.snapshot.items.length} items, ${baseline.snapshot.hires.length} hires.\n`);
    } catch (error) {
      if (error instanceof StorageError) throw new CliError(`--name: ${error.code === 'conflict' ? `a baseline named “${name}” already exists` : error.message}`);
      throw error;
    }
    return 0;
  });
}
