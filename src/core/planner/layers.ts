import { catalogRole } from '../domain/catalog/roles';
import { PlanCalendar, type MonthNumber } from '../domain/calendar';
import { isNeededForTarget } from '../domain/goals';
import { LAYERS, layerLevel, type LayerId } from '../domain/layers';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../domain/settings';
import type { CapacityStep } from '../engine';
import { borrowedChanges, capacitySteps, expectedStartWeek, personChanges, unitsAt, UNITS_PER_FTE, type CapacityChange, type TeamClock } from './capacity';
import { foundationsWeek } from './foundations';
import type { HireDraft, LayerState, PlannerContext } from './context';
import { collectItems, effectiveCapabilities, isActive, type PlanItem } from './items';
import { schedulePass, type BlockCause, type PassItem, type PassResult, type Placed } from './pass';
import { findCycle } from '../domain/dependencies';
import { Projection, type GateSet, type MaturityEvent } from './projection';
import { staffItem, standInsFor, type ForcedStandIn, type Staffing, type StaffingContext } from './staffing';
import { dateLabel, layerName, listing, percent, plural, quoteTitles, roleNoun, withArticle } from './texts';
import type { PlanDecision, PlanInput } from './types';

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
  // A luxury requisition whose foundations are not there yet is not counted on while the plan is
  // climbed (it would stand in for others on work it is there to build on); the deferring step
  // counts it from when the finished plan has its foundations ready.
  const deferred = new Map<string, number | null>();
  const initial = new Projection(capabilities, []);
  const byId = new Map(capabilities.map((c) => [c.id, c]));
  for (const p of input.people) {
    const role = input.roles.find((r) => r.id === p.roleId);
    if (p.status === 'on_staff' || !role?.needsFoundations) continue;
    const ready = foundationsWeek(initial, role, byId);
    if (ready === null || ready > expectedStartWeek(p, clock) + clock.rampUpOf(p.roleId)) deferred.set(p.id, null);
  }
  const teamChanges = teamChangesOf(input, clock, deferred);
  const neededIds = new Set(capabilities.filter((c) => isNeededForTarget(c, scenario.targetLayer)).map((c) => c.id));
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
    neededIds,
    neededBelow: LAYERS.map((l) => capabilities.filter((c) => layerLevel(c.layer) < l.level && neededIds.has(c.id))),
    items,
    itemsById: new Map(items.map((i) => [i.id, i])),
    passOf: passLevels(items),
    teamChanges,
    deferred,
    deferRounds: 0,
    hires: [],
    level: 0,
    placed: new Map(),
    blocked: new Map(),
    droppedPins: new Map(),
    gates: new Map(),
    levelGates: new Map(),
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
  const notNeeded = capabilities.filter((c) => c.currentMaturity < c.targetMaturity && !neededIds.has(c.id)).length;
  const text =
    `As of ${asOf}: assessed ${plural(input.capabilities.length, 'capability', 'capabilities')}, ${plural(input.people.length, 'person', 'people')} ` +
    `and ${plural(own, 'open work item')} of yours (${done} done); proposed ${plural(proposals, 'item')} from the catalog's estimates for the capabilities ` +
    `${layerName(scenario.targetLayer)} needs` +
    (notNeeded ? ` (${plural(notNeeded, 'capability', 'capabilities')} below target are not needed for it and get no proposals)` : '') +
    `. Target: ${layerName(scenario.targetLayer)} ready (gate ${percent(scenario.gateThreshold)}) by ${dateLabel(calendar, targetWeek)}; ` +
    `${percent(scenario.runShare)} of everyone's time is kept for run work.`;
  return { ...ctx, decisions: decide(ctx, 'assess', text, null) };
}

