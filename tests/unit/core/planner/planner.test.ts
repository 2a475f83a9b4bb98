import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { CATALOG_CAPABILITIES, capabilityFromCatalog } from '../../../../src/core/domain/catalog/capabilities';
import { CATALOG_ROLES, roleFromCatalog } from '../../../../src/core/domain/catalog/roles';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { LAYERS, layerLevel } from '../../../../src/core/domain/layers';
import { defaultScenario, type Scenario, type WorkItem } from '../../../../src/core/domain/planning';
import type { Capability, Person } from '../../../../src/core/domain/types';
import { plan, plannerMachine, WEEKS_PER_QUARTER, type PlanInput, type PlanResult } from '../../../../src/core/planner';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const roles = CATALOG_ROLES.map(roleFromCatalog);

function demoInput(overrides: Partial<Scenario> = {}, workItems: WorkItem[] = []): PlanInput {
  return { ...demo, workItems, scenario: { ...defaultScenario(TODAY), ...overrides } };
}

/** Every reason must point at things that exist in the plan, and say something true about them. */
function expectExplanationsGrounded(result: PlanResult, input: PlanInput): void {
  const items = new Map(result.items.map((i) => [i.id, i]));
  const roleIds = new Set(input.roles.map((r) => r.id));
  const hireIds = new Set(result.hires.map((h) => h.id));
  const gateOf = new Map(result.layers.map((l) => [l.layer, l.readyWeek]));
  for (const item of result.items) {
    const p = item.placement;
    expect(p.text.length, item.id).toBeGreaterThan(10);
    for (const id of p.itemIds ?? []) expect(items.has(id), `${item.id} refers to ${id}`).toBe(true);
    if (p.roleId !== undefined) expect(roleIds.has(p.roleId), `${item.id} refers to role ${p.roleId}`).toBe(true);
    for (const id of p.hireIds ?? []) expect(hireIds.has(id)).toBe(true);
    if (item.start === null) continue;
    switch (p.kind) {
      case 'predecessor':
        for (const id of p.itemIds ?? []) expect(items.get(id)?.finish).toBe(item.start);
        break;
      case 'gate':
        expect(p.layer).toBeDefined();
        expect(gateOf.get(p.layer!)).toBe(item.start);
        break;
      case 'resource': {
        // The items named hold the role in the week before the start.
        for (const id of p.itemIds ?? []) {
          const other = items.get(id)!;
          expect(other.start! <= item.start - 1 && other.finish! > item.start - 1, `${id} runs in week ${item.start - 1}`).toBe(true);
          expect(other.demand[p.roleId!] ?? 0).toBeGreaterThan(0);
        }
        expect(p.text).toContain(input.roles.find((r) => r.id === p.roleId)!.name);
        break;
      }
      case 'start':
        expect(item.start).toBe(0);
        break;
      default:
        break;
    }
  }
  for (const hire of result.hires) {
    expect(roleIds.has(hire.roleId)).toBe(true);
    expect(hire.reason).toContain(hire.source === 'proposed' ? 'brings' : hire.roleName);
  }
}

function gateRespected(result: PlanResult): void {
  const gate = new Map(result.layers.map((l) => [l.layer, l.readyWeek]));
  for (const item of result.items) {
    if (item.start === null || item.layer === null || item.pinned) continue;
    const level = layerLevel(item.layer);
    if (level === 0) continue;
    const below = gate.get(LAYERS[level - 1]!.id);
    expect(below, `${item.id}: the layer below has a gate`).not.toBeNull();
    expect(item.start, `${item.title} starts at or after the gate of the layer below`).toBeGreaterThanOrEqual(below!);
  }
}

describe('planner machine', () => {
  it('runs to its final state through createActor and outputs the plan', () => {
    const actor = createActor(plannerMachine, { input: demoInput() });
    actor.start();
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('done');
    expect(snapshot.output?.version).toBe(1);
    expect(snapshot.output?.decisions[0]?.kind).toBe('assess');
    expect(snapshot.output?.decisions.at(-1)?.kind).toBe('review');
  });

  it('is deterministic', () => {
    expect(plan(demoInput())).toEqual(plan(demoInput()));
  });
});

