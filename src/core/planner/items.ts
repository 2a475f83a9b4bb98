import { catalogCapability, estimateGap, type CapabilityEstimate } from '../domain/catalog/capabilities';
import type { LayerId } from '../domain/layers';
import type { Maturity } from '../domain/maturity';
import type { Scenario, WorkItem, WorkItemStatus } from '../domain/planning';
import type { Capability, Role } from '../domain/types';
import { weekOf } from './calendar';

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
  readonly fromMaturity: Maturity | null;
  readonly toMaturity: Maturity | null;
  readonly durationWeeks: number;
  readonly demand: Readonly<Record<string, number>>;
  readonly predecessors: readonly string[];
  /** Weeks from the scenario's start; a date before the start counts as week 0. */
  readonly release: number | null;
  readonly pin: number | null;
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

/** Only scheduled statuses take part in the plan; done and dropped items are reported, not placed. */
export function isActive(status: WorkItemStatus): boolean {
  return status === 'proposed' || status === 'planned' || status === 'in_progress';
}

/**
 * The items to plan: the user's own, plus one proposal per maturity level still missing on a
 * capability below target that no user item covers (a user's item wins over a proposal).
 * Proposals of one capability follow each other level by level.
 */
export function collectItems(
  capabilities: readonly Capability[],
  roles: readonly Role[],
  workItems: readonly WorkItem[],
  scenario: Scenario,
): PlanItem[] {
  const byCapability = new Map(capabilities.map((c) => [c.id, c]));
  const items: PlanItem[] = [];
  /** Per capability, per target level: the item that raises it to that level. */
  const covering = new Map<string, Map<number, string>>();

  for (const w of workItems) {
    const capability = w.capabilityId ? byCapability.get(w.capabilityId) : undefined;
    const toWeek = (date: string | null) => (date === null ? null : Math.max(0, weekOf(scenario.startDate, date)));
    // An item in progress without a recorded start is taken as started at week 0.
    const pin = w.pinnedStart !== null ? toWeek(w.pinnedStart) : w.status === 'in_progress' ? 0 : null;
    items.push({
      id: w.id,
      title: w.title,
      source: 'user',
      status: w.status,
      capabilityId: w.capabilityId,
      layer: capability?.layer ?? 'collect',
      hasCapability: capability !== undefined,
      fromMaturity: w.fromMaturity,
      toMaturity: w.toMaturity,
      durationWeeks: w.durationWeeks,
      demand: w.demand,
      predecessors: w.predecessors,
      release: toWeek(w.releaseDate),
      pin,
    });
    if (w.capabilityId && w.fromMaturity !== null && w.toMaturity !== null) {
      const levels = covering.get(w.capabilityId) ?? new Map<number, string>();
      for (let level = w.fromMaturity + 1; level <= w.toMaturity; level++) levels.set(level, w.id);
      covering.set(w.capabilityId, levels);
    }
  }

  for (const capability of capabilities) {
    if (capability.currentMaturity >= capability.targetMaturity) continue;
    const estimate = catalogCapability(capability.id)?.estimate ?? fallbackEstimate(capability, roles);
    if (!estimate) continue;
    const levels = covering.get(capability.id) ?? new Map<number, string>();
    const knownRoles = new Set(roles.map((r) => r.id));
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
        title: `${capability.name}: maturity ${step.from} → ${step.to}`,
        source: 'proposal',
        status: 'proposed',
        capabilityId: capability.id,
        layer: capability.layer,
        hasCapability: true,
        fromMaturity: step.from,
        toMaturity: step.to,
        durationWeeks: step.weeks,
        demand,
        predecessors: previous ? [previous] : [],
        release: null,
        pin: null,
      });
      previous = id;
    }
  }
  return items;
}
