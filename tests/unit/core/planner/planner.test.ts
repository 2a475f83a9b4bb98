import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CATALOG_CAPABILITIES, capabilityFromCatalog } from '../../../../src/core/domain/catalog/capabilities';
import { CATALOG_ROLES, roleFromCatalog } from '../../../../src/core/domain/catalog/roles';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { layerLevel } from '../../../../src/core/domain/layers';
import { defaultScenario, type Scenario, type WorkItem } from '../../../../src/core/domain/planning';
import type { Capability, Person } from '../../../../src/core/domain/types';
import { plan, plannerMachine, type PlanInput } from '../../../../src/core/planner';
import { expectExplanationsGrounded, expectGatesRespected, expectHireReasonsHold, expectHiringLimitsHeld, expectNoLuxuryHireEarly } from './helpers';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const roles = CATALOG_ROLES.map(roleFromCatalog);

function demoInput(overrides: Partial<Scenario> = {}, workItems: WorkItem[] = []): PlanInput {
  return { ...demo, workItems, scenario: { ...defaultScenario(TODAY), ...overrides }, asOf: TODAY };
}

function item(fields: Partial<WorkItem> & Pick<WorkItem, 'id' | 'title'>): WorkItem {
  return {
    capabilityId: null,
    fromMaturity: null,
    toMaturity: null,
    durationWeeks: 3,
    demand: {},
    predecessors: [],
    releaseDate: null,
    pinnedStart: null,
    status: 'planned',
    actualStart: null,
    actualFinish: null,
    notes: '',
    ...fields,
  };
}

describe('planner machine', () => {
  it('runs to its final state through createActor and outputs the plan', () => {
    const actor = createActor(plannerMachine, { input: demoInput() });
    actor.start();
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('done');
    expect(snapshot.output?.version).toBe(2);
    expect(snapshot.output?.decisions[0]?.kind).toBe('assess');
    expect(snapshot.output?.decisions.at(-1)?.kind).toBe('review');
  });

  it('is deterministic', () => {
    expect(plan(demoInput())).toEqual(plan(demoInput()));
  });
});

