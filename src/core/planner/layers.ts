import { catalogRole } from '../domain/catalog/roles';
import { PlanCalendar, type MonthNumber } from '../domain/calendar';
import { isNeededForTarget } from '../domain/goals';
import { LAYERS, layerLevel, type LayerId } from '../domain/layers';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../domain/settings';
import type { CapacityStep } from '../engine';
import { borrowedChanges, capacitySteps, personChanges, unitsAt, UNITS_PER_FTE, type CapacityChange, type TeamClock } from './capacity';
import type { HireDraft, LayerState, PlannerContext } from './context';
import { collectItems, effectiveCapabilities, isActive, type PlanItem } from './items';
import { schedulePass, type PassItem, type PassResult, type Placed } from './pass';
import { Projection, type GateSet, type MaturityEvent } from './projection';
import { staffItem, standInsFor, type ForcedStandIn, type Staffing, type StaffingContext } from './staffing';
import { dateLabel, layerName, listing, percent, plural, quoteTitles, roleNoun, withArticle } from './texts';
import type { PlanDecision, PlanInput, PlanWarning } from './types';
import { warning } from './warnings';

/** Schedules per layer pass; small, because a plan runs a few dozen passes and must feel instant. */
export const PLANNER_EFFORT = 24;
const DEFAULT_RAMP_UP_WEEKS = 8;
/** An item waits this many weeks for a busy role before the planner looks for an idle stand-in. */
const REBALANCE_MIN_WAIT = 2;

export function rampUpOf(ctx: Pick<PlannerContext, 'scenario'>, roleId: string): number {
  return ctx.scenario.rampUpWeeks ?? catalogRole(roleId)?.rampUpWeeks ?? DEFAULT_RAMP_UP_WEEKS;
}

export function clockOf(ctx: Pick<PlannerContext, 'scenario' | 'calendar' | 'statusWeek'>): TeamClock {
  return { calendar: ctx.calendar, statusWeek: ctx.statusWeek, leadTimeWeeks: ctx.scenario.leadTimeWeeks, rampUpOf: (roleId) => rampUpOf(ctx, roleId) };
}

export function decide(ctx: PlannerContext, kind: PlanDecision['kind'], text: string, layer: LayerId | null = LAYERS[ctx.level]?.id ?? null): PlanDecision[] {
  return [...ctx.decisions, { step: ctx.decisions.length + 1, layer, kind, text }];
}

export function roleName(ctx: Pick<PlannerContext, 'rolesById'>, roleId: string): string {
  return ctx.rolesById.get(roleId)?.name ?? roleId;
}

/** "a data engineer": a role as a noun with its article. */
export function aRole(ctx: Pick<PlannerContext, 'rolesById'>, roleId: string): string {
  return withArticle(roleNoun(roleName(ctx, roleId)));
}

/** Which layer pass schedules an item: its own, or the highest of its predecessors' passes. */
function passLevels(items: readonly PlanItem[]): Map<string, number> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (item: PlanItem): number => {
    const known = memo.get(item.id);
    if (known !== undefined) return known;
    let level = item.hasCapability ? layerLevel(item.layer) : 0;
    if (!visiting.has(item.id)) {
      visiting.add(item.id);
      for (const p of item.predecessors) {
        const pred = byId.get(p);
        if (pred && isActive(pred.status)) level = Math.max(level, levelOf(pred));
      }
      visiting.delete(item.id);
    }
    memo.set(item.id, level);
    return level;
  };
  for (const item of items) if (isActive(item.status)) levelOf(item);
  return memo;
}

