import type { Quarter } from '../domain/calendar';
import { budgetCounted, withinHiringBudget } from '../domain/cost';
import type { Person, Role } from '../domain/types';
import { capacitySteps, expectedStartWeek, unitsAt, UNITS_PER_FTE } from './capacity';
import type { Candidate, HireDraft, PlannerContext, Trial } from './context';
import { isActive } from './items';
import {
  aRole,
  clockOf,
  currentLayer,
  deadlineOf,
  decide,
  gateBelow,
  hireChange,
  isLater,
  ofCurrentLayer,
  rampUpOf,
  roleName,
  scheduleLayerState,
  teamChangesOf,
  unstaffedShares,
} from './layers';
import type { Projection } from './projection';
import { foundationsWeek } from './foundations';
import { focusWeeks } from './staffing';
import { dateLabel, formatNumber, layerName, listing, plural, quoteTitles, roleNoun } from './texts';
import type { PlanAsk, PlanWarning } from './types';
import { warning } from './warnings';

/** Hires the planner may add for one layer before it moves on. */
export const MAX_HIRES_PER_LAYER = 4;
/**
 * A requisition or planned hire of a leaver's role that starts this many weeks before the leaving
 * date, up to the other many after, is taken as the leaver's backfill.
 */
export const BACKFILL_WINDOW_BEFORE_WEEKS = 13;
export const BACKFILL_WINDOW_AFTER_WEEKS = 26;
/** Below this many weeks of work for a role in the plan, a permanent hire is not worth it: borrow or contract instead. */
export const MIN_HIRE_WORK_WEEKS = 6;
/** A hire that only moves the layer's gate by less than this (and staffs nothing blocked) is not worth a salary. */
export const MIN_GATE_GAIN_WEEKS = 4;
/** Candidate roles scheduled into a layer before choosing among them. */
export const CANDIDATES_TRIED = 3;
/** Asks of up to a quarter are loans from other teams; longer ones are for contractors. */
export const BORROW_MAX_WEEKS = 13;

/** Whether work of `weeks` (one person's) is borrowed from another team or contracted. */
export function askKind(weeks: number): 'borrow' | 'contract' {
  return weeks <= BORROW_MAX_WEEKS ? 'borrow' : 'contract';
}

export function hiringAllowed(ctx: Pick<PlannerContext, 'scenario'>): boolean {
  return ctx.scenario.hiringBudgetPerQuarter !== 0 && ctx.scenario.maxHiresPerQuarter > 0;
}

/** Someone on the headcount not yet on staff, as the hiring limits count them. */
interface Start {
  readonly roleId: string;
  readonly startWeek: number;
  readonly startDate: string;
  readonly annualSalary: number | null;
}

function existingStarts(ctx: PlannerContext): Start[] {
  const clock = clockOf(ctx);
  const extra = new Set(ctx.input.beyondLimits ?? []);
  return ctx.input.people
    .filter((p) => p.status !== 'on_staff' && !extra.has(p.id))
    .map((p) => {
      const startWeek = expectedStartWeek(p, clock);
      return { roleId: p.roleId, startWeek, startDate: startDateOf(ctx, p, startWeek), annualSalary: ctx.scenario.salaries[p.roleId] ?? null };
    });
}

/** A headcount start date as entered when it is still ahead; else the week the plan expects them. */
export function startDateOf(ctx: PlannerContext, person: Person, startWeek: number): string {
  return person.startDate !== null && person.startDate >= ctx.asOf ? person.startDate : ctx.calendar.dateOfWeek(startWeek);
}

export type Slot = { readonly ok: true; readonly hire: HireDraft } | { readonly ok: false; readonly reason: string };

/**
 * The earliest start the role's foundations, the lead time, the hiring limits (counting open
 * requisitions and planned hires too) and the horizon allow, from `notBefore` on.
 */
