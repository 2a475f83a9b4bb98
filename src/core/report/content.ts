import { headcountByRole } from '../domain/headcount';
import { LAYERS, layerById, type LayerId } from '../domain/layers';
import { computeReadiness, readinessOfLayer } from '../domain/readiness';
import { PERSON_STATUS_LABELS } from '../domain/types';
import { formatMoney, HIRE_STATUS_LABELS, SCENARIO_PARAMETER_LABELS, scenarioParameterText } from '../format';
import { calendarOf, type PlanCalendar } from '../domain/calendar';
import { spendByQuarter } from '../domain/cost';
import { compareScenarios } from '../planner/comparison';
import { initiativesOf, type Initiative } from '../planner/initiatives';
import { listing, personLabel } from '../planner/texts';
import type { PlannedHire, PlanResult, PlanWarning, PlanWarningCode } from '../planner/types';
import { bySeverity, WARNING_SEVERITY } from '../planner/warnings';
import type { ProgressReport } from '../progress/progress';
import { LAYER_COLORS } from './theme';
import type {
  Assumption,
  DecisionHire,
  DecisionsContent,
  ProgressContent,
  HeadcountRow,
  HiresInQuarter,
  KeyFigure,
  LayerStanding,
  ReportContent,
  ReportHire,
  ReportInput,
  ReportWarning,
  RoadmapQuarter,
  Severity,
} from './types';

export function severityOf(code: PlanWarningCode): Severity {
  return WARNING_SEVERITY[code];
}


/** Warnings most important first (the planner's one order). */
export function orderWarnings(warnings: readonly PlanWarning[]): ReportWarning[] {
  return bySeverity(warnings).map((w) => ({ code: w.code, severity: w.severity, summary: w.summary, action: w.action, message: w.message, layer: w.layer ?? null, week: w.week ?? null }));
}

function standing(input: ReportInput): LayerStanding[] {
  const readiness = computeReadiness(input.capabilities);
  return LAYERS.map((layer) => {
    const projection = input.plan.layers.find((l) => l.layer === layer.id);
    const own = readinessOfLayer(readiness, layer.id);
    const count = own.capabilityCount;
    const weakest = own.weakest.flatMap((id) => {
      const c = input.capabilities.find((cap) => cap.id === id);
      return c ? [`${c.name} ${c.currentMaturity}/${c.targetMaturity}`] : [];
    });
    const readyWeek = projection?.readyWeek ?? null;
    const notNeeded = projection !== undefined && projection.gatedCapabilityIds.length === 0 && projection.notNeededCapabilityIds.length > 0;
    let status: string;
    if (count === 0) status = 'not tracked';
    else if (notNeeded) status = 'above the target: not planned';
    else if (readyWeek !== null && readyWeek <= input.plan.statusWeek) status = 'ready now';
    else if (readyWeek === null) status = 'not within the plan';
    else if (readyWeek > input.plan.scenario.horizonWeeks) status = `${projection?.readyQuarter ?? ''}, after the horizon`;
    else status = `${projection?.readyQuarter ?? ''} (${projection?.readyDate ?? ''})`;
    return {
      layer: layer.id,
      name: layer.name,
      color: LAYER_COLORS[layer.id],
      capabilityCount: count,
      weakest,
      readinessNow: projection?.readinessNow ?? null,
      readinessAtEnd: projection?.readinessAtHorizon ?? null,
      meanNow: projection?.meanNow ?? null,
      meanAtEnd: projection?.meanAtHorizon ?? null,
      stepsNeeded: projection?.stepsNeeded ?? 0,
      stepsDoneAtEnd: projection?.stepsDoneAtHorizon ?? 0,
      notNeeded,
      readyWeek,
      readyQuarter: projection?.readyQuarter ?? null,
      readyDate: projection?.readyDate ?? null,
      status,
    };
  });
}