export function initialContext(input: PlanInput): PlannerContext {
  const { scenario } = input;
  const settings: WorkspaceSettings = { ...DEFAULT_SETTINGS, ...input.settings };
  const calendar = new PlanCalendar(scenario.startDate, scenario.horizonQuarters, settings.fiscalYearStartMonth as MonthNumber);
  const asOf = input.asOf ?? scenario.startDate;
  const statusWeek = Math.max(0, calendar.firstWeekOnOrAfter(asOf));
  const horizonWeeks = calendar.horizonWeeks;
  const targetWeek = scenario.targetDate ? Math.max(0, calendar.weekOf(scenario.targetDate)) : horizonWeeks;
  const capabilities = effectiveCapabilities(input.capabilities, input.workItems);
  const items = collectItems(capabilities, input.roles, input.workItems, scenario, calendar);
  const base = { scenario, calendar, statusWeek };
  const clock = clockOf(base);
  const teamChanges: CapacityChange[] = [
    ...input.people.flatMap((p) => personChanges(p, clock)),
    ...scenario.borrowed.flatMap((b, i) => borrowedChanges(b, i, clock)),
  ];
  const ctx: PlannerContext = {
    input,
    scenario,
    settings,
    calendar,
    asOf,
    statusWeek,
    horizonWeeks,
    targetWeek,
    targetLevel: layerLevel(scenario.targetLayer),
    effort: input.effort ?? PLANNER_EFFORT,
    rolesById: new Map(input.roles.map((r) => [r.id, r])),
    capabilities,
    capabilitiesById: new Map(capabilities.map((c) => [c.id, c])),
    items,
    itemsById: new Map(items.map((i) => [i.id, i])),
    passOf: passLevels(items),
    teamChanges,
    hires: [],
    level: 0,
    placed: new Map(),
    blocked: new Map(),
    droppedPins: new Map(),
    gates: new Map(),
    gated: new Map(),
    waived: new Map(),
    current: null,
    candidates: [],
    trials: [],
    acceptedHires: 0,
    noHireRecorded: false,
    asks: [],
    projection: new Projection(capabilities, []),
    warnings: [],
    decisions: [],
  };
  const proposals = items.filter((i) => i.source === 'proposal').length;
  const own = items.filter((i) => i.source === 'user' && isActive(i.status)).length;
  const done = items.filter((i) => i.status === 'done').length;
  const notNeeded = capabilities.filter((c) => c.currentMaturity < c.targetMaturity && !isNeededForTarget(c, scenario.targetLayer)).length;
  const text =
    `As of ${asOf}: assessed ${plural(input.capabilities.length, 'capability', 'capabilities')}, ${plural(input.people.length, 'person', 'people')} ` +
    `and ${plural(own, 'open work item')} of yours (${done} done); proposed ${plural(proposals, 'item')} from the catalog's estimates for the capabilities ` +
    `${layerName(scenario.targetLayer)} needs` +
    (notNeeded ? ` (${plural(notNeeded, 'capability', 'capabilities')} below target are not needed for it and get no proposals)` : '') +
    `. Target: ${layerName(scenario.targetLayer)} ready (gate ${percent(scenario.gateThreshold)}) by ${dateLabel(calendar, targetWeek)}; ` +
    `${percent(scenario.runShare)} of everyone's time is kept for run work.`;
  return { ...ctx, decisions: decide(ctx, 'assess', text, null) };
}

export function hireChange(h: HireDraft): CapacityChange {
  return { roleId: h.roleId, week: h.productiveWeek, units: UNITS_PER_FTE, source: 'hire', ref: h.id };
}

export function roleIdsInPlay(ctx: PlannerContext): Set<string> {
  const ids = new Set(ctx.input.roles.map((r) => r.id));
  for (const item of ctx.items) for (const roleId of Object.keys(item.demand)) ids.add(roleId);
  return ids;
}

export function capacityOf(ctx: PlannerContext, extra: HireDraft | null): Map<string, CapacityStep[]> {
  const hires = extra ? [...ctx.hires, extra] : ctx.hires;
  return capacitySteps([...ctx.teamChanges, ...hires.map(hireChange)], roleIdsInPlay(ctx));
}

export function currentLayer(ctx: Pick<PlannerContext, 'level'>): LayerId {
  const layer = LAYERS[ctx.level];
  if (!layer) throw new RangeError(`no layer at level ${ctx.level}`);
  return layer.id;
}

/** The gate of the layer below the current one: the earliest start of this layer's work (null: never). */
export function gateBelow(ctx: PlannerContext): number | null {
  if (ctx.level === 0) return 0;
  const below = LAYERS[ctx.level - 1];
  return below ? (ctx.gates.get(below.id) ?? null) : 0;
}

function projectionOf(ctx: PlannerContext, placed: ReadonlyMap<string, Placed>): Projection {
  const events: MaturityEvent[] = [];
  for (const item of ctx.items) {
    const p = placed.get(item.id);
    if (p && item.capabilityId && item.toMaturity !== null) events.push({ capabilityId: item.capabilityId, week: p.finish, maturity: item.toMaturity });
  }
  return new Projection(ctx.capabilities, events);
}

