import { layerById } from '../../core/domain/layers';
import { formatDateRange, formatPercent, layerLabel } from '../../core/format';
import type { Capability } from '../../core/domain/types';
import { calendarOf } from '../../core/domain/calendar';
import { bySeverity, initiativesOf, marginalHireValues, type PlanResult } from '../../core/planner';
import { parseCommandArgs, parseIsoDateArg, todayArg } from '../args';
import type { CliIO } from '../io';
import { planScenario, withWorkspace } from '../workspace';
import { jsonForTerminal } from '../terminal';

const USAGE = 'groundwork plan WORKSPACE [--scenario NAME] [--as-of YYYY-MM-DD] [--json] [--explain] [--today YYYY-MM-DD]';


/** The plan as text; `capabilities` name its initiatives (the workspace's inventory). */
export function formatPlan(result: PlanResult, explain: boolean, capabilities: readonly Pick<Capability, 'id' | 'name'>[] = []): string {
  const s = result.scenario;
  const out: string[] = [];
  out.push(
    `${result.organisation} — scenario "${s.name}"${s.isDefault ? ' (default)' : ''}: ${s.startDate} to ${s.endDate} (${s.horizonQuarters} quarters), as of ${result.asOf}, ` +
      `target ${layerById(s.targetLayer).name} by ${s.targetDate ?? 'the end of the horizon'}`,
    '',
    `Layers${' '.repeat(16)}now   at horizon   mean now   steps by end   ready (gate ${formatPercent(s.gateThreshold)})`,
  );
  for (const l of result.layers) {
    const aboveTarget = l.gatedCapabilityIds.length === 0 && l.notNeededCapabilityIds.length > 0;
    const ready = aboveTarget
      ? 'above the target: not planned'
      : l.readyDate === null
        ? 'not within the plan'
        : l.readyWeek !== null && l.readyWeek <= result.statusWeek
          ? 'now'
          : `${l.readyDate} (${l.readyQuarter})`;
    const waived = l.waivedCapabilityIds.length ? `  (${l.waivedCapabilityIds.length} waived: nobody can build them)` : '';
    const steps = aboveTarget ? '—' : l.stepsNeeded === 0 ? 'at target' : `${l.stepsDoneAtHorizon} of ${l.stepsNeeded}`;
    out.push(`  ${l.name.padEnd(18)} ${formatPercent(l.readinessNow).padStart(5)} ${formatPercent(l.readinessAtHorizon).padStart(12)} ${formatPercent(l.meanNow).padStart(10)}   ${steps.padStart(12)}   ${ready}${waived}`);
  }
  out.push('', 'Hiring plan');
  if (result.hires.length === 0) out.push('  no hires');
  for (const h of result.hires) {
    const who = h.source === 'proposed' ? (h.kind === 'backfill' ? 'proposed backfill' : 'proposed') : `${h.status === 'open_req' ? 'open req' : 'planned'}: ${h.personName ?? ''}`;
    out.push(`  ${h.quarter}  ${h.roleName.padEnd(28)} ${who.padEnd(34)} starts ${h.startDate}`);
    out.push(`           ${h.reason}`);
  }
  if (result.asks.length) {
    out.push('', 'Borrow or contract');
    for (const a of result.asks) out.push(`  ${a.text}`);
  }
  if (result.marginal) {
    out.push('', 'One more hire now (what it does to the target layer)');
    for (const m of result.marginal) out.push(`  ${m.roleName.padEnd(28)} ${m.text}`);
  }
  out.push('', 'Roadmap (initiatives by the quarter they start; their maturity steps below each)');
  const initiatives = initiativesOf(result, capabilities);
  for (const q of calendarOf(result).quartersThrough(null)) {
    const starting = initiatives.filter((i) => i.start !== null && i.startQuarter === q.label);
    if (starting.length === 0) continue;
    out.push(`  ${q.label} (${q.firstDay} to ${q.lastDay})`);
    for (const initiative of starting) {
      const layer = layerLabel(initiative.layer);
      const flags = `${initiative.pinned ? ' (pinned)' : ''}${initiative.inProgress ? ' (in progress)' : ''}`;
      out.push(`    ${formatDateRange(initiative.startDate, initiative.finishDate)} [${layer}] ${initiative.title}${flags}`);
      for (const i of initiative.steps) {
        const when = i.start === null ? 'not scheduled' : formatDateRange(i.startDate, i.finishDate);
        out.push(`        ${when.padEnd(23)} ${i.title}${i.pinned ? ' (pinned)' : ''}${i.status === 'in_progress' ? ' (in progress)' : ''}`);
        if (explain) {
          out.push(`                                ${i.placement.text}`);
          if (i.staffing) out.push(`                                ${i.staffing}`);
        }
      }
    }
  }
  const afterHorizon = result.items.filter((i) => i.startDate !== null && i.start !== null && i.startDate > s.endDate);
  if (afterHorizon.length) out.push(`  after the horizon (${s.endDate}): ${afterHorizon.length} item(s)`);
  const unscheduled = result.items.filter((i) => i.start === null && i.status !== 'done' && i.status !== 'dropped');
  if (unscheduled.length) {
    out.push('', 'Not scheduled');
    for (const i of unscheduled) out.push(`  ${i.title}: ${i.placement.text}`);
  }
  out.push('', `Warnings (${result.warnings.length})`);
  for (const w of bySeverity(result.warnings)) {
    out.push(`  ${w.severity.toUpperCase().padEnd(8)} [${w.code}] ${w.summary}`);
    out.push(`           → ${w.action}`);
    if (explain) out.push(`           ${w.message}`);
  }
  if (explain) {
    out.push('', 'Decisions');
    for (const d of result.decisions) out.push(`  ${d.step}. [${d.kind}] ${d.text}`);
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
      'as-of': { type: 'string' },
    },
    { min: 1, max: 1, usage: USAGE },
  );
  const today = todayArg(values.today);
  const asOf = values['as-of'] === undefined ? today : parseIsoDateArg('as-of', values['as-of']);
  return withWorkspace(positionals[0] ?? '', (workspace) => {
    const { input, result: base } = planScenario(workspace, { scenario: values.scenario, today, asOf });
    // What one more hire of each role does: a re-plan per role, worth its time on the command line.
    const result = { ...base, marginal: marginalHireValues(input, base) };
    io.stdout(values.json ? `${jsonForTerminal(result)}\n` : formatPlan(result, values.explain, input.capabilities));
    return 0;
  });
}