/** A hire as one label: "Data engineer (proposed)", or a person's name with what it does not already say. */
export function hireLabel(h: Pick<PlannedHire, 'roleName' | 'personName' | 'status' | 'kind'>): string {
  const status = h.kind === 'backfill' && h.status === 'proposed' ? 'proposed backfill' : HIRE_STATUS_LABELS[h.status].toLowerCase();
  return h.personName ? personLabel(h.personName, h.roleName, status) : `${h.roleName} (${status})`;
}

function hires(input: ReportInput): ReportHire[] {
  return [...input.plan.hires]
    .sort((a, b) => a.startWeek - b.startWeek || a.id.localeCompare(b.id))
    .map((h) => ({
      id: h.id,
      roleName: h.roleName,
      quarter: h.quarter,
      statusLabel: HIRE_STATUS_LABELS[h.status],
      source: h.source,
      personName: h.personName,
      label: hireLabel(h),
      requisitionDate: h.requisitionDate,
      startWeek: h.startWeek,
      startDate: h.startDate,
      productiveDate: h.productiveDate,
      layer: h.layer,
      annualSalary: h.annualSalary,
      reason: h.reason,
    }));
}

function hiresByQuarter(list: readonly ReportHire[]): HiresInQuarter[] {
  const byQuarter = new Map<string, { roleName: string; statusLabel: string }[]>();
  for (const h of list) {
    const row = byQuarter.get(h.quarter) ?? [];
    row.push({ roleName: h.roleName, statusLabel: h.statusLabel });
    byQuarter.set(h.quarter, row);
  }
  return [...byQuarter.entries()].map(([quarter, list]) => ({ quarter, hires: list }));
}

/** Initiatives by the quarter their first step starts in, then by layer bottom to top; quarters past the horizon included. */
function roadmap(input: ReportInput, initiatives: readonly Initiative[]): RoadmapQuarter[] {
  const { plan } = input;
  const cal = calendarOf(plan);
  const scheduled = initiatives.filter((i) => i.startDate !== null && i.finishDate !== null);
  const lastStart = scheduled.reduce<string | null>((last, i) => (last === null || (i.startDate ?? '') > last ? i.startDate : last), null);
  const quarters: RoadmapQuarter[] = [];
  // Each date's quarter once: counting quarters past the horizon is linear in their number, and a
  // pin decades out would make a search per quarter quadratic.
  const itemQuarter = new Map(scheduled.map((i) => [i.id, cal.quarterIndexOfDate(i.startDate ?? '')]));
  const hireQuarter = new Map(plan.hires.map((h) => [h.id, cal.quarterIndexOfDate(h.startDate)]));
  for (const q of cal.quartersThrough(lastStart)) {
    const inQuarter = scheduled.filter((i) => itemQuarter.get(i.id) === q.index);
    const layers: (LayerId | null)[] = [...LAYERS.map((l) => l.id), null];
    quarters.push({
      label: q.label,
      startWeek: q.startWeek,
      startDate: q.firstDay,
      beyondHorizon: q.index >= cal.quarters.length,
      hires: plan.hires
        .filter((h) => hireQuarter.get(h.id) === q.index)
        .sort((a, b) => a.startDate.localeCompare(b.startDate))
        .map(hireLabel),
      layers: layers
        .map((layer) => ({
          layer,
          name: layer === null ? 'Other work' : layerById(layer).name,
          items: inQuarter
            .filter((i) => i.layer === layer)
            .sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || a.title.localeCompare(b.title))
            .map((i) => ({
              id: i.id,
              title: i.title,
              capability: i.capabilityName !== null && i.capabilityName !== i.outcome && i.title !== i.capabilityName ? i.capabilityName : '',
              steps: i.steps.length,
              startDate: i.startDate ?? '',
              finishDate: i.finishDate ?? '',
              finishQuarter: i.finishQuarter ?? '',
              finishesAfterHorizon: (i.finishDate ?? '') > plan.scenario.endDate,
            })),
        }))
        .filter((l) => l.items.length > 0),
    });
  }
  return quarters;
}

