import { describe, expect, it } from 'vitest';
import { CATALOG_CAPABILITIES } from '../../../../src/core/domain/catalog/capabilities';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { defaultScenario, type WorkItem } from '../../../../src/core/domain/planning';
import { initiativesOf, initiativeTitle, outcomeOf, plan } from '../../../../src/core/planner';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const demoPlan = plan({ ...demo, workItems: [], scenario: defaultScenario(TODAY) });

describe('initiatives', () => {
  const initiatives = initiativesOf(demoPlan, demo.capabilities);

  it('groups every open step of a capability into one initiative, and every step belongs to exactly one', () => {
    const open = demoPlan.items.filter((i) => i.status !== 'done' && i.status !== 'dropped');
    expect(initiatives.flatMap((i) => i.steps.map((s) => s.id)).sort()).toEqual(open.map((i) => i.id).sort());
    const capabilities = new Set(open.map((i) => i.capabilityId));
    expect(initiatives).toHaveLength(capabilities.size);
    for (const initiative of initiatives) {
      expect(new Set(initiative.steps.map((s) => s.capabilityId))).toEqual(new Set([initiative.capabilityId]));
      expect(initiative.layer).toBe(initiative.steps[0]?.layer);
    }
  });

  it('titles an initiative by its outcome and the maturity it climbs from and to', () => {
    const warehouse = initiatives.find((i) => i.capabilityId === 'warehouse');
    expect(warehouse?.title).toBe('Warehouse you can trust: repeatable → managed');
    const orchestration = initiatives.find((i) => i.capabilityId === 'orchestration');
    expect(orchestration?.steps.map((s) => `${s.fromMaturity}→${s.toMaturity}`)).toEqual(['0→1', '1→2', '2→3']);
    expect(orchestration?.title).toBe('Pipelines that run themselves: none → managed');
    expect(orchestration?.fromMaturity).toBe(0);
    expect(orchestration?.toMaturity).toBe(3);
  });

  it('spans its steps: the first start and the last finish, in weeks and dates', () => {
    for (const initiative of initiatives) {
      const scheduled = initiative.steps.filter((s) => s.start !== null);
      expect(initiative.start).toBe(Math.min(...scheduled.map((s) => s.start ?? Infinity)));
      expect(initiative.finish).toBe(Math.max(...scheduled.map((s) => s.finish ?? -Infinity)));
      expect(initiative.startDate).toBe(scheduled.map((s) => s.startDate ?? '').sort()[0]);
      expect(initiative.finishDate).toBe(scheduled.map((s) => s.finishDate ?? '').sort().at(-1));
    }
    // Ordered by start.
    const starts = initiatives.map((i) => i.start ?? Infinity);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('depends on the initiatives its steps wait for: stored predecessors and the gates below', () => {
    const byId = new Map(demoPlan.items.map((i) => [i.id, i]));
    const all = initiatives.flatMap((i) => i.dependsOn.map((d) => ({ initiative: i, d })));
    expect(all.length).toBeGreaterThan(0);
    for (const { initiative, d } of all) {
      expect(d.initiativeId).not.toBe(initiative.id);
      const waiting = byId.get(d.toItemId);
      expect(initiative.steps.map((s) => s.id)).toContain(d.toItemId);
      expect(initiatives.find((i) => i.id === d.initiativeId)?.steps.map((s) => s.id)).toContain(d.fromItemId);
      if (d.kind === 'gate') expect(waiting?.placement.kind === 'gate' && waiting.placement.itemIds?.includes(d.fromItemId)).toBe(true);
      else expect(waiting?.predecessors).toContain(d.fromItemId);
    }
  });

  it('leaves done and dropped work out, and makes work on no capability an initiative of its own, under its own title', () => {
    const own: WorkItem[] = [
      { id: 'w1', title: 'Migrate BI to the new warehouse', capabilityId: null, fromMaturity: null, toMaturity: null, durationWeeks: 3, demand: { 'data-engineer': 1 }, predecessors: [], releaseDate: null, pinnedStart: null, status: 'planned', actualStart: null, actualFinish: null, notes: '' },
      { id: 'w2', title: 'Warehouse: maturity 2 → 3', capabilityId: 'warehouse', fromMaturity: 2, toMaturity: 3, durationWeeks: 3, demand: { 'data-engineer': 1 }, predecessors: [], releaseDate: null, pinnedStart: null, status: 'dropped', actualStart: null, actualFinish: null, notes: '' },
    ];
    const result = plan({ ...demo, workItems: own, scenario: defaultScenario(TODAY) });
    const list = initiativesOf(result, demo.capabilities);
    expect(list.find((i) => i.id === 'initiative:item:w1')?.title).toBe('Migrate BI to the new warehouse');
    expect(list.flatMap((i) => i.steps).some((s) => s.id === 'w2')).toBe(false);
  });

  it('uses the catalog’s outcome only while the capability keeps its catalog name', () => {
    expect(outcomeOf({ id: 'warehouse', name: 'Warehouse' })).toBe('Warehouse you can trust');
    expect(outcomeOf({ id: 'warehouse', name: 'Snowflake' })).toBe('Snowflake');
    expect(outcomeOf({ id: 'custom-1', name: 'Reverse ETL' })).toBe('Reverse ETL');
    expect(initiativeTitle('Reverse ETL', 1, 2)).toBe('Reverse ETL: ad hoc → repeatable');
    for (const c of CATALOG_CAPABILITIES) expect(c.outcome.length, c.id).toBeGreaterThan(5);
    expect(new Set(CATALOG_CAPABILITIES.map((c) => c.outcome)).size).toBe(CATALOG_CAPABILITIES.length);
  });
});
