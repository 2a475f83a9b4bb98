import { LAYERS } from '../domain/layers';
import { readinessOfLayer } from '../domain/readiness';
import { addWeeksIso, quarterLabel, quarterLabelOfWeek, WEEKS_PER_QUARTER, weekOf } from './calendar';
import { capacitySteps, UNITS_PER_FTE } from './capacity';
import type { PlannerContext } from './context';
import type { PlanItem } from './items';
import type { BlockCause, Placed } from './pass';
import { hiringAllowed, rampUpOf } from './steps';
import { layerName, people, percent, quoteTitles, weekLabel } from './texts';
import type { Placement, PlannedHire, PlannedItem, PlanResult } from './types';

function blockedPlacement(ctx: PlannerContext, item: PlanItem, cause: BlockCause, title: (id: string) => string): Placement {
  switch (cause.kind) {
    case 'no-capacity':
      return {
        kind: 'unscheduled',
        roleId: cause.roleId,
        text: `Cannot be scheduled: it needs ${people(cause.needed)} as ${ctx.rolesById.get(cause.roleId)?.name ?? cause.roleId} at once, and the team never has more than ${people(cause.peak)} in this plan${hiringAllowed(ctx) ? '' : ' (this scenario allows no hiring)'}.`,
      };
    case 'blocked-predecessor':
      return { kind: 'unscheduled', itemIds: [cause.itemId], text: `Cannot be scheduled: it waits for “${title(cause.itemId)}”, which cannot be scheduled.` };
    case 'gate': {
      const below = LAYERS[LAYERS.findIndex((l) => l.id === item.layer) - 1];
      return {
        kind: 'unscheduled',
        ...(below ? { layer: below.id } : {}),
        text: `Cannot be scheduled: ${below ? layerName(below.id) : 'the layer below'} does not reach its gate (${percent(ctx.scenario.gateThreshold)}) within this plan, and ${layerName(item.layer)} work waits for it.`,
      };
    }
    case 'engine':
      return { kind: 'unscheduled', text: `Cannot be scheduled: ${cause.message}.` };
  }
}

/** Who brings a role's capacity up in `week`: a proposed hire, or someone joining. */
function capacitySource(ctx: PlannerContext, roleId: string, week: number): string {
  const hire = ctx.hires.find((h) => h.roleId === roleId && h.productiveWeek === week);
  if (hire) return `the proposed ${ctx.rolesById.get(roleId)?.name ?? roleId} hire (starting ${addWeeksIso(ctx.scenario.startDate, hire.startWeek)}) is productive`;
  const joining = ctx.input.people.filter((p) => p.roleId === roleId && p.startDate !== null && weekOf(ctx.scenario.startDate, p.startDate) + (p.status === 'on_staff' ? 0 : rampUpOf(ctx, roleId)) === week);
  if (joining.length) return `${joining.map((p) => p.name).join(', ')} ${joining.length === 1 ? 'is' : 'are'} productive`;
  return 'capacity grows';
}

