import { computeReadiness, prerequisitesMet, readinessOfLayer, type PrerequisiteCheck, type WorkspaceReadiness } from '../domain/readiness';
import type { LayerId } from '../domain/layers';
import type { Maturity } from '../domain/maturity';
import type { Capability, Role } from '../domain/types';

/** A capability reaches a maturity when an item that raises it finishes. */
export interface MaturityEvent {
  readonly capabilityId: string;
  readonly week: number;
  readonly maturity: Maturity;
}

interface Frame {
  readonly week: number;
  readonly capabilities: readonly Capability[];
  readonly readiness: WorkspaceReadiness;
}

/**
 * The inventory as the plan projects it, week by week: maturities rise as items finish. Only the
 * weeks where something changes are kept, so a query is a walk over a few dozen frames.
 */
export class Projection {
  readonly frames: readonly Frame[];

  constructor(capabilities: readonly Capability[], events: readonly MaturityEvent[]) {
    const frames: Frame[] = [{ week: 0, capabilities, readiness: computeReadiness(capabilities) }];
    const sorted = [...events].sort((a, b) => a.week - b.week);
    let current = new Map(capabilities.map((c) => [c.id, c]));
    for (let i = 0; i < sorted.length; ) {
      const week = sorted[i]!.week;
      const next = new Map(current);
      for (; i < sorted.length && sorted[i]!.week === week; i++) {
        const e = sorted[i]!;
        const capability = next.get(e.capabilityId);
        if (capability && e.maturity > capability.currentMaturity) next.set(e.capabilityId, { ...capability, currentMaturity: e.maturity });
      }
      current = next;
      const list = [...current.values()];
      const frame = { week, capabilities: list, readiness: computeReadiness(list) };
      if (week === 0) frames[0] = frame;
      else frames.push(frame);
    }
    this.frames = frames;
  }

  at(week: number): Frame {
    let found = this.frames[0]!;
    for (const f of this.frames) {
      if (f.week > week) break;
      found = f;
    }
    return found;
  }

  layerReadinessAt(layer: LayerId, week: number): number | null {
    return readinessOfLayer(this.at(week).readiness, layer).readiness;
  }

  /**
   * First week the layer's readiness reaches `gate`. An untracked layer holds nothing back (week
   * 0); null when the layer does not get there.
   */
  gateWeek(layer: LayerId, gate: number): number | null {
    for (const f of this.frames) {
      const r = readinessOfLayer(f.readiness, layer).readiness;
      if (r === null || r >= gate - 1e-9) return f.week;
    }
    return null;
  }

  prerequisitesAt(role: Pick<Role, 'prerequisites'>, week: number): PrerequisiteCheck {
    const f = this.at(week);
    return prerequisitesMet(role, f.capabilities, f.readiness);
  }

  /** First week all of a role's prerequisites are in place; null when not in this projection. */
  prerequisitesReadyWeek(role: Pick<Role, 'prerequisites'>): number | null {
    for (const f of this.frames) if (prerequisitesMet(role, f.capabilities, f.readiness).met) return f.week;
    return null;
  }

  get last(): Frame {
    return this.frames[this.frames.length - 1]!;
  }
}