/** Where an active item may start, and whether it is fixed there. */
function timing(ctx: PlannerContext, item: PlanItem, floor: number): { floor: number; fixedStart: number | null; elapsed: number; pinInPast: boolean } {
  if (item.status === 'in_progress') {
    // Started: it keeps its start and needs only what remains from the status date.
    const started = item.actualStart === null ? null : ctx.calendar.weekOf(item.actualStart);
    if (started !== null && started > ctx.statusWeek) return { floor: started, fixedStart: started, elapsed: 0, pinInPast: false };
    return { floor: ctx.statusWeek, fixedStart: ctx.statusWeek, elapsed: started === null ? 0 : ctx.statusWeek - started, pinInPast: false };
  }
  const free = Math.max(floor, ctx.statusWeek, item.release ?? 0);
  if (item.pin !== null) {
    if (item.pin < ctx.statusWeek) return { floor: free, fixedStart: null, elapsed: 0, pinInPast: true };
    return { floor: item.pin, fixedStart: item.pin, elapsed: 0, pinInPast: false };
  }
  return { floor: free, fixedStart: null, elapsed: 0, pinInPast: false };
}

export function staffingContext(ctx: PlannerContext, capacity: ReadonlyMap<string, readonly CapacityStep[]>): StaffingContext {
  return { capacity, runShare: ctx.scenario.runShare, roleIds: new Set(capacity.keys()) };
}

/** The pass items of the current layer, staffed on `capacity`. */
function passItemsOf(ctx: PlannerContext, capacity: ReadonlyMap<string, readonly CapacityStep[]>, force: ReadonlyMap<string, ReadonlyMap<string, ForcedStandIn>> = new Map()): PassItem[] {
  const below = gateBelow(ctx);
  const sctx = staffingContext(ctx, capacity);
  const out: PassItem[] = [];
  for (const item of ctx.items) {
    if (!isActive(item.status) || ctx.passOf.get(item.id) !== ctx.level) continue;
    const t = timing(ctx, item, below ?? 0);
    const staffing = staffItem(item, t.floor, sctx, force.get(item.id));
    const remaining = t.elapsed > 0 && staffing.weeks > 0 ? { ...staffing, weeks: Math.max(1, staffing.weeks - t.elapsed) } : staffing;
    out.push({ item, staffing: remaining, floor: t.floor, fixedStart: t.fixedStart });
  }
  return out;
}

/** Items whose pin lies before the status date (they are scheduled freely instead). */
export function pinsInPast(ctx: PlannerContext): PlanItem[] {
  return ctx.items.filter((i) => isActive(i.status) && i.status !== 'in_progress' && i.pin !== null && i.pin < ctx.statusWeek && ctx.passOf.get(i.id) === ctx.level);
}

function runPass(ctx: PlannerContext, items: readonly PassItem[], capacity: ReadonlyMap<string, readonly CapacityStep[]>): PassResult {
  return schedulePass({
    items,
    fixed: ctx.placed,
    blockedBelow: new Set(ctx.blocked.keys()),
    finished: new Set(ctx.items.filter((i) => i.status === 'done').map((i) => i.id)),
    gateReached: gateBelow(ctx) !== null,
    capacity,
    effort: ctx.effort,
    seed: 1 + ctx.level,
  });
}

/** Units of a role in use per week by the placed items (this pass's and the ones below). */
function loadOf(placed: Iterable<Placed>, roleId: string, weeks: number): Int32Array {
  const load = new Int32Array(weeks);
  for (const p of placed) {
    const u = p.staffing.units[roleId] ?? 0;
    if (u <= 0) continue;
    for (let w = Math.max(0, p.start); w < Math.min(weeks, p.finish); w++) load[w]! += u;
  }
  return load;
}

/**
 * Items that wait for a busy role while a stand-in for it sits idle: which role's share to give
 * to which stand-in, so the item finishes earlier. Greedy in start order, counting each switch's
 * load before the next is weighed.
 */
