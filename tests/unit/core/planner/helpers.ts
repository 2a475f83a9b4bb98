import { expect } from 'vitest';
import { calendarOf } from '../../../../src/core/domain/calendar';
import { budgetCounted } from '../../../../src/core/domain/cost';
import { LAYERS, layerLevel } from '../../../../src/core/domain/layers';
import { LUXURY_SLACK_WEEKS, MIN_HIRE_WORK_WEEKS, type PlanInput, type PlanResult } from '../../../../src/core/planner';
import { askKind } from '../../../../src/core/planner/hiring';

/** Every reason points at things that exist in the plan, and says something true about them. */
export function expectExplanationsGrounded(result: PlanResult, input: PlanInput): void {
  const items = new Map(result.items.map((i) => [i.id, i]));
  const roleIds = new Set(input.roles.map((r) => r.id));
  const hireIds = new Set(result.hires.map((h) => h.id));
  const gateOf = (layer: string, level: number | undefined) => {
    const l = result.layers.find((x) => x.layer === layer)!;
    return level === undefined ? l.readyWeek : (l.levelGates.find((g) => g.level === Math.min(4, level))?.week ?? null);
  };
  for (const item of result.items) {
    const p = item.placement;
    expect(p.text.length, item.id).toBeGreaterThan(10);
    expect(p.text, `${item.id}: reasons read in dates, not weeks`).not.toMatch(/\bweek \d/);
    for (const id of p.itemIds ?? []) expect(items.has(id), `${item.id} refers to ${id}`).toBe(true);
    if (p.roleId !== undefined) expect(roleIds.has(p.roleId), `${item.id} refers to role ${p.roleId}`).toBe(true);
    for (const id of p.hireIds ?? []) expect(hireIds.has(id)).toBe(true);
    if (item.start === null) continue;
    switch (p.kind) {
      case 'predecessor':
        for (const id of p.itemIds ?? []) expect(items.get(id)?.finish).toBe(item.start);
        break;
      case 'gate':
        // Waits for the layers below at the item's level: they get there exactly when it starts.
        expect(p.layer).toBeDefined();
        expect(gateOf(p.layer!, p.level), `${item.id} waits for ${p.layer} at level ${p.level}`).toBe(item.start);
        for (const id of p.itemIds ?? []) expect(items.get(id)?.finish).toBe(item.start);
        break;
      case 'resource': {
        // The items named hold the role in the week before the start.
        for (const id of p.itemIds ?? []) {
          const other = items.get(id)!;
          expect(other.start! <= item.start - 1 && other.finish! > item.start - 1, `${id} runs in the week before ${item.id} starts`).toBe(true);
          expect(other.assignments.some((a) => a.roleId === p.roleId)).toBe(true);
        }
        expect(p.text.toLowerCase()).toContain(input.roles.find((r) => r.id === p.roleId)!.name.toLowerCase());
        break;
      }
      case 'start':
        expect(item.start).toBe(0);
        break;
      case 'status':
        expect(item.start).toBe(result.statusWeek);
        break;
      default:
        break;
    }
    // Who does the work: every share of the demand is assigned, to the role or a stand-in for it.
    for (const [roleId, people] of Object.entries(item.demand)) {
      if (people > 0) expect(item.assignments.some((a) => a.forRoleId === roleId), `${item.id}: ${roleId} share assigned`).toBe(true);
    }
    for (const a of item.assignments) if (a.roleId !== a.forRoleId) expect(item.staffing).toContain('standing in');
  }
  for (const hire of result.hires) {
    expect(roleIds.has(hire.roleId)).toBe(true);
    expect(hire.reason).not.toMatch(/\bweek \d/);
  }
}

/**
 * No step of a layer starts before the layers below are at its maturity level (pins and work in
 * progress excepted): a step to maturity k waits for the layer below's level-k gate; other work on
 * a capability waits for the full gate.
 */
