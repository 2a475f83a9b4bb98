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
 * Found by sampling (fast-check seed 42, sample 140): nobody on staff, an AI target, a budget of
 * 130k a quarter. The climb hires a data analyst, a statistician and a second analytics engineer
 * for layers whose work the finished plan then gives to the people hired before them, so the
 * pruning step drops them one at a time.
 */
export const PRUNED_HIRE_ORGANISATION: Organisation = {
  maturities: [[3, 3], [0, 3], [2, 2], [1, 4], [1, 0], [4, 4], [1, 0], [0, 2], [0, 4], [0, 0], [1, 0], [2, 3], [4, 2], [2, 4], [2, 4], [1, 3], [3, 1], [0, 1], [2, 1], [1, 4], [4, 2], [3, 2], [2, 0], [0, 2], [1, 4], [4, 0], [2, 3], [0, 1], [0, 1], [2, 0], [4, 2]],
  people: [],
  targetLayer: 'ai',
  budget: 130_000,
  maxHires: 3,
  gate: 0.5,
  runShare: 0.2,
  horizon: 9,
};

/**
 * Found by sampling (fast-check seed 42, sample 167): requisitions and planned hires of several
 * roles, a data scientist among them, an AI target. The finished plan has the data scientist's
 * foundations at another week than the climb counted them from, so the deferring step moves them.
 */
export const LUXURY_DEFERRED: Organisation = {
  maturities: [[0, 4], [4, 3], [3, 4], [4, 1], [2, 0], [2, 4], [4, 3], [4, 3], [3, 2], [0, 2], [3, 4], [2, 0], [2, 4], [0, 3], [1, 1], [4, 3], [3, 1], [3, 2], [3, 3], [0, 2], [1, 0], [4, 0], [2, 3], [3, 3], [1, 1], [3, 1], [0, 0], [1, 1], [3, 0], [1, 0], [3, 1]],
  people: [
    { roleId: 'data-scientist', fte: 1, status: 'open_req', start: '2023-02-18', leaves: '2028-02-20' },
    { roleId: 'platform-engineer', fte: 0.8, status: 'planned', start: '2027-03-06', leaves: '2027-12-30' },
    { roleId: 'data-engineer', fte: 0.8, status: 'open_req', start: '2026-12-26', leaves: null },
    { roleId: 'data-analyst', fte: 1, status: 'planned', start: '2025-07-10', leaves: null },
  ],
  targetLayer: 'ai',
  budget: 400_000,
  maxHires: 3,
  gate: 0.5,
  runShare: 0.35,
  horizon: 5,
};

/**
 * Found by sampling (fast-check seed 42, sample 470; one in 600 does this): planned data scientists
 * and leavers, a Learn/Optimize target with a full gate. Counting a planned data scientist from
 * when the finished plan has their foundations leaves a hire with too little work, so the planner
 * prunes again after deferring.
 */
export const DEFERRED_THEN_PRUNED: Organisation = {
  maturities: [[4, 0], [0, 3], [3, 0], [4, 3], [1, 0], [3, 0], [0, 1], [1, 2], [2, 2], [1, 2], [4, 3], [0, 4], [2, 1], [3, 1], [0, 0], [0, 1], [4, 2], [0, 2], [2, 3], [0, 0], [4, 4], [2, 3], [4, 0], [3, 0], [2, 3], [4, 4], [4, 0], [1, 1], [0, 3], [4, 2], [3, 0]],
  people: [
    { roleId: 'platform-engineer', fte: 0.5, status: 'open_req', start: '2025-10-21', leaves: null },
    { roleId: 'data-engineer', fte: 0.5, status: 'planned', start: '2025-04-25', leaves: null },
    { roleId: 'data-scientist', fte: 1, status: 'planned', start: '2023-01-15', leaves: null },
    { roleId: 'platform-engineer', fte: 1, status: 'on_staff', start: null, leaves: '2027-04-09' },
    { roleId: 'statistician', fte: 0.5, status: 'on_staff', start: '2023-02-24', leaves: null },
    { roleId: 'data-scientist', fte: 1, status: 'on_staff', start: '2023-08-28', leaves: '2028-06-29' },
    { roleId: 'data-scientist', fte: 0.5, status: 'planned', start: '2024-06-28', leaves: null },
  ],
  targetLayer: 'learn_optimize',
  budget: 400_000,
  maxHires: 3,
  gate: 1,
  runShare: 0.2,
  horizon: 6,
};