function idleStandIns(ctx: PlannerContext, items: readonly PassItem[], pass: PassResult, capacity: ReadonlyMap<string, readonly CapacityStep[]>): Map<string, Map<string, ForcedStandIn>> {
  const force = new Map<string, Map<string, ForcedStandIn>>();
  const waiting = items
    .filter((p) => p.fixedStart === null)
    .map((p) => ({ p, placed: pass.placed.get(p.item.id) }))
    .filter((x): x is { p: PassItem; placed: Placed } => x.placed !== undefined && (x.placed.reason.kind === 'resource' || x.placed.reason.kind === 'capacity') && x.placed.start - x.placed.floor >= REBALANCE_MIN_WAIT)
    .sort((a, b) => a.placed.start - b.placed.start || a.p.item.id.localeCompare(b.p.item.id));
  if (waiting.length === 0) return force;
  const weeks = Math.max(...[...pass.placed.values(), ...ctx.placed.values()].map((p) => p.finish)) + 1;
  const loads = new Map<string, Int32Array>();
  const all = [...ctx.placed.values(), ...pass.placed.values()];
  const sctx = staffingContext(ctx, capacity);
  for (const { p, placed } of waiting) {
    const reason = placed.reason;
    if (reason.kind !== 'resource' && reason.kind !== 'capacity') continue;
    const busy = reason.resourceId;
    const share = p.staffing.assignments.find((a) => a.roleId === busy);
    if (!share) continue;
    for (const s of standInsFor(share.forRoleId, p.item.capabilityId)) {
      if (s.roleId === busy || !sctx.roleIds.has(s.roleId)) continue;
      const forced = new Map([[share.forRoleId, { standIn: s.roleId, busyUntil: placed.start }]]);
      const alt = staffItem(p.item, p.floor, sctx, forced);
      if (alt.unstaffed.length > 0 || p.floor + alt.weeks >= placed.finish) continue;
      const steps = capacity.get(s.roleId) ?? [];
      const load = loads.get(s.roleId) ?? loadOf(all, s.roleId, weeks);
      loads.set(s.roleId, load);
      const need = alt.units[s.roleId] ?? 0;
      let fits = need > 0;
      for (let w = p.floor; fits && w < p.floor + alt.weeks; w++) fits = unitsAt(steps, w) - (load[w] ?? 0) >= need;
      if (!fits) continue;
      for (let w = p.floor; w < Math.min(weeks, p.floor + alt.weeks); w++) load[w]! += need;
      force.set(p.item.id, forced);
      break;
    }
  }
  return force;
}

const finishSum = (pass: PassResult) => [...pass.placed.values()].reduce((sum, p) => sum + p.finish, 0);
const lastFinish = (pass: PassResult) => Math.max(0, ...[...pass.placed.values()].map((p) => p.finish));

/**
 * Schedules the current layer's items around the layers below, with `extra` (a hire being tried)
 * if any: staff each item, schedule, then hand work that waits for a busy role to idle stand-ins
 * when that finishes the layer no later. Then project maturities and find the layer's gate.
 */
export function scheduleLayerState(ctx: PlannerContext, extra: HireDraft | null): LayerState {
  const capacity = capacityOf(ctx, extra);
  const items = passItemsOf(ctx, capacity);
  let pass = runPass(ctx, items, capacity);
  const force = idleStandIns(ctx, items, pass, capacity);
  if (force.size > 0) {
    const rebalanced = runPass(ctx, passItemsOf(ctx, capacity, force), capacity);
    if (rebalanced.blocked.size <= pass.blocked.size && lastFinish(rebalanced) <= lastFinish(pass) && finishSum(rebalanced) < finishSum(pass)) pass = rebalanced;
  }
  const placed = new Map([...ctx.placed, ...pass.placed]);
  const projection = projectionOf(ctx, placed);
  const layer = currentLayer(ctx);
  const { gated, waived } = gateSetOf(ctx, layer, placed);
  const below = gateBelow(ctx);
  const own = projection.gateWeek(layer, gated, ctx.scenario.gateThreshold);
  const gate = below === null || own === null ? null : Math.max(below, own);
  return { pass, gate, gated, waived, projection };
}

/**
 * What the layer's gate counts: each capability of the layer the target needs, aiming at its
 * target maturity — or at the highest level the plan reaches when the levels above it cannot be
 * built (nobody can staff them): those are waived so that they do not hold up the pyramid.
 */
function gateSetOf(ctx: PlannerContext, layer: LayerId, placed: ReadonlyMap<string, Placed>): { gated: GateSet; waived: Map<string, number> } {
  const reach = new Map<string, number>();
  for (const item of ctx.items) {
    if (item.capabilityId === null || item.toMaturity === null || !placed.has(item.id)) continue;
    reach.set(item.capabilityId, Math.max(reach.get(item.capabilityId) ?? 0, item.toMaturity));
  }
  const gated = new Map(ctx.gated);
  const waived = new Map<string, number>();
  for (const c of ctx.capabilities) {
    if (c.layer !== layer || !isNeededForTarget(c, ctx.scenario.targetLayer)) continue;
    const reachable = Math.max(c.currentMaturity, reach.get(c.id) ?? 0);
    if (reachable < c.targetMaturity) waived.set(c.id, reachable);
    gated.set(c.id, { layer, target: Math.min(c.targetMaturity, reachable) });
  }
  return { gated, waived };
}