/** Capacity changes of the people on the headcount and of borrowed people, with deferred luxury requisitions counted from their deferral. */
export function teamChangesOf(input: PlanInput, clock: TeamClock, deferred: ReadonlyMap<string, number | null>): CapacityChange[] {
  return [
    ...input.people.flatMap((p) => personChanges(p, clock, deferred.has(p.id) ? (deferred.get(p.id) ?? null) : undefined)),
    ...input.scenario.borrowed.flatMap((b, i) => borrowedChanges(b, i, clock)),
  ];
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

/** The gate of the layer below the current one, as last committed (null: never). */
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

/** Maturity levels a layer can be gated at (a step to level k waits for the layers below at level k). */
export const GATE_LEVELS = [1, 2, 3, 4] as const;

/**
 * The maturity level an item's gate is taken at: the level its step reaches (a repeatable
 * warehouse builds on repeatable instrumentation, not on managed instrumentation), or the full
 * gate for other work on a capability.
 */
function gateLevelOf(item: PlanItem): number | null {
  return item.hasCapability && item.toMaturity !== null ? item.toMaturity : null;
}

/** The maturity a capability must have for a gate at `level` (null: full) to count it ready: min(level, target) × threshold, rounded up. */
export function gateMaturity(target: number, level: number | null, threshold: number): number {
  return Math.ceil(Math.min(target, level ?? target) * threshold - 1e-9);
}

/** Where an active item may start, and whether it is fixed there. */
function timing(ctx: PlannerContext, item: PlanItem): { floor: number; fixedStart: number | null; elapsed: number } {
  if (item.status === 'in_progress') {
    // Started: it keeps its start and needs only what remains from the status date.
    const started = item.actualStart === null ? null : ctx.calendar.weekOf(item.actualStart);
    if (started !== null && started > ctx.statusWeek) return { floor: started, fixedStart: started, elapsed: 0 };
    return { floor: ctx.statusWeek, fixedStart: ctx.statusWeek, elapsed: started === null ? 0 : ctx.statusWeek - started };
  }
  const floor = Math.max(ctx.statusWeek, item.release ?? 0);
  if (item.pin !== null && item.pin >= ctx.statusWeek) return { floor: item.pin, fixedStart: item.pin, elapsed: 0 };
  return { floor, fixedStart: null, elapsed: 0 };
}

export function staffingContext(ctx: PlannerContext, capacity: ReadonlyMap<string, readonly CapacityStep[]>): StaffingContext {
  return { capacity, runShare: ctx.scenario.runShare, roleIds: new Set(capacity.keys()) };
}

/** The last committed gate of the layers below an item at its gate level: where its staffing is judged from. */
function expectedStart(ctx: PlannerContext, item: PlanItem, floor: number): number {
  const level = item.hasCapability ? layerLevel(item.layer) : 0;
  const below = level === 0 ? undefined : ctx.levelGates.get(LAYERS[level - 1]!.id);
  const gate = below?.[Math.min(4, gateLevelOf(item) ?? 4)] ?? 0;
  return Math.max(floor, gate ?? 0);
}

/**
 * The items of every layer up to the current one, staffed on `capacity`, with their gates as
 * precedence edges: a step of a layer to maturity k waits for the items that bring each capability
 * the target needs on every layer below to min(k, target) × the threshold. Work nobody can staff
 * is set aside first, and its capability counts only up to what can be built (a waiver), so that
 * no edge waits for it.
 */
function passItemsOf(
  ctx: PlannerContext,
  capacity: ReadonlyMap<string, readonly CapacityStep[]>,
  force: ReadonlyMap<string, ReadonlyMap<string, ForcedStandIn>> = new Map(),
  refused: ReadonlyMap<string, BlockCause> = new Map(),
  staffFrom: ReadonlyMap<string, number> = new Map(),
): PassItem[] {
  const sctx = staffingContext(ctx, capacity);
  const draft = ctx.items
    .filter((item) => isActive(item.status) && (ctx.passOf.get(item.id) ?? 0) <= ctx.level)
    .map((item) => {
      const t = timing(ctx, item);
      const staffing = staffItem(item, Math.max(expectedStart(ctx, item, t.floor), staffFrom.get(item.id) ?? 0), sctx, force.get(item.id));
      const remaining = t.elapsed > 0 && staffing.weeks > 0 ? { ...staffing, weeks: Math.max(1, staffing.weeks - t.elapsed) } : staffing;
      return { item, staffing: remaining, t };
    });

  // Set aside what nobody can staff, and what waits for it.
  const blocked = new Map<string, BlockCause>(refused);
  for (const d of draft) if (d.staffing.unstaffed.length > 0) blocked.set(d.item.id, { kind: 'unstaffed', shares: d.staffing.unstaffed });
  const inPass = new Set(draft.map((d) => d.item.id));
  for (let spread = true; spread; ) {
    spread = false;
    for (const d of draft) {
      if (blocked.has(d.item.id)) continue;
      const stuck = d.item.predecessors.find((p) => inPass.has(p) && blocked.has(p));
      if (stuck !== undefined) {
        blocked.set(d.item.id, { kind: 'blocked-predecessor', itemId: stuck });
        spread = true;
      }
    }
  }

  // Which item raises each capability to each level, and how far each capability can get.
  const raisers = new Map<string, Map<number, string>>();
  const reach = new Map<string, number>();
  for (const d of draft) {
    const { item } = d;
    if (item.capabilityId === null || item.toMaturity === null || blocked.has(item.id)) continue;
    const levels = raisers.get(item.capabilityId) ?? new Map<number, string>();
    for (let level = (item.fromMaturity ?? item.toMaturity - 1) + 1; level <= item.toMaturity; level++) if (!levels.has(level)) levels.set(level, item.id);
    raisers.set(item.capabilityId, levels);
    reach.set(item.capabilityId, Math.max(reach.get(item.capabilityId) ?? 0, item.toMaturity));
  }

  const items: PassItem[] = draft.map(({ item, staffing, t }) => {
    const gateLevel = gateLevelOf(item);
    const edges = new Set<string>();
    if (item.hasCapability && t.fixedStart === null && !blocked.has(item.id)) {
      for (const c of ctx.neededBelow[layerLevel(item.layer)] ?? []) {
        const reachable = Math.max(c.currentMaturity, reach.get(c.id) ?? 0);
        // A waived capability counts up to what can be built: the gate applies to that level.
        const need = gateMaturity(Math.min(c.targetMaturity, reachable), gateLevel, ctx.scenario.gateThreshold);
        if (c.currentMaturity >= need) continue;
        const raiser = raisers.get(c.id)?.get(need);
        if (raiser !== undefined && raiser !== item.id) edges.add(raiser);
      }
    }
    return { item, staffing, floor: t.floor, gateLevel, gateEdges: [...edges], fixedStart: t.fixedStart, blocked: blocked.get(item.id) ?? null };
  });
  return withoutGateCycles(items);
}

/**
 * A lead's own predecessors may point up the pyramid (a Collect item after a Move/Store one): a gate
 * edge that would close a cycle with them is dropped, since the lead's order wins.
 */
function withoutGateCycles(items: PassItem[]): PassItem[] {
  const edges = new Map(items.map((p) => [p.item.id, new Set(p.gateEdges)]));
  for (;;) {
    const graph = new Map(items.map((p) => [p.item.id, [...p.item.predecessors, ...(edges.get(p.item.id) ?? [])]]));
    const cycle = findCycle(graph);
    if (cycle === null) break;
    let removed = false;
    for (let i = 0; i + 1 < cycle.length && !removed; i++) {
      const [from, to] = [cycle[i]!, cycle[i + 1]!];
      const set = edges.get(from);
      if (set?.has(to)) {
        set.delete(to);
        removed = true;
      }
    }
    if (!removed) break;
  }
  return items.map((p) => ({ ...p, gateEdges: [...(edges.get(p.item.id) ?? [])] }));
}

/** Items whose pin lies before the status date (they are scheduled freely instead). */
export function pinsInPast(ctx: PlannerContext): PlanItem[] {
  return ctx.items.filter((i) => isActive(i.status) && i.status !== 'in_progress' && i.pin !== null && i.pin < ctx.statusWeek);
}

function runPass(ctx: PlannerContext, items: readonly PassItem[], capacity: ReadonlyMap<string, readonly CapacityStep[]>): PassResult {
  return schedulePass({
    items,
    finished: new Set(ctx.items.filter((i) => i.status === 'done').map((i) => i.id)),
    capacity,
    effort: ctx.effort,
    seed: 1 + ctx.level,
  });
}

/** Units of a role in use per week by the placed items. */
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
  const weeks = Math.max(...[...pass.placed.values()].map((p) => p.finish)) + 1;
  const loads = new Map<string, Int32Array>();
  const all = [...pass.placed.values()];
  const sctx = staffingContext(ctx, capacity);
  for (const { p, placed } of waiting) {
    const reason = placed.reason;
    if (reason.kind !== 'resource' && reason.kind !== 'capacity') continue;
    const busy = reason.resourceId;
    const share = p.staffing.assignments.find((a) => a.roleId === busy);
    if (!share) continue;
    // It cannot start before its own gate: the latest finish of what it waits for.
    const from = Math.max(p.floor, ...[...p.item.predecessors, ...p.gateEdges].map((id) => pass.placed.get(id)?.finish ?? 0));
    for (const s of standInsFor(share.forRoleId, p.item.capabilityId)) {
      if (s.roleId === busy || !sctx.roleIds.has(s.roleId)) continue;
      const forced = new Map([[share.forRoleId, { standIn: s.roleId, busyUntil: placed.start }]]);
      const alt = staffItem(p.item, from, sctx, forced);
      if (alt.unstaffed.length > 0 || from + alt.weeks >= placed.finish) continue;
      const steps = capacity.get(s.roleId) ?? [];
      const load = loads.get(s.roleId) ?? loadOf(all, s.roleId, weeks);
      loads.set(s.roleId, load);
      const need = alt.units[s.roleId] ?? 0;
      let fits = need > 0;
      for (let w = from; fits && w < from + alt.weeks; w++) fits = unitsAt(steps, w) - (load[w] ?? 0) >= need;
      if (!fits) continue;
      for (let w = from; w < Math.min(weeks, from + alt.weeks); w++) load[w]! += need;
      force.set(p.item.id, forced);
      break;
    }
  }
  return force;
}

