import { catalogRole } from '../domain/catalog/roles';
import { LAYERS, layerLevel, type LayerId } from '../domain/layers';
import { readinessOfLayer } from '../domain/readiness';
import type { Role } from '../domain/types';
import { quarterIndexOf, quarterLabelOfWeek, WEEKS_PER_QUARTER, weekOf } from './calendar';
import { capacitySteps, personChanges, UNITS_PER_FTE, type CapacityChange } from './capacity';
import type { HireDraft, PlannerContext } from './context';
import { collectItems, isActive, type PlanItem } from './items';
import { schedulePass, type Placed } from './pass';
import { Projection, type MaturityEvent } from './projection';
import { layerName, people, percent, quoteTitles, weekLabel } from './texts';
import type { PlanDecision, PlanInput, PlanWarning } from './types';

/** Schedules per layer pass; small, because a plan runs a few dozen passes and must feel instant. */
export const PLANNER_EFFORT = 24;
/** Hires the planner may add for one layer before it moves on. */
export const MAX_HIRES_PER_LAYER = 4;
const DEFAULT_RAMP_UP_WEEKS = 8;

export function rampUpOf(ctx: Pick<PlannerContext, 'scenario'>, roleId: string): number {
  return ctx.scenario.rampUpWeeks ?? catalogRole(roleId)?.rampUpWeeks ?? DEFAULT_RAMP_UP_WEEKS;
}

function decide(ctx: PlannerContext, kind: PlanDecision['kind'], text: string, layer: LayerId | null = LAYERS[ctx.level]?.id ?? null): PlanDecision[] {
  return [...ctx.decisions, { step: ctx.decisions.length + 1, layer, kind, text }];
}

export function hiringAllowed(ctx: Pick<PlannerContext, 'scenario'>): boolean {
  return ctx.scenario.hiringBudgetPerQuarter !== 0 && ctx.scenario.maxHiresPerQuarter > 0;
}

function roleName(ctx: PlannerContext, roleId: string): string {
  return ctx.rolesById.get(roleId)?.name ?? roleId;
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
  const horizonWeeks = scenario.horizonQuarters * WEEKS_PER_QUARTER;
  const targetWeek = scenario.targetDate ? Math.max(0, weekOf(scenario.startDate, scenario.targetDate)) : horizonWeeks;
  const items = collectItems(input.capabilities, input.roles, input.workItems, scenario);
  const base = { scenario } as const;
  const peopleChanges = input.people.flatMap((p) => personChanges(p, scenario, (roleId) => rampUpOf(base, roleId)));
  const projection = new Projection(input.capabilities, []);
  const proposals = items.filter((i) => i.source === 'proposal').length;
  const own = items.filter((i) => i.source === 'user' && isActive(i.status)).length;
  const ctx: PlannerContext = {
    input,
    scenario,
    horizonWeeks,
    targetWeek,
    targetLevel: layerLevel(scenario.targetLayer),
    effort: input.effort ?? PLANNER_EFFORT,
    rolesById: new Map(input.roles.map((r) => [r.id, r])),
    capabilitiesById: new Map(input.capabilities.map((c) => [c.id, c])),
    items,
    passOf: passLevels(items),
    peopleChanges,
    hires: [],
    level: 0,
    placed: new Map(),
    blocked: new Map(),
    droppedPins: new Map(),
    gates: new Map(),
    pass: null,
    passGate: null,
    candidate: null,
    hireAttempts: 0,
    rejectedRoles: new Set(),
    projection,
    warnings: [],
    decisions: [],
  };
  const text =
    `Assessed ${input.capabilities.length} capabilities, ${input.people.length} people and ${own} work items of yours; ` +
    `proposed ${proposals} items from the catalog's estimates for the capabilities below target. ` +
    `Target: ${layerName(scenario.targetLayer)} ready (gate ${percent(scenario.gateThreshold)}) by ${weekLabel(scenario.startDate, targetWeek)}.`;
  return { ...ctx, decisions: decide(ctx, 'assess', text, null) };
}

function allChanges(ctx: PlannerContext, extra: HireDraft | null): CapacityChange[] {
  const hires = extra ? [...ctx.hires, extra] : ctx.hires;
  return [...ctx.peopleChanges, ...hires.map((h) => ({ roleId: h.roleId, week: h.productiveWeek, units: UNITS_PER_FTE }))];
}

function roleIdsInPlay(ctx: PlannerContext): Set<string> {
  const ids = new Set(ctx.input.roles.map((r) => r.id));
  for (const item of ctx.items) for (const roleId of Object.keys(item.demand)) ids.add(roleId);
  return ids;
}