function assumptions(input: ReportInput): Assumption[] {
  const s = input.plan.scenario;
  const roleName = (id: string) => input.roles.find((r) => r.id === id)?.name ?? id;
  const ctx = { roleName, currency: input.plan.settings.currency };
  const param = (key: Parameters<typeof scenarioParameterText>[1]) => scenarioParameterText(s, key, ctx);
  return [
    { label: SCENARIO_PARAMETER_LABELS.name, value: s.name },
    { label: SCENARIO_PARAMETER_LABELS.startDate, value: `${s.startDate}; made as of ${input.plan.asOf}` },
    { label: SCENARIO_PARAMETER_LABELS.horizonQuarters, value: `${param('horizonQuarters')}, to ${s.endDate}` },
    { label: 'Target', value: `${layerById(s.targetLayer).name} ready by ${s.targetDate ?? `the end of the horizon (${s.endDate})`}` },
    { label: SCENARIO_PARAMETER_LABELS.runShare, value: `${param('runShare')} of everyone's time kept for support, on-call and maintenance: roadmap work takes longer by that share` },
    { label: SCENARIO_PARAMETER_LABELS.gateThreshold, value: `${param('gateThreshold')}: a layer's work starts once the layer below is this ready` },
    { label: SCENARIO_PARAMETER_LABELS.hiringBudgetPerQuarter, value: param('hiringBudgetPerQuarter') },
    { label: SCENARIO_PARAMETER_LABELS.maxHiresPerQuarter, value: param('maxHiresPerQuarter') },
    { label: SCENARIO_PARAMETER_LABELS.leadTimeWeeks, value: `${param('leadTimeWeeks')} from requisition to first day` },
    { label: SCENARIO_PARAMETER_LABELS.rampUpWeeks, value: s.rampUpWeeks === null ? "each role's catalog ramp-up" : `${param('rampUpWeeks')} from first day to productive` },
    { label: SCENARIO_PARAMETER_LABELS.salaries, value: Object.keys(s.salaries).length === 0 ? 'none given: hires are not costed' : param('salaries') },
    { label: SCENARIO_PARAMETER_LABELS.borrowed, value: param('borrowed') },
    { label: 'Readiness', value: "a layer is as ready as its weakest capability: the minimum of current ÷ target maturity over the layer's capabilities" },
  ];
}

/** The quarter leadership decides for: the status date's, or the plan's first when the plan starts later. */
function decisionQuarter(plan: PlanResult, cal: PlanCalendar) {
  const date = plan.asOf > plan.scenario.startDate ? plan.asOf : plan.scenario.startDate;
  return cal.quarterOfDate(date);
}

function decisionHire(h: PlannedHire, currency: string): DecisionHire {
  const layer = h.layer ? layerById(h.layer).name : null;
  const backfill = h.kind === 'backfill' && h.backfillFor ? `replaces ${h.backfillFor.name}, who leaves on ${h.backfillFor.endDate}; ` : '';
  const work = h.workWeeks > 0 ? `${Math.round(h.workWeeks)} weeks of its work from ${h.productiveDate}` : `productive from ${h.productiveDate}`;
  return {
    roleName: h.roleName,
    kind: h.kind,
    requisitionDate: h.requisitionDate,
    startDate: h.startDate,
    quarter: h.quarter,
    why: `${backfill}${layer ? `${layer} · ` : ''}${work}`,
    salary: h.annualSalary === null ? null : formatMoney(h.annualSalary, currency),
  };
}