describe('the demo organisation', () => {
  const input = demoInput();
  const result = plan(input);

  it('proposes foundation roles first, never a luxury hire before its foundations', () => {
    const proposed = result.hires.filter((h) => h.source === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    const first = proposed.filter((h) => h.startWeek === proposed[0]!.startWeek);
    for (const hire of first) expect(roles.find((r) => r.id === hire.roleId)?.needsFoundations, hire.roleName).toBe(false);
    expectNoLuxuryHireEarly(result, input);
  });

  it('flags the open ML-engineer requisition with what to do about it', () => {
    const mlReq = demo.people.find((p) => p.roleId === 'ml-engineer' && p.status === 'open_req')!;
    const warning = result.warnings.find((w) => w.code === 'luxury-hire-early' && w.personId === mlReq.id);
    expect(warning).toBeDefined();
    expect(warning!.severity).toBe('critical');
    expect(warning!.message).toContain('Orchestration');
    // The name already says "ML engineer (open requisition)": it is not said twice.
    expect(warning!.message).not.toContain('(ML engineer, open requisition)');
    expect(warning!.action).toMatch(/^(Pause|Move) the ML engineer open requisition/);
  });

  it('labels quarters by the calendar and shows dates, not weeks', () => {
    expect(result.quarters[0]).toMatchObject({ label: '2027-Q1', firstDay: '2027-01-01', lastDay: '2027-03-31', startWeek: 0 });
    expect(result.quarters[1]).toMatchObject({ label: '2027-Q2', firstDay: '2027-04-01', lastDay: '2027-06-30' });
    for (const i of result.items.filter((x) => x.startDate !== null)) {
      const q = result.quarters.find((x) => i.startDate! >= x.firstDay && i.startDate! <= x.lastDay);
      if (q) expect(i.startQuarter).toBe(q.label);
    }
    for (const d of result.decisions) expect(d.text, d.text).not.toMatch(/\bweek \d/);
    for (const w of result.warnings) expect(w.message).not.toMatch(/\bweek \d/);
  });

  it('keeps every gate, the hiring limits, and grounds every explanation in the plan', () => {
    expectGatesRespected(result);
    expectHiringLimitsHeld(result, input);
    expectHireReasonsHold(result, input);
    expectExplanationsGrounded(result, input);
  });

  it('keeps a share of everyone’s time for run work: roadmap work takes longer by it', () => {
    const full = plan(demoInput({ runShare: 0 }));
    const share = result.items.find((i) => i.id === 'proposal:event-instrumentation:2')!;
    const focused = full.items.find((i) => i.id === 'proposal:event-instrumentation:2')!;
    expect(focused.scheduledWeeks).toBe(4);
    expect(share.scheduledWeeks).toBe(5);
  });
});

describe('mature foundations and no data scientist', () => {
  const capabilities: Capability[] = CATALOG_CAPABILITIES.map((c) => {
    const cap = capabilityFromCatalog(c);
    // Everything up to Aggregate/Label is at target; learning and AI are not started.
    return layerLevel(c.layer) <= 3 ? { ...cap, currentMaturity: cap.targetMaturity } : cap;
  });
  const people: Person[] = [
    { id: 'p1', name: 'Ana', roleId: 'data-engineer', fte: 1, status: 'on_staff', startDate: '2024-01-01', endDate: null },
    { id: 'p2', name: 'Ben', roleId: 'data-analyst', fte: 1, status: 'on_staff', startDate: '2024-01-01', endDate: null },
    { id: 'p3', name: 'Cy', roleId: 'platform-engineer', fte: 1, status: 'on_staff', startDate: '2024-01-01', endDate: null },
    { id: 'p4', name: 'Di', roleId: 'analytics-engineer', fte: 1, status: 'on_staff', startDate: '2024-01-01', endDate: null },
  ];
  const input: PlanInput = { organisation: { name: 'Mature Co' }, capabilities, roles, people, workItems: [], scenario: defaultScenario(TODAY), asOf: TODAY };
  const result = plan(input);

  it('proposes a data scientist for the learning work, with a reason built from the plan', () => {
    const ds = result.hires.find((h) => h.roleId === 'data-scientist' && h.source === 'proposed');
    expect(ds).toBeDefined();
    expect(ds!.reason).toMatch(/Learn\/Optimize/);
    expectHireReasonsHold(result, input);
    expectExplanationsGrounded(result, input);
  });

  it('finds the foundations already at their gates', () => {
    for (const layer of result.layers.slice(0, 4)) expect(layer.readyWeek).toBe(0);
  });
});

describe('zero hiring budget', () => {
  const input = demoInput({ hiringBudgetPerQuarter: 0 });
  const result = plan(input);

  it('proposes no hire, says hiring is what holds the plan back, and still schedules the work with the people there are', () => {
    expect(result.hires.filter((h) => h.source === 'proposed')).toEqual([]);
    const limited = result.warnings.filter((w) => w.code === 'hiring-limited');
    expect(limited.length).toBeGreaterThan(0);
    for (const w of limited) expect(w.message).toContain('allows no hiring');
    expect(result.items.filter((i) => i.start !== null).length).toBeGreaterThan(25);
    expectExplanationsGrounded(result, input);
  });
});

describe('gates and pins', () => {
  it('starts no item of a higher layer before the gate of the layer below', () => {
    for (const gateThreshold of [0.5, 0.75, 1]) expectGatesRespected(plan(demoInput({ gateThreshold })));
  });

  it('keeps a pin placed before the gate, shows the date as entered, and warns', () => {
    // 2027-01-06 is a Wednesday inside the plan's first week (which starts on 2027-01-01).
    const pinned = item({
      id: 'early-metrics',
      title: 'Metric definitions sprint',
      capabilityId: 'metric-definitions',
      fromMaturity: 1,
      toMaturity: 2,
      durationWeeks: 3,
      demand: { 'data-analyst': 1 },
      pinnedStart: '2027-01-06',
    });
    const result = plan(demoInput({}, [pinned]));
    const planned = result.items.find((i) => i.id === 'early-metrics')!;
    expect(planned.start).toBe(0);
    expect(planned.startDate).toBe('2027-01-06');
    expect(planned.pinned).toBe(true);
    expect(planned.placement.kind).toBe('pin');
    expect(planned.placement.text).toContain('2027-01-06');
    const warning = result.warnings.find((w) => w.code === 'pinned-before-gate' && w.itemId === 'early-metrics');
    expect(warning).toBeDefined();
    expect(warning!.message).toContain('Explore/Transform');
    // The user's item replaces the catalog's proposal for that level.
    expect(result.items.some((i) => i.id === 'proposal:metric-definitions:2')).toBe(false);
  });

  it('moves a pin that lies before the status date, and says so', () => {
    const pinned = item({ id: 'late', title: 'Old pin', demand: { 'data-engineer': 1 }, pinnedStart: '2027-01-04' });
    const result = plan({ ...demoInput({}, [pinned]), asOf: '2027-02-15' });
    const planned = result.items.find((i) => i.id === 'late')!;
    expect(planned.pinned).toBe(false);
    expect(planned.startDate! >= '2027-02-15').toBe(true);
    expect(result.warnings.some((w) => w.code === 'constraint-conflict' && w.itemId === 'late' && w.message.includes('before the status date'))).toBe(true);
  });
});
