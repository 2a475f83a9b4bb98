import { progressReport, type ProgressReport } from '../../core/progress/progress';
import { toIsoDate } from '../../core/calendar';
import { plural } from '../../core/planner/texts';
import { parseCommandArgs, parseIsoDateArg } from '../args';
import { CliError, type CliIO } from '../io';
import { jsonForTerminal } from '../terminal';
import { planScenario, withWorkspace } from '../workspace';

const USAGE = 'groundwork progress WORKSPACE [--baseline NAME] [--scenario NAME] [--as-of YYYY-MM-DD] [--json]';

/** The text lists the largest causes of each gate's move; --json has every one. */
const CAUSES_SHOWN = 5;

export function formatProgress(r: ProgressReport): string {
  const out: string[] = [];
  const s = r.summary;
  out.push(
    `Progress since “${r.baseline.name}” (scenario “${r.baseline.scenarioName}”, as of ${r.baseline.asOf}), as of ${r.asOf}`,
    `  ${s.itemsDone} done, ${s.itemsLate} late, ${s.itemsAdded} added, ${s.itemsRemoved} removed; ${plural(s.hiresLate, 'hire')} late or missing; ${plural(s.gatesLater, 'layer gate')} later, ${s.gatesEarlier} earlier`,
    '',
    'Layer gates',
  );
  for (const g of r.slips.gates) out.push(`  ${g.text}`);
  for (const c of r.causes) {
    out.push('', `Why ${c.name} moved${c.days === null ? '' : ` (${c.days} days)`}`);
    if (c.causes.length === 0) out.push('  no single cause in the data: the work moved with the rest of the plan');
    for (const cause of c.causes.slice(0, CAUSES_SHOWN)) out.push(`  ${cause.days === null ? '     ' : `${String(cause.days).padStart(4)}d`} ${cause.text}`);
    if (c.causes.length > CAUSES_SHOWN) out.push(`  … and ${plural(c.causes.length - CAUSES_SHOWN, 'smaller cause')} (--json lists them all)`);
  }
  const moved = r.slips.items.filter((i) => i.change !== 'on-time' && i.change !== 'earlier');
  if (moved.length) {
    out.push('', 'Work items');
    for (const i of moved) out.push(`  [${i.change}] ${i.text}`);
  }
  if (r.slips.hires.length) {
    out.push('', 'Hires');
    for (const h of r.slips.hires) out.push(`  [${h.change}] ${h.text}`);
  }
  return `${out.join('\n')}\n`;
}

/** `groundwork progress`: what moved since a baseline, and why. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { baseline: { type: 'string' }, scenario: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean', default: false } },
    { min: 1, max: 1, usage: USAGE },
  );
  const today = toIsoDate(new Date());
  const asOf = values['as-of'] === undefined ? today : parseIsoDateArg('as-of', values['as-of']);
  return withWorkspace(positionals[0] ?? '', (workspace) => {
    const baselines = workspace.listBaselineSummaries();
    if (baselines.length === 0) throw new CliError('no baseline in this workspace: save one with `groundwork baseline WORKSPACE --name NAME` first');
    const baseline = workspace.findBaseline(values.baseline ?? baselines[0]!.id);
    if (!baseline) throw new CliError(`--baseline: no baseline "${values.baseline}" (baselines: ${baselines.map((b) => b.name).join(', ')})`);
    const { input, result } = planScenario(workspace, { scenario: values.scenario ?? baseline.scenarioId ?? undefined, today, asOf });
    const report = progressReport({
      baseline,
      plan: result,
      workItems: input.workItems,
      people: input.people,
      capabilities: input.capabilities,
      history: workspace.listMaturityHistory(),
      asOf,
    });
    io.stdout(values.json ? `${jsonForTerminal(report)}\n` : formatProgress(report));
    return 0;
  });
}
