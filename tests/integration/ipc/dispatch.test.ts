import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/host/handlers';
import { dispatch, type Handlers } from '../../../src/host/dispatch';
import { contract, ERROR_CODES, METHODS, type MethodResult, type WorkspaceSnapshot } from '../../../src/shared/contract';
import { openWorkspace, type WritableWorkspace } from '../../../src/storage';

let dir: string;
let workspace: WritableWorkspace;
let handlers: Handlers;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'groundwork-ipc-'));
  workspace = openWorkspace(join(dir, 'ipc.groundwork'), { migrationsDir: resolve('migrations') });
  handlers = createHandlers({ workspace: () => workspace, today: () => '2026-11-27' });
  const seeded = await dispatch(handlers, 'workspace.openDemo', {});
  expect(seeded.ok).toBe(true);
});

afterAll(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

async function snapshot(): Promise<WorkspaceSnapshot> {
  const result = await dispatch(handlers, 'workspace.snapshot', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as WorkspaceSnapshot;
}

describe('IPC dispatch', () => {
  it('answers an unknown method with bad-method', async () => {
    for (const method of ['nope', 42, null, undefined, '__proto__', 'constructor', 'workspace.snapshot ']) {
      const result = await dispatch(handlers, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-method' } });
    }
  });

  it('rejects every malformed payload of every method with a typed error, and changes nothing', async () => {
    const before = await snapshot();
    const historyBefore = workspace.listHistory().length;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.anything(), async (method, payload) => {
        fc.pre(!contract[method].input.safeParse(payload).success);
        const result = await dispatch(handlers, method, payload);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('invalid-input');
        expect(ERROR_CODES).toContain(result.error.code);
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message.length).toBeGreaterThan(0);
        if (result.error.field !== undefined) expect(result.error.message.startsWith(`${result.error.field}:`)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(await snapshot()).toEqual(before);
    expect(workspace.listHistory().length).toBe(historyBefore);
  });

  it('rejects near-miss payloads (one field wrong) naming that field', async () => {
    const valid = {
      name: 'Ada',
      roleId: 'data-engineer',
      fte: 1,
      status: 'on_staff',
      startDate: '2026-01-05',
      endDate: null,
    };
    const wrongField = fc.oneof(
      fc.record({ field: fc.constant('name'), value: fc.constantFrom('', '   ', 7, null) }),
      fc.record({ field: fc.constant('fte'), value: fc.oneof(fc.double({ max: 0, noNaN: true }), fc.double({ min: 1.0001, noNaN: true }), fc.constant('1')) }),
      fc.record({ field: fc.constant('status'), value: fc.string().filter((s) => !['on_staff', 'open_req', 'planned'].includes(s)) }),
      fc.record({ field: fc.constant('startDate'), value: fc.constantFrom('2026-02-30', '2026-13-01', '05/01/2026', '', 20260101) }),
    );
    await fc.assert(
      fc.asyncProperty(wrongField, async ({ field, value }) => {
        const result = await dispatch(handlers, 'person.create', { ...valid, [field]: value });
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
      }),
      { numRuns: 200 },
    );
  });

  it('names endDate when it is before startDate', async () => {
    const result = await dispatch(handlers, 'person.create', {
      name: 'Grace',
      roleId: 'data-engineer',
      fte: 0.5,
      status: 'planned',
      startDate: '2027-03-01',
      endDate: '2027-01-01',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'endDate' } });
  });

  it('reports storage failures with their code and field: an unknown role, an unknown id', async () => {
    const unknownRole = await dispatch(handlers, 'person.create', { name: 'Lin', roleId: 'no-such-role', fte: 1, status: 'planned' });
    expect(unknownRole).toMatchObject({ ok: false, error: { code: 'constraint', field: 'roleId' } });
    const missing = await dispatch(handlers, 'capability.update', { id: 'no-such-capability', patch: { currentMaturity: 2 } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses to seed a workspace that is not empty', async () => {
    const result = await dispatch(handlers, 'workspace.startFromCatalog', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a dependency cycle among work items with the storage’s error, worded as a JSON import words it', async () => {
    const base = { title: 'A', durationWeeks: 2, demand: { 'data-engineer': 1 } };
    const a = await dispatch(handlers, 'workItem.create', base);
    expect(a.ok).toBe(true);
    const aId = (await snapshot()).workItems.find((w) => w.title === 'A')!.id;
    const b = await dispatch(handlers, 'workItem.create', { ...base, title: 'B', predecessors: [aId] });
    expect(b.ok).toBe(true);
    const bId = (await snapshot()).workItems.find((w) => w.title === 'B')!.id;
    const before = await snapshot();
    const cycle = await dispatch(handlers, 'workItem.update', { id: aId, patch: { predecessors: [bId] } });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'constraint', field: 'predecessors' } });
    if (!cycle.ok) expect(cycle.error.message).toBe('work item "A": predecessors would make a dependency cycle "A" → "B" → "A"');
    const unknownRole = await dispatch(handlers, 'workItem.create', { ...base, title: 'C', demand: { wizard: 1 } });
    expect(unknownRole).toMatchObject({ ok: false, error: { code: 'constraint', field: 'demand' } });
    expect(await snapshot()).toEqual(before);
  });

  it('plans the default scenario and compares scenarios', async () => {
    const result = await dispatch(handlers, 'plan.run', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const planned = result.value as { warnings: { code: string }[]; hires: unknown[] };
    expect(planned.warnings.map((w) => w.code)).toContain('luxury-hire-early');
    const defaultScenario = (await snapshot()).scenarios[0]!;
    const created = await dispatch(handlers, 'scenario.create', {
      ...defaultScenario,
      id: undefined,
      isDefault: undefined,
      name: 'No hiring',
      hiringBudgetPerQuarter: 0,
    });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const { id: _id, isDefault: _d, ...fields } = defaultScenario;
    const ok = await dispatch(handlers, 'scenario.create', { ...fields, name: 'No hiring', hiringBudgetPerQuarter: 0 });
    expect(ok.ok).toBe(true);
    const ids = (await snapshot()).scenarios.map((s) => s.id);
    const compared = await dispatch(handlers, 'plan.compare', { scenarioIds: ids });
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const plans = (compared.value as { plans: { scenario: { name: string }; hires: { source: string }[] }[] }).plans;
    expect(plans.map((p) => p.scenario.name).sort()).toEqual(['Baseline', 'No hiring']);
    expect(plans.find((p) => p.scenario.name === 'No hiring')!.hires.filter((h) => h.source === 'proposed')).toEqual([]);
  });

  it('accepts a plan: proposals become planned items, proposed hires planned people, in one go', async () => {
    const before = await snapshot();
    const planned = await dispatch(handlers, 'plan.run', {});
    if (!planned.ok) throw new Error(planned.error.message);
    const result = planned.value as { items: { source: string; start: number | null }[]; hires: { source: string; roleId: string }[] };
    const proposals = result.items.filter((i) => i.source === 'proposal' && i.start !== null).length;
    const hires = result.hires.filter((h) => h.source === 'proposed');
    const accepted = await dispatch(handlers, 'plan.accept', {});
    if (!accepted.ok) throw new Error(accepted.error.message);
    const { accepted: written, snapshot: after } = accepted.value as MethodResult<'plan.accept'>;
    expect(after).toEqual(await snapshot());
    expect(written.workItems).toHaveLength(proposals);
    expect(written.people.map((p) => p.roleId)).toEqual(hires.map((h) => h.roleId));
    // Exactly what the storage wrote: the same rows the workspace now lists.
    for (const item of written.workItems) expect(after.workItems).toContainEqual(item);
    for (const person of written.people) expect(after.people).toContainEqual(person);
    expect(after.workItems.length).toBe(before.workItems.length + proposals);
    expect(after.people.filter((p) => p.status === 'planned').length).toBe(before.people.filter((p) => p.status === 'planned').length + hires.length);
    const again = await dispatch(handlers, 'plan.run', {});
    if (!again.ok) throw new Error(again.error.message);
    const replanned = again.value as { items: { source: string; start: number | null }[] };
    expect(replanned.items.filter((i) => i.source === 'proposal' && i.start !== null).length).toBe(0);
  });

  it('applies a valid edit and answers the new snapshot with readiness recomputed', async () => {
    const before = await snapshot();
    const target = before.capabilities.find((c) => c.currentMaturity < c.targetMaturity);
    if (!target) throw new Error('demo has no gap');
    const result = await dispatch(handlers, 'capability.update', { id: target.id, patch: { currentMaturity: target.targetMaturity } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = result.value as WorkspaceSnapshot;
    expect(after.capabilities.find((c) => c.id === target.id)?.currentMaturity).toBe(target.targetMaturity);
    const layerBefore = before.readiness.layers.find((l) => l.layer === target.layer);
    const layerAfter = after.readiness.layers.find((l) => l.layer === target.layer);
    expect(layerAfter?.mean ?? 0).toBeGreaterThan(layerBefore?.mean ?? 0);
  });
});

describe('first start', () => {
  it('starts a fresh workspace from the catalog, naming the organisation when it has no name', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'groundwork-ipc-fresh-'));
    const ws = openWorkspace(join(fresh, 'fresh.groundwork'), { migrationsDir: resolve('migrations') });
    try {
      const h = createHandlers({ workspace: () => ws, today: () => '2026-11-27' });
      const result = await dispatch(h, 'workspace.startFromCatalog', {});
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const snap = result.value as WorkspaceSnapshot;
      expect(snap.organisation.name).toBe('My organisation');
      expect(snap.capabilities.length).toBeGreaterThan(25);
      expect(snap.roles.length).toBe(8);
      expect(snap.isEmpty).toBe(false);
      expect(snap.scenarios.filter((s) => s.isDefault)).toHaveLength(1);
    } finally {
      ws.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
