import { resolve } from 'node:path';
import { toIsoDate } from '../../core/calendar';
import { layerById } from '../../core/domain/layers';
import { plan, type PlanResult } from '../../core/planner';
import { loadPlanInput, openWorkspace, StorageError, WorkspaceError } from '../../storage';
import { parseCommandArgs, parseIsoDateArg } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = 'groundwork plan WORKSPACE [--scenario NAME] [--json] [--explain] [--today YYYY-MM-DD]';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export function formatPlan(result: PlanResult, explain: boolean): string {
  const s = result.scenario;
  const out: string[] = [];
  out.push(
    `${result.organisation} — scenario "${s.name}"${s.isDefault ? ' (default)' : ''}: from ${s.startDate}, ${s.horizonQuarters} quarters, ` +
      `target ${layerById(s.targetLayer).name} by ${s.targetDate ?? 'the end of the horizon'}`,
    '',
    `Layers${' '.repeat(16)}now   at end   ready (gate ${pct(s.gateThreshold)})`,
  );
  for (const l of result.layers) {
    const ready = l.readyWeek === null ? 'not within the plan' : l.readyWeek === 0 ? 'now' : `week ${l.readyWeek} (${l.readyQuarter})`;
    out.push(`  ${l.name.padEnd(18)} ${pct(l.readinessNow).padStart(5)} ${pct(l.readinessAtEnd).padStart(8)}   ${ready}`);
  }
  out.push('', 'Hiring plan');
  if (result.hires.length === 0) out.push('  no hires');
  for (const h of result.hires) {
    const who = h.source === 'proposed' ? 'proposed' : `${h.status === 'open_req' ? 'open req' : 'planned'}: ${h.personName ?? ''}`;
    out.push(`  ${h.quarter}  ${h.roleName.padEnd(28)} ${who.padEnd(34)} starts ${h.startDate}`);
    out.push(`           ${h.reason}`);
  }
  out.push('', 'Roadmap');
  for (const q of result.quarters) {
    const starting = result.items.filter((i) => i.startQuarter === q.label);
    if (starting.length === 0) continue;
    out.push(`  ${q.label} (from ${q.startDate})`);
    for (const i of starting.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))) {
      const layer = i.layer ? layerById(i.layer).name : 'Other';
      out.push(`    weeks ${String(i.start).padStart(3)}–${String(i.finish).padEnd(3)} [${layer}] ${i.title}${i.pinned ? ' (pinned)' : ''}`);
      if (explain) out.push(`                 ${i.placement.text}`);
    }
  }
  const later = result.items.filter((i) => i.start !== null && i.start >= result.scenario.horizonWeeks);
  if (later.length) out.push(`  after the horizon: ${later.length} item(s)`);
  const unscheduled = result.items.filter((i) => i.start === null && i.status !== 'done' && i.status !== 'dropped');
  if (unscheduled.length) {
    out.push('', 'Not scheduled');
    for (const i of unscheduled) out.push(`  ${i.title}: ${i.placement.text}`);
  }
  out.push('', `Warnings (${result.warnings.length})`);
  for (const w of result.warnings) out.push(`  [${w.code}] ${w.message}`);
  if (explain) {
    out.push('', 'Decisions');
    for (const d of result.decisions) out.push(`  ${d.step}. ${d.text}`);
  }
  return `${out.join('\n')}\n`;
}

/** `groundwork plan`: the planner's result for a workspace and scenario, as text or JSON. */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      scenario: { type: 'string' },
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      today: { type: 'string' },
    },
    { min: 1, max: 1, usage: USAGE },
  );
  const today = values.today === undefined ? toIsoDate(new Date()) : parseIsoDateArg('today', values.today);
  let workspace;
  try {
    workspace = openWorkspace(resolve(positionals[0] ?? ''), { create: false, readonly: true });
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CliError(error.message);
    throw error;
  }
  try {
    let input;
    try {
      ({ input } = loadPlanInput(workspace, { today, ...(values.scenario === undefined ? {} : { scenario: values.scenario }) }));
    } catch (error) {
      if (error instanceof StorageError || error instanceof WorkspaceError) throw new CliError(`--scenario: ${error.message}`);
      throw error;
    }
    const result = plan(input);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatPlan(result, values.explain));
    return 0;
  } finally {
    workspace.close();
  }
}
