import { headcountByRole } from '../domain/headcount';
import { LAYERS, layerById, type LayerId } from '../domain/layers';
import { computeReadiness, readinessOfLayer } from '../domain/readiness';
import { PERSON_STATUS_LABELS } from '../domain/types';
import { formatPercent as percent, HIRE_STATUS_LABELS } from '../format';
import { calendarOf } from '../domain/calendar';
import type { PlanWarning, PlanWarningCode } from '../planner/types';
import { bySeverity, WARNING_SEVERITY } from '../planner/warnings';
import { LAYER_COLORS } from './theme';
import type {
  Assumption,
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
  return bySeverity(warnings).map((w) => ({ code: w.code, severity: w.severity, message: w.message, layer: w.layer ?? null, week: w.week ?? null }));
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
    let status: string;
    if (count === 0) status = 'not tracked';
    else if (readyWeek === 0) status = 'ready now';
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
      readyWeek,
      readyQuarter: projection?.readyQuarter ?? null,
      readyDate: projection?.readyDate ?? null,
      status,
    };
  });
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
      requisitionWeek: h.requisitionWeek,
      startWeek: h.startWeek,
      startDate: h.startDate,
      productiveWeek: h.productiveWeek,
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

/** Scheduled items by the quarter their start date falls in, then by layer bottom to top; quarters past the horizon included. */
function roadmap(input: ReportInput): RoadmapQuarter[] {
  const { plan } = input;
  const cal = calendarOf(plan);
  const scheduled = plan.items.filter((i) => i.start !== null && i.finish !== null && i.startDate !== null);
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
        .map((h) => `${h.roleName} (${HIRE_STATUS_LABELS[h.status].toLowerCase()})`),
      layers: layers
        .map((layer) => ({
          layer,
          name: layer === null ? 'Other work' : layerById(layer).name,
          items: inQuarter
            .filter((i) => i.layer === layer)
            .sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || a.title.localeCompare(b.title))
            .map((i) => ({ id: i.id, title: i.title, start: i.start ?? 0, finish: i.finish ?? 0, startDate: i.startDate ?? '', finishDate: i.finishDate ?? '' })),
        }))
        .filter((l) => l.items.length > 0),
    });
  }
  return quarters;
}

function assumptions(input: ReportInput): Assumption[] {
  const s = input.plan.scenario;
  const roleName = (id: string) => input.roles.find((r) => r.id === id)?.name ?? id;
  const money = (n: number) => n.toLocaleString('en-US');
  const salaries = Object.entries(s.salaries);
  return [
    { label: 'Scenario', value: s.name },
    { label: 'Plan starts', value: `${s.startDate}; made as of ${input.plan.asOf}` },
    { label: 'Horizon', value: `${s.horizonQuarters} quarters, to ${s.endDate}` },
    { label: 'Target', value: `${layerById(s.targetLayer).name} ready by ${s.targetDate ?? `the end of the horizon (${s.endDate})`}` },
    { label: 'Run work', value: `${percent(s.runShare)} of everyone's time kept for support, on-call and maintenance: roadmap work takes longer by that share` },
    { label: 'Gate threshold', value: `${percent(s.gateThreshold)}: a layer's work starts once the layer below is this ready` },
    { label: 'Hiring budget per quarter', value: s.hiringBudgetPerQuarter === null ? 'no limit' : money(s.hiringBudgetPerQuarter) },
    { label: 'Hires per quarter at most', value: String(s.maxHiresPerQuarter) },
    { label: 'Hiring lead time', value: `${s.leadTimeWeeks} weeks from requisition to first day` },
    { label: 'Ramp-up', value: s.rampUpWeeks === null ? "each role's catalog ramp-up" : `${s.rampUpWeeks} weeks from first day to productive` },
    {
      label: 'Salaries',
      value: salaries.length === 0 ? 'none given: hires are not costed' : salaries.map(([id, n]) => `${roleName(id)} ${money(n)}`).join('; '),
    },
    { label: 'Readiness', value: "a layer is as ready as its weakest capability: the minimum of current ÷ target maturity over the layer's capabilities" },
  ];
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
  const costText = costed.length === 0 ? '' : ` (${cost.toLocaleString('en-US')} a year in salaries${costed.length < proposedHires ? ` for the ${costed.length} with a salary given` : ''})`;
  const headline =
    `${scheduled} work item${scheduled === 1 ? '' : 's'} scheduled over ${s.horizonQuarters} quarters, ` +
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
      value: String(scheduled),
      label: `work item${scheduled === 1 ? '' : 's'} scheduled`,
      note: late === 0 ? 'all finish within the plan' : `${late} finish${late === 1 ? 'es' : ''} after the horizon`,
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
    roadmap: roadmap(input),
    unscheduled: plan.items
      .filter((i) => i.start === null && i.status !== 'done' && i.status !== 'dropped')
      .map((i) => ({ id: i.id, title: i.title, layer: i.layer, reason: i.placement.text })),
    hires: hireList,
    assumptions: assumptions(input),
    decisions: plan.decisions.map((d) => d.text),
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
