import { catalogCapability } from '../domain/catalog/capabilities';
import { layerLevel, type LayerId } from '../domain/layers';
import { MATURITY_RUBRIC, type Maturity } from '../domain/maturity';
import type { Capability } from '../domain/types';
import type { PlannedItem, PlanResult } from './types';

/*
 * Initiatives: what a lead presents instead of maturity steps. The planner proposes one work item
 * per maturity level of a capability ("Warehouse: maturity 2 → 3") because each level is a
 * milestone it can place and gate on; leadership asks what the team will deliver. An initiative
 * groups a capability's open steps into one outcome ("Warehouse you can trust: repeatable →
 * managed") that expands to its steps. Work that raises no capability is an initiative of its own.
 */

export interface InitiativeDependency {
  /** The initiative waited for. */
  readonly initiativeId: string;
  /** The step of that initiative whose finish is waited for, and the step here that waits. */
  readonly fromItemId: string;
  readonly toItemId: string;
  /** `predecessor`: a stored dependency; `gate`: the layer below must reach the step's maturity level first. */
  readonly kind: 'predecessor' | 'gate';
}

export interface Initiative {
  /** `initiative:<capability id>`, or `initiative:item:<item id>` for work on no capability. */
  readonly id: string;
  readonly capabilityId: string | null;
  readonly layer: LayerId | null;
  /** "Warehouse you can trust: repeatable → managed"; a lone item's own title. */
  readonly title: string;
  /** The outcome phrase ("Warehouse you can trust"), or the capability's name. */
  readonly outcome: string;
  readonly capabilityName: string | null;
  /** The maturity the work starts from and reaches (null when no step raises a maturity). */
  readonly fromMaturity: Maturity | null;
  readonly toMaturity: Maturity | null;
  /** Its steps, lowest maturity first, then by start. */
  readonly steps: readonly PlannedItem[];
  readonly source: 'user' | 'proposal' | 'mixed';
  readonly inProgress: boolean;
  /** True when any step is pinned. */
  readonly pinned: boolean;
  /** First start and last finish over the scheduled steps (plan weeks and dates); null when none is scheduled. */
  readonly start: number | null;
  readonly finish: number | null;
  readonly startDate: string | null;
  readonly finishDate: string | null;
  readonly startQuarter: string | null;
  readonly finishQuarter: string | null;
  /** Steps the plan could not schedule. */
  readonly unscheduledSteps: number;
  /** Other initiatives a step of this one waits for (one entry per initiative). */
  readonly dependsOn: readonly InitiativeDependency[];
}

/** A maturity level's name as a phrase reads it: "ad hoc", "repeatable". */
export function maturityLevelPhrase(level: number): string {
  return (MATURITY_RUBRIC[level]?.name ?? String(level)).toLowerCase();
}

/**
 * What a capability delivers, as leadership reads it: the catalog's outcome phrase while the
 * capability keeps its catalog name (a renamed one is the lead's own wording), else its name.
 */
export function outcomeOf(capability: Pick<Capability, 'id' | 'name'>): string {
  const entry = catalogCapability(capability.id);
  return entry && entry.name === capability.name ? entry.outcome : capability.name;
}

/** "Warehouse you can trust: repeatable → managed". */
export function initiativeTitle(outcome: string, from: number | null, to: number | null): string {
  return from === null || to === null ? outcome : `${outcome}: ${maturityLevelPhrase(from)} → ${maturityLevelPhrase(to)}`;
}

const isActive = (item: PlannedItem) => item.status !== 'done' && item.status !== 'dropped';

