import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LAYER_IDS,
  capabilityScore,
  computeReadiness,
  layerReadiness,
  prerequisitesMet,
  readinessOfLayer,
  readyUpTo,
  type Capability,
  type LayerId,
  type Maturity,
  type Role,
} from '../../../../src/core/domain';

function cap(id: string, layer: LayerId, current: Maturity, target: Maturity, name = id): Capability {
  return { id, name, layer, description: '', currentMaturity: current, targetMaturity: target, owner: '', tools: '', notes: '', fromCatalog: false };
}

describe('capability score', () => {
  it('is current / target below target', () => {
    expect(capabilityScore(cap('a', 'collect', 1, 4))).toBe(0.25);
    expect(capabilityScore(cap('a', 'collect', 0, 3))).toBe(0);
  });

  it('is 1 at or above target, and when the target is 0', () => {
    expect(capabilityScore(cap('a', 'collect', 3, 3))).toBe(1);
    expect(capabilityScore(cap('a', 'collect', 4, 2))).toBe(1);
    expect(capabilityScore(cap('a', 'collect', 0, 0))).toBe(1);
  });
});

describe('layer readiness', () => {
  it('is the minimum of its capabilities, with the mean and the weakest beside it', () => {
    const r = layerReadiness('move_store', [
      cap('warehouse', 'move_store', 2, 2),
      cap('orchestration', 'move_store', 0, 3),
      cap('batch', 'move_store', 1, 2),
      cap('lake', 'move_store', 0, 2),
      cap('events', 'collect', 0, 3),
    ]);
    // Steps in place: 2 + 0 + 1 + 0 of 2 + 3 + 2 + 2 aimed at.
    expect(r).toEqual({ layer: 'move_store', readiness: 0, mean: 0.375, capabilityCount: 4, weakest: ['orchestration', 'lake'], stepsReached: 3, stepsTargeted: 9 });
  });

  it('is 1 with no weakest capability when everything meets its target', () => {
    // A capability past its target counts only up to the target.
    const r = layerReadiness('collect', [cap('a', 'collect', 3, 3), cap('b', 'collect', 0, 0), cap('c', 'collect', 4, 2)]);
    expect(r).toEqual({ layer: 'collect', readiness: 1, mean: 1, capabilityCount: 3, weakest: [], stepsReached: 5, stepsTargeted: 5 });
  });

  it('is untracked (null) when the layer has no capabilities', () => {
    expect(layerReadiness('ai', [cap('a', 'collect', 1, 2)])).toEqual({
      layer: 'ai',
      readiness: null,
      mean: null,
      capabilityCount: 0,
      weakest: [],
      stepsReached: 0,
      stepsTargeted: 0,
    });
  });
});

describe('workspace readiness', () => {
  it('reports every layer bottom to top and the mean of the tracked ones', () => {
    const w = computeReadiness([cap('a', 'collect', 1, 2), cap('b', 'move_store', 3, 3), cap('c', 'ai', 0, 2)]);
    expect(w.layers.map((l) => l.layer)).toEqual([...LAYER_IDS]);
    expect(w.layers.map((l) => l.readiness)).toEqual([0.5, 1, null, null, null, 0]);
    expect(w.overall).toBeCloseTo(0.5);
  });

  it('has no overall readiness when nothing is tracked', () => {
    expect(computeReadiness([]).overall).toBeNull();
  });
});

describe('readyUpTo', () => {
  const w = computeReadiness([
    cap('a', 'collect', 3, 3),
    cap('b', 'move_store', 2, 3),
    cap('c', 'explore_transform', 1, 3),
    cap('d', 'aggregate_label', 3, 3),
  ]);

  it('is the highest layer such that it and every layer below reach the gate', () => {
    expect(readyUpTo(w, 1)).toBe('collect');
    expect(readyUpTo(w, 0.6)).toBe('move_store');
    expect(readyUpTo(w, 0.3)).toBe('aggregate_label');
  });

  it('is null when the bottom layer misses the gate', () => {
    expect(readyUpTo(computeReadiness([cap('a', 'collect', 0, 3), cap('b', 'move_store', 3, 3)]), 0.5)).toBeNull();
    expect(readyUpTo(computeReadiness([]), 0.5)).toBeNull();
  });

  it('lets untracked layers neither block nor count', () => {
    const gappy = computeReadiness([cap('a', 'collect', 3, 3), cap('c', 'explore_transform', 3, 3), cap('e', 'learn_optimize', 0, 2)]);
    expect(readyUpTo(gappy, 0.8)).toBe('explore_transform');
  });

  it('refuses a gate outside [0, 1]', () => {
    expect(() => readyUpTo(w, 1.5)).toThrow(RangeError);
    expect(() => readyUpTo(w, Number.NaN)).toThrow(RangeError);
  });
});