export function findSlot(ctx: PlannerContext, role: Role, projection: Projection, notBefore: number, kind: HireDraft['kind'], backfillFor: string | null): Slot {
  const ramp = rampUpOf(ctx, role.id);
  const lead = ctx.scenario.leadTimeWeeks;
  const ready = foundationsWeek(projection, role, ctx.capabilitiesById);
  if (ready === null) {
    const unmet = projection.prerequisitesAt(role, Number.POSITIVE_INFINITY).unmet.map((u) => u.text);
    return { ok: false, reason: `its foundations are not in place within this plan (${unmet.join('; ')})` };
  }
  const salary = ctx.scenario.salaries[role.id] ?? null;
  const budget = ctx.scenario.hiringBudgetPerQuarter;
  const starts: Start[] = [
    ...existingStarts(ctx),
    ...ctx.hires.map((h) => ({ roleId: h.roleId, startWeek: h.startWeek, startDate: ctx.calendar.dateOfWeek(h.startWeek), annualSalary: h.annualSalary })),
  ];
  let start = Math.max(ctx.statusWeek + lead, ready - ramp, notBefore);
  const limits: string[] = [];
  while (start < ctx.horizonWeeks) {
    const q: Quarter & { endWeek: number } = ctx.calendar.quarters[ctx.calendar.quarterIndexOfWeek(start)] ?? { ...ctx.calendar.quarterOfWeek(start), endWeek: ctx.horizonWeeks };
    const inQuarter = starts.filter((s) => s.startDate >= q.firstDay && s.startDate <= q.lastDay);
    const counted = budgetCounted(inQuarter, q);
    if (inQuarter.length >= ctx.scenario.maxHiresPerQuarter) {
      limits.push(`${q.label} already has ${plural(inQuarter.length, 'start')} (open requisitions and planned hires included), the most per quarter`);
    } else if (!withinHiringBudget(counted, salary, budget)) {
      limits.push(`${q.label}'s hiring budget (${formatNumber(budget ?? 0)}) would be exceeded (${formatNumber(counted + (salary ?? 0))})`);
    } else {
      return {
        ok: true,
        hire: {
          id: `hire:${ctx.hires.length + 1}`,
          roleId: role.id,
          kind,
          backfillFor,
          requisitionWeek: start - lead,
          startWeek: start,
          productiveWeek: start + ramp,
          layer: currentLayer(ctx),
          annualSalary: salary,
          prerequisitesReadyWeek: ready,
          why: '',
          gateBefore: null,
          gateAfter: null,
          unblocked: 0,
        },
      };
    }
    start = Math.max(start + 1, q.endWeek);
  }
  return {
    ok: false,
    reason: limits.length ? `no quarter of the horizon allows it: ${limits.slice(0, 2).join('; ')}` : 'no start within the horizon remains after the lead time',
  };
}

/**
 * Person-weeks of a role's work (with the run-work share) the plan has from `from` on: the part
 * after it of the needed items placed so far (this layer's pass included), and all of the needed
 * items not placed. What a permanent hire would have to do; the hire's reason quotes the same count.
 */
export function roleWorkAfter(ctx: PlannerContext, roleId: string, from: number): { weeks: number; titles: string[] } {
  const placed = ctx.current ? new Map([...ctx.placed, ...ctx.current.pass.placed]) : ctx.placed;
  let sum = 0;
  const titles: string[] = [];
  for (const item of ctx.items) {
    const n = item.demand[roleId] ?? 0;
    if (n <= 0 || !item.needed || !isActive(item.status)) continue;
    const full = n * focusWeeks(item.durationWeeks, ctx.scenario.runShare);
    const p = placed.get(item.id);
    const part = !p ? full : p.finish > from ? (full * (p.finish - Math.max(p.start, from))) / Math.max(1, p.finish - p.start) : 0;
    if (part > 0) {
      sum += part;
      titles.push(item.title);
    }
  }
  return { weeks: Math.round(sum * 10) / 10, titles };
}

/**
 * Weeks (of one person's time) that a hire, requisition or planned joiner is busy in the scheduled
 * plan, from `from` on. The role's load by the placed items is handed out to its people in the
 * order they arrive (staff first, then joiners and hires by the week they count from): a person is
 * busy with what the people before them cannot absorb, at most their own share. So the latest of
 * several hires of a role is the one whose work is thin, and it is judged on what is left for it.
 * `ref` is the capacity change's ref (a hire's id, a person's id).
 */
export function busyWeeksOf(ctx: PlannerContext, roleId: string, ref: string, from: number): number {
  const changes = [...ctx.teamChanges, ...ctx.hires.map(hireChange)].filter((c) => c.roleId === roleId);
  const arrival = new Map<string, number>();
  changes.forEach((c, i) => {
    if (c.units > 0 && !arrival.has(c.ref)) arrival.set(c.ref, c.week * 10_000 + i);
  });
  const mine = arrival.get(ref);
  if (mine === undefined) return 0;
  const ahead = capacitySteps(changes.filter((c) => (arrival.get(c.ref) ?? Number.POSITIVE_INFINITY) < mine), [roleId]).get(roleId) ?? [];
  const own = capacitySteps(changes.filter((c) => c.ref === ref), [roleId]).get(roleId) ?? [];
  const load = new Map<number, number>();
  for (const p of ctx.placed.values()) {
    const u = p.staffing.units[roleId] ?? 0;
    if (u <= 0) continue;
    for (let w = Math.max(p.start, from); w < p.finish; w++) load.set(w, (load.get(w) ?? 0) + u);
  }
  let used = 0;
  for (const [w, units] of load) used += Math.min(Math.max(0, unitsAt(own, w)), Math.max(0, units - unitsAt(ahead, w)));
  return Math.round((used / UNITS_PER_FTE) * 10) / 10;
}