export function expectGatesRespected(result: PlanResult): void {
  for (const item of result.items) {
    if (item.start === null || item.layer === null || item.pinned || item.status === 'in_progress') continue;
    const level = layerLevel(item.layer);
    if (level === 0) continue;
    const below = result.layers.find((l) => l.layer === LAYERS[level - 1]!.id)!;
    const gate = item.toMaturity === null ? below.readyWeek : (below.levelGates.find((g) => g.level === Math.min(4, item.toMaturity!))?.week ?? null);
    expect(gate, `${item.id}: the layer below gets to level ${item.toMaturity}`).not.toBeNull();
    expect(item.start, `${item.title} starts at or after the layer below is at its level`).toBeGreaterThanOrEqual(gate!);
  }
}

/** Starts per calendar quarter, proposed and existing alike, within the hire limit and the budget. */
export function expectHiringLimitsHeld(result: PlanResult, input: PlanInput): void {
  const cal = calendarOf(result);
  const s = input.scenario;
  for (const q of cal.quarters) {
    const starting = result.hires.filter((h) => h.startDate >= q.firstDay && h.startDate <= q.lastDay);
    const proposed = starting.filter((h) => h.source === 'proposed');
    if (proposed.length === 0) continue;
    expect(starting.length, `${q.label}: starts`).toBeLessThanOrEqual(s.maxHiresPerQuarter);
    if (s.hiringBudgetPerQuarter !== null) expect(budgetCounted(starting, q), `${q.label}: budget`).toBeLessThanOrEqual(s.hiringBudgetPerQuarter);
  }
  for (const h of result.hires.filter((x) => x.source === 'proposed')) {
    expect(h.startWeek - (h.requisitionWeek ?? 0)).toBe(s.leadTimeWeeks);
    expect(h.startWeek).toBeGreaterThanOrEqual(result.statusWeek + s.leadTimeWeeks);
  }
}

/** Every proposed hire's reason holds in the plan's own data. */
export function expectHireReasonsHold(result: PlanResult, input: PlanInput): void {
  for (const hire of result.hires.filter((h) => h.source === 'proposed')) {
    const role = input.roles.find((r) => r.id === hire.roleId)!;
    // Worth a permanent hire: busy enough in the plan from its productive week on.
    expect(hire.busyWeeks, `${hire.roleName}: work for a permanent hire`).toBeGreaterThanOrEqual(MIN_HIRE_WORK_WEEKS);
    expect(hire.reason).toContain(`${hire.workWeeks} week`);
    expect(hire.reason).toContain(`busy ${hire.busyWeeks} week`);
    expectBusyWeeksHold(result, hire);
    // The work it quotes exists: items that need the role and are not finished by the productive week.
    const needing = result.items.filter((i) => (i.demand[hire.roleId] ?? 0) > 0 && (i.finish === null || i.finish > hire.productiveWeek) && i.status !== 'done' && i.status !== 'dropped');
    expect(needing.length, `${hire.roleName}: work after ${hire.productiveDate}`).toBeGreaterThan(0);
    // Foundations in place (with the slack for what the role helps build) when the hire is productive.
    if (role.prerequisites.length > 0) {
      expect(hire.prerequisitesReadyWeek, `${hire.roleName}: foundations`).not.toBeNull();
      expect(hire.prerequisitesReadyWeek!).toBeLessThanOrEqual(hire.productiveWeek);
    }
    if (hire.kind === 'backfill') {
      expect(hire.backfillFor).not.toBeNull();
      const leaver = input.people.find((p) => p.id === hire.backfillFor!.personId)!;
      expect(leaver.endDate).toBe(hire.backfillFor!.endDate);
      expect(hire.reason).toContain(`leaves on ${leaver.endDate}`);
    }
  }
}

