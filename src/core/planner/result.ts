import { addDaysIso } from '../domain/calendar';
import { capabilityScore } from '../domain/readiness';
import { LAYERS, layerLevel, type LayerId } from '../domain/layers';
import { MATURITY_RUBRIC, type Maturity } from '../domain/maturity';
import { capacitySteps, expectedStartWeek, UNITS_PER_FTE } from './capacity';
import type { HireDraft, PlannerContext } from './context';
import { foundationsWeek } from './foundations';
import { busyWeeksOf, hireBusyWeeks, hireEffect, roleWorkAfter, startDateOf } from './hiring';
import { isActive, type PlanItem } from './items';
import { aRole, clockOf, hireChange, rampUpOf, roleIdsInPlay, roleName, staffingText } from './layers';
import type { BlockCause, Placed } from './pass';
import type { Frame } from './projection';
import { focusWeeks } from './staffing';
import { dateLabel, layerName, people, percent, plural, quoteTitles, roleNoun, withArticle } from './texts';
import type { LayerProjection, Placement, PlannedHire, PlannedItem, PlanResult, RoleCapacity } from './types';

function blockedPlacement(ctx: PlannerContext, item: PlanItem, cause: BlockCause, title: (id: string) => string): Placement {
  switch (cause.kind) {
    case 'unstaffed': {
      const roles = cause.shares.map((s) => aRole(ctx, s.roleId));
      return {
        kind: 'unstaffed',
        roleId: cause.shares[0]?.roleId,
        text: `Cannot be scheduled: it needs ${roles.join(' and ')}, and nobody in the team (nor anyone who can stand in) is there from ${ctx.calendar.dateOfWeek(ctx.statusWeek)} on; borrow or contract one (see the asks).`,
      };
    }
    case 'blocked-predecessor':
      return { kind: 'unscheduled', itemIds: [cause.itemId], text: `Cannot be scheduled: it waits for “${title(cause.itemId)}”, which cannot be scheduled.` };
    case 'engine':
      return { kind: 'unscheduled', text: `Cannot be scheduled: ${cause.message}.` };
  }
}

/** Who brings a role's capacity up in `week`: a proposed hire, someone joining, or a loan. */
function capacitySource(ctx: PlannerContext, roleId: string, week: number): string {
  const hire = ctx.hires.find((h) => h.roleId === roleId && h.productiveWeek === week);
  if (hire) return `the proposed ${roleNoun(roleName(ctx, roleId))} hire (starting ${ctx.calendar.dateOfWeek(hire.startWeek)}) is productive`;
  const refs = ctx.teamChanges.filter((c) => c.roleId === roleId && c.week === week && c.units > 0);
  const names = refs.flatMap((c) => {
    if (c.source === 'borrowed') return [`borrowed ${roleNoun(roleName(ctx, roleId))} capacity`];
    const p = ctx.input.people.find((x) => x.id === c.ref);
    return p ? [p.name] : [];
  });
  if (names.length) return `${names.join(', ')} ${names.length === 1 && !names[0]!.startsWith('borrowed') ? 'is' : names.length === 1 ? 'arrives' : 'are'} there`;
  return 'capacity grows';
}