function projectionOf(ctx: PlannerContext, placed: ReadonlyMap<string, Placed>): Projection {
  const events: MaturityEvent[] = [];
  for (const item of ctx.items) {
    const p = placed.get(item.id);
    if (p && item.capabilityId && item.toMaturity !== null) events.push({ capabilityId: item.capabilityId, week: p.finish, maturity: item.toMaturity });
  }
  return new Projection(ctx.input.capabilities, events);
}

function currentLayer(ctx: PlannerContext): LayerId {
  const layer = LAYERS[ctx.level];
  if (!layer) throw new RangeError(`no layer at level ${ctx.level}`);
  return layer.id;
}

/** The gate of the layer below the current one: the earliest start of this layer's work. */
function floorOf(ctx: PlannerContext): number | null {
  if (ctx.level === 0) return 0;
  const below = LAYERS[ctx.level - 1];
  return below ? (ctx.gates.get(below.id) ?? null) : 0;
}

/** Schedules the current layer's items around the layers below, with the hire being tried if any. */
export function scheduleLayer(ctx: PlannerContext): Partial<PlannerContext> {
  const passItems = ctx.items.filter((i) => isActive(i.status) && ctx.passOf.get(i.id) === ctx.level);
  const capacity = capacitySteps(allChanges(ctx, ctx.candidate?.hire ?? null), roleIdsInPlay(ctx));
  const fixedItems = new Map(ctx.items.filter((i) => ctx.placed.has(i.id)).map((i) => [i.id, i]));
  const pass = schedulePass({
    items: passItems,
    fixed: ctx.placed,
    fixedItems,
    blockedBelow: new Set(ctx.blocked.keys()),
    finished: new Set(ctx.items.filter((i) => i.status === 'done').map((i) => i.id)),
    floor: floorOf(ctx),
    capacity,
    effort: ctx.effort,
    seed: 1 + ctx.level,
  });
  const placed = new Map([...ctx.placed, ...pass.placed]);
  const projection = projectionOf(ctx, placed);
  const passGate = projection.gateWeek(currentLayer(ctx), ctx.scenario.gateThreshold);
  return { pass, passGate, projection };
}

function deadlineOf(ctx: PlannerContext): number {
  return Math.round((ctx.targetWeek * (ctx.level + 1)) / (ctx.targetLevel + 1));
}

const later = (a: number | null, b: number | null) => (a ?? Number.POSITIVE_INFINITY) > (b ?? Number.POSITIVE_INFINITY);

/** How far the layer is from having people for all its work: roles missing, summed over items. */
function noCapacityBlocks(ctx: PlannerContext): number {
  let n = 0;
  for (const cause of ctx.pass?.blocked.values() ?? []) if (cause.kind === 'no-capacity') n += cause.missingRoles.length;
  return n;
}

/** Guard: the layer is late for the target (or has work nobody can do), and hiring could help. */
export function layerNeedsHire(ctx: PlannerContext): boolean {
  if (!ctx.pass || ctx.level > ctx.targetLevel || ctx.hireAttempts >= MAX_HIRES_PER_LAYER || !hiringAllowed(ctx)) return false;
  return noCapacityBlocks(ctx) > 0 || later(ctx.passGate, deadlineOf(ctx));
}