describe('(i) the demo organisation', () => {
  const input = demoInput();
  const result = plan(input);

  it('proposes foundation roles first, never a luxury hire before its foundations', () => {
    const proposed = result.hires.filter((h) => h.source === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    const first = proposed.filter((h) => h.startWeek === proposed[0]!.startWeek);
    for (const hire of first) expect(roles.find((r) => r.id === hire.roleId)?.needsFoundations, hire.roleName).toBe(false);
    for (const hire of proposed) {
      expect(hire.prerequisitesReadyWeek, `${hire.roleName} has its prerequisites`).not.toBeNull();
      expect(hire.prerequisitesReadyWeek!).toBeLessThanOrEqual(hire.productiveWeek);
    }
  });

  it('warns luxury-hire-early on the open ML-engineer requisition, with the week the foundations are ready', () => {
    const mlReq = demo.people.find((p) => p.roleId === 'ml-engineer' && p.status === 'open_req')!;
    const warning = result.warnings.find((w) => w.code === 'luxury-hire-early' && w.personId === mlReq.id);
    expect(warning).toBeDefined();
    expect(typeof warning!.week).toBe('number');
    const startWeek = result.hires.find((h) => h.personId === mlReq.id)!.startWeek;
    expect(warning!.week!).toBeGreaterThan(startWeek);
    expect(warning!.message).toContain(`week ${warning!.week}`);
    expect(warning!.message).toContain('Orchestration');
  });

  it('keeps every gate and grounds every explanation in the plan', () => {
    gateRespected(result);
    expectExplanationsGrounded(result, input);
  });

  it('respects the hiring limits per quarter', () => {
    const perQuarter = new Map<number, number>();
    for (const h of result.hires.filter((x) => x.source === 'proposed')) {
      const q = Math.floor(h.startWeek / WEEKS_PER_QUARTER);
      perQuarter.set(q, (perQuarter.get(q) ?? 0) + 1);
      expect(h.startWeek - (h.requisitionWeek ?? 0)).toBe(input.scenario.leadTimeWeeks);
    }
    for (const n of perQuarter.values()) expect(n).toBeLessThanOrEqual(input.scenario.maxHiresPerQuarter);
  });
});

describe('(ii) mature foundations and no data scientist', () => {
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
  const input: PlanInput = { organisation: { name: 'Mature Co' }, capabilities, roles, people, workItems: [], scenario: defaultScenario(TODAY) };
  const result = plan(input);

  it('proposes a data scientist, with a reason built from the plan', () => {
    const ds = result.hires.find((h) => h.roleId === 'data-scientist' && h.source === 'proposed');
    expect(ds).toBeDefined();
    expect(ds!.reason).toMatch(/Learn\/Optimize/);
    expect(ds!.prerequisitesReadyWeek!).toBeLessThanOrEqual(ds!.productiveWeek);
    expectExplanationsGrounded(result, input);
  });

  it('finds the foundations already at their gates', () => {
    for (const layer of result.layers.slice(0, 4)) expect(layer.readyWeek).toBe(0);
  });
});

describe('(iii) zero hiring budget', () => {
  const input = demoInput({ hiringBudgetPerQuarter: 0 });
  const result = plan(input);

  it('proposes no hire', () => {
    expect(result.hires.filter((h) => h.source === 'proposed')).toEqual([]);
  });

  it('says which capacity binds', () => {
    const noCapacity = result.warnings.filter((w) => w.code === 'no-capacity');
    expect(noCapacity.length).toBeGreaterThan(0);
    for (const w of noCapacity) {
      expect(w.roleId).toBeDefined();
      expect(w.message).toContain(roles.find((r) => r.id === w.roleId)!.name);
      expect(w.message).toContain('allows no hiring');
    }
    const waiting = result.items.filter((i) => i.placement.kind === 'resource');
    expect(waiting.length).toBeGreaterThan(0);
    const unscheduled = result.items.filter((i) => i.placement.kind === 'unscheduled' && i.placement.roleId);
    for (const item of unscheduled) expect(item.placement.text).toContain('allows no hiring');
    expectExplanationsGrounded(result, input);
  });
});

describe('(iv) gates and pins', () => {
  it('starts no item of a higher layer before the gate of the layer below', () => {
    for (const gateThreshold of [0.5, 0.75, 1]) gateRespected(plan(demoInput({ gateThreshold })));
  });

  it('keeps a pin placed before the gate, and warns', () => {
    const scenario = defaultScenario(TODAY);
    const pinned: WorkItem = {
      id: 'early-metrics',
      title: 'Metric definitions sprint',
      capabilityId: 'metric-definitions',
      fromMaturity: 1,
      toMaturity: 2,
      durationWeeks: 3,
      demand: { 'data-analyst': 1 },
      predecessors: [],
      releaseDate: null,
      pinnedStart: scenario.startDate,
      status: 'planned',
      notes: '',
    };
    const result = plan(demoInput({}, [pinned]));
    const item = result.items.find((i) => i.id === 'early-metrics')!;
    expect(item.start).toBe(0);
    expect(item.pinned).toBe(true);
    expect(item.placement.kind).toBe('pin');
    const warning = result.warnings.find((w) => w.code === 'pinned-before-gate' && w.itemId === 'early-metrics');
    expect(warning).toBeDefined();
    expect(warning!.message).toContain('Explore/Transform');
    // The user's item replaces the catalog's proposal for that level.
    expect(result.items.some((i) => i.id === 'proposal:metric-definitions:2')).toBe(false);
  });
});