function placedPlacement(ctx: PlannerContext, item: PlanItem, p: Placed, title: (id: string) => string): Placement {
  const start = ctx.scenario.startDate;
  const r = p.reason;
  const role = (id: string) => ctx.rolesById.get(id)?.name ?? id;
  switch (r.kind) {
    case 'pin':
      return { kind: 'pin', week: p.start, text: `Pinned by you to ${weekLabel(start, p.start)}.` };
    case 'start':
      return { kind: 'start', week: 0, text: `Starts when the plan starts (${start}): nothing holds it back.` };
    case 'release': {
      if ((item.release ?? 0) < p.floor && item.hasCapability) {
        const below = LAYERS[LAYERS.findIndex((l) => l.id === item.layer) - 1];
        if (below) {
          return {
            kind: 'gate',
            week: p.start,
            layer: below.id,
            text: `Waits for ${layerName(below.id)} to reach its gate (${percent(ctx.scenario.gateThreshold)}) in ${weekLabel(start, p.start)}: ${layerName(item.layer)} work builds on it.`,
          };
        }
      }
      return { kind: 'release', week: p.start, text: `Not before its release date, ${weekLabel(start, p.start)}.` };
    }
    case 'predecessor': {
      const titles = r.taskIds.map(title);
      return {
        kind: 'predecessor',
        week: p.start,
        itemIds: r.taskIds,
        text: `Starts when ${quoteTitles(titles)} ${titles.length === 1 ? 'finishes' : 'finish'}, in ${weekLabel(start, p.start)}.`,
      };
    }
    case 'resource': {
      const titles = r.taskIds.map(title);
      return {
        kind: 'resource',
        week: p.start,
        roleId: r.resourceId,
        itemIds: r.taskIds,
        text: `Waits for ${role(r.resourceId)} capacity: fully used until ${weekLabel(start, p.start)} by ${quoteTitles(titles)}.`,
      };
    }
    case 'capacity': {
      const hireIds = ctx.hires.filter((h) => h.roleId === r.resourceId && h.productiveWeek === p.start).map((h) => h.id);
      return {
        kind: 'capacity',
        week: p.start,
        roleId: r.resourceId,
        hireIds,
        text: `Waits for ${role(r.resourceId)} capacity: ${people(r.unitsBefore)} until ${weekLabel(start, p.start)}, it needs ${people(r.needed)}; then ${capacitySource(ctx, r.resourceId, p.start)}.`,
      };
    }
  }
}