/** Entry of `scheduling`: the current layer's pass with the hires accepted so far. */
export function scheduleLayer(ctx: PlannerContext): Partial<PlannerContext> {
  const current = scheduleLayerState(ctx, null);
  return { current, projection: current.projection };
}

/** The deadline of the current layer on the way to the target: the target week shared out by level. */
export function deadlineOf(ctx: PlannerContext): number {
  return Math.round((ctx.targetWeek * (ctx.level + 1)) / (ctx.targetLevel + 1));
}

/** True when gate `a` comes strictly after gate `b` (null: never). */
export function isLater(a: number | null, b: number | null): boolean {
  return (a ?? Number.POSITIVE_INFINITY) > (b ?? Number.POSITIVE_INFINITY);
}

/** Shares of needed work in a pass that nobody can staff. */
export function unstaffedShares(ctx: PlannerContext, pass: PassResult): number {
  let n = 0;
  for (const [id, cause] of pass.blocked) if (cause.kind === 'unstaffed' && ctx.itemsById.get(id)?.needed) n += cause.shares.length;
  return n;
}

/** Whether a pass item is staffed by a stand-in, with the words for it. */
export function staffingText(ctx: PlannerContext, item: PlanItem, staffing: Staffing): string {
  const parts: string[] = [];
  for (const a of staffing.assignments) {
    const asked = item.demand[a.forRoleId] ?? 0;
    if (a.roleId !== a.forRoleId) {
      const busy = staffing.busy[a.forRoleId];
      const why = busy === undefined ? `the team has no ${roleNoun(roleName(ctx, a.forRoleId))} for it` : `the ${roleNoun(roleName(ctx, a.forRoleId))}s are busy until ${ctx.calendar.dateOfWeek(busy)}`;
      parts.push(`${plural(a.people, roleNoun(roleName(ctx, a.roleId)))} standing in for ${aRole(ctx, a.forRoleId)} (${percent(a.efficiency)} of the speed; ${why})`);
    } else if (a.people + 1e-9 < asked) {
      parts.push(`${plural(a.people, roleNoun(roleName(ctx, a.roleId)))} instead of ${asked} (the team has no more)`);
    }
  }
  return parts.length ? `Done by ${listing(parts)}: ${plural(staffing.weeks, 'week')} instead of ${item.durationWeeks} at full focus.` : '';
}