/** The role that holds this layer back most: nobody to do the work, or the most waiting on it. */
function bottlenecks(ctx: PlannerContext): Array<{ roleId: string; why: string }> {
  const pass = ctx.pass;
  if (!pass) return [];
  const layer = layerName(currentLayer(ctx));
  const out: Array<{ roleId: string; why: string }> = [];
  const titles = new Map(ctx.items.map((i) => [i.id, i.title]));
  const missing = new Map<string, { items: string[]; alone: number; needed: number; peak: number }>();
  for (const [id, cause] of pass.blocked) {
    if (cause.kind !== 'no-capacity') continue;
    for (const roleId of cause.missingRoles) {
      const entry = missing.get(roleId) ?? { items: [], alone: 0, needed: cause.needed, peak: cause.peak };
      entry.items.push(titles.get(id) ?? id);
      if (cause.missingRoles.length === 1) entry.alone += 1;
      if (roleId === cause.roleId) entry.needed = Math.max(entry.needed, cause.needed);
      missing.set(roleId, entry);
    }
  }
  // A role that alone unblocks work first, then the role most items lack.
  const ranked = [...missing.entries()].sort((a, b) => b[1].alone - a[1].alone || b[1].items.length - a[1].items.length);
  for (const [roleId, m] of ranked) {
    out.push({
      roleId,
      why: `${quoteTitles(m.items)} ${m.items.length === 1 ? 'needs' : 'need'} ${people(m.needed)} as ${roleName(ctx, roleId)} at once, and the team has at most ${people(m.peak)}`,
    });
  }
  const waiting = new Map<string, { weight: number; items: string[] }>();
  for (const [id, p] of pass.placed) {
    if (p.reason.kind !== 'resource' && p.reason.kind !== 'capacity') continue;
    const entry = waiting.get(p.reason.resourceId) ?? { weight: 0, items: [] };
    entry.weight += p.start - p.floor;
    entry.items.push(titles.get(id) ?? id);
    waiting.set(p.reason.resourceId, entry);
  }
  for (const [roleId, w] of [...waiting.entries()].sort((a, b) => b[1].weight - a[1].weight)) {
    if (missing.has(roleId)) continue;
    out.push({
      roleId,
      why: `${layer} work waits ${w.weight} item-weeks in all for ${roleName(ctx, roleId)} capacity (${quoteTitles(w.items)})`,
    });
  }
  return out;
}

interface Slot {
  readonly hire: HireDraft;
}

/** The earliest start that the role's prerequisites, the hiring limits and the horizon allow. */
function findSlot(ctx: PlannerContext, role: Role): Slot | string {
  const ramp = rampUpOf(ctx, role.id);
  const lead = ctx.scenario.leadTimeWeeks;
  const ready = ctx.projection.prerequisitesReadyWeek(role);
  if (ready === null) {
    const unmet = ctx.projection.prerequisitesAt(role, Number.POSITIVE_INFINITY).unmet.map((u) => u.text);
    return `its prerequisites are not in place within this plan (${unmet.join('; ')})`;
  }
  const salary = ctx.scenario.salaries[role.id] ?? null;
  const budget = ctx.scenario.hiringBudgetPerQuarter;
  let start = Math.max(lead, ready - ramp);
  const limits: string[] = [];
  while (start < ctx.horizonWeeks) {
    const q = quarterIndexOf(start);
    const inQuarter = ctx.hires.filter((h) => quarterIndexOf(h.startWeek) === q);
    const spent = inQuarter.reduce((sum, h) => sum + (h.annualSalary ?? 0), 0);
    const label = quarterLabelOfWeek(ctx.scenario.startDate, start);
    if (inQuarter.length >= ctx.scenario.maxHiresPerQuarter) {
      limits.push(`${label} already has ${inQuarter.length} hire(s), the most per quarter`);
    } else if (budget !== null && spent + (salary ?? 0) > budget) {
      limits.push(`${label}'s hiring budget (${budget}) would be exceeded (${spent + (salary ?? 0)})`);
    } else {
      const requisitionWeek = start - lead;
      return {
        hire: {
          id: `hire:${ctx.hires.length + 1}`,
          roleId: role.id,
          requisitionWeek,
          startWeek: start,
          productiveWeek: start + ramp,
          layer: currentLayer(ctx),
          annualSalary: salary,
          reason: '',
          prerequisitesReadyWeek: ready,
        },
      };
    }
    start = (q + 1) * WEEKS_PER_QUARTER;
  }
  return limits.length ? `no quarter within the horizon allows it: ${limits.slice(0, 2).join('; ')}` : 'no start within the horizon remains after the lead time';
}

/** Picks the hire to try for the current layer; records why when there is none. */
export function proposeHire(ctx: PlannerContext): Partial<PlannerContext> {
  const layer = currentLayer(ctx);
  const reasons: string[] = [];
  for (const { roleId, why } of bottlenecks(ctx)) {
    if (ctx.rejectedRoles.has(roleId)) continue;
    const role = ctx.rolesById.get(roleId);
    if (!role) {
      reasons.push(`${roleId} is not a role of this workspace`);
      continue;
    }
    const slot = findSlot(ctx, role);
    if (typeof slot === 'string') {
      reasons.push(`not hiring a ${role.name}: ${slot}`);
      continue;
    }
    return {
      candidate: { hire: slot.hire, before: ctx.passGate, beforeBlocked: noCapacityBlocks(ctx), why },
    };
  }
  const text = reasons.length
    ? `${layerName(layer)} is late for the target, but no hire is possible: ${reasons.join('; ')}.`
    : `${layerName(layer)} is late for the target, but no role's capacity holds it back: its items wait on predecessors, releases or the gate below.`;
  const warnings: readonly PlanWarning[] = reasons.length
    ? [...ctx.warnings, { code: 'hiring-limited', message: text, layer }]
    : ctx.warnings;
  return { decisions: decide(ctx, 'no-hire', text), warnings };
}

