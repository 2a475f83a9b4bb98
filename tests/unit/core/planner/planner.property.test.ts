import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../../../src/core/planner';
import { inputOf, organisation } from './random-organisation';
import { expectAsksHold, expectExplanationsGrounded, expectGatesRespected, expectHireReasonsHold, expectHiringLimitsHeld, expectNoLuxuryHireEarly } from './helpers';

describe('the planner over random organisations', () => {
  it('keeps its promises: reasons hold in the plan’s data, gates wait only for work that can be done, limits hold', () => {
    fc.assert(
      fc.property(organisation, (org) => {
        const input = inputOf(org);
        const result = plan(input);
        expectGatesRespected(result);
        expectHiringLimitsHeld(result, input);
        expectHireReasonsHold(result, input);
        expectAsksHold(result, input);
        expectNoLuxuryHireEarly(result, input);
        expectExplanationsGrounded(result, input);
        const byId = new Map(result.items.map((i) => [i.id, i]));
        for (const item of result.items) {
          // No work waits on a gate that only work nobody can do holds back: gates wait for scheduled items only…
          if (item.placement.kind === 'gate') for (const id of item.placement.itemIds ?? []) expect(byId.get(id)?.start).not.toBeNull();
          // …and an item is held up by unscheduled work only through its own chain (its capability's steps, or the lead's predecessors).
          if (item.start === null && item.placement.kind === 'unscheduled' && item.placement.itemIds) {
            for (const id of item.placement.itemIds) expect(item.predecessors).toContain(id);
          }
        }
        // What nobody can do is waived from its layer's gate, so every layer the target needs gets a gate week.
        for (const layer of result.layers) {
          if (layer.gatedCapabilityIds.length > 0) expect(layer.readyWeek, `${layer.name} gets ready`).not.toBeNull();
        }
        // No hire when hiring is off.
        if (input.scenario.hiringBudgetPerQuarter === 0 || input.scenario.maxHiresPerQuarter === 0) expect(result.hires.filter((h) => h.source === 'proposed')).toEqual([]);
      }),
      { numRuns: process.env['STRYKER_MUTATOR_WORKER'] === undefined ? 40 : 10, seed: 20261201 },
    );
  }, 120_000);
});