function placedPlacement(ctx: PlannerContext, item: PlanItem, p: Placed, title: (id: string) => string): Placement {
  const cal = ctx.calendar;
  const r = p.reason;
  const role = (id: string) => roleName(ctx, id);
  if (item.status === 'in_progress') {
    return {
      kind: 'in-progress',
      week: p.start,
      text: item.actualStart
        ? `In progress since ${item.actualStart}: ${plural(p.finish - p.start, 'week')} of work remain from ${cal.dateOfWeek(p.start)}.`
        : `In progress (no start date recorded): all ${plural(p.finish - p.start, 'week')} of it are taken to remain from ${cal.dateOfWeek(p.start)}.`,
    };
  }
  switch (r.kind) {
    case 'pin':
      return { kind: 'pin', week: p.start, text: `Pinned by you to ${item.pinDate ?? cal.dateOfWeek(p.start)}.` };
    case 'start':
      return { kind: 'start', week: 0, text: `Starts when the plan starts (${ctx.scenario.startDate}): nothing holds it back.` };
    case 'release': {
      const ownRelease = item.release ?? 0;
      if (ownRelease <= ctx.statusWeek && p.start === ctx.statusWeek) {
        return { kind: 'status', week: p.start, text: `Starts at the status date (${ctx.asOf}, first week ${cal.dateOfWeek(p.start)}): nothing holds it back, and nothing new starts earlier.` };
      }
      return { kind: 'release', week: p.start, text: `Not before its release date, ${cal.dateOfWeek(p.start)}.` };
    }
    case 'predecessor': {
      // Waiting only for the layers below to reach the item's gate, not for an item of its own chain.
      const own = r.taskIds.filter((id) => item.predecessors.includes(id));
      if (own.length === 0 && r.taskIds.every((id) => p.gateEdges.includes(id))) {
        // The layer right below: it is at the item's level once every layer under it is too.
        const below = LAYERS[Math.max(0, layerLevel(item.layer) - 1)]!.id;
        const level = p.gateLevel;
        const name = level === null ? '' : (MATURITY_RUBRIC[level]?.name.toLowerCase() ?? '');
        const titles = r.taskIds.map(title);
        return {
          kind: 'gate',
          week: p.start,
          layer: below,
          itemIds: r.taskIds,
          ...(level === null ? {} : { level }),
          text:
            (level === null
              ? `Waits for ${layerName(below)} to reach its gate (${percent(ctx.scenario.gateThreshold)})`
              : `Waits for ${layerName(below)} to be ${name} (maturity ${level} at the ${percent(ctx.scenario.gateThreshold)} gate)`) +
            ` on ${dateLabel(cal, p.start)}, when ${quoteTitles(titles)} ${titles.length === 1 ? 'finishes' : 'finish'}: ${level === null ? `${layerName(item.layer)} work builds on it` : `${withArticle(name)} ${layerName(item.layer)} step builds on ${name} foundations`}.`,
        };
      }
      const titles = r.taskIds.map(title);
      return {
        kind: 'predecessor',
        week: p.start,
        itemIds: r.taskIds,
        text: `Starts when ${quoteTitles(titles)} ${titles.length === 1 ? 'finishes' : 'finish'}, on ${dateLabel(cal, p.start)}.`,
      };
    }
    case 'resource': {
      const titles = r.taskIds.map(title);
      return {
        kind: 'resource',
        week: p.start,
        roleId: r.resourceId,
        itemIds: r.taskIds,
        text: `Waits for ${roleNoun(role(r.resourceId))} capacity: fully used until ${dateLabel(cal, p.start)} by ${quoteTitles(titles)}.`,
      };
    }
    case 'capacity': {
      const hireIds = ctx.hires.filter((h) => h.roleId === r.resourceId && h.productiveWeek === p.start).map((h) => h.id);
      return {
        kind: 'capacity',
        week: p.start,
        roleId: r.resourceId,
        hireIds,
        text: `Waits for ${roleNoun(role(r.resourceId))} capacity: ${people(r.unitsBefore)} until ${dateLabel(cal, p.start)}, it needs ${people(r.needed)}; then ${capacitySource(ctx, r.resourceId, p.start)}.`,
      };
    }
  }
}