/** A luxury role never starts (productive) before its foundations, save the stated slack on what it helps build. */
export function expectNoLuxuryHireEarly(result: PlanResult, input: PlanInput): void {
  for (const hire of result.hires.filter((h) => h.source === 'proposed')) {
    const role = input.roles.find((r) => r.id === hire.roleId)!;
    if (!role.needsFoundations) continue;
    expect(hire.prerequisitesReadyWeek).not.toBeNull();
    expect(hire.prerequisitesReadyWeek! - LUXURY_SLACK_WEEKS).toBeLessThanOrEqual(hire.productiveWeek);
  }
}

export function proposedRoles(result: PlanResult): string[] {
  return result.hires.filter((h) => h.source === 'proposed').map((h) => h.roleId);
}

/**
 * The busy weeks of the last person of a role to arrive, recomputed from the plan's own items and
 * capacity: each week, the role's load beyond what the role has without that person, at most
 * their share. (Earlier arrivals are credited first, so only the last one can be checked this way.)
 */
export function expectBusyWeeksHold(result: PlanResult, hire: PlanResult['hires'][number]): void {
  const later = result.hires.some((h) => h !== hire && h.roleId === hire.roleId && h.productiveWeek > hire.productiveWeek);
  const sameWeek = result.hires.some((h) => h !== hire && h.roleId === hire.roleId && h.productiveWeek === hire.productiveWeek);
  if (later || sameWeek) return;
  const steps = result.capacity.find((c) => c.roleId === hire.roleId)?.steps ?? [];
  const capacityAt = (w: number) => steps.reduce((people, s) => (s.from <= w ? s.people : people), 0);
  const load = new Map<number, number>();
  for (const item of result.items) {
    if (item.start === null || item.finish === null || item.status === 'done') continue;
    const people = item.assignments.filter((a) => a.roleId === hire.roleId).reduce((sum, a) => sum + a.people, 0);
    for (let w = Math.max(item.start, hire.productiveWeek); w < item.finish; w++) load.set(w, (load.get(w) ?? 0) + people);
  }
  let busy = 0;
  for (const [w, people] of load) busy += Math.min(1, Math.max(0, people - (capacityAt(w) - 1)));
  expect(busy, `${hire.roleName} starting ${hire.startDate}: busy weeks from the plan's items`).toBeCloseTo(hire.busyWeeks, 0);
}

/**
 * Every ask holds in the plan's own data: borrowed up to a quarter, contracted beyond
 * (`askKind`); its text names what it asks for, for how many whole weeks; its items are in the
 * plan, and its layer is the lowest of theirs (where the help is first needed); and its role is
 * one the plan knows.
 */
export function expectAsksHold(result: PlanResult, input: PlanInput): void {
  const items = new Map(result.items.map((i) => [i.id, i]));
  for (const ask of result.asks) {
    expect(ask.kind, ask.text).toBe(askKind(ask.weeks));
    expect(Number.isInteger(ask.weeks) && ask.weeks >= 1, ask.text).toBe(true);
    expect(ask.people, ask.text).toBeGreaterThan(0);
    expect(ask.text.startsWith(ask.kind === 'borrow' ? 'Borrow ' : 'Contract '), ask.text).toBe(true);
    expect(ask.text, ask.text).toContain(`for ${ask.weeks} week${ask.weeks === 1 ? '' : 's'}`);
    const role = input.roles.find((r) => r.id === ask.roleId);
    expect(role?.name, ask.text).toBe(ask.roleName);
    if (ask.people === 1) expect(ask.text.toLowerCase(), ask.text).toContain(ask.roleName.toLowerCase().replace(/^(a|an) /, ''));
    for (const id of ask.itemIds) expect(items.get(id), `${ask.text}: item ${id}`).toBeDefined();
    const levels = ask.itemIds.flatMap((id) => {
      const layer = items.get(id)?.layer;
      return layer ? [layerLevel(layer)] : [];
    });
    if (ask.layer !== null && levels.length > 0) expect(layerLevel(ask.layer), ask.text).toBe(Math.min(...levels));
  }
  expect(new Set(result.asks.map((a) => a.id)).size).toBe(result.asks.length);
}