export function buildResult(ctx: PlannerContext): PlanResult {
  const start = ctx.scenario.startDate;
  const titles = new Map(ctx.items.map((i) => [i.id, i.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const items: PlannedItem[] = ctx.items.map((item) => {
    const p = ctx.placed.get(item.id);
    const cause = ctx.blocked.get(item.id);
    let placement: Placement;
    if (item.status === 'done') placement = { kind: 'done', text: 'Done: already finished, not scheduled again.' };
    else if (item.status === 'dropped') placement = { kind: 'dropped', text: 'Dropped: not scheduled.' };
    else if (p) placement = placedPlacement(ctx, item, p, title);
    else if (cause) placement = blockedPlacement(ctx, item, cause, title);
    else placement = { kind: 'unscheduled', text: 'Cannot be scheduled: its layer was not reached.' };
    return {
      id: item.id,
      title: item.title,
      source: item.source,
      status: item.status,
      capabilityId: item.capabilityId,
      layer: item.hasCapability ? item.layer : null,
      fromMaturity: item.fromMaturity,
      toMaturity: item.toMaturity,
      durationWeeks: item.durationWeeks,
      demand: item.demand,
      predecessors: item.predecessors,
      pinned: item.pin !== null && !ctx.droppedPins.has(item.id),
      start: p?.start ?? null,
      finish: p?.finish ?? null,
      startQuarter: p ? quarterLabelOfWeek(start, p.start) : null,
      finishQuarter: p ? quarterLabelOfWeek(start, Math.max(p.start, p.finish - 1)) : null,
      startDate: p ? addWeeksIso(start, p.start) : null,
      finishDate: p ? addWeeksIso(start, p.finish) : null,
      placement,
    };
  });

  const roleName = (id: string) => ctx.rolesById.get(id)?.name ?? id;
  const proposed: PlannedHire[] = ctx.hires.map((h) => ({
    id: h.id,
    roleId: h.roleId,
    roleName: roleName(h.roleId),
    source: 'proposed',
    status: 'proposed',
    personId: null,
    personName: null,
    requisitionWeek: h.requisitionWeek,
    startWeek: h.startWeek,
    startDate: addWeeksIso(start, h.startWeek),
    quarter: quarterLabelOfWeek(start, h.startWeek),
    productiveWeek: h.productiveWeek,
    layer: h.layer,
    prerequisitesReadyWeek: h.prerequisitesReadyWeek,
    annualSalary: h.annualSalary,
    reason: h.reason,
  }));
  const existing: PlannedHire[] = ctx.input.people
    .filter((p) => p.status !== 'on_staff')
    .map((p) => {
      const startWeek = p.startDate ? Math.max(0, weekOf(start, p.startDate)) : ctx.scenario.leadTimeWeeks;
      const role = ctx.rolesById.get(p.roleId);
      const ready = role ? ctx.projection.prerequisitesReadyWeek(role) : null;
      const warning = ctx.warnings.find((w) => w.code === 'luxury-hire-early' && w.personId === p.id);
      const status = p.status === 'open_req' ? ('open_req' as const) : ('planned' as const);
      return {
        id: `person:${p.id}`,
        roleId: p.roleId,
        roleName: roleName(p.roleId),
        source: 'existing' as const,
        status,
        personId: p.id,
        personName: p.name,
        requisitionWeek: null,
        startWeek,
        startDate: addWeeksIso(start, startWeek),
        quarter: quarterLabelOfWeek(start, startWeek),
        productiveWeek: startWeek + rampUpOf(ctx, p.roleId),
        layer: role?.builds[0] ?? null,
        prerequisitesReadyWeek: ready,
        annualSalary: ctx.scenario.salaries[p.roleId] ?? null,
        reason: warning
          ? warning.message
          : `${status === 'open_req' ? 'Open requisition' : 'Planned hire'} from the headcount${p.startDate ? '' : `, expected after the ${ctx.scenario.leadTimeWeeks}-week lead time`}; ${
              role && role.prerequisites.length ? `its prerequisites are ${ready === null ? 'not ready within this plan' : `in place by week ${ready}`}` : 'its role needs no foundations first'
            }.`,
      };
    });
  const hires = [...existing, ...proposed].sort((a, b) => a.startWeek - b.startWeek || a.id.localeCompare(b.id));

  const now = ctx.projection.at(0).readiness;
  const end = ctx.projection.last.readiness;
  const layers = LAYERS.map((l) => {
    const ready = ctx.gates.get(l.id) ?? null;
    return {
      layer: l.id,
      name: l.name,
      readinessNow: readinessOfLayer(now, l.id).readiness,
      readinessAtEnd: readinessOfLayer(end, l.id).readiness,
      readyWeek: ready,
      readyQuarter: ready === null ? null : quarterLabelOfWeek(start, ready),
      readyDate: ready === null ? null : addWeeksIso(start, ready),
    };
  });
  const quarters = Array.from({ length: ctx.scenario.horizonQuarters }, (_, index) => ({
    index,
    label: quarterLabel(start, index),
    startWeek: index * WEEKS_PER_QUARTER,
    startDate: addWeeksIso(start, index * WEEKS_PER_QUARTER),
  }));
  const allChanges = [...ctx.peopleChanges, ...ctx.hires.map((h) => ({ roleId: h.roleId, week: h.productiveWeek, units: UNITS_PER_FTE }))];
  const steps = capacitySteps(allChanges, ctx.input.roles.map((r) => r.id));
  const capacity = ctx.input.roles.map((r) => ({
    roleId: r.id,
    roleName: r.name,
    steps: (steps.get(r.id) ?? []).map((s) => ({ from: s.from, people: s.units / UNITS_PER_FTE })),
  }));
  const makespan = items.reduce((max, i) => Math.max(max, i.finish ?? 0), 0);
  return {
    version: 1,
    organisation: ctx.input.organisation.name,
    scenario: { ...ctx.scenario, horizonWeeks: ctx.horizonWeeks, targetWeek: ctx.targetWeek },
    quarters,
    items,
    hires,
    layers,
    warnings: ctx.warnings,
    decisions: ctx.decisions,
    capacity,
    makespan,
  };
}
