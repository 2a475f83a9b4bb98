import { catalogCapability, estimateGap, type CapabilityEstimate } from '../domain/catalog/capabilities';
import type { PlanCalendar } from '../domain/calendar';
import { goalOfCapability, isNeededForTarget, type Goal } from '../domain/goals';
import { layerLevel, type LayerId } from '../domain/layers';
import type { Maturity } from '../domain/maturity';
import type { Scenario, WorkItem, WorkItemStatus } from '../domain/planning';
import type { Capability, Role } from '../domain/types';
import { maturityStepTitle } from '../format';

/** A work item as the planner handles it: stored by the user, or proposed from the catalog. */
export interface PlanItem {
  readonly id: string;
  readonly title: string;
  readonly source: 'user' | 'proposal';
  readonly status: WorkItemStatus;
  readonly capabilityId: string | null;
  /** The layer whose pass schedules it: its capability's, or the bottom layer for work on none. */
  readonly layer: LayerId;
  readonly hasCapability: boolean;
  readonly goal: Goal | null;
  /**
   * Whether the scenario's target needs it: work on a capability the target needs, or the lead's
   * own work on no capability below the target. Only needed work gates layers and motivates hires.
   */
  readonly needed: boolean;
  readonly fromMaturity: Maturity | null;
  readonly toMaturity: Maturity | null;
  /** The estimate at full focus. */
  readonly durationWeeks: number;
  readonly demand: Readonly<Record<string, number>>;
  readonly predecessors: readonly string[];
  /** Earliest start week (from the release date), null when none. */
  readonly release: number | null;
  /** Fixed start week and the date as entered, null when not pinned. */
  readonly pin: number | null;
  readonly pinDate: string | null;
  readonly actualStart: string | null;
  readonly actualFinish: string | null;
}

export const PROPOSAL_PREFIX = 'proposal:';

export function proposalId(capabilityId: string, to: number): string {
  return `${PROPOSAL_PREFIX}${capabilityId}:${to}`;
}

/**
 * Work for a capability outside the catalog: a month per level, one person of the first role
 * (that does not itself wait for foundations) that builds its layer.
 */
function fallbackEstimate(capability: Capability, roles: readonly Role[]): CapabilityEstimate | null {
  const builder = roles.find((r) => r.builds.includes(capability.layer) && !r.needsFoundations) ?? roles.find((r) => r.builds.includes(capability.layer));
  return builder ? { weeksPerLevel: 4, roles: { [builder.id]: 1 } } : null;
}

/** Only these statuses take part in scheduling; done and dropped items are reported, not placed. */
export function isActive(status: WorkItemStatus): boolean {
  return status === 'proposed' || status === 'planned' || status === 'in_progress';
}

/**
 * The inventory as the plan starts from it: a capability whose maturity step was marked done is
 * at least at that step's target, even if the inventory was not updated (e.g. an imported file),
 * so that done work never moves the plan back.
 */
export function effectiveCapabilities(capabilities: readonly Capability[], workItems: readonly WorkItem[]): Capability[] {
  const reached = new Map<string, Maturity>();
  for (const w of workItems) {
    if (w.status !== 'done' || w.capabilityId === null || w.toMaturity === null) continue;
    reached.set(w.capabilityId, Math.max(reached.get(w.capabilityId) ?? 0, w.toMaturity) as Maturity);
  }
  return capabilities.map((c) => {
    const level = reached.get(c.id);
    return level !== undefined && level > c.currentMaturity ? { ...c, currentMaturity: level } : c;
  });
}

/**
 * The items to plan: the user's own, plus one proposal per maturity level still missing on a
 * capability the target needs that no user item covers (a user's item wins over a proposal).
 * Proposals of one capability follow each other level by level. `capabilities` must already be
 * effective (see effectiveCapabilities).
 */
export function collectItems(
  capabilities: readonly Capability[],
  roles: readonly Role[],
  workItems: readonly WorkItem[],
  scenario: Scenario,
  calendar: PlanCalendar,
): PlanItem[] {
  const byCapability = new Map(capabilities.map((c) => [c.id, c]));
  const items: PlanItem[] = [];
  /** Per capability, per target level: the item that raises it to that level. */
  const covering = new Map<string, Map<number, string>>();
  const targetLevel = layerLevel(scenario.targetLayer);

  for (const w of workItems) {
    const capability = w.capabilityId ? byCapability.get(w.capabilityId) : undefined;
    const toWeek = (date: string | null) => (date === null ? null : calendar.weekOf(date));
    const layer = capability?.layer ?? 'collect';
    items.push({
      id: w.id,
      title: w.title,
      source: 'user',
      status: w.status,
      capabilityId: w.capabilityId,
      layer,
      hasCapability: capability !== undefined,
      goal: capability ? goalOfCapability(capability) : null,
      needed: capability ? isNeededForTarget(capability, scenario.targetLayer) : layerLevel(layer) <= targetLevel,
      fromMaturity: w.fromMaturity,
      toMaturity: w.toMaturity,
      durationWeeks: w.durationWeeks,
      demand: w.demand,
      predecessors: w.predecessors,
      release: w.releaseDate === null ? null : Math.max(0, calendar.firstWeekOnOrAfter(w.releaseDate)),
      pin: toWeek(w.pinnedStart),
      pinDate: w.pinnedStart,
      actualStart: w.actualStart,
      actualFinish: w.actualFinish,
    });
    if (w.status !== 'dropped' && w.capabilityId && w.fromMaturity !== null && w.toMaturity !== null) {
      const levels = covering.get(w.capabilityId) ?? new Map<number, string>();
      for (let level = w.fromMaturity + 1; level <= w.toMaturity; level++) levels.set(level, w.id);
      covering.set(w.capabilityId, levels);
    }
  }

  const knownRoles = new Set(roles.map((r) => r.id));
  for (const capability of capabilities) {
    if (capability.currentMaturity >= capability.targetMaturity) continue;
    if (!isNeededForTarget(capability, scenario.targetLayer)) continue;
    const estimate = catalogCapability(capability.id)?.estimate ?? fallbackEstimate(capability, roles);
    if (!estimate) continue;
    const levels = covering.get(capability.id) ?? new Map<number, string>();
    const demand = Object.fromEntries(Object.entries(estimate.roles).filter(([roleId]) => knownRoles.has(roleId)));
    let previous: string | undefined;
    for (const step of estimateGap(estimate, capability.currentMaturity, capability.targetMaturity)) {
      const owner = levels.get(step.to);
      if (owner !== undefined) {
        previous = owner;
        continue;
      }
      const id = proposalId(capability.id, step.to);
      items.push({
        id,
        title: maturityStepTitle(capability.name, step.from, step.to),
        source: 'proposal',
        status: 'proposed',
        capabilityId: capability.id,
        layer: capability.layer,
        hasCapability: true,
        goal: goalOfCapability(capability),
        needed: true,
        fromMaturity: step.from,
        toMaturity: step.to,
        durationWeeks: step.weeks,
        demand,
        predecessors: previous ? [previous] : [],
        release: null,
        pin: null,
        pinDate: null,
        actualStart: null,
        actualFinish: null,
      });
      previous = id;
    }
  }
  return items;
}