/** What leadership must decide, from the plan: requisitions, requisitions to pause or move, asks, other warnings that need a decision, the budget. */
function decisions(input: ReportInput): DecisionsContent {
  const { plan } = input;
  const cal = calendarOf(plan);
  const currency = plan.settings.currency;
  const quarter = decisionQuarter(plan, cal);
  const proposed = plan.hires.filter((h) => h.source === 'proposed').sort((a, b) => (a.requisitionDate ?? a.startDate).localeCompare(b.requisitionDate ?? b.startDate));
  const openNow = proposed.filter((h) => (h.requisitionDate ?? h.startDate) <= quarter.lastDay);
  const openLater = proposed.filter((h) => !openNow.includes(h));
  const ordered = bySeverity(plan.warnings);
  const pauseOrMove = ordered.filter((w) => w.code === 'luxury-hire-early').map((w) => ({ title: w.summary, action: w.action, reason: w.message }));
  const asks = plan.asks.map((a) => ({ text: a.text, reason: a.reason }));
  // Work nobody can staff is already asked for (borrow or contract) when there are asks.
  const skip = new Set<PlanWarningCode>(['luxury-hire-early', ...(asks.length > 0 ? (['unstaffed-work'] as const) : [])]);
  const groups = new Map<PlanWarningCode, PlanWarning[]>();
  for (const w of ordered) {
    if (w.severity === 'info' || skip.has(w.code)) continue;
    groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  }
  const otherActions = [...groups].map(([code, list]) => ({ severity: list[0]!.severity, code, count: list.length, summary: list[0]!.summary, action: list[0]!.action }));

  const priced = proposed.filter((h) => h.annualSalary !== null);
  const costed = priced.length > 0;
  const spend = spendByQuarter(priced, cal.quarters);
  const fiscal = plan.settings.fiscalYearStartMonth !== 1;
  const years = new Map<string, number>();
  cal.quarters.forEach((q, i) => {
    const label = fiscal ? `FY${q.year}` : String(q.year);
    years.set(label, (years.get(label) ?? 0) + (spend[i]?.spend ?? 0));
  });
  const total = spend[spend.length - 1]?.cumulative ?? 0;
  const runRate = priced.reduce((sum, h) => sum + (h.annualSalary ?? 0), 0);
  const existing = plan.hires.filter((h) => h.source === 'existing' && h.annualSalary !== null);
  const lines: string[] = [];
  const s = plan.scenario;
  if (!costed) {
    lines.push(
      proposed.length === 0
        ? 'The plan proposes no new hires: no new salary budget is needed.'
        : `No salaries are given in this scenario, so the ${proposed.length} proposed hire${proposed.length === 1 ? ' is' : 's are'} not costed: add an annual salary per role to the scenario to see the budget.`,
    );
  } else {
    lines.push(
      `The proposed hires cost ${formatMoney(total, currency)} in salaries over the plan (${cal.quarters[0]?.label ?? ''} to ${cal.quarters[cal.quarters.length - 1]?.label ?? ''}), ${formatMoney(runRate, currency)} a year once all have started${priced.length < proposed.length ? ` (${proposed.length - priced.length} without a salary given are not counted)` : ''}.`,
    );
    const existingCost = formatMoney(existing.reduce((sum, h) => sum + (h.annualSalary ?? 0), 0), currency);
    if (existing.length === 1) lines.push(`The open requisition or planned hire already in the headcount adds ${existingCost} a year.`);
    else if (existing.length > 1) lines.push(`The ${existing.length} open requisitions and planned hires already in the headcount add ${existingCost} a year.`);
  }
  lines.push(
    s.hiringBudgetPerQuarter === null
      ? `The scenario sets no hiring budget per quarter; at most ${s.maxHiresPerQuarter} hire${s.maxHiresPerQuarter === 1 ? '' : 's'} start per quarter.`
      : `The scenario allows ${formatMoney(s.hiringBudgetPerQuarter, currency)} of annual salaries starting per quarter and at most ${s.maxHiresPerQuarter} hire${s.maxHiresPerQuarter === 1 ? '' : 's'} per quarter.`,
  );
  return {
    quarter: quarter.label,
    quarterLastDay: quarter.lastDay,
    openNow: openNow.map((h) => decisionHire(h, currency)),
    openLater: openLater.map((h) => decisionHire(h, currency)),
    pauseOrMove,
    asks,
    otherActions,
    budget: { costed, byYear: costed ? [...years].map(([label, value]) => ({ label, value: formatMoney(value, currency) })) : [], lines },
  };
}

const daysPhrase = (days: number | null) => (days === null || days === 0 ? '' : `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'late' : 'early'}`);

/**
 * Layer gates that moved, each with its biggest causes; a cause a lower layer's gate already
 * named is not repeated (a late pipeline delays every layer above it): the gate says so instead.
 */