/**
 * Items a stand-in does although the role itself is free when the item really runs: staffing is
 * judged from the gate below, and a specialist who joins later loses to a stand-in who is there
 * now on paper — even when the item cannot start before the specialist arrives (it waits for its
 * own predecessors). Which items to staff again from the week they can really start, when the
 * role's own people finish them no later and have room all along. Greedy in start order.
 */
function idleSpecialists(
  ctx: PlannerContext,
  items: readonly PassItem[],
  pass: PassResult,
  capacity: ReadonlyMap<string, readonly CapacityStep[]>,
  force: ReadonlyMap<string, ReadonlyMap<string, ForcedStandIn>>,
): Map<string, number> {
  const staffFrom = new Map<string, number>();
  const standingIn = items
    .filter((p) => p.fixedStart === null && !force.has(p.item.id) && p.staffing.assignments.some((a) => a.roleId !== a.forRoleId))
    .map((p) => ({ p, placed: pass.placed.get(p.item.id) }))
    .filter((x): x is { p: PassItem; placed: Placed } => x.placed !== undefined)
    .sort((a, b) => a.placed.start - b.placed.start || a.p.item.id.localeCompare(b.p.item.id));
  if (standingIn.length === 0) return staffFrom;
  const all = [...pass.placed.values()];
  const weeks = Math.max(...all.map((p) => p.finish)) + 1;
  const loads = new Map<string, Int32Array>();
  const loadFor = (roleId: string): Int32Array => {
    const load = loads.get(roleId) ?? loadOf(all, roleId, weeks);
    loads.set(roleId, load);
    return load;
  };
  const sctx = staffingContext(ctx, capacity);
  for (const { p, placed } of standingIn) {
    const earliest = Math.max(p.floor, ...[...p.item.predecessors, ...p.gateEdges].map((id) => pass.placed.get(id)?.finish ?? 0));
    const own = (a: { roleId: string; forRoleId: string }) => `${a.forRoleId}>${a.roleId}`;
    const current = p.staffing.assignments.map(own).join();
    // Room for a staffing from `from` on, once the item's current load is taken off.
    const fits = (alt: Staffing, from: number): boolean => {
      for (const [roleId, need] of Object.entries(alt.units)) {
        const steps = capacity.get(roleId) ?? [];
        const load = loadFor(roleId);
        const mine = p.staffing.units[roleId] ?? 0;
        for (let w = from; w < from + alt.weeks; w++) if (unitsAt(steps, w) - (load[w] ?? 0) + (w >= placed.start && w < placed.finish ? mine : 0) < need) return false;
      }
      return true;
    };
    let chosen: { from: number; alt: Staffing } | null = null;
    for (let from = earliest; from < placed.finish && chosen === null; from++) {
      const alt = staffItem(p.item, from, sctx);
      if (alt.unstaffed.length > 0 || from + alt.weeks > placed.finish) break;
      if (alt.assignments.map(own).join() === current) continue;
      if (fits(alt, from)) chosen = { from, alt };
    }
    if (chosen === null) continue;
    const { from, alt } = chosen;
    for (const [roleId, units] of Object.entries(p.staffing.units)) {
      const load = loadFor(roleId);
      for (let w = placed.start; w < Math.min(weeks, placed.finish); w++) load[w]! -= units;
    }
    for (const [roleId, units] of Object.entries(alt.units)) {
      const load = loadFor(roleId);
      for (let w = from; w < Math.min(weeks, from + alt.weeks); w++) load[w]! += units;
    }
    staffFrom.set(p.item.id, from);
  }
  return staffFrom;
}

