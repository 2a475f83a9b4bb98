/**
 * Readiness: how far each layer of the pyramid is from where the organisation wants it.
 *
 *   score(c)          = 1                               if target(c) = 0 or current(c) ≥ target(c)
 *                     = current(c) / target(c)          otherwise
 *   readiness(layer)  = min over the layer's capabilities of score(c)     (null: no capabilities)
 *   overall           = mean over tracked layers of readiness(layer)      (null: nothing tracked)
 *
 * A layer takes the minimum, not the mean, because a layer is only as ready as its weakest
 * capability: a perfect warehouse does not help when nothing schedules the loads into it. The ML
 * Test Score (Breck et al., 2017, "The ML Test Score: A Rubric for ML Production Readiness and
 * Technical Debt Reduction") scores a system by the minimum of its sections for the same reason.
 * The mean is reported beside it so the UI can show progress that the minimum hides.
 *
 * Overall takes the mean across layers, not the minimum: the top layers of most organisations
 * start at 0, so a minimum would read 0 for nearly everyone and never move while the foundations
 * improve. The order of the pyramid is expressed by `readyUpTo` instead.
 *
 * docs/domain.md explains the same in prose.
 */
import { LAYERS, layerById, type LayerId } from './layers';
import type { Capability, Prerequisite, Role } from './types';
import { catalogCapability } from './catalog/capabilities';
import { formatPercent } from '../format';

type Scored = Pick<Capability, 'currentMaturity' | 'targetMaturity'>;

export function capabilityScore(capability: Scored): number {
  const { currentMaturity: current, targetMaturity: target } = capability;
  if (target === 0 || current >= target) return 1;
  return current / target;
}

export interface LayerReadiness {
  readonly layer: LayerId;
  /** Minimum capability score in [0, 1]; null when the layer has no capabilities (untracked). */
  readonly readiness: number | null;
  /** Mean capability score in [0, 1]; null when untracked. */
  readonly mean: number | null;
  readonly capabilityCount: number;
  /** Ids of the capabilities that set the minimum, in input order; empty when the layer is fully ready or untracked. */
  readonly weakest: readonly string[];
  /**
   * Maturity steps in place and aimed at: Σ min(current, target) and Σ target over the layer's
   * capabilities — the effort the minimum hides ("17 of 36 steps").
   */
  readonly stepsReached: number;
  readonly stepsTargeted: number;
}

export interface WorkspaceReadiness {
  /** One entry per layer, bottom to top. */
  readonly layers: readonly LayerReadiness[];
  readonly overall: number | null;
}

type Tracked = Pick<Capability, 'id' | 'layer' | 'currentMaturity' | 'targetMaturity'>;

export function layerReadiness(layer: LayerId, capabilities: readonly Tracked[]): LayerReadiness {
  const own = capabilities.filter((c) => c.layer === layer);
  if (own.length === 0) return { layer, readiness: null, mean: null, capabilityCount: 0, weakest: [], stepsReached: 0, stepsTargeted: 0 };
  const scores = own.map(capabilityScore);
  const min = Math.min(...scores);
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  const weakest = min < 1 ? own.filter((_, i) => scores[i] === min).map((c) => c.id) : [];
  const stepsReached = own.reduce((sum, c) => sum + Math.min(c.currentMaturity, c.targetMaturity), 0);
  const stepsTargeted = own.reduce((sum, c) => sum + c.targetMaturity, 0);
  return { layer, readiness: min, mean, capabilityCount: own.length, weakest, stepsReached, stepsTargeted };
}

export function computeReadiness(capabilities: readonly Tracked[]): WorkspaceReadiness {
  const layers = LAYERS.map((l) => layerReadiness(l.id, capabilities));
  const tracked = layers.flatMap((l) => (l.readiness === null ? [] : [l.readiness]));
  const overall = tracked.length === 0 ? null : tracked.reduce((sum, r) => sum + r, 0) / tracked.length;
  return { layers, overall };
}

export function readinessOfLayer(readiness: WorkspaceReadiness, layer: LayerId): LayerReadiness {
  return readiness.layers.find((l) => l.layer === layer) ?? { layer, readiness: null, mean: null, capabilityCount: 0, weakest: [], stepsReached: 0, stepsTargeted: 0 };
}

/**
 * The highest layer such that it and every layer below it reach `gate` (in [0, 1]); null when the
 * bottom tracked layer does not. Untracked layers neither block nor count: there is no work to
 * wait for in them, and a layer with nothing in it cannot be "ready up to".
 */
