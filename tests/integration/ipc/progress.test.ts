import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanResult } from '../../../src/core/planner/types';
import { createHandlers } from '../../../src/host/handlers';
import { dispatch, type Handlers } from '../../../src/host/dispatch';
import type { Method, MethodInput, MethodResult, WorkspaceSnapshot } from '../../../src/shared/contract';
import { openWorkspace, type WritableWorkspace } from '../../../src/storage';

/*
 * The IPC methods of progress over time (issue 10) and of the hiring advice (issue 9), over the
 * real handlers and a real workspace file: what each writes, and that a bad payload names its
 * field and writes nothing.
 */

const TODAY = '2026-11-27';
let dir: string;
let workspace: WritableWorkspace;
let handlers: Handlers;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'groundwork-ipc-progress-'));
  workspace = openWorkspace(join(dir, 'progress.groundwork'), { migrationsDir: resolve('migrations') });
  handlers = createHandlers({ workspace: () => workspace, today: () => TODAY });
  await ok('workspace.openDemo', {});
});

afterEach(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<M extends Method>(method: M, payload: MethodInput<M>): Promise<MethodResult<M>> {
  const result = await dispatch(handlers, method, payload);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as MethodResult<M>;
}

/** Dispatches a call that must fail with `code` on `field`, and checks that nothing was written. */
async function refused(method: Method, payload: unknown, code: string, field: string | undefined): Promise<string> {
  const before = await ok('workspace.snapshot', {});
  const history = workspace.listHistory().length;
  const result = await dispatch(handlers, method, payload);
  expect(result.ok, `${method} ${JSON.stringify(payload)}`).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  expect(result.error.field).toBe(field);
  expect(await ok('workspace.snapshot', {})).toEqual(before);
  expect(workspace.listHistory().length).toBe(history);
  return result.error.message;
}

/** Adopts the plan's proposal for a capability's next step as the user's item (what a card's "Mark done…" does first). */
async function adopt(plan: PlanResult, capabilityId: string): Promise<string> {
  const proposal = plan.items.find((i) => i.source === 'proposal' && i.capabilityId === capabilityId);
  if (!proposal) throw new Error(`no proposal for ${capabilityId}`);
  const before = new Set((await ok('workspace.snapshot', {})).workItems.map((w) => w.id));
  const after = await ok('workItem.create', {
    title: proposal.title,
    capabilityId: proposal.capabilityId,
    fromMaturity: proposal.fromMaturity,
    toMaturity: proposal.toMaturity,
    durationWeeks: proposal.durationWeeks,
    demand: { ...proposal.demand },
  });
  return after.workItems.find((w) => !before.has(w.id))!.id;
}

describe('settings.update', () => {
  it('sets the fiscal year and the currency; the plan then counts fiscal quarters', async () => {
    const snap = await ok('settings.update', { fiscalYearStartMonth: 4, currency: 'eur' });
    expect(snap.settings).toEqual({ fiscalYearStartMonth: 4, currency: 'EUR' });
    const plan = await ok('plan.run', {});
    expect(plan.quarters[0]!.label).toBe('FY2027-Q4');
  });

  it('refuses a month or a currency that is not one, naming it', async () => {
    await refused('settings.update', { fiscalYearStartMonth: 13 }, 'invalid-input', 'fiscalYearStartMonth');
    await refused('settings.update', { fiscalYearStartMonth: 2.5 }, 'invalid-input', 'fiscalYearStartMonth');
    await refused('settings.update', { currency: 'EURO' }, 'invalid-input', 'currency');
    await refused('settings.update', { theme: 'dark' }, 'invalid-input', undefined);
  });
});

describe('workItem.progress', () => {
  it('marking a maturity step done raises its capability in one transaction; the plan moves forward; the before-values put it all back', async () => {
    const before = await ok('plan.run', {});
    const id = await adopt(before, 'external-data');
    const snap = await ok('workspace.snapshot', {});
    const item = snap.workItems.find((w) => w.id === id)!;
    const capability = snap.capabilities.find((c) => c.id === 'external-data')!;
    expect(item.toMaturity).toBe(capability.currentMaturity + 1);

    const adopted = await ok('plan.run', {});
    const done = await ok('workItem.progress', { id, status: 'done', actualStart: '2026-10-01', actualFinish: '2026-11-20', capabilityMaturity: item.toMaturity! });
    expect(done.workItems.find((w) => w.id === id)).toMatchObject({ status: 'done', actualStart: '2026-10-01', actualFinish: '2026-11-20' });
    expect(done.capabilities.find((c) => c.id === 'external-data')!.currentMaturity).toBe(item.toMaturity);
    const history = workspace.listHistory();
    const last = history.at(-1)!.at;
    // One write: the status, the dates and the maturity share one timestamp.
    expect(history.filter((r) => r.at === last).map((r) => r.field).sort()).toEqual(['actualFinish', 'actualStart', 'currentMaturity', 'status']);

    // The plan no longer proposes the level reached, counts it as reached, and no gate moves back.
    const after = await ok('plan.run', {});
    expect(after.items.some((i) => i.source === 'proposal' && i.capabilityId === 'external-data' && i.toMaturity === item.toMaturity)).toBe(false);
    expect(after.items.find((i) => i.id === id)).toMatchObject({ status: 'done', start: null, placement: { kind: 'done' } });
    const collect = (p: PlanResult) => p.layers.find((l) => l.layer === 'collect')!;
    expect(collect(after).meanNow!).toBeGreaterThan(collect(before).meanNow!);
    for (const layer of after.layers) {
      const was = adopted.layers.find((l) => l.layer === layer.layer)!.readyWeek;
      if (was !== null) expect(layer.readyWeek ?? Infinity, layer.layer).toBeLessThanOrEqual(was);
    }

    // Undo: the renderer sends the values from before.
    const undone = await ok('workItem.progress', { id, status: 'planned', actualStart: null, actualFinish: null, capabilityMaturity: capability.currentMaturity });
    expect(undone.workItems.find((w) => w.id === id)).toMatchObject({ status: 'planned', actualStart: null, actualFinish: null });
    expect(undone.capabilities.find((c) => c.id === 'external-data')!.currentMaturity).toBe(capability.currentMaturity);
  });

  it('going in progress records today as the actual start unless one is given; reopening clears the dates', async () => {
    const id = await adopt(await ok('plan.run', {}), 'warehouse');
    let snap = await ok('workItem.progress', { id, status: 'in_progress' });
    expect(snap.workItems.find((w) => w.id === id)).toMatchObject({ status: 'in_progress', actualStart: TODAY, actualFinish: null });
    snap = await ok('workItem.progress', { id, status: 'in_progress', actualStart: '2026-11-02' });
    expect(snap.workItems.find((w) => w.id === id)!.actualStart).toBe('2026-11-02');
    // Done keeps the known start and finishes today.
    snap = await ok('workItem.progress', { id, status: 'done' });
    expect(snap.workItems.find((w) => w.id === id)).toMatchObject({ actualStart: '2026-11-02', actualFinish: TODAY });
    // Without capabilityMaturity nothing is raised: the lead said no.
    expect(snap.capabilities.find((c) => c.id === 'warehouse')!.currentMaturity).toBe(2);
    snap = await ok('workItem.progress', { id, status: 'planned' });
    expect(snap.workItems.find((w) => w.id === id)).toMatchObject({ status: 'planned', actualStart: null, actualFinish: null });
  });

  it('refuses bad progress naming the field, and writes nothing', async () => {
    const id = await adopt(await ok('plan.run', {}), 'orchestration');
    const plain = (await ok('workItem.create', { title: 'Tidy the wiki', durationWeeks: 1, demand: { 'data-engineer': 1 } })).workItems.find((w) => w.title === 'Tidy the wiki')!.id;
    await refused('workItem.progress', { id: 'nope', status: 'done' }, 'not-found', 'id');
    await refused('workItem.progress', { id, status: 'finished' }, 'invalid-input', 'status');
    await refused('workItem.progress', { id, status: 'done', actualFinish: '2026-02-30' }, 'invalid-input', 'actualFinish');
    await refused('workItem.progress', { id, status: 'done', actualStart: '2026-11-20', actualFinish: '2026-11-01' }, 'invalid-input', 'actualFinish');
    await refused('workItem.progress', { id, status: 'done', actualFinish: null }, 'invalid-input', 'actualFinish');
    await refused('workItem.progress', { id, status: 'in_progress', actualStart: '2027-01-04' }, 'invalid-input', 'actualStart');
    await refused('workItem.progress', { id, status: 'done', capabilityMaturity: 5 }, 'invalid-input', 'capabilityMaturity');
    await refused('workItem.progress', { id: plain, status: 'done', capabilityMaturity: 2 }, 'constraint', 'capabilityMaturity');
    await refused('workItem.progress', { id, status: 'done', extra: true }, 'invalid-input', undefined);
  });
});

describe('person.join', () => {
  it('makes an open requisition on staff from its real start date; the plan counts the person from then', async () => {
    const snap = await ok('person.join', { id: 'demo-ml-engineer-req', startDate: '2026-11-23' });
    expect(snap.people.find((p) => p.id === 'demo-ml-engineer-req')).toMatchObject({ status: 'on_staff', startDate: '2026-11-23' });
    const plan = await ok('plan.run', {});
    expect(plan.hires.some((h) => h.personId === 'demo-ml-engineer-req')).toBe(false);
  });

  it('refuses someone already on staff, a date to come, a date after their end, or nobody', async () => {
    const staff = (await ok('workspace.snapshot', {})).people.find((p) => p.status === 'on_staff')!;
    await refused('person.join', { id: staff.id, startDate: '2026-11-01' }, 'conflict', 'id');
    await refused('person.join', { id: 'demo-ml-engineer-req', startDate: '2027-01-11' }, 'invalid-input', 'startDate');
    await refused('person.join', { id: 'demo-ml-engineer-req', startDate: '11/01/2026' }, 'invalid-input', 'startDate');
    await refused('person.join', { id: 'nobody', startDate: '2026-11-01' }, 'not-found', 'id');
    await ok('person.update', { id: 'demo-ml-engineer-req', patch: { endDate: '2026-11-10', startDate: null } });
    await refused('person.join', { id: 'demo-ml-engineer-req', startDate: '2026-11-20' }, 'invalid-input', 'startDate');
  });
});

describe('baselines', () => {
  it('creates, lists, gets, renames and deletes a baseline; names are unique ignoring case', async () => {
    const saved = await ok('baseline.create', { name: 'Before the board meeting' });
    expect(saved.snapshot.baselines).toEqual([saved.baseline]);
    expect(saved.baseline).toMatchObject({ name: 'Before the board meeting', scenarioId: 'default', asOf: TODAY, scenarioName: 'Baseline' });
    expect(saved.baseline.items).toBeGreaterThan(20);
    expect(await ok('baseline.list', {})).toEqual([saved.baseline]);
    const full = await ok('baseline.get', { id: saved.baseline.id });
    expect(full.snapshot.items.length).toBe(saved.baseline.items);

    const message = await refused('baseline.create', { name: 'before THE board meeting' }, 'conflict', 'name');
    expect(message).toContain('name');
    await refused('baseline.create', { name: '   ' }, 'invalid-input', 'name');
    await refused('baseline.create', { name: 'As of the future', asOf: '2027-02-30' }, 'invalid-input', 'asOf');
    await refused('baseline.create', { name: 'Of a scenario there is not', scenarioId: 'nope' }, 'not-found', 'scenario');

    const renamed = await ok('baseline.rename', { id: saved.baseline.id, name: '2027-Q1 plan as approved' });
    expect(renamed.baselines[0]!.name).toBe('2027-Q1 plan as approved');
    await refused('baseline.rename', { id: saved.baseline.id, name: '' }, 'invalid-input', 'name');
    await refused('baseline.rename', { id: 'nope', name: 'x' }, 'not-found', 'id');
    await refused('baseline.get', { id: 'nope' }, 'not-found', 'id');
    const deleted = await ok('baseline.delete', { id: saved.baseline.id });
    expect(deleted.baselines).toEqual([]);
    await refused('baseline.delete', { id: saved.baseline.id }, 'not-found', 'id');
  });

  it('accepting a plan saves a baseline of it in the same transaction, referring to the accepted items and hires', async () => {
    const accepted = await ok('plan.accept', {});
    const summary = accepted.accepted.baseline!;
    expect(summary.name).toBe('2026-Q4 plan as approved');
    const baseline = await ok('baseline.get', { id: summary.id });
    const stored = new Set(accepted.snapshot.workItems.map((w) => w.id));
    for (const id of accepted.accepted.workItems.map((w) => w.id)) expect(baseline.snapshot.items.some((i) => i.id === id)).toBe(true);
    expect(baseline.snapshot.items.every((i) => stored.has(i.id) || i.id.startsWith('proposal:'))).toBe(true);
    const people = new Set(accepted.accepted.people.map((p) => p.id));
    expect(baseline.snapshot.hires.filter((h) => h.personId !== null && people.has(h.personId))).toHaveLength(people.size);

    // Again: the default name takes the next number; a name given that is taken is refused and nothing is accepted.
    const again = await ok('plan.accept', {});
    expect(again.accepted.baseline!.name).toBe('2026-Q4 plan as approved (2)');
    await refused('plan.accept', { baselineName: '2026-q4 PLAN as approved' }, 'conflict', 'baselineName');
    await refused('plan.accept', { baselineName: '' }, 'invalid-input', 'baselineName');
  });
});

describe('progress.get', () => {
  it('says there is no baseline yet, naming the field', async () => {
    await refused('progress.get', {}, 'not-found', 'baselineId');
    await ok('baseline.create', { name: 'Q4' });
    await refused('progress.get', { baselineId: 'nope' }, 'not-found', 'baselineId');
    await refused('progress.get', { asOf: 'today' }, 'invalid-input', 'asOf');
  });

  it('reports an item pinned later as a slip of its layer, with the item as a cause of the gate that moved', async () => {
    const { accepted } = await ok('plan.accept', { baselineName: 'Approved' });
    const plan = await ok('plan.run', {});
    // A Collect step that its layer's gate waits for, moved two quarters later.
    const collect = plan.items.filter((i) => i.layer === 'collect' && i.source === 'user' && i.start !== null);
    const last = collect.sort((a, b) => (b.finish ?? 0) - (a.finish ?? 0))[0]!;
    expect(accepted.workItems.some((w) => w.id === last.id)).toBe(true);
    const later = plan.quarters[Math.min(plan.quarters.length - 1, plan.quarters.findIndex((q) => q.label === last.startQuarter) + 2)]!.firstDay;
    await ok('workItem.update', { id: last.id, patch: { pinnedStart: later } });

    const report = await ok('progress.get', {});
    expect(report.baseline.name).toBe('Approved');
    const slip = report.slips.items.find((s) => s.id === last.id)!;
    expect(slip.change).toBe('later');
    expect(slip.days).toBeGreaterThan(30);
    const collectGate = report.slips.gates.find((g) => g.layer === 'collect')!;
    expect(collectGate.change).toBe('later');
    const why = report.causes.find((c) => c.layer === 'collect')!;
    expect(why.causes.find((c) => c.itemIds?.includes(last.id))).toMatchObject({ kind: 'item-late', days: slip.days });
    expect(why.causes.map((c) => c.days ?? -1)).toEqual([...why.causes.map((c) => c.days ?? -1)].sort((a, b) => b - a));
    expect(report.readiness).toHaveLength(6);
    expect(report.burnUp.total).toBe(report.slips.items.filter((s) => s.change !== 'added').length);
  });

  it('plans as of the status date given', async () => {
    await ok('baseline.create', { name: 'Q4' });
    const report = await ok('progress.get', { asOf: '2026-11-01' });
    expect(report.asOf).toBe('2026-11-01');
    const plan = await ok('plan.run', { asOf: '2027-03-01' });
    expect(plan.asOf).toBe('2027-03-01');
    expect(plan.statusWeek).toBeGreaterThan(0);
  });
});

describe('plan.marginal', () => {
  it('answers for every role what one more hire now does to the target gate', async () => {
    const values = await ok('plan.marginal', {});
    const roles = (await ok('workspace.snapshot', {})).roles;
    expect(values.map((v) => v.roleId).sort()).toEqual(roles.map((r) => r.id).sort());
    for (const v of values) {
      expect(['earlier', 'none', 'not-yet']).toContain(v.outcome);
      expect(v.text.length).toBeGreaterThan(10);
    }
    // The demo's ML foundations are missing: an ML engineer now is "not yet".
    expect(values.find((v) => v.roleId === 'ml-engineer')!.outcome).toBe('not-yet');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await dispatch(handlers, 'plan.marginal', {}, { signal: controller.signal, progress: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('the snapshot', () => {
  it('carries the settings and the baselines', async () => {
    const snap: WorkspaceSnapshot = await ok('workspace.snapshot', {});
    expect(snap.settings).toEqual({ fiscalYearStartMonth: 1, currency: '' });
    expect(snap.baselines).toEqual([]);
  });
});