function gatesAndCauses(report: ProgressReport): ProgressContent['gates'] {
  const causes = new Map(report.causes.map((c) => [c.layer, c.causes]));
  const named = new Map<string, string>();
  return report.slips.gates
    .filter((g) => g.change !== 'on-time')
    .map((g) => {
      const all = (causes.get(g.layer) ?? []).slice(0, 4);
      const fresh = all.filter((c) => !named.has(c.text));
      const earlier = [...new Set(all.filter((c) => named.has(c.text)).map((c) => named.get(c.text) ?? ''))];
      for (const c of fresh) named.set(c.text, g.name);
      const lines = fresh.map((c) => c.text);
      if (earlier.length > 0) lines.push(`${fresh.length > 0 ? 'Also the' : 'The'} causes named for ${listing(earlier)} above.`);
      return { name: g.name, text: g.text, causes: lines };
    });
}

/** The "Progress since" section, from the progress report of this plan against its baseline. */
function progressContent(report: ProgressReport): ProgressContent {
  const s = report.summary;
  return {
    baselineName: report.baseline.name,
    baselineAsOf: report.baseline.asOf,
    asOf: report.asOf,
    headline:
      `${s.itemsDone} item${s.itemsDone === 1 ? '' : 's'} done, ${s.itemsLate} late, ` +
      `${s.itemsAdded} added, ${s.itemsRemoved} removed; ${s.hiresLate} hire${s.hiresLate === 1 ? '' : 's'} late or missing; ` +
      `${s.gatesLater} layer gate${s.gatesLater === 1 ? '' : 's'} later and ${s.gatesEarlier} earlier than planned.`,
    readiness: report.readiness,
    finished: report.finishedThisQuarter.map((i) => ({ title: i.title, date: i.currentFinish ?? '', note: daysPhrase(i.days) || 'on time' })),
    gates: gatesAndCauses(report),
    hires: report.slips.hires.map((h) => ({ role: h.personName ? personLabel(h.personName, h.roleName, '') : h.roleName, planned: h.baselineStart ?? '—', now: h.currentStart ?? '—', text: h.text })),
  };
}

function headcount(input: ReportInput): HeadcountRow[] {
  const cell = (count: number, fte: number) => (count === 0 ? '—' : `${count} (${fte} FTE)`);
  return headcountByRole(input.people, input.roles).map((row) => ({
    roleName: row.roleName,
    onStaff: cell(row.count.on_staff, row.fte.on_staff),
    openReq: cell(row.count.open_req, row.fte.open_req),
    planned: cell(row.count.planned, row.fte.planned),
  }));
}