/** Entry of `gated`: the current layer's pass becomes part of the plan, with what it means for the lead. */
export function commitLayer(ctx: PlannerContext): Partial<PlannerContext> {
  const state = ctx.current;
  if (!state) return {};
  const { pass } = state;
  const layer = currentLayer(ctx);
  const cal = ctx.calendar;
  const placed = new Map([...ctx.placed, ...pass.placed]);
  const blocked = new Map([...ctx.blocked, ...pass.blocked]);
  const droppedPins = new Map([...ctx.droppedPins, ...pass.droppedPins]);
  const gates = new Map(ctx.gates).set(layer, state.gate);
  const waived = new Map([...ctx.waived, ...state.waived]);
  const warnings: PlanWarning[] = [...ctx.warnings];
  let decisions = ctx.decisions;
  const below = gateBelow(ctx);
  const title = (id: string) => ctx.itemsById.get(id)?.title ?? id;

  for (const item of pinsInPast(ctx)) {
    warnings.push(
      warning('constraint-conflict', {
        summary: `“${item.title}” is pinned to ${item.pinDate}, before the status date.`,
        action: `Mark it in progress with its real start, or pin it to a date from ${ctx.asOf} on.`,
        message: `“${item.title}” is pinned to ${item.pinDate}, before the status date ${ctx.asOf}: nothing new starts in the past, so it is scheduled freely from the status date on.`,
        itemId: item.id,
        layer,
      }),
    );
  }
  for (const [id, p] of pass.placed) {
    const item = ctx.itemsById.get(id);
    if (!item || item.pin === null || item.status === 'in_progress' || pass.droppedPins.has(id) || ctx.level === 0) continue;
    if (below !== null && p.start >= below) continue;
    const belowLayer = LAYERS[ctx.level - 1]?.id ?? layer;
    warnings.push(
      warning('pinned-before-gate', {
        summary: `“${item.title}” is pinned before ${layerName(belowLayer)} is ready.`,
        action: below === null ? `Unpin it, or check why ${layerName(belowLayer)} never gets ready.` : `Move it to ${cal.dateOfWeek(below)} or later, or keep it knowingly.`,
        message: `“${item.title}” is pinned to ${item.pinDate}, before ${layerName(belowLayer)} reaches its gate (${
          below === null ? 'not within the plan' : dateLabel(cal, below)
        }): its foundations may not be ready.`,
        itemId: id,
        layer,
        week: below,
        date: below === null ? null : cal.dateOfWeek(below),
      }),
    );
  }
  for (const [id, message] of pass.droppedPins) {
    warnings.push(
      warning('constraint-conflict', {
        summary: `The pin of “${title(id)}” cannot be kept.`,
        action: 'Move the pin, or remove the constraint that conflicts with it.',
        message: `The pin of “${title(id)}” cannot be kept, so it is scheduled freely: ${message}`,
        itemId: id,
        layer,
      }),
    );
  }

  // Stand-ins, said once per layer.
  const standIns: string[] = [];
  for (const [id, p] of pass.placed) {
    const item = ctx.itemsById.get(id);
    if (!item) continue;
    const text = staffingText(ctx, item, p.staffing);
    if (text) standIns.push(`“${item.title}”: ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
  }
  if (standIns.length) decisions = decide({ ...ctx, decisions }, 'stand-in', `${layerName(layer)} staffs work with the people there are: ${standIns.join(' ')}`);

  if (state.waived.size > 0) {
    const parts = [...state.waived].map(([capId, level]) => {
      const c = ctx.capabilitiesById.get(capId);
      return `“${c?.name ?? capId}” counts up to maturity ${level} of ${c?.targetMaturity ?? '?'}`;
    });
    decisions = decide(
      { ...ctx, decisions },
      'waive',
      `${layerName(layer)}'s gate leaves out what nobody can build in this plan, so that it does not hold up the layers above: ${parts.join('; ')}.`,
    );
  }

  const layerItems = pass.placed.size + pass.blocked.size;
  const outOfHorizon = state.gate !== null && state.gate > ctx.horizonWeeks;
  if (ctx.level <= ctx.targetLevel && [...state.gated.values()].some((g) => g.layer === layer) && (state.gate === null || outOfHorizon)) {
    warnings.push(
      warning('gate-unreachable', {
        summary: `${layerName(layer)} is not ready within the plan.`,
        action: state.gate === null ? `Look at what blocks ${layerName(layer)}'s work.` : `Add people to ${layerName(layer)}'s work, lengthen the horizon, or lower its targets.`,
        message: `${layerName(layer)} does not reach its gate (${percent(ctx.scenario.gateThreshold)}) within the plan (${ctx.scenario.horizonQuarters} quarters, to ${cal.endDate})${
          state.gate === null ? '' : `: it gets there on ${cal.dateOfWeek(state.gate)}`
        }, so the work of the layers above starts late or not at all.`,
        layer,
        week: state.gate,
        date: state.gate === null ? null : cal.dateOfWeek(state.gate),
      }),
    );
  }
  const unstaffed = [...pass.blocked].filter(([, c]) => c.kind === 'unstaffed').length;
  const text =
    layerItems === 0
      ? `${layerName(layer)}: no work to schedule${ctx.level > ctx.targetLevel ? ' (above the target)' : ''}; the layer holds nothing back${state.gate === null ? ', but a layer below never gets ready' : ''}.`
      : `${layerName(layer)}: scheduled ${pass.placed.size} of ${plural(layerItems, 'item')}` +
    (pass.blocked.size ? ` (${pass.blocked.size} cannot be${unstaffed ? `, ${unstaffed} for want of people` : ''})` : '') +
    `; the layer reaches its gate ${state.gate === null ? 'not within the plan' : state.gate <= ctx.statusWeek ? 'already now' : `on ${dateLabel(cal, state.gate)}`}.`;
  return {
    placed,
    blocked,
    droppedPins,
    gates,
    gated: state.gated,
    waived,
    warnings,
    current: null,
    decisions: decide({ ...ctx, decisions }, 'gate', text),
  };
}

export function isTopLayer(ctx: PlannerContext): boolean {
  return ctx.level >= LAYERS.length - 1;
}

export function nextLayer(ctx: PlannerContext): Partial<PlannerContext> {
  return { level: ctx.level + 1, acceptedHires: 0, noHireRecorded: false, candidates: [], trials: [], current: null };
}

export { quoteTitles };