function minBy<T>(values: readonly T[], key: (v: T) => string | number | null): T | null {
  let best: T | null = null;
  let bestKey: string | number | null = null;
  for (const v of values) {
    const k = key(v);
    if (k === null) continue;
    if (bestKey === null || k < bestKey) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}

function maxBy<T>(values: readonly T[], key: (v: T) => string | number | null): T | null {
  let best: T | null = null;
  let bestKey: string | number | null = null;
  for (const v of values) {
    const k = key(v);
    if (k === null) continue;
    if (bestKey === null || k > bestKey) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}

/**
 * The plan's open work as initiatives, ordered by start (unscheduled last), then bottom layer
 * first. Done and dropped items belong to none: an initiative is work still to do. `capabilities`
 * name them (a capability missing from it is named by the catalog, else by its id).
 */
export function initiativesOf(plan: Pick<PlanResult, 'items'>, capabilities: readonly Pick<Capability, 'id' | 'name'>[]): Initiative[] {
  const names = new Map(capabilities.map((c) => [c.id, c.name]));
  const groups = new Map<string, PlannedItem[]>();
  for (const item of plan.items) {
    if (!isActive(item)) continue;
    const key = item.capabilityId === null ? `initiative:item:${item.id}` : `initiative:${item.capabilityId}`;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  const initiativeOfItem = new Map<string, string>();
  for (const [id, items] of groups) for (const item of items) initiativeOfItem.set(item.id, id);

  const initiatives = [...groups].map(([id, items]): Initiative => {
    const steps = [...items].sort(
      (a, b) => (a.fromMaturity ?? 99) - (b.fromMaturity ?? 99) || (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id),
    );
    const first = steps[0]!;
    const capabilityId = first.capabilityId;
    const capabilityName = capabilityId === null ? null : (names.get(capabilityId) ?? catalogCapability(capabilityId)?.name ?? capabilityId);
    const outcome = capabilityId === null || capabilityName === null ? first.title : outcomeOf({ id: capabilityId, name: capabilityName });
    const raising = steps.filter((s) => s.fromMaturity !== null && s.toMaturity !== null);
    const fromMaturity = raising.length === 0 ? null : (Math.min(...raising.map((s) => s.fromMaturity ?? 4)) as Maturity);
    const toMaturity = raising.length === 0 ? null : (Math.max(...raising.map((s) => s.toMaturity ?? 0)) as Maturity);
    // One item that raises no maturity keeps its own title: it is the lead's wording of the work.
    const title = capabilityId === null || (steps.length === 1 && raising.length === 0) ? first.title : initiativeTitle(outcome, fromMaturity, toMaturity);
    const scheduled = steps.filter((s) => s.start !== null && s.finish !== null);
    const earliest = minBy(scheduled, (s) => s.start);
    const latest = maxBy(scheduled, (s) => s.finish);
    const earliestDate = minBy(scheduled, (s) => s.startDate);
    const latestDate = maxBy(scheduled, (s) => s.finishDate);
    const sources = new Set(steps.map((s) => s.source));

    const dependsOn = new Map<string, InitiativeDependency>();
    for (const step of [...scheduled].sort((a, b) => (a.start ?? 0) - (b.start ?? 0))) {
      const waits: { itemId: string; kind: InitiativeDependency['kind'] }[] = [
        ...step.predecessors.map((p) => ({ itemId: p, kind: 'predecessor' as const })),
        ...(step.placement.kind === 'gate' ? (step.placement.itemIds ?? []).map((p) => ({ itemId: p, kind: 'gate' as const })) : []),
      ];
      for (const wait of waits) {
        const other = initiativeOfItem.get(wait.itemId);
        if (other === undefined || other === id || dependsOn.has(other)) continue;
        dependsOn.set(other, { initiativeId: other, fromItemId: wait.itemId, toItemId: step.id, kind: wait.kind });
      }
    }

    return {
      id,
      capabilityId,
      layer: first.layer,
      title,
      outcome,
      capabilityName,
      fromMaturity,
      toMaturity,
      steps,
      source: sources.size > 1 ? 'mixed' : first.source,
      inProgress: steps.some((s) => s.status === 'in_progress'),
      pinned: steps.some((s) => s.pinned),
      start: earliest?.start ?? null,
      finish: latest?.finish ?? null,
      startDate: earliestDate?.startDate ?? null,
      finishDate: latestDate?.finishDate ?? null,
      startQuarter: earliestDate?.startQuarter ?? null,
      finishQuarter: latestDate?.finishQuarter ?? null,
      unscheduledSteps: steps.length - scheduled.length,
      dependsOn: [...dependsOn.values()],
    };
  });

  const layerRank = (layer: LayerId | null) => (layer === null ? 99 : layerLevel(layer));
  return initiatives.sort(
    (a, b) =>
      (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) ||
      layerRank(a.layer) - layerRank(b.layer) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}

/** "0 → 1" of a step, or null when it raises no maturity. */
export function stepLevels(item: Pick<PlannedItem, 'fromMaturity' | 'toMaturity'>): string | null {
  return item.fromMaturity === null || item.toMaturity === null ? null : `${maturityLevelPhrase(item.fromMaturity)} → ${maturityLevelPhrase(item.toMaturity)}`;
}