const finishSum = (pass: PassResult) => [...pass.placed.values()].reduce((sum, p) => sum + p.finish, 0);
const lastFinish = (pass: PassResult) => Math.max(0, ...[...pass.placed.values()].map((p) => p.finish));

/**
 * Schedules every layer up to the current one together, with `extra` (a hire being tried) if
 * any: staff each item, schedule, then hand work that waits for a busy role to idle stand-ins when
 * that finishes the plan no later. Then project maturities and find each layer's gates.
 */
export function scheduleLayerState(ctx: PlannerContext, extra: HireDraft | null): LayerState {
  const capacity = capacityOf(ctx, extra);
  // An item the engine refuses is work that cannot be done: it is set aside like unstaffed work, so
  // that no gate waits for it, and the layers are scheduled again.
  let refused = new Map<string, BlockCause>();
  let items = passItemsOf(ctx, capacity, new Map(), refused);
  let pass = runPass(ctx, items, capacity);
  // Each round sets at least one more item aside, so this ends.
  for (;;) {
    const newly = [...pass.blocked].filter(([id, c]) => c.kind === 'engine' && !refused.has(id));
    if (newly.length === 0) break;
    refused = new Map([...refused, ...newly]);
    items = passItemsOf(ctx, capacity, new Map(), refused);
    pass = runPass(ctx, items, capacity);
  }
  const better = (next: PassResult) => next.blocked.size <= pass.blocked.size && lastFinish(next) <= lastFinish(pass) && finishSum(next) < finishSum(pass);
  let force = idleStandIns(ctx, items, pass, capacity);
  if (force.size > 0) {
    const rebalancedItems = passItemsOf(ctx, capacity, force, refused);
    const rebalanced = runPass(ctx, rebalancedItems, capacity);
    if (better(rebalanced)) {
      pass = rebalanced;
      items = rebalancedItems;
    } else force = new Map();
  }
  const staffFrom = idleSpecialists(ctx, items, pass, capacity, force);
  if (staffFrom.size > 0) {
    const restaffed = runPass(ctx, passItemsOf(ctx, capacity, force, refused, staffFrom), capacity);
    if (better(restaffed)) pass = restaffed;
  }
  const projection = projectionOf(ctx, pass.placed);
  const { gated, waived } = gateSetOf(ctx, pass.placed);
  const { gates, levelGates } = gatesOf(ctx, gated, projection);
  return { pass, gate: gates.get(currentLayer(ctx)) ?? null, gates, levelGates, gated, waived, projection };
}