export function workWeeksFor(ctx: PlannerContext, roleId: string, from: number): number {
  return roleWorkAfter(ctx, roleId, from).weeks;
}

/** Guard of `scheduling`: the layer has needed work nobody can staff, or is late for the target, and may still get a hire. */
export function layerNeedsHelp(ctx: PlannerContext): boolean {
  const state = ctx.current;
  if (!state || ctx.level > ctx.targetLevel || ctx.acceptedHires >= MAX_HIRES_PER_LAYER || ctx.noHireRecorded) return false;
  return unstaffedShares(ctx, state.pass) > 0 || isLater(state.gate, deadlineOf(ctx));
}

interface RoleStats {
  blockedWeeks: number;
  waitingWeeks: number;
  /** Earliest week the role's shortfall shows (for backfills). */
  firstWeek: number;
  /** Latest week it shows. */
  lastWeek: number;
  blockedItems: string[];
  waitingItems: string[];
}

/** Per role, how much of the layer's needed work waits for it: unstaffed, queued, or done slowly by stand-ins. */
function shortfalls(ctx: PlannerContext): Map<string, RoleStats> {
  const stats = new Map<string, RoleStats>();
  const state = ctx.current;
  if (!state) return stats;
  const at = (roleId: string, week: number): RoleStats => {
    const s = stats.get(roleId) ?? { blockedWeeks: 0, waitingWeeks: 0, firstWeek: week, lastWeek: week, blockedItems: [], waitingItems: [] };
    s.firstWeek = Math.min(s.firstWeek, week);
    s.lastWeek = Math.max(s.lastWeek, week);
    stats.set(roleId, s);
    return s;
  };
  for (const [id, cause] of state.pass.blocked) {
    const item = ctx.itemsById.get(id);
    if (!item?.needed || cause.kind !== 'unstaffed' || !ofCurrentLayer(ctx, id)) continue;
    for (const share of cause.shares) {
      const s = at(share.roleId, Math.max(ctx.statusWeek, gateOrZero(ctx)));
      s.blockedWeeks += share.people * focusWeeks(share.weeks, ctx.scenario.runShare);
      s.blockedItems.push(item.title);
    }
  }
  for (const [id, p] of state.pass.placed) {
    const item = ctx.itemsById.get(id);
    if (!item?.needed || !ofCurrentLayer(ctx, id)) continue;
    const reason = p.reason;
    if ((reason.kind === 'resource' || reason.kind === 'capacity') && p.start > p.floor) {
      for (const a of p.staffing.assignments) {
        if (a.roleId !== reason.resourceId) continue;
        const s = at(a.forRoleId, p.floor);
        s.waitingWeeks += p.start - p.floor;
        s.waitingItems.push(item.title);
      }
    }
    const full = Math.ceil(focusWeeks(item.durationWeeks, ctx.scenario.runShare) - 1e-9);
    for (const a of p.staffing.assignments) {
      const stretched = a.roleId !== a.forRoleId || a.people + 1e-9 < (item.demand[a.forRoleId] ?? 0);
      if (!stretched || p.staffing.weeks <= full) continue;
      const s = at(a.forRoleId, p.start);
      s.waitingWeeks += p.staffing.weeks - full;
      if (!s.waitingItems.includes(item.title)) s.waitingItems.push(item.title);
    }
  }
  return stats;
}

function gateOrZero(ctx: PlannerContext): number {
  return gateBelow(ctx) ?? 0;
}