export function buildContent(input: ReportInput): ReportContent {
  const { plan } = input;
  const s = plan.scenario;
  const hireList = hires(input);
  const layers = standing(input);
  const warnings = orderWarnings(plan.warnings);
  const target = layers.find((l) => l.layer === s.targetLayer);
  const onTime = target?.readyWeek !== null && target?.readyWeek !== undefined && target.readyWeek <= s.targetWeek;
  const scheduled = plan.items.filter((i) => i.start !== null).length;
  const proposedHires = hireList.filter((h) => h.source === 'proposed').length;
  const cal = calendarOf(plan);
  const targetDate = s.targetDate ?? s.endDate;
  const targetText = `${layerById(s.targetLayer).name} ready by ${targetDate}`;
  const costed = hireList.filter((h) => h.source === 'proposed' && h.annualSalary !== null);
  const cost = costed.reduce((sum, h) => sum + (h.annualSalary ?? 0), 0);
  const costText = costed.length === 0 ? '' : ` (${formatMoney(cost, plan.settings.currency)} a year in salaries${costed.length < proposedHires ? ` for the ${costed.length} with a salary given` : ''})`;
  const initiatives = initiativesOf(plan, input.capabilities);
  const scheduledInitiatives = initiatives.filter((i) => i.start !== null).length;
  const headline =
    `${scheduledInitiatives} initiative${scheduledInitiatives === 1 ? '' : 's'} (${scheduled} maturity step${scheduled === 1 ? '' : 's'} and work items) scheduled over ${s.horizonQuarters} quarters, ` +
    `${proposedHires} new hire${proposedHires === 1 ? '' : 's'} proposed${costText}. ` +
    (target?.capabilityCount === 0
      ? `${target.name} has no capabilities in the inventory yet, so there is nothing to measure its readiness by.`
      : onTime
      ? `${target?.name ?? ''} reaches its gate in ${target?.readyQuarter ?? ''}, in time for the target.`
      : `${target?.name ?? ''} ${target?.readyQuarter ? `reaches its gate only in ${target.readyQuarter}` : 'does not reach its gate within the plan'}: the target is missed.`);
  const roleName = new Map(input.roles.map((r) => [r.id, r.name]));
  const critical = warnings.filter((w) => w.severity === 'critical').length;
  const existing = hireList.length - proposedHires;
  const late = plan.items.filter((i) => i.finish !== null && i.finish > s.horizonWeeks).length;
  const figures: KeyFigure[] = [
    target?.capabilityCount === 0
      ? { value: 'not tracked', label: `${target.name} ready`, note: 'no capabilities in the inventory', tone: 'neutral' }
      : {
          value: target?.readyQuarter ?? 'not reached',
          label: `${target?.name ?? ''} ready`,
          note: `${onTime ? 'on time: target' : 'late: target'} ${targetDate}`,
          tone: onTime ? 'good' : 'bad',
        },
    {
      value: String(proposedHires),
      label: `new hire${proposedHires === 1 ? '' : 's'} proposed`,
      note: existing === 0 ? 'none open or planned yet' : `+ ${existing} open or planned`,
      tone: 'neutral',
    },
    {
      value: String(scheduledInitiatives),
      label: `initiative${scheduledInitiatives === 1 ? '' : 's'} scheduled`,
      note: late === 0 ? `${scheduled} steps, all within the plan` : `${late} step${late === 1 ? '' : 's'} past the horizon`,
      tone: late === 0 ? 'good' : 'neutral',
    },
    {
      value: String(critical),
      label: `critical warning${critical === 1 ? '' : 's'}`,
      note: `${warnings.length} warning${warnings.length === 1 ? '' : 's'} in all`,
      tone: critical === 0 ? 'good' : 'bad',
    },
  ];

  return {
    cover: {
      organisation: input.organisation.name,
      scenarioName: s.name,
      generatedOn: input.generatedOn,
      horizon: {
        startDate: s.startDate,
        endDate: s.endDate,
        quarters: s.horizonQuarters,
        firstQuarter: cal.quarters[0]?.label ?? '',
        lastQuarter: cal.quarters[cal.quarters.length - 1]?.label ?? '',
      },
      target: targetText,
    },
    summary: { headline, figures, layers, hiresByQuarter: hiresByQuarter(hireList), warnings },
    currency: plan.settings.currency,
    decisions: decisions(input),
    progress: input.progress ? progressContent(input.progress) : null,
    comparison: input.compareWith && input.compareWith.length > 0 ? compareScenarios([plan, ...input.compareWith], (id) => roleName.get(id) ?? id) : null,
    roadmap: roadmap(input, initiatives),
    unscheduled: plan.items
      .filter((i) => i.start === null && i.status !== 'done' && i.status !== 'dropped')
      .map((i) => ({ id: i.id, title: i.title, layer: i.layer, reason: i.placement.text })),
    hires: hireList,
    assumptions: assumptions(input),
    reasoning: plan.decisions.map((d) => d.text),
    inventory: LAYERS.flatMap((layer) =>
      input.capabilities
        .filter((c) => c.layer === layer.id)
        .map((c) => ({ layer: layer.id, name: c.name, currentMaturity: c.currentMaturity, targetMaturity: c.targetMaturity, owner: c.owner, tools: c.tools })),
    ),
    headcount: headcount(input),
    people: input.people.map((p) => ({
      name: p.name,
      role: roleName.get(p.roleId) ?? p.roleId,
      status: PERSON_STATUS_LABELS[p.status],
      fte: String(p.fte),
      start: p.startDate ?? '—',
    })),
  };
}
