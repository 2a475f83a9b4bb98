import fc from 'fast-check';
import { CATALOG_CAPABILITIES, capabilityFromCatalog } from '../../../../src/core/domain/catalog/capabilities';
import { CATALOG_ROLES, roleFromCatalog } from '../../../../src/core/domain/catalog/roles';
import { LAYER_IDS } from '../../../../src/core/domain/layers';
import type { Maturity } from '../../../../src/core/domain/maturity';
import { defaultScenario, type Scenario } from '../../../../src/core/domain/planning';
import type { Person } from '../../../../src/core/domain/types';
import type { PlanInput } from '../../../../src/core/planner';

/** Random organisations for the planner's property tests: any maturities, any team, any scenario limits. */
const TODAY = '2026-12-01';
const roles = CATALOG_ROLES.map(roleFromCatalog);
const roleIds = roles.map((r) => r.id);

const date = (from: number, to: number) => fc.integer({ min: from, max: to }).map((days) => new Date(Date.UTC(2026, 11, 1 + days)).toISOString().slice(0, 10));

export const person = fc
  .record({
    roleId: fc.constantFrom(...roleIds),
    fte: fc.constantFrom(0.5, 0.8, 1),
    status: fc.constantFrom('on_staff', 'on_staff', 'on_staff', 'open_req', 'planned'),
    start: fc.option(date(-1500, 200), { nil: null }),
    leaves: fc.option(date(30, 600), { nil: null }),
  })

export const organisation = fc.record({
  maturities: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: CATALOG_CAPABILITIES.length, maxLength: CATALOG_CAPABILITIES.length }),
  people: fc.array(person, { maxLength: 8 }),
  targetLayer: fc.constantFrom(...LAYER_IDS),
  budget: fc.constantFrom(null, 0, 130_000, 400_000),
  maxHires: fc.integer({ min: 0, max: 3 }),
  gate: fc.constantFrom(0.5, 0.75, 1),
  runShare: fc.constantFrom(0, 0.2, 0.35),
  horizon: fc.integer({ min: 4, max: 10 }),
});

export type Organisation = typeof organisation extends fc.Arbitrary<infer T> ? T : never;

export function inputOf(org: Organisation): PlanInput {
  const capabilities = CATALOG_CAPABILITIES.map((entry, i) => {
    const [a, b] = org.maturities[i]!;
    return { ...capabilityFromCatalog(entry), currentMaturity: Math.min(a, b) as Maturity, targetMaturity: Math.max(a, b) as Maturity };
  });
  const people: Person[] = org.people.map((p, i) => ({
    id: `p${i}`,
    name: `Person ${i}`,
    roleId: p.roleId,
    fte: p.fte,
    status: p.status as Person['status'],
    startDate: p.start,
    endDate: p.status === 'on_staff' && p.leaves !== null && (p.start === null || p.leaves >= p.start) ? p.leaves : null,
  }));
  const scenario: Scenario = {
    ...defaultScenario(TODAY),
    targetLayer: org.targetLayer,
    hiringBudgetPerQuarter: org.budget,
    maxHiresPerQuarter: org.maxHires,
    gateThreshold: org.gate,
    runShare: org.runShare,
    horizonQuarters: org.horizon,
    salaries: { 'data-engineer': 120_000, 'platform-engineer': 125_000, 'data-scientist': 140_000, 'ml-engineer': 150_000 },
  };
  return { organisation: { name: 'Random' }, capabilities, roles, people, workItems: [], scenario, asOf: TODAY };
}


/**
 * Found by the property test (seed 7): nobody on staff, a Learn/Optimize target, one hire a quarter.
 * The climb hires an analytics engineer for a layer whose work the whole plan then gives to others,
 * so the pruning step drops that hire again.
 */
export const PRUNED_HIRE_ORGANISATION: Organisation = {
  maturities: [[0, 1], [0, 2], [1, 0], [0, 2], [2, 3], [0, 3], [3, 1], [4, 1], [1, 0], [0, 0], [0, 0], [1, 1], [2, 0], [4, 0], [0, 0], [0, 0], [4, 4], [2, 0], [1, 0], ...Array.from({ length: 12 }, (): [number, number] => [0, 0])],
  people: [],
  targetLayer: 'learn_optimize',
  budget: null,
  maxHires: 1,
  gate: 0.75,
  runShare: 0.2,
  horizon: 6,
};

/**
 * Found by the property test (seed 22): requisitions only, one of them an ML engineer, an AI target.
 * Counting the ML engineer once the finished plan has their foundations leaves a hire with too
 * little work, so the planner prunes again after deferring.
 */
export const DEFERRED_THEN_PRUNED: Organisation = {
  maturities: [[2, 2], [0, 0], [2, 2], [1, 0], [0, 0], [4, 0], [0, 1], [2, 0], [2, 3], [2, 0], [2, 0], [1, 1], [3, 1], [2, 2], [1, 0], [2, 2], [2, 2], [1, 1], [2, 0], [3, 0], [2, 3], [0, 0], [2, 4], [0, 0], [1, 0], [0, 0], [1, 1], [2, 0], [2, 0], [0, 1], [0, 2]],
  people: [
    { roleId: 'ml-engineer', fte: 0.5, status: 'planned', start: null, leaves: null },
    { roleId: 'software-engineer', fte: 1, status: 'planned', start: null, leaves: null },
    { roleId: 'data-analyst', fte: 0.5, status: 'planned', start: null, leaves: null },
  ],
  targetLayer: 'ai',
  budget: null,
  maxHires: 3,
  gate: 0.75,
  runShare: 0,
  horizon: 4,
};
