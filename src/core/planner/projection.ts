import { allPrerequisitesMet, capabilityScore, computeReadiness, prerequisitesMet, type PrerequisiteCheck, type WorkspaceReadiness } from '../domain/readiness';
import type { LayerId } from '../domain/layers';
import type { Maturity } from '../domain/maturity';
import type { Capability, Role } from '../domain/types';

/** A capability reaches a maturity when an item that raises it finishes. */
export interface MaturityEvent {
  readonly capabilityId: string;
  readonly week: number;
  readonly maturity: Maturity;
}

export interface Frame {
  readonly week: number;
  readonly capabilities: readonly Capability[];
  readonly byId: ReadonlyMap<string, Capability>;
  /** Computed on first use: most frames are only asked for maturities. */
  readonly readiness: WorkspaceReadiness;
}

/**
 * What a layer's gate counts: per capability of the layer, the maturity the plan aims at. A
 * capability the target does not need is left out; one whose higher levels nobody can build
 * counts up to the level the plan can reach (the rest is waived, and reported).
 */
export type GateSet = ReadonlyMap<string, { readonly layer: LayerId; readonly target: number }>;

/**
 * The inventory as the plan projects it, week by week: maturities rise as items finish. Only the
 * weeks where something changes are kept, so a query is a walk over a few dozen frames.
 */
export class Projection {
  /** Per capability, the weeks it reaches each maturity (index = maturity; undefined: never). */
  private readonly reached = new Map<string, (number | undefined)[]>();
  private framesCache: readonly Frame[] | null = null;

  constructor(
    private readonly capabilities: readonly Capability[],
    private readonly events: readonly MaturityEvent[],
  ) {
    for (const c of capabilities) {
      const weeks: (number | undefined)[] = [];
      for (let m = 0; m <= c.currentMaturity; m++) weeks[m] = 0;
      this.reached.set(c.id, weeks);
    }
    for (const e of events) {
      const weeks = this.reached.get(e.capabilityId);
      if (!weeks) continue;
      const week = Math.max(0, e.week);
      for (let m = 0; m <= e.maturity; m++) if (weeks[m] === undefined || weeks[m]! > week) weeks[m] = week;
    }
  }

  /**
   * The inventory at each week where something changes, built on first use: most projections (one
   * per scheduling pass) are only asked when capabilities reach a maturity (`reachWeek`, `gateWeek`).
   */
  get frames(): readonly Frame[] {
    this.framesCache ??= framesOf(this.capabilities, this.events);
    return this.framesCache;
  }

  at(week: number): Frame {
    let found = this.frames[0]!;
    for (const f of this.frames) {
      if (f.week > week) break;
      found = f;
    }
    return found;
  }

  /** Weakest-link readiness of the layer over the gate set at `week` (null: nothing gated there). */
  gatedReadinessAt(layer: LayerId, gated: GateSet, week: number): number | null {
    return gatedReadiness(this.at(week), layer, gated);
  }

  /** Mean score over the gate set at `week` (null: nothing gated there). */
  gatedMeanAt(layer: LayerId, gated: GateSet, week: number): number | null {
    const frame = this.at(week);
    let sum = 0;
    let n = 0;
    for (const [id, g] of gated) {
      if (g.layer !== layer) continue;
      const c = frame.byId.get(id);
      if (!c) continue;
      sum += capabilityScore({ currentMaturity: c.currentMaturity, targetMaturity: g.target as Maturity });
      n += 1;
    }
    return n === 0 ? null : sum / n;
  }

  /** First week a capability is at `maturity` or more (0 when it already is); null when never in this projection. */
  reachWeek(capabilityId: string, maturity: number): number | null {
    if (maturity <= 0) return 0;
    return this.reached.get(capabilityId)?.[maturity] ?? null;
  }

  /**
   * First week the layer's readiness over the gate set reaches `gate`. Maturities only rise, so it
   * is the latest week any of its capabilities reaches target × gate. A layer with nothing gated
   * holds nothing back (week 0); null when the layer does not get there in this projection.
   */
  gateWeek(layer: LayerId, gated: GateSet, gate: number): number | null {
    let week = 0;
    for (const [id, g] of gated) {
      if (g.layer !== layer) continue;
      const need = Math.ceil(g.target * gate - 1e-9);
      const w = this.reachWeek(id, need);
      if (w === null) return null;
      week = Math.max(week, w);
    }
    return week;
  }

  prerequisitesAt(role: Pick<Role, 'prerequisites'>, week: number): PrerequisiteCheck {
    const f = this.at(week);
    return prerequisitesMet(role, f.byId, f.readiness);
  }

  /** First week all of a role's prerequisites are in place; null when not in this projection. */
  prerequisitesReadyWeek(role: Pick<Role, 'prerequisites'>): number | null {
    for (const f of this.frames) if (allPrerequisitesMet(role, f.byId, () => f.readiness)) return f.week;
    return null;
  }

  /** First week a capability reaches a maturity; null when it does not. */
  capabilityReadyWeek(capabilityId: string, maturity: number): number | null {
    for (const f of this.frames) if ((f.byId.get(capabilityId)?.currentMaturity ?? -1) >= maturity) return f.week;
    return null;
  }

  get last(): Frame {
    return this.frames[this.frames.length - 1]!;
  }
}

function framesOf(capabilities: readonly Capability[], events: readonly MaturityEvent[]): Frame[] {
  const frames: Frame[] = [frameOf(0, capabilities)];
  const sorted = [...events].sort((a, b) => a.week - b.week);
  let current = new Map(capabilities.map((c) => [c.id, c]));
  for (let i = 0; i < sorted.length; ) {
    const week = Math.max(0, sorted[i]!.week);
    const next = new Map(current);
    let changed = false;
    for (; i < sorted.length && Math.max(0, sorted[i]!.week) === week; i++) {
      const e = sorted[i]!;
      const capability = next.get(e.capabilityId);
      if (capability && e.maturity > capability.currentMaturity) {
        next.set(e.capabilityId, { ...capability, currentMaturity: e.maturity });
        changed = true;
      }
    }
    if (!changed) continue;
    current = next;
    const frame = frameOf(week, [...current.values()]);
    if (week === 0) frames[0] = frame;
    else frames.push(frame);
  }
  return frames;
}

function frameOf(week: number, capabilities: readonly Capability[]): Frame {
  let readiness: WorkspaceReadiness | null = null;
  return {
    week,
    capabilities,
    byId: new Map(capabilities.map((c) => [c.id, c])),
    get readiness() {
      readiness ??= computeReadiness(capabilities);
      return readiness;
    },
  };
}

function gatedReadiness(frame: Frame, layer: LayerId, gated: GateSet): number | null {
  let min: number | null = null;
  for (const [id, g] of gated) {
    if (g.layer !== layer) continue;
    const c = frame.byId.get(id);
    if (!c) continue;
    const score = capabilityScore({ currentMaturity: c.currentMaturity, targetMaturity: g.target as Maturity });
    min = min === null ? score : Math.min(min, score);
  }
  return min;
}