export function readyUpTo(readiness: WorkspaceReadiness, gate: number): LayerId | null {
  if (!(gate >= 0 && gate <= 1)) throw new RangeError(`readiness gate must be between 0 and 1, got ${gate}`);
  let reached: LayerId | null = null;
  for (const layer of LAYERS) {
    const r = readinessOfLayer(readiness, layer.id).readiness;
    if (r === null) continue;
    if (r < gate) break;
    reached = layer.id;
  }
  return reached;
}

export interface UnmetPrerequisite {
  readonly prerequisite: Prerequisite;
  /** Current maturity, or layer readiness; null when the capability is not in the inventory or the layer is untracked. */
  readonly have: number | null;
  /** Minimum maturity, or minimum layer readiness. */
  readonly need: number;
  /** Plain-language reason built from the data, e.g. "Warehouse at maturity 1, needs 2". */
  readonly text: string;
}

export interface PrerequisiteCheck {
  readonly met: boolean;
  readonly unmet: readonly UnmetPrerequisite[];
}

type Named = Pick<Capability, 'id' | 'name' | 'currentMaturity'>;

/**
 * Which of a role's prerequisites the given inventory and readiness do not meet. A capability
 * missing from the inventory counts as maturity 0; an untracked layer never meets a layer
 * prerequisite, since nothing shows that its foundations exist.
 */
export function prerequisitesMet(
  role: Pick<Role, 'prerequisites'>,
  capabilities: readonly Named[] | ReadonlyMap<string, Named>,
  readiness: WorkspaceReadiness,
): PrerequisiteCheck {
  const byId = capabilities instanceof Map ? capabilities : new Map((capabilities as readonly Named[]).map((c) => [c.id, c]));
  const unmet: UnmetPrerequisite[] = [];
  for (const prerequisite of role.prerequisites) {
    const { have, need, met } = prerequisiteState(prerequisite, byId, readiness);
    if (met) continue;
    if (prerequisite.kind === 'capability') {
      const capability = byId.get(prerequisite.capabilityId);
      const name = capability?.name ?? catalogCapability(prerequisite.capabilityId)?.name ?? prerequisite.capabilityId;
      unmet.push({ prerequisite, have, need, text: capability ? `${name} at maturity ${have}, needs ${need}` : `${name} is not in the inventory, needs maturity ${need}` });
    } else {
      const layerName = layerById(prerequisite.layer).name;
      unmet.push({
        prerequisite,
        have,
        need,
        text: have === null ? `${layerName} has no capabilities tracked, needs readiness ${percentUp(need)}` : `${layerName} readiness ${percentDown(have)}, needs ${percentUp(need)}`,
      });
    }
  }
  return { met: unmet.length === 0, unmet };
}

/** Whether every one of a role's prerequisites is met (prerequisitesMet without the reasons, for scans over many weeks). */
export function allPrerequisitesMet(role: Pick<Role, 'prerequisites'>, byId: ReadonlyMap<string, Named>, readiness: () => WorkspaceReadiness): boolean {
  let computed: WorkspaceReadiness | null = null;
  for (const prerequisite of role.prerequisites) {
    if (prerequisite.kind === 'layer') computed ??= readiness();
    if (!prerequisiteState(prerequisite, byId, computed).met) return false;
  }
  return true;
}

/** One prerequisite against an inventory: what there is, what is needed, and whether that is enough. */
function prerequisiteState(prerequisite: Prerequisite, byId: ReadonlyMap<string, Named>, readiness: WorkspaceReadiness | null): { have: number | null; need: number; met: boolean } {
  if (prerequisite.kind === 'capability') {
    const need = prerequisite.minMaturity;
    const capability = byId.get(prerequisite.capabilityId);
    // A capability missing from the inventory counts as maturity 0.
    if (!capability) return { have: null, need, met: need <= 0 };
    return { have: capability.currentMaturity, need, met: capability.currentMaturity >= need };
  }
  const need = prerequisite.minReadiness;
  const have = readiness === null ? null : readinessOfLayer(readiness, prerequisite.layer).readiness;
  return { have, need, met: have !== null && have >= need };
}

// Rounding "have" down (the one percentage rule, core/format.ts) and "need" up keeps a shortfall
// from printing as "50%, needs 50%".
function percentDown(value: number): string {
  return formatPercent(value);
}

function percentUp(value: number): string {
  return `${Math.ceil(value * 100 - 1e-9)}%`;
}