/** Guard: the tried hire brings the layer's gate forward or lets blocked work be scheduled. */
export function hireHelped(ctx: PlannerContext): boolean {
  const c = ctx.candidate;
  if (!c) return false;
  return later(c.before, ctx.passGate) || noCapacityBlocks(ctx) < c.beforeBlocked;
}

export function acceptHire(ctx: PlannerContext): Partial<PlannerContext> {
  const c = ctx.candidate;
  if (!c) return {};
  const h = c.hire;
  const start = ctx.scenario.startDate;
  const role = roleName(ctx, h.roleId);
  const gateText = (w: number | null) => (w === null ? 'not within the plan' : weekLabel(start, w));
  const prereq = ctx.rolesById.get(h.roleId)?.prerequisites.length
    ? ` Its prerequisites are in place by ${weekLabel(start, h.prerequisitesReadyWeek ?? 0)}, before it is productive.`
    : '';
  const effect = later(c.before, ctx.passGate)
    ? `brings ${layerName(h.layer)} to its gate in ${gateText(ctx.passGate)} instead of ${gateText(c.before)}`
    : `brings people for work that could not be scheduled without the role (${layerName(h.layer)} reaches its gate ${ctx.passGate === null ? 'once the other roles it lacks are in place' : `in ${gateText(ctx.passGate)}`})`;
  const reason =
    `${c.why}. Opening the requisition in ${weekLabel(start, h.requisitionWeek)} for a start in ${weekLabel(start, h.startWeek)} ` +
    `(productive from week ${h.productiveWeek}) ${effect}.${prereq}`;
  const hire = { ...h, reason };
  return {
    hires: [...ctx.hires, hire],
    hireAttempts: ctx.hireAttempts + 1,
    candidate: null,
    decisions: decide(ctx, 'hire', `Hire: ${role}. ${reason}`),
  };
}

export function revertHire(ctx: PlannerContext): Partial<PlannerContext> {
  const c = ctx.candidate;
  if (!c) return {};
  const role = roleName(ctx, c.hire.roleId);
  const text = `Hiring a ${role.toLowerCase()} to start in ${weekLabel(ctx.scenario.startDate, c.hire.startWeek)} would not bring ${layerName(c.hire.layer)} forward (its gate stays ${c.before === null ? 'out of reach' : `at week ${c.before}`}), so none is proposed.`;
  return { candidate: null, rejectedRoles: new Set([...ctx.rejectedRoles, c.hire.roleId]), decisions: decide(ctx, 'no-hire', text) };
}

/** Keeps the current layer's schedule and moves the gate on. */
export function commitLayer(ctx: PlannerContext): Partial<PlannerContext> {
  const pass = ctx.pass;
  const layer = currentLayer(ctx);
  if (!pass) return {};
  const start = ctx.scenario.startDate;
  const placed = new Map([...ctx.placed, ...pass.placed]);
  const blocked = new Map([...ctx.blocked, ...pass.blocked]);
  const droppedPins = new Map([...ctx.droppedPins, ...pass.droppedPins]);
  const gates = new Map(ctx.gates).set(layer, ctx.passGate);
  const warnings = [...ctx.warnings];
  const floor = floorOf(ctx);
  const byId = new Map(ctx.items.map((i) => [i.id, i]));

  for (const [id, p] of pass.placed) {
    const item = byId.get(id);
    if (item?.pin !== null && item?.pin !== undefined && !pass.droppedPins.has(id) && ctx.level > 0 && (floor === null || p.start < floor)) {
      const below = LAYERS[ctx.level - 1]?.id ?? layer;
      warnings.push({
        code: 'pinned-before-gate',
        message: `“${item.title}” is pinned to ${weekLabel(start, p.start)}, before ${layerName(below)} reaches its gate (${
          floor === null ? 'not within the plan' : weekLabel(start, floor)
        }): its foundations may not be ready.`,
        itemId: id,
        layer,
        week: floor,
      });
    }
  }
  for (const [id, message] of pass.droppedPins) {
    warnings.push({ code: 'constraint-conflict', message: `The pin of “${byId.get(id)?.title ?? id}” cannot be kept, so it is scheduled freely: ${message}`, itemId: id, layer });
  }
  const passItems = pass.placed.size + pass.blocked.size;
  const layerState = readinessOfLayer(ctx.projection.at(0).readiness, layer).readiness;
  if (ctx.passGate === null && layerState !== null) {
    warnings.push({
      code: 'gate-unreachable',
      message: `${layerName(layer)} does not reach its gate (${percent(ctx.scenario.gateThreshold)}) in this plan, so the work of the layers above cannot start.`,
      layer,
      week: null,
    });
  }
  const text =
    `${layerName(layer)}: scheduled ${pass.placed.size} of ${passItems} item(s)` +
    (pass.blocked.size ? ` (${pass.blocked.size} cannot be scheduled)` : '') +
    `; the layer reaches its gate ${ctx.passGate === null ? 'not within the plan' : ctx.passGate === 0 ? 'already now' : `in ${weekLabel(start, ctx.passGate)}`}.`;
  return { placed, blocked, droppedPins, gates, warnings, pass: null, decisions: decide(ctx, 'gate', text) };
}