function whyOf(ctx: PlannerContext, roleId: string, s: RoleStats): string {
  const parts: string[] = [];
  if (s.blockedItems.length) {
    parts.push(`${quoteTitles(unique(s.blockedItems))} ${unique(s.blockedItems).length === 1 ? 'needs' : 'need'} ${aRole(ctx, roleId)} and nobody in the team can do that work`);
  }
  if (s.waitingItems.length) {
    parts.push(`${layerName(currentLayer(ctx))} work waits or runs long ${plural(Math.round(s.waitingWeeks), 'week')} in all for want of ${roleNoun(roleName(ctx, roleId))}s (${quoteTitles(unique(s.waitingItems))})`);
  }
  return parts.join('; ');
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** A leaver of the role whose departure comes before the role's shortfall shows, not yet backfilled. */
function leaverBefore(ctx: PlannerContext, roleId: string, week: number): Person | null {
  let found: Person | null = null;
  for (const p of ctx.input.people) {
    if (p.roleId !== roleId || p.endDate === null || ctx.hires.some((h) => h.backfillFor === p.id)) continue;
    const drop = ctx.calendar.weekOf(p.endDate) + 1;
    if (drop < ctx.statusWeek || drop > week) continue;
    if (!found || (found.endDate ?? '') > p.endDate) found = p;
  }
  return found;
}

function askOf(ctx: PlannerContext, roleId: string, weeks: number, people: number, itemIds: readonly string[], reason: string, because: string): PlanAsk {
  const kind = askKind(weeks);
  const who = people === 1 ? aRole(ctx, roleId) : `${formatNumber(people)} ${roleNoun(roleName(ctx, roleId))}s`;
  const text = `${kind === 'borrow' ? 'Borrow' : 'Contract'} ${who} for ${plural(Math.ceil(weeks - 1e-9), 'week')}${kind === 'borrow' ? ' (from another team, or a contractor)' : ''}: ${because}.`;
  return { id: `ask:${ctx.asks.length + 1}`, kind, roleId, roleName: roleName(ctx, roleId), people, weeks: Math.ceil(weeks - 1e-9), itemIds, layer: currentLayer(ctx), text, reason };
}

/**
 * Entry of `hiring`: the roles the layer's needed work waits for, ranked by the weeks of work
 * waiting on them (nobody to do it, queued for the role, done slowly by stand-ins). A role with too
 * little work in the plan for a permanent hire becomes a borrow/contract ask; one no quarter allows
 * is reported. Up to CANDIDATES_TRIED are kept to be scheduled in.
 */
export function proposeCandidates(ctx: PlannerContext): Partial<PlannerContext> {
  const state = ctx.current;
  if (!state) return { candidates: [] };
  const layer = currentLayer(ctx);
  const order = new Map(ctx.input.roles.map((r, i) => [r.id, i]));
  const stats = [...shortfalls(ctx)]
    .map(([roleId, s]) => ({ roleId, s, score: s.blockedWeeks + s.waitingWeeks, work: workWeeksFor(ctx, roleId, ctx.statusWeek) }))
    .filter((x) => x.score > 0 && ctx.rolesById.has(x.roleId))
    .sort((a, b) => b.score - a.score || b.work - a.work || (order.get(a.roleId) ?? 0) - (order.get(b.roleId) ?? 0));
  const reasons: string[] = [];
  const asks: PlanAsk[] = [...ctx.asks];
  const candidates: Candidate[] = [];
  let limited = !hiringAllowed(ctx);
  if (limited) reasons.push(ctx.scenario.maxHiresPerQuarter === 0 ? 'this scenario allows no hires (at most 0 a quarter)' : 'this scenario allows no hiring (budget 0)');
  for (const { roleId, s } of hiringAllowed(ctx) ? stats : []) {
    if (candidates.length >= CANDIDATES_TRIED) break;
    const role = ctx.rolesById.get(roleId)!;
    // A backfill when the shortfall only shows once someone of the role has left.
    const leaver = leaverBefore(ctx, roleId, s.firstWeek);
    // Productive when the waiting work can start, not a year before it.
    const slot = findSlot(ctx, role, state.projection, Math.max(0, s.firstWeek - rampUpOf(ctx, roleId)), leaver ? 'backfill' : 'new', leaver?.id ?? null);
    if (!slot.ok) {
      reasons.push(`not ${aRole(ctx, roleId)}: ${slot.reason}`);
      if (!slot.reason.startsWith('its foundations')) limited = true;
      continue;
    }
    const work = workWeeksFor(ctx, roleId, slot.hire.productiveWeek);
    if (work < MIN_HIRE_WORK_WEEKS) {
      // Blocked work gets its ask when the layer is committed; here the work gets done, only slowly.
      if (s.blockedWeeks === 0 && s.waitingWeeks >= 1 && !asks.some((a) => a.roleId === roleId && a.layer === layer)) {
        asks.push(
          askOf(
            ctx,
            roleId,
            Math.max(1, s.waitingWeeks),
            1,
            [],
            `${whyOf(ctx, roleId, s)}. The plan has ${plural(work, 'week')} of ${roleNoun(role.name)} work from a hire's first productive day (${ctx.calendar.dateOfWeek(slot.hire.productiveWeek)}) on, fewer than the ${MIN_HIRE_WORK_WEEKS} that make a permanent hire worth it.`,
            `${layerName(layer)} work waits for one, and there is too little of it for a permanent hire`,
          ),
        );
      }
      reasons.push(`not ${aRole(ctx, roleId)}: only ${plural(work, 'week')} of its work in the plan from ${ctx.calendar.dateOfWeek(slot.hire.productiveWeek)} on (a permanent hire needs ${MIN_HIRE_WORK_WEEKS})`);
      continue;
    }
    candidates.push({ roleId, blockedWeeks: s.blockedWeeks, waitingWeeks: s.waitingWeeks, why: whyOf(ctx, roleId, s), hire: { ...slot.hire, why: whyOf(ctx, roleId, s) } });
  }
  if (candidates.length > 0) return { candidates, trials: [], asks };
  const late = isLater(state.gate, deadlineOf(ctx));
  const what = late ? `is late for the target (its share of the way ends ${dateLabel(ctx.calendar, deadlineOf(ctx))})` : 'has work nobody can staff';
  const text = reasons.length
    ? `${layerName(layer)} ${what}, but gets no hire: ${reasons.join('; ')}.`
    : `${layerName(layer)} ${what}, but no role's capacity holds it back: its items wait on predecessors, releases or the gate below.`;
  const warnings: PlanWarning[] = [...ctx.warnings];
  if (limited && stats.length > 0) {
    const top = stats[0]!;
    warnings.push(
      warning('hiring-limited', {
        summary: `${layerName(layer)} needs ${aRole(ctx, top.roleId)} the scenario does not allow.`,
        action: hiringAllowed(ctx)
          ? `Raise the hiring limit or budget of the quarters named, or accept the later date.`
          : `Allow hiring in this scenario, or borrow people for the work (see the asks).`,
        message: text,
        layer,
        roleId: top.roleId,
      }),
    );
  }
  return { candidates: [], trials: [], asks, warnings, noHireRecorded: true, decisions: decide(ctx, 'no-hire', text) };
}

/** Entry of `tryingHire`: schedules the layer with the next candidate hire and keeps the outcome. */
export function tryCandidate(ctx: PlannerContext): Partial<PlannerContext> {
  const [candidate, ...rest] = ctx.candidates;
  if (!candidate) return {};
  const state = scheduleLayerState(ctx, candidate.hire);
  const trial: Trial = { candidate, pass: state.pass, gate: state.gate, unstaffedShares: unstaffedShares(ctx, state.pass) };
  return { candidates: rest, trials: [...ctx.trials, trial] };
}

/** How much a trial helps: shares of work it lets be staffed, then weeks the layer's gate moves earlier. */
function gainOf(ctx: PlannerContext, trial: Trial): { unblocked: number; weeks: number } {
  const state = ctx.current;
  const before = state ? unstaffedShares(ctx, state.pass) : 0;
  const gateBefore = state?.gate ?? null;
  const far = ctx.horizonWeeks * 4;
  return { unblocked: before - trial.unstaffedShares, weeks: (gateBefore ?? far) - (trial.gate ?? far) };
}

/** The trial that helps most (null when none does). */
export function bestTrial(ctx: PlannerContext): Trial | null {
  let best: Trial | null = null;
  let bestGain = { unblocked: 0, weeks: 0 };
  for (const t of ctx.trials) {
    const g = gainOf(ctx, t);
    // Worth a salary: it staffs blocked work, moves the gate a month or more, or makes the layer's deadline.
    const makesDeadline = g.weeks > 0 && !isLater(t.gate, deadlineOf(ctx));
    if (g.unblocked <= 0 && g.weeks < MIN_GATE_GAIN_WEEKS && !makesDeadline) continue;
    if (!best || g.unblocked > bestGain.unblocked || (g.unblocked === bestGain.unblocked && g.weeks > bestGain.weeks)) {
      best = t;
      bestGain = g;
    }
  }
  return best;
}

/** Guard of `choosing`: a tried hire lets blocked work be staffed or brings the layer's gate at least MIN_GATE_GAIN_WEEKS earlier. */
export function trialHelped(ctx: PlannerContext): boolean {
  return bestTrial(ctx) !== null;
}

export function acceptHire(ctx: PlannerContext): Partial<PlannerContext> {
  const trial = bestTrial(ctx);
  if (!trial || !ctx.current) return {};
  const gain = gainOf(ctx, trial);
  const hire: HireDraft = { ...trial.candidate.hire, gateBefore: ctx.current.gate, gateAfter: trial.gate, unblocked: Math.max(0, gain.unblocked) };
  const cal = ctx.calendar;
  const gate = (w: number | null) => (w === null ? 'not within the plan' : cal.dateOfWeek(w));
  const others = ctx.trials.filter((t) => t !== trial).map((t) => `${aRole(ctx, t.candidate.roleId)} (gate ${gate(t.gate)})`);
  const leaver = hire.backfillFor ? ctx.input.people.find((p) => p.id === hire.backfillFor) : undefined;
  const text =
    `${leaver ? `Backfill for ${leaver.name} (leaves ${leaver.endDate}): ` : 'Hire '}${aRole(ctx, hire.roleId)}, starting ${dateLabel(cal, hire.startWeek)}: ${hire.why}. ` +
    hireEffect(cal, hire) +
    (others.length ? `; also tried: ${listing(others)}` : '') +
    '.';
  return {
    hires: [...ctx.hires, hire],
    acceptedHires: ctx.acceptedHires + 1,
    candidates: [],
    trials: [],
    decisions: decide(ctx, hire.kind === 'backfill' ? 'backfill' : 'hire', text),
  };
}

/** What a hire did to its layer when it was weighed, in words: the same sentence in the decision and in the hire's reason. */
export function hireEffect(cal: PlannerContext['calendar'], hire: Pick<HireDraft, 'layer' | 'gateBefore' | 'gateAfter' | 'unblocked'>): string {
  const gate = (w: number | null) => (w === null ? 'not within the plan' : cal.dateOfWeek(w));
  const layer = layerName(hire.layer);
  if (hire.unblocked > 0) {
    return (
      `With the hire, ${plural(hire.unblocked, 'share')} of ${layer} work nobody could do ${hire.unblocked === 1 ? 'gets' : 'get'} done and ${layer} reaches its full gate on ${gate(hire.gateAfter)}` +
      (isLater(hire.gateAfter, hire.gateBefore) ? ` (without it, the gate would leave that work out and be reached on ${gate(hire.gateBefore)})` : ` instead of ${gate(hire.gateBefore)}`)
    );
  }
  return `With the hire ${layer} reaches its gate on ${gate(hire.gateAfter)} instead of ${gate(hire.gateBefore)}`;
}

export function rejectTrials(ctx: PlannerContext): Partial<PlannerContext> {
  const cal = ctx.calendar;
  const gate = (w: number | null) => (w === null ? 'not within the plan' : cal.dateOfWeek(w));
  const tried = ctx.trials.map((t) => `${aRole(ctx, t.candidate.roleId)} (gate ${gate(t.gate)})`);
  const text = `${layerName(currentLayer(ctx))}: tried ${listing(tried)}; none brings the gate (${gate(ctx.current?.gate ?? null)}) ${plural(MIN_GATE_GAIN_WEEKS, 'week')} or more earlier or staffs blocked work, so no hire for it.`;
  return { candidates: [], trials: [], noHireRecorded: true, decisions: decide(ctx, 'no-hire', text) };
}

/** Requisitions and planned hires of luxury roles, with the week the plan should count them from (null: not at all). */
function luxuryDeferrals(ctx: PlannerContext): Map<string, number | null> {
  const clock = clockOf(ctx);
  const out = new Map<string, number | null>();
  for (const person of ctx.input.people) {
    if (person.status === 'on_staff') continue;
    const role = ctx.rolesById.get(person.roleId);
    if (!role?.needsFoundations) continue;
    const productive = expectedStartWeek(person, clock) + rampUpOf(ctx, role.id);
    const ready = foundationsWeek(ctx.projection, role, ctx.capabilitiesById);
    if (ready === null || ready > productive) out.set(person.id, ready);
  }
  return out;
}

/** What the finished plan says each deferral should be, where it differs from what was planned with (undefined: count them as they come). */
function deferralChanges(ctx: PlannerContext): Map<string, number | null | undefined> {
  const wanted = luxuryDeferrals(ctx);
  const out = new Map<string, number | null | undefined>();
  for (const [id, week] of wanted) if (!ctx.deferred.has(id) || ctx.deferred.get(id) !== week) out.set(id, week);
  for (const id of ctx.deferred.keys()) if (!wanted.has(id)) out.set(id, undefined);
  return out;
}

/**
 * Second entry action of `scheduling`: a luxury requisition or planned hire set aside at the start
 * (its foundations were not in place then) counts again, from the week the layers scheduled so far
 * have its foundations ready, before any hire is weighed for the layer — so that the planner does
 * not propose a second data scientist for work an accepted one will do. The layers are scheduled
 * again with them. The `deferring` step after the climb settles the final weeks.
 */
export function countReadyLuxury(ctx: PlannerContext): Partial<PlannerContext> {
  if (ctx.deferred.size === 0) return {};
  const wanted = luxuryDeferrals(ctx);
  const deferred = new Map(ctx.deferred);
  let changed = false;
  for (const [id, week] of ctx.deferred) {
    if (week !== null) continue;
    const now = wanted.get(id);
    if (now === null) continue;
    if (now === undefined) deferred.delete(id);
    else deferred.set(id, now);
    changed = true;
  }
  if (!changed) return {};
  const teamChanges = teamChangesOf(ctx.input, clockOf(ctx), deferred);
  const current = scheduleLayerState({ ...ctx, deferred, teamChanges }, null);
  return { deferred, teamChanges, current, projection: current.projection };
}

/** Guard of `deferring`: a luxury requisition counted from another week than the finished plan has its foundations ready. */
export function hasEarlyLuxury(ctx: PlannerContext): boolean {
  return ctx.deferRounds < 3 && deferralChanges(ctx).size > 0;
}

/**
 * Entry of `deferring`: a luxury requisition that would be productive before its foundations is
 * advice to move it (or pause it); the plan follows that advice and counts the person only from
 * when the foundations are ready (not at all when they are not ready within the plan), so that it
 * never builds on work it tells the lead not to hire for yet. The plan is scheduled again; a few
 * rounds settle it, since the later start can move the foundations too.
 */
export function deferLuxury(ctx: PlannerContext): Partial<PlannerContext> {
  const deferred = new Map(ctx.deferred);
  for (const [id, week] of deferralChanges(ctx)) {
    if (week === undefined) deferred.delete(id);
    else deferred.set(id, week);
  }
  const teamChanges = teamChangesOf(ctx.input, clockOf(ctx), deferred);
  const next: PlannerContext = { ...ctx, deferred, teamChanges };
  const state = scheduleLayerState(next, null);
  return {
    deferred,
    teamChanges,
    deferRounds: ctx.deferRounds + 1,
    placed: state.pass.placed,
    blocked: state.pass.blocked,
    droppedPins: state.pass.droppedPins,
    gates: state.gates,
    levelGates: state.levelGates,
    gated: state.gated,
    waived: state.waived,
    projection: state.projection,
  };
}

/** Proposed hires that the final schedule leaves with too little work for a permanent hire. */
function weakHires(ctx: PlannerContext): HireDraft[] {
  return ctx.hires.filter((h) => hireBusyWeeks(ctx, h) < MIN_HIRE_WORK_WEEKS);
}

/** Weeks a proposed hire is busy in the scheduled plan (busyWeeksOf). */
export function hireBusyWeeks(ctx: PlannerContext, hire: HireDraft): number {
  return busyWeeksOf(ctx, hire.roleId, hire.id, hire.productiveWeek);
}

/** Guard of `pruning`: a hire weighed on one layer whose work the whole plan has since given to others. */
export function hasWeakHire(ctx: PlannerContext): boolean {
  return weakHires(ctx).length > 0;
}

/**
 * Entry of `pruning`: the climb weighs each hire on its layer; once every layer is scheduled, some of
 * a hire's work may have gone to others. A hire left with less than MIN_HIRE_WORK_WEEKS of work is
 * dropped (its work becomes an ask where nobody else can do it) and the whole plan is scheduled
 * again without it.
 */
export function pruneHires(ctx: PlannerContext): Partial<PlannerContext> {
  const weak = weakHires(ctx);
  if (weak.length === 0) return {};
  const busy = new Map(weak.map((h) => [h, hireBusyWeeks(ctx, h)]));
  const weakest = weak.reduce((a, b) => (busy.get(a)! <= busy.get(b)! ? a : b));
  const weeks = busy.get(weakest)!;
  const hires = ctx.hires.filter((h) => h !== weakest).map((h, i) => ({ ...h, id: `hire:${i + 1}` }));
  const text =
    `Dropped the ${roleNoun(roleName(ctx, weakest.roleId))} hire starting ${ctx.calendar.dateOfWeek(weakest.startWeek)}: with every layer scheduled, the hire would be busy ${plural(weeks, 'week')} ` +
    `from ${ctx.calendar.dateOfWeek(weakest.productiveWeek)} on (the rest of the work has gone to others), fewer than the ${MIN_HIRE_WORK_WEEKS} that make a permanent hire worth it; the plan is scheduled again without it.`;
  const next: PlannerContext = { ...ctx, hires, decisions: decide(ctx, 'no-hire', text, weakest.layer) };
  const state = scheduleLayerState(next, null);
  return {
    hires,
    decisions: next.decisions,
    placed: state.pass.placed,
    blocked: state.pass.blocked,
    droppedPins: state.pass.droppedPins,
    gates: state.gates,
    levelGates: state.levelGates,
    gated: state.gated,
    waived: state.waived,
    projection: state.projection,
  };
}

/**
 * Entry of `backfilling`: for everyone who leaves within the plan, whether their role's needed work
 * outlasts what the team can do before they go; if by at least MIN_HIRE_WORK_WEEKS, a backfill
 * starting when they leave (or as soon as the lead time and the limits allow).
 */
export function proposeBackfills(ctx: PlannerContext): Partial<PlannerContext> {
  let next: PlannerContext = ctx;
  const steps = new Map<string, ReturnType<typeof capacityProfile>>();
  const clock = clockOf(ctx);
  const claimed = new Set<string>();
  for (const person of leavers(ctx)) {
    const role = ctx.rolesById.get(person.roleId);
    if (!role) continue;
    const drop = ctx.calendar.weekOf(person.endDate!) + 1;
    const profile = steps.get(role.id) ?? capacityProfile(ctx, role.id);
    steps.set(role.id, profile);
    let before = 0;
    for (let w = ctx.statusWeek; w < drop; w++) before += profile(w) / UNITS_PER_FTE;
    const work = workWeeksFor(next, role.id, ctx.statusWeek);
    const remaining = Math.round((work - before) * 10) / 10;
    if (remaining < MIN_HIRE_WORK_WEEKS) continue;
    const at = `${person.name} (${roleNoun(role.name)}) leaves on ${person.endDate}`;
    // A requisition or planned hire of the role that joins around the leaving date is the backfill
    // already (an accepted plan's backfill is one): no second one.
    const replacement = ctx.input.people.find((p) => {
      if (p.status === 'on_staff' || p.roleId !== role.id || claimed.has(p.id) || ctx.deferred.has(p.id)) return false;
      const start = expectedStartWeek(p, clock);
      return start >= drop - BACKFILL_WINDOW_BEFORE_WEEKS && start <= drop + BACKFILL_WINDOW_AFTER_WEEKS;
    });
    if (replacement) {
      claimed.add(replacement.id);
      const starts = startDateOf(ctx, replacement, expectedStartWeek(replacement, clock));
      next = {
        ...next,
        decisions: decide(
          next,
          'backfill',
          `${at}; ${replacement.name}, ${replacement.status === 'open_req' ? 'an open requisition' : 'a planned hire'} for ${aRole(next, role.id)} starting ${starts}, replaces them: no further backfill.`,
          null,
        ),
      };
      continue;
    }
    if (!hiringAllowed(next)) {
      next = {
        ...next,
        warnings: [
          ...next.warnings,
          warning('hiring-limited', {
            summary: `${person.name} leaves and the scenario allows no backfill.`,
            action: `Allow a ${roleNoun(role.name)} hire in this scenario, or plan with less ${roleNoun(role.name)} work.`,
            message: `${at}; the plan has ${plural(work, 'week')} of ${roleNoun(role.name)} work and the team can do about ${plural(Math.round(before), 'week')} of it before then, but this scenario allows no hiring.`,
            personId: person.id,
            roleId: role.id,
          }),
        ],
        decisions: decide(next, 'no-hire', `${at}; no backfill: this scenario allows no hiring.`, null),
      };
      continue;
    }
    const slot = findSlot(next, role, next.projection, drop, 'backfill', person.id);
    if (!slot.ok) {
      next = { ...next, decisions: decide(next, 'no-hire', `${at}; no backfill: ${slot.reason}.`, null) };
      continue;
    }
    const hire: HireDraft = {
      ...slot.hire,
      layer: role.builds[0] ?? 'collect',
      why: `${at}, and about ${plural(remaining, 'week')} of ${roleNoun(role.name)} work remain after that`,
    };
    next = {
      ...next,
      hires: [...next.hires, hire],
      decisions: decide(
        next,
        'backfill',
        `Backfill for ${person.name}: ${aRole(next, role.id)} starting ${dateLabel(next.calendar, hire.startWeek)}. ${at}; the plan has ${plural(work, 'week')} of ${roleNoun(role.name)} work and the team can do about ${plural(Math.round(before), 'week')} of it before then.`,
        null,
      ),
    };
  }
  return next === ctx ? {} : { hires: next.hires, warnings: next.warnings, decisions: next.decisions };
}

function leavers(ctx: PlannerContext): Person[] {
  return ctx.input.people
    .filter((p) => p.endDate !== null && p.status === 'on_staff')
    .filter((p) => {
      const drop = ctx.calendar.weekOf(p.endDate!) + 1;
      return drop >= ctx.statusWeek && drop < ctx.horizonWeeks;
    })
    .sort((a, b) => (a.endDate ?? '').localeCompare(b.endDate ?? '') || a.id.localeCompare(b.id));
}

/** Guard of `backfilling`. */
export function hasLeavers(ctx: PlannerContext): boolean {
  return leavers(ctx).length > 0;
}

function capacityProfile(ctx: PlannerContext, roleId: string): (week: number) => number {
  const changes = ctx.teamChanges.filter((c) => c.roleId === roleId).sort((a, b) => a.week - b.week);
  return (week) => Math.max(0, changes.reduce((sum, c) => (c.week <= week ? sum + c.units : sum), 0));
}