function proposedHire(ctx: PlannerContext, h: HireDraft): PlannedHire {
  const cal = ctx.calendar;
  const name = roleName(ctx, h.roleId);
  const work = roleWorkAfter(ctx, h.roleId, h.productiveWeek);
  const busy = hireBusyWeeks(ctx, h);
  const leaver = h.backfillFor ? ctx.input.people.find((p) => p.id === h.backfillFor) : undefined;
  const role = ctx.rolesById.get(h.roleId);
  const prereq = role && role.prerequisites.length ? ` Its foundations are in place by ${cal.dateOfWeek(h.prerequisitesReadyWeek ?? 0)}, in time for a productive start.` : '';
  const effect = h.gateBefore !== null || h.gateAfter !== null ? ` When it was weighed: ${hireEffect(cal, h).replace(/^W/, 'w')}.` : '';
  const lead = leaver ? `${leaver.name} (${roleNoun(name)}) leaves on ${leaver.endDate}. ` : h.why ? `${h.why.charAt(0).toUpperCase()}${h.why.slice(1)}. ` : '';
  const reason =
    lead +
    `Open the requisition on ${cal.dateOfWeek(h.requisitionWeek)} for a start on ${cal.dateOfWeek(h.startWeek)} (${cal.quarterOfWeek(h.startWeek).label}); productive from ${cal.dateOfWeek(h.productiveWeek)}.` +
    effect +
    ` The plan has ${plural(work.weeks, 'week')} of ${roleNoun(name)} work from then on${work.titles.length ? ` (${quoteTitles(work.titles)})` : ''}. In this plan the hire is busy ${plural(busy, 'week')}.` +
    prereq;
  return {
    id: h.id,
    roleId: h.roleId,
    roleName: name,
    source: 'proposed',
    status: 'proposed',
    kind: h.kind,
    backfillFor: leaver && leaver.endDate ? { personId: leaver.id, name: leaver.name, endDate: leaver.endDate } : null,
    personId: null,
    personName: null,
    requisitionWeek: h.requisitionWeek,
    requisitionDate: cal.dateOfWeek(h.requisitionWeek),
    startWeek: h.startWeek,
    startDate: cal.dateOfWeek(h.startWeek),
    quarter: cal.quarterOfWeek(h.startWeek).label,
    productiveWeek: h.productiveWeek,
    productiveDate: cal.dateOfWeek(h.productiveWeek),
    layer: h.layer,
    prerequisitesReadyWeek: h.prerequisitesReadyWeek,
    annualSalary: h.annualSalary,
    workWeeks: work.weeks,
    busyWeeks: busy,
    reason,
  };
}

function existingHires(ctx: PlannerContext): PlannedHire[] {
  const cal = ctx.calendar;
  const clock = clockOf(ctx);
  return ctx.input.people
    .filter((p) => p.status !== 'on_staff')
    .map((p) => {
      const startWeek = expectedStartWeek(p, clock);
      const startDate = startDateOf(ctx, p, startWeek);
      const role = ctx.rolesById.get(p.roleId);
      const ready = role ? foundationsWeek(ctx.projection, role, ctx.capabilitiesById) : null;
      const warning = ctx.warnings.find((w) => w.code === 'luxury-hire-early' && w.personId === p.id);
      const status = p.status === 'open_req' ? ('open_req' as const) : ('planned' as const);
      // A luxury requisition the plan defers counts from when its foundations are ready.
      const deferredTo = ctx.deferred.get(p.id);
      const productiveWeek = deferredTo === undefined || deferredTo === null ? startWeek + rampUpOf(ctx, p.roleId) : Math.max(deferredTo, startWeek + rampUpOf(ctx, p.roleId));
      const work = roleWorkAfter(ctx, p.roleId, productiveWeek);
      return {
        id: `person:${p.id}`,
        roleId: p.roleId,
        roleName: roleName(ctx, p.roleId),
        source: 'existing' as const,
        status,
        kind: 'new' as const,
        backfillFor: null,
        personId: p.id,
        personName: p.name,
        requisitionWeek: null,
        requisitionDate: null,
        startWeek,
        startDate,
        quarter: cal.quarterOfDate(startDate).label,
        productiveWeek,
        productiveDate: cal.dateOfWeek(productiveWeek),
        layer: role?.builds[0] ?? null,
        prerequisitesReadyWeek: ready,
        annualSalary: ctx.scenario.salaries[p.roleId] ?? null,
        workWeeks: work.weeks,
        busyWeeks: busyWeeksOf(ctx, p.roleId, p.id, productiveWeek),
        reason: warning
          ? warning.message
          : `${status === 'open_req' ? 'Open requisition' : 'Planned hire'} from the headcount${p.startDate && p.startDate >= ctx.asOf ? '' : `, expected after the ${ctx.scenario.leadTimeWeeks}-week lead time`}; ${
              role && role.prerequisites.length
                ? `its foundations are ${ready === null ? 'not ready within this plan' : `in place by ${cal.dateOfWeek(ready)}`}`
                : 'its role needs no foundations first'
            }; the plan has ${plural(work.weeks, 'week')} of ${roleNoun(roleName(ctx, p.roleId))} work from ${cal.dateOfWeek(productiveWeek)} on.`,
      };
    });
}