/**
 * Each layer's gate up to the current one, at each maturity level: the first week every
 * capability it gates on is at min(level, target) × the threshold, and every layer below is there
 * too. The full gate is the level-4 one (min(4, target) is the target).
 */
function gatesOf(ctx: PlannerContext, gated: GateSet, projection: Projection): { gates: Map<LayerId, number | null>; levelGates: Map<LayerId, (number | null)[]> } {
  const gates = new Map<LayerId, number | null>();
  const levelGates = new Map<LayerId, (number | null)[]>();
  let below: (number | null)[] = [0, 0, 0, 0, 0];
  for (const layer of LAYERS.slice(0, ctx.level + 1)) {
    const own: (number | null)[] = [null];
    for (const level of GATE_LEVELS) {
      const capped = new Map([...gated].filter(([, g]) => g.layer === layer.id).map(([id, g]) => [id, { layer: layer.id, target: Math.min(g.target, level) }]));
      const week = projection.gateWeek(layer.id, capped, ctx.scenario.gateThreshold);
      const under = below[level] ?? null;
      own[level] = week === null || under === null ? null : Math.max(week, under);
    }
    levelGates.set(layer.id, own);
    gates.set(layer.id, own[4] ?? null);
    below = own;
  }
  return { gates, levelGates };
}

/**
 * What the gates count: each capability the target needs on the layers scheduled so far, aiming
 * at its target maturity — or at the highest level the plan reaches when the levels above it
 * cannot be built (nobody can staff them): those are waived so that they do not hold up the pyramid.
 */
