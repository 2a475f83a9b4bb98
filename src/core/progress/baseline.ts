import type { z } from 'zod';
import { baselineSnapshotSchema } from '../workspace-json/schema';
import { isNeededForTarget } from '../domain/goals';
import type { Capability, Person } from '../domain/types';
import type { PlanResult } from '../planner/types';

/**
 * A baseline: a plan frozen when a lead commits to it ("2027-Q1 plan as approved"), to compare
 * the current plan and what really happened against. It keeps what a comparison needs — every
 * item with its dates, every hire, each layer's gate date, the scenario's parameters and the
 * planned headcount — and nothing that is only explanation.
 */
export type BaselineSnapshot = z.infer<typeof baselineSnapshotSchema>;
export type BaselineItem = BaselineSnapshot['items'][number];
export type BaselineHire = BaselineSnapshot['hires'][number];
export type BaselineLayer = BaselineSnapshot['layers'][number];
export type BaselineHeadcount = BaselineSnapshot['headcount'][number];

export interface Baseline {
  readonly id: string;
  readonly name: string;
  /** The scenario it was made from (null once that scenario is deleted; the snapshot keeps its parameters). */
  readonly scenarioId: string | null;
  readonly asOf: string;
  readonly createdAt: string;
  readonly snapshot: BaselineSnapshot;
}

/** A baseline without its snapshot, for lists. */
export type BaselineSummary = Omit<Baseline, 'snapshot'> & { readonly scenarioName: string; readonly items: number; readonly hires: number };

export function summaryOf(b: Baseline): BaselineSummary {
  return { id: b.id, name: b.name, scenarioId: b.scenarioId, asOf: b.asOf, createdAt: b.createdAt, scenarioName: b.snapshot.scenario.name, items: b.snapshot.items.length, hires: b.snapshot.hires.length };
}

export interface SnapshotOptions {
  /** Ids the plan's items and hires take once accepted (proposal id → work item id, hire id → person id). */
  readonly itemIds?: ReadonlyMap<string, string>;
  readonly hirePeople?: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
}

/** Freezes a plan. `people` and `capabilities` are the headcount and inventory the plan was made with. */
export function snapshotOf(plan: PlanResult, people: readonly Person[], capabilities: readonly Capability[], options: SnapshotOptions = {}): BaselineSnapshot {
  const itemId = (id: string) => options.itemIds?.get(id) ?? id;
  const s = plan.scenario;
  const scenario = {
    id: s.id,
    name: s.name,
    isDefault: s.isDefault,
    startDate: s.startDate,
    horizonQuarters: s.horizonQuarters,
    targetLayer: s.targetLayer,
    targetDate: s.targetDate,
    hiringBudgetPerQuarter: s.hiringBudgetPerQuarter,
    maxHiresPerQuarter: s.maxHiresPerQuarter,
    gateThreshold: s.gateThreshold,
    leadTimeWeeks: s.leadTimeWeeks,
    rampUpWeeks: s.rampUpWeeks,
    salaries: { ...s.salaries },
    runShare: s.runShare,
    borrowed: s.borrowed.map((b) => ({ ...b })),
  };
  const items = plan.items
    .filter((i) => i.status !== 'dropped')
    .map((i) => ({
      id: itemId(i.id),
      title: i.title,
      source: options.itemIds?.has(i.id) ? ('user' as const) : i.source,
      status: options.itemIds?.has(i.id) ? ('planned' as const) : i.status,
      capabilityId: i.capabilityId,
      layer: i.layer,
      fromMaturity: i.fromMaturity,
      toMaturity: i.toMaturity,
      durationWeeks: i.durationWeeks,
      demand: { ...i.demand },
      startDate: i.startDate,
      finishDate: i.finishDate,
    }));
  const hires = plan.hires.map((h) => {
    const accepted = options.hirePeople?.get(h.id);
    return {
      id: accepted ? `person:${accepted.id}` : h.id,
      roleId: h.roleId,
      roleName: h.roleName,
      source: h.source,
      personId: accepted?.id ?? h.personId,
      personName: accepted?.name ?? h.personName,
      startDate: h.startDate,
      quarter: h.quarter,
    };
  });
  return {
    format: 'groundwork-baseline',
    version: 1,
    asOf: plan.asOf,
    scenario,
    endDate: s.endDate,
    items,
    hires,
    layers: plan.layers.map((l) => ({ layer: l.layer, readyDate: l.readyDate })),
    headcount: plannedHeadcount(plan, people),
    capabilities: capabilities.map((c) => ({
      id: c.id,
      name: c.name,
      layer: c.layer,
      currentMaturity: c.currentMaturity,
      targetMaturity: c.targetMaturity,
      needed: isNeededForTarget(c, plan.scenario.targetLayer),
    })),
  };
}

/** People per role over time as the plan has it: staff from their start to their end, hires from their start. */
function plannedHeadcount(plan: PlanResult, people: readonly Person[]): BaselineHeadcount[] {
  const changes = new Map<string, Map<string, number>>();
  const add = (roleId: string, date: string, delta: number) => {
    const byDate = changes.get(roleId) ?? new Map<string, number>();
    byDate.set(date, (byDate.get(date) ?? 0) + delta);
    changes.set(roleId, byDate);
  };
  for (const p of people) {
    if (p.status !== 'on_staff') continue;
    add(p.roleId, p.startDate && p.startDate > plan.scenario.startDate ? p.startDate : plan.scenario.startDate, p.fte);
    if (p.endDate) add(p.roleId, p.endDate, -p.fte);
  }
  for (const h of plan.hires) add(h.roleId, h.startDate, 1);
  const names = new Map(plan.capacity.map((c) => [c.roleId, c.roleName]));
  for (const h of plan.hires) names.set(h.roleId, h.roleName);
  return [...changes.entries()].map(([roleId, byDate]) => {
    let level = 0;
    const steps = [...byDate.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, delta]) => {
        level = Math.round((level + delta) * 100) / 100;
        return { date, people: level };
      });
    return { roleId, roleName: names.get(roleId) ?? roleId, steps };
  });
}

export { baselineSnapshotSchema };
