import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { toIsoDate } from '../../core/calendar';
import { comparisonTable, CSV_TABLES, headcountTable, hiringTable, inventoryTable, roadmapTable, type CsvTable, type Table } from '../../core/csv';
import { plan } from '../../core/planner';
import { loadPlanInput, openWorkspaceReadOnly, tableToCsv, writeFileAtomically, type ReadableWorkspace } from '../../storage';
import { parseCommandArgs, parseIsoDateArg } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = `groundwork export-csv WORKSPACE --table ${CSV_TABLES.join('|')} [--out FILE] [--scenario NAME] [--scenarios A,B[,C]] [--today YYYY-MM-DD]`;

/** The table the app shows on that screen, from a workspace opened read-only. */
export function buildTable(workspace: ReadableWorkspace, table: CsvTable, options: { today: string; scenario?: string; scenarios?: readonly string[] }): Table {
  const planOf = (scenario?: string) => plan(loadPlanInput(workspace, { today: options.today, ...(scenario === undefined ? {} : { scenario }) }).input);
  switch (table) {
    case 'inventory':
      return inventoryTable(workspace.listCapabilities());
    case 'headcount':
      return headcountTable(workspace.listPeople(), workspace.listRoles());
    case 'hiring':
      return hiringTable(planOf(options.scenario));
    case 'roadmap':
      return roadmapTable(planOf(options.scenario), workspace.listRoles());
    case 'comparison': {
      const names = options.scenarios ?? workspace.listScenarios().slice(0, 3).map((s) => s.id);
      if (names.length < 2 || names.length > 3) throw new CliError('--scenarios: name two or three scenarios (the workspace has fewer than two)');
      const roles = workspace.listRoles();
      return comparisonTable(
        names.map((name) => planOf(name)),
        (id) => roles.find((r) => r.id === id)?.name ?? id,
      );
    }
  }
}

/** `groundwork export-csv`: one of the app's tables as CSV (formula-safe, UTF-8 with BOM), to a file or stdout. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { table: { type: 'string' }, out: { type: 'string' }, scenario: { type: 'string' }, scenarios: { type: 'string' }, today: { type: 'string' } },
    { min: 1, max: 1, usage: USAGE },
  );
  const table = values.table;
  if (table === undefined || !(CSV_TABLES as readonly string[]).includes(table)) throw new CliError(`--table: must be one of ${CSV_TABLES.join(', ')} (usage: ${USAGE})`);
  const out = values.out === undefined || values.out === '-' ? undefined : resolve(values.out);
  if (out !== undefined && !existsSync(dirname(out))) throw new CliError(`--out: folder ${dirname(out)} does not exist`);
  const today = values.today === undefined ? toIsoDate(new Date()) : parseIsoDateArg('today', values.today);
  const workspace = openWorkspaceReadOnly(resolve(positionals[0] ?? ''));
  let text: string;
  try {
    text = tableToCsv(
      buildTable(workspace, table as CsvTable, {
        today,
        ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
        ...(values.scenarios === undefined ? {} : { scenarios: values.scenarios.split(',').map((s) => s.trim()) }),
      }),
    );
  } finally {
    workspace.close();
  }
  if (out === undefined) io.stdout(text);
  else {
    writeFileAtomically(out, text);
    io.stderr(`Wrote ${out}\n`);
  }
  return 0;
}