/** Weakest link and mean over the capabilities a layer's readiness is reported on, in one frame. */
function scores(ctx: PlannerContext, frame: Frame, ids: readonly string[]): { min: number | null; mean: number | null } {
  if (ids.length === 0) return { min: null, mean: null };
  let min = 1;
  let sum = 0;
  for (const id of ids) {
    const c = frame.byId.get(id);
    const target = ctx.capabilitiesById.get(id)?.targetMaturity ?? 0;
    const s = capabilityScore({ currentMaturity: (c?.currentMaturity ?? 0) as Maturity, targetMaturity: target as Maturity });
    min = Math.min(min, s);
    sum += s;
  }
  return { min, mean: sum / ids.length };
}

function layerProjection(ctx: PlannerContext, layer: LayerId): LayerProjection {
  const cal = ctx.calendar;
  const own = ctx.capabilities.filter((c) => c.layer === layer);
  const needed = own.filter((c) => ctx.neededIds.has(c.id));
  // Above the target nothing is needed: report the whole layer, for information.
  const reported = (needed.length ? needed : own).map((c) => c.id);
  const now = ctx.projection.at(ctx.statusWeek);
  const end = ctx.projection.at(ctx.horizonWeeks);
  const a = scores(ctx, now, reported);
  const b = scores(ctx, end, reported);
  let stepsNeeded = 0;
  let stepsDone = 0;
  for (const id of reported) {
    const c = ctx.capabilitiesById.get(id)!;
    const atEnd = end.byId.get(id)?.currentMaturity ?? c.currentMaturity;
    stepsNeeded += Math.max(0, c.targetMaturity - c.currentMaturity);
    stepsDone += Math.max(0, Math.min(c.targetMaturity, atEnd) - c.currentMaturity);
  }
  const ready = ctx.gates.get(layer) ?? null;
  const readyWeek = ready === null ? null : Math.max(ready, 0);
  return {
    layer,
    name: layerName(layer),
    readinessNow: a.min,
    readinessAtHorizon: b.min,
    meanNow: a.mean,
    meanAtHorizon: b.mean,
    stepsNeeded,
    stepsDoneAtHorizon: stepsDone,
    readyWeek,
    readyQuarter: readyWeek === null ? null : cal.quarterOfWeek(readyWeek).label,
    readyDate: readyWeek === null ? null : readyWeek <= ctx.statusWeek ? ctx.asOf : cal.dateOfWeek(readyWeek),
    levelGates: (ctx.levelGates.get(layer) ?? []).flatMap((week, level) =>
      level === 0 ? [] : [{ level, week: week ?? null, date: week === null || week === undefined ? null : week <= ctx.statusWeek ? ctx.asOf : cal.dateOfWeek(week) }],
    ),
    gatedCapabilityIds: needed.map((c) => c.id),
    waivedCapabilityIds: needed.filter((c) => ctx.waived.has(c.id)).map((c) => c.id),
    notNeededCapabilityIds: own.filter((c) => !ctx.neededIds.has(c.id) && c.currentMaturity < c.targetMaturity).map((c) => c.id),
  };
}

function itemDates(ctx: PlannerContext, item: PlanItem, p: Placed | undefined): { startDate: string | null; finishDate: string | null } {
  const cal = ctx.calendar;
  if (item.status === 'done') return { startDate: item.actualStart, finishDate: item.actualFinish };
  if (!p) return { startDate: null, finishDate: null };
  const pinnedAsEntered = item.pin !== null && item.pinDate !== null && p.start === item.pin && !ctx.droppedPins.has(item.id) && item.status !== 'in_progress';
  if (pinnedAsEntered) return { startDate: item.pinDate, finishDate: addDaysIso(item.pinDate!, Math.max(1, (p.finish - p.start) * 7) - 1) };
  const startDate = item.status === 'in_progress' && item.actualStart !== null && item.actualStart < cal.dateOfWeek(p.start) ? item.actualStart : cal.dateOfWeek(p.start);
  return { startDate, finishDate: p.finish > p.start ? addDaysIso(cal.dateOfWeek(p.finish), -1) : startDate };
}