export function isTopLayer(ctx: PlannerContext): boolean {
  return ctx.level >= LAYERS.length - 1;
}

export function nextLayer(ctx: PlannerContext): Partial<PlannerContext> {
  return { level: ctx.level + 1, hireAttempts: 0, rejectedRoles: new Set(), candidate: null, passGate: null };
}

/** Existing requisitions through the luxury-hire guard; the target; the horizon. */
export function review(ctx: PlannerContext): Partial<PlannerContext> {
  const start = ctx.scenario.startDate;
  const warnings = [...ctx.warnings];
  const projection = projectionOf(ctx, ctx.placed);
  for (const person of ctx.input.people) {
    if (person.status === 'on_staff') continue;
    const role = ctx.rolesById.get(person.roleId);
    if (!role?.needsFoundations) continue;
    const startWeek = person.startDate ? Math.max(0, weekOf(start, person.startDate)) : ctx.scenario.leadTimeWeeks;
    const productive = startWeek + rampUpOf(ctx, role.id);
    const check = projection.prerequisitesAt(role, productive);
    if (check.met) continue;
    const ready = projection.prerequisitesReadyWeek(role);
    warnings.push({
      code: 'luxury-hire-early',
      message:
        `${person.name} (${role.name}, ${person.status === 'open_req' ? 'open requisition' : 'planned hire'}) starts in ${weekLabel(start, startWeek)} ` +
        `and would be productive from week ${productive}, but the foundations are not ready then: ${check.unmet.map((u) => u.text).join('; ')}. ` +
        (ready === null ? 'They are not ready within this plan.' : `They will be ready in ${weekLabel(start, ready)}.`),
      personId: person.id,
      roleId: role.id,
      week: ready,
    });
  }
  const targetGate = ctx.gates.get(ctx.scenario.targetLayer) ?? null;
  if (later(targetGate, ctx.targetWeek)) {
    warnings.push({
      code: 'target-missed',
      message: `${layerName(ctx.scenario.targetLayer)} reaches its gate ${targetGate === null ? 'not within the plan' : `in ${weekLabel(start, targetGate)}`}, after the target ${weekLabel(start, ctx.targetWeek)}.`,
      layer: ctx.scenario.targetLayer,
      week: targetGate,
    });
  }
  for (const item of ctx.items) {
    const p = ctx.placed.get(item.id);
    if (p && p.finish > ctx.horizonWeeks) {
      warnings.push({
        code: 'beyond-horizon',
        message: `“${item.title}” finishes in ${weekLabel(start, p.finish)}, after the plan's horizon (${ctx.scenario.horizonQuarters} quarters).`,
        itemId: item.id,
        week: p.finish,
      });
    }
  }
  for (const [id, cause] of ctx.blocked) {
    if (cause.kind !== 'no-capacity') continue;
    const item = ctx.items.find((i) => i.id === id);
    warnings.push({
      code: 'no-capacity',
      message: `“${item?.title ?? id}” needs ${people(cause.needed)} as ${roleName(ctx, cause.roleId)} at once; the team has at most ${people(cause.peak)}${
        hiringAllowed(ctx) ? ' and no hire could be placed in time' : ' and this scenario allows no hiring'
      }.`,
      itemId: id,
      roleId: cause.roleId,
    });
  }
  const text = `Reviewed ${ctx.input.people.filter((p) => p.status !== 'on_staff').length} open requisition(s) and planned hire(s) against their roles' prerequisites; ${warnings.length} warning(s) in all.`;
  return { warnings, projection, decisions: decide(ctx, 'review', text, null) };
}