function gateSetOf(ctx: PlannerContext, placed: ReadonlyMap<string, Placed>): { gated: GateSet; waived: Map<string, number> } {
  const reach = new Map<string, number>();
  for (const item of ctx.items) {
    if (item.capabilityId === null || item.toMaturity === null || !placed.has(item.id)) continue;
    reach.set(item.capabilityId, Math.max(reach.get(item.capabilityId) ?? 0, item.toMaturity));
  }
  const gated = new Map<string, { layer: LayerId; target: number }>();
  const waived = new Map<string, number>();
  for (const c of ctx.capabilities) {
    if (layerLevel(c.layer) > ctx.level || !ctx.neededIds.has(c.id)) continue;
    const reachable = Math.max(c.currentMaturity, reach.get(c.id) ?? 0);
    if (reachable < c.targetMaturity) waived.set(c.id, reachable);
    gated.set(c.id, { layer: c.layer, target: Math.min(c.targetMaturity, reachable) });
  }
  return { gated, waived };
}

/** Entry of `scheduling`: the layers up to the current one with the hires accepted so far. */
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

/** Whether an item belongs to the layer being climbed (lower layers' items are rescheduled, but were weighed already). */
export function ofCurrentLayer(ctx: PlannerContext, id: string): boolean {
  return ctx.passOf.get(id) === ctx.level;
}

/** Shares of the current layer's needed work that nobody can staff. */
export function unstaffedShares(ctx: PlannerContext, pass: PassResult): number {
  let n = 0;
  for (const [id, cause] of pass.blocked) if (cause.kind === 'unstaffed' && ofCurrentLayer(ctx, id) && ctx.itemsById.get(id)?.needed) n += cause.shares.length;
  return n;
}

/** Whether an item is staffed by a stand-in, with the words for it. */
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

/**
 * Entry of `gated`: the schedule of the layers so far becomes the plan, and what it decided for
 * the current layer is recorded. Warnings about the schedule are left to the review, since the
 * layers above may still move it.
 */
export function commitLayer(ctx: PlannerContext): Partial<PlannerContext> {
  const state = ctx.current;
  if (!state) return {};
  const { pass } = state;
  const layer = currentLayer(ctx);
  const cal = ctx.calendar;
  let decisions = ctx.decisions;

  // Stand-ins, said once per layer.
  const standIns: string[] = [];
  for (const [id, p] of pass.placed) {
    const item = ctx.itemsById.get(id);
    if (!item || !ofCurrentLayer(ctx, id)) continue;
    const text = staffingText(ctx, item, p.staffing);
    if (text) standIns.push(`“${item.title}”: ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
  }
  if (standIns.length) decisions = decide({ ...ctx, decisions }, 'stand-in', `${layerName(layer)} staffs work with the people there are: ${standIns.join(' ')}`);

  const waivedHere = [...state.waived].filter(([capId]) => ctx.capabilitiesById.get(capId)?.layer === layer);
  if (waivedHere.length > 0) {
    const parts = waivedHere.map(([capId, level]) => {
      const c = ctx.capabilitiesById.get(capId);
      return `“${c?.name ?? capId}” counts up to maturity ${level} of ${c?.targetMaturity ?? '?'}`;
    });
    decisions = decide(
      { ...ctx, decisions },
      'waive',
      `${layerName(layer)}'s gate leaves out what nobody can build in this plan, so that it does not hold up the layers above: ${parts.join('; ')}.`,
    );
  }

  const own = [...pass.placed.keys()].filter((id) => ofCurrentLayer(ctx, id)).length;
  const ownBlocked = [...pass.blocked].filter(([id]) => ofCurrentLayer(ctx, id));
  const unstaffed = ownBlocked.filter(([, c]) => c.kind === 'unstaffed').length;
  const total = own + ownBlocked.length;
  const text =
    total === 0
      ? `${layerName(layer)}: no work to schedule${ctx.level > ctx.targetLevel ? ' (above the target)' : ''}; the layer holds nothing back${state.gate === null ? ', but a layer below never gets ready' : ''}.`
      : `${layerName(layer)}: scheduled ${own} of ${plural(total, 'item')}` +
        (ownBlocked.length ? ` (${ownBlocked.length} cannot be${unstaffed ? `, ${unstaffed} for want of people` : ''})` : '') +
        `; the layer reaches its gate ${state.gate === null ? 'not within the plan' : state.gate <= ctx.statusWeek ? 'already now' : `on ${dateLabel(cal, state.gate)}`}.`;
  return {
    placed: pass.placed,
    blocked: pass.blocked,
    droppedPins: pass.droppedPins,
    gates: state.gates,
    levelGates: state.levelGates,
    gated: state.gated,
    waived: state.waived,
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