function roleCapacity(ctx: PlannerContext): RoleCapacity[] {
  const ids = roleIdsInPlay(ctx);
  const all = capacitySteps([...ctx.teamChanges, ...ctx.hires.map(hireChange)], ids);
  const borrowed = capacitySteps(ctx.teamChanges.filter((c) => c.source === 'borrowed'), ids);
  return ctx.input.roles.map((r) => {
    const steps = all.get(r.id) ?? [];
    const loans = borrowed.get(r.id) ?? [];
    const weeks = [...new Set([...steps.map((s) => s.from), ...loans.map((s) => s.from)])].sort((a, b) => a - b);
    const at = (list: typeof steps, w: number) => list.reduce((u, s) => (s.from <= w ? s.units : u), 0);
    return {
      roleId: r.id,
      roleName: r.name,
      steps: weeks.map((w) => ({ from: w, date: ctx.calendar.dateOfWeek(w), people: at(steps, w) / UNITS_PER_FTE, borrowed: at(loans, w) / UNITS_PER_FTE })),
    };
  });
}

export function buildResult(ctx: PlannerContext): PlanResult {
  const cal = ctx.calendar;
  const titles = new Map(ctx.items.map((i) => [i.id, i.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const items: PlannedItem[] = ctx.items.map((item) => {
    const p = isActive(item.status) ? ctx.placed.get(item.id) : undefined;
    const cause = ctx.blocked.get(item.id);
    let placement: Placement;
    if (item.status === 'done') {
      placement = { kind: 'done', text: item.actualFinish ? `Done on ${item.actualFinish}${item.actualStart ? ` (started ${item.actualStart})` : ''}.` : 'Done: finished, not scheduled again.' };
    } else if (item.status === 'dropped') placement = { kind: 'dropped', text: 'Dropped: not scheduled.' };
    else if (p) placement = placedPlacement(ctx, item, p, title);
    else if (cause) placement = blockedPlacement(ctx, item, cause, title);
    else placement = { kind: 'unscheduled', text: 'Cannot be scheduled: its layer was not reached.' };
    const dates = itemDates(ctx, item, p);
    return {
      id: item.id,
      title: item.title,
      source: item.source,
      status: item.status,
      capabilityId: item.capabilityId,
      layer: item.hasCapability ? item.layer : null,
      goal: item.goal,
      fromMaturity: item.fromMaturity,
      toMaturity: item.toMaturity,
      durationWeeks: item.durationWeeks,
      demand: item.demand,
      scheduledWeeks: p ? p.finish - p.start : Math.ceil(focusWeeks(item.durationWeeks, ctx.scenario.runShare) - 1e-9),
      assignments: p ? p.staffing.assignments : [],
      staffing: p ? staffingText(ctx, item, p.staffing) : '',
      predecessors: item.predecessors,
      pinned: item.pin !== null && item.status !== 'in_progress' && !ctx.droppedPins.has(item.id) && item.pin >= ctx.statusWeek,
      start: p?.start ?? null,
      finish: p?.finish ?? null,
      startQuarter: dates.startDate ? cal.quarterOfDate(dates.startDate).label : null,
      finishQuarter: dates.finishDate ? cal.quarterOfDate(dates.finishDate).label : null,
      startDate: dates.startDate,
      finishDate: dates.finishDate,
      actualStart: item.actualStart,
      actualFinish: item.actualFinish,
      placement,
    };
  });

  const hires = [...existingHires(ctx), ...ctx.hires.map((h) => proposedHire(ctx, h))].sort((a, b) => a.startWeek - b.startWeek || a.id.localeCompare(b.id));
  const makespan = items.reduce((max, i) => Math.max(max, i.finish ?? 0), 0);
  return {
    version: 2,
    organisation: ctx.input.organisation.name,
    asOf: ctx.asOf,
    statusWeek: ctx.statusWeek,
    scenario: { ...ctx.scenario, horizonWeeks: ctx.horizonWeeks, targetWeek: ctx.targetWeek, endDate: cal.endDate },
    settings: ctx.settings,
    quarters: cal.quarters,
    items,
    hires,
    asks: ctx.asks,
    layers: LAYERS.map((l) => layerProjection(ctx, l.id)),
    warnings: ctx.warnings,
    decisions: ctx.decisions,
    capacity: roleCapacity(ctx),
    makespan,
  };
}