describe('prerequisitesMet', () => {
  const role: Pick<Role, 'prerequisites'> = {
    prerequisites: [
      { kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'orchestration', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'experiment-tracking', minMaturity: 2 },
      { kind: 'layer', layer: 'move_store', minReadiness: 0.5 },
      { kind: 'layer', layer: 'ai', minReadiness: 0.25 },
    ],
  };

  it('lists each unmet prerequisite with what there is, what is needed and a text built from the data', () => {
    const capabilities = [cap('warehouse', 'move_store', 1, 3, 'Warehouse'), cap('orchestration', 'move_store', 2, 3, 'Orchestration')];
    const result = prerequisitesMet(role, capabilities, computeReadiness(capabilities));
    expect(result.met).toBe(false);
    expect(result.unmet.map(({ have, need, text }) => ({ have, need, text }))).toEqual([
      { have: 1, need: 2, text: 'Warehouse at maturity 1, needs 2' },
      { have: null, need: 2, text: 'Experiment tracking and model registry is not in the inventory, needs maturity 2' },
      { have: 1 / 3, need: 0.5, text: 'Move/Store readiness 33%, needs 50%' },
      { have: null, need: 0.25, text: 'AI/Deep learning has no capabilities tracked, needs readiness 25%' },
    ]);
    expect(result.unmet[0]?.prerequisite).toBe(role.prerequisites[0]);
  });

  it('is met when every prerequisite is', () => {
    const capabilities = [
      cap('warehouse', 'move_store', 3, 3),
      cap('orchestration', 'move_store', 2, 3),
      cap('experiment-tracking', 'learn_optimize', 2, 2),
      cap('serving', 'ai', 1, 2),
    ];
    expect(prerequisitesMet(role, capabilities, computeReadiness(capabilities))).toEqual({ met: true, unmet: [] });
    expect(prerequisitesMet({ prerequisites: [] }, [], computeReadiness([]))).toEqual({ met: true, unmet: [] });
  });

  it('uses the custom name of a capability missing from the catalog', () => {
    const result = prerequisitesMet({ prerequisites: [{ kind: 'capability', capabilityId: 'custom-x', minMaturity: 1 }] }, [], computeReadiness([]));
    expect(result.unmet[0]?.text).toBe('custom-x is not in the inventory, needs maturity 1');
  });
});

const maturity = fc.constantFrom<Maturity>(0, 1, 2, 3, 4);
const layer = fc.constantFrom<LayerId>(...LAYER_IDS);
const inventory = fc.array(
  fc.record({ layer, current: maturity, target: maturity }).map(({ layer: l, current, target }) => ({ l, current, target })),
  { maxLength: 40 },
).map((rows) => rows.map((r, i) => cap(`c${i}`, r.l, r.current, r.target)));

describe('readiness properties', () => {
  it('keeps every readiness in [0, 1], with min ≤ mean', () => {
    fc.assert(
      fc.property(inventory, (capabilities) => {
        const w = computeReadiness(capabilities);
        for (const l of w.layers) {
          if (l.readiness === null) {
            expect(l.capabilityCount).toBe(0);
            continue;
          }
          expect(l.readiness).toBeGreaterThanOrEqual(0);
          expect(l.readiness).toBeLessThanOrEqual(1);
          expect(l.readiness).toBeLessThanOrEqual(l.mean ?? -1);
        }
        if (w.overall !== null) {
          expect(w.overall).toBeGreaterThanOrEqual(0);
          expect(w.overall).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('never lowers any readiness when a maturity is raised', () => {
    fc.assert(
      fc.property(inventory, fc.nat(), (capabilities, pick) => {
        fc.pre(capabilities.length > 0);
        const index = pick % capabilities.length;
        const before = computeReadiness(capabilities);
        const target = capabilities[index];
        if (!target || target.currentMaturity === 4) return;
        const raised = capabilities.map((c, i) => (i === index ? { ...c, currentMaturity: (c.currentMaturity + 1) as Maturity } : c));
        const after = computeReadiness(raised);
        for (const id of LAYER_IDS) {
          const b = readinessOfLayer(before, id);
          const a = readinessOfLayer(after, id);
          if (b.readiness !== null) expect(a.readiness ?? -1).toBeGreaterThanOrEqual(b.readiness);
        }
        expect(after.overall ?? -1).toBeGreaterThanOrEqual(before.overall ?? -1);
        for (const gate of [0.25, 0.5, 1]) {
          const upBefore = readyUpTo(before, gate);
          const upAfter = readyUpTo(after, gate);
          const level = (l: LayerId | null) => (l === null ? -1 : LAYER_IDS.indexOf(l));
          expect(level(upAfter)).toBeGreaterThanOrEqual(level(upBefore));
        }
      }),
    );
  });
});
