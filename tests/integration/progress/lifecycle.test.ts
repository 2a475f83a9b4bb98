import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG_CAPABILITIES, capabilityFromCatalog } from '../../../src/core/domain/catalog/capabilities';
import { CATALOG_ROLES, roleFromCatalog } from '../../../src/core/domain/catalog/roles';
import type { Maturity } from '../../../src/core/domain/maturity';
import { plan, type PlanResult } from '../../../src/core/planner';
import { snapshotOf } from '../../../src/core/progress/baseline';
import { progressReport, type ProgressReport } from '../../../src/core/progress/progress';
import { statusChange } from '../../../src/core/progress/status';
import { loadPlanInput, openWorkspace, type WritableWorkspace } from '../../../src/storage';

/*
 * A workspace that lives through four quarters: plan and accept (a baseline), then work done late,
 * a hire who joins late, a leaver, new work; re-planned as of each quarter's end. The progress report
 * names each slip's causes with the right days, and marking work done never moves a gate back.
 */

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'groundwork-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let clock = new Date('2027-01-01T09:00:00.000Z');
const setClock = (date: string) => (clock = new Date(`${date}T09:00:00.000Z`));
const workspace: WritableWorkspace = openWorkspace(join(dir, 'life.groundwork'), { migrationsDir: MIGRATIONS, now: () => clock });

// A small analytics team: instrumentation and the warehouse are ad hoc.
const STATE: Record<string, [number, number]> = { 'event-instrumentation': [1, 3], 'application-logging': [2, 2], 'operational-data-capture': [1, 2], 'external-data': [1, 2], 'batch-ingestion': [1, 3], warehouse: [1, 3], 'data-lake': [1, 2], orchestration: [0, 3], 'infrastructure-as-code': [1, 3] };
workspace.seed({
  organisation: { name: 'Lifecycle Ltd' },
  roles: CATALOG_ROLES.map(roleFromCatalog),
  capabilities: CATALOG_CAPABILITIES.map((entry) => {
    const c = capabilityFromCatalog(entry);
    const s = STATE[entry.id];
    return s ? { ...c, currentMaturity: s[0], targetMaturity: s[1] } : { ...c, targetMaturity: c.layer === 'collect' || c.layer === 'move_store' ? c.targetMaturity : (0 as Maturity) };
  }),
  people: [
    { id: 'ana', name: 'Ana', roleId: 'data-engineer', fte: 1, status: 'on_staff', startDate: '2024-02-01', endDate: null },
    { id: 'ben', name: 'Ben', roleId: 'data-engineer', fte: 1, status: 'on_staff', startDate: '2025-02-01', endDate: null },
    { id: 'cy', name: 'Cy', roleId: 'software-engineer', fte: 1, status: 'on_staff', startDate: '2023-02-01', endDate: null },
    { id: 'pia', name: 'Pia', roleId: 'platform-engineer', fte: 1, status: 'open_req', startDate: '2027-03-01', endDate: null },
  ],
});
const scenarioId = workspace.listScenarios()[0]!.id;
workspace.updateScenario(scenarioId, { startDate: '2027-01-01', horizonQuarters: 8, targetLayer: 'move_store', targetDate: null, maxHiresPerQuarter: 0, hiringBudgetPerQuarter: 0 });

function planAsOf(asOf: string): PlanResult {
  const { input } = loadPlanInput(workspace, { today: asOf, asOf });
  return plan(input);
}

function progressAsOf(asOf: string): ProgressReport {
  const { input } = loadPlanInput(workspace, { today: asOf, asOf });
  return progressReport({
    baseline: workspace.listBaselines()[0]!,
    plan: plan(input),
    workItems: input.workItems,
    people: input.people,
    capabilities: input.capabilities,
    history: workspace.listMaturityHistory(),
    asOf,
  });
}

/** Accepting the plan: its proposals become the lead's planned items (same ids, so the baseline matches them). */
function accept(result: PlanResult): void {
  const proposals = result.items.filter((i) => i.source === 'proposal' && i.start !== null);
  for (const i of proposals) {
    workspace.createWorkItem({ id: i.id.replace('proposal:', 'wi-').replace(/:/g, '-'), title: i.title, capabilityId: i.capabilityId, fromMaturity: i.fromMaturity, toMaturity: i.toMaturity, durationWeeks: i.durationWeeks, demand: i.demand, status: 'planned' });
  }
  for (const i of proposals) {
    const predecessors = i.predecessors.map((p) => p.replace('proposal:', 'wi-').replace(/:/g, '-'));
    if (predecessors.length) workspace.updateWorkItem(i.id.replace('proposal:', 'wi-').replace(/:/g, '-'), { predecessors });
  }
}

function markDone(id: string, start: string | null, finish: string): void {
  const item = workspace.getWorkItem(id)!;
  const capability = item.capabilityId ? workspace.getCapability(item.capabilityId) : null;
  const change = statusChange(item, capability, 'done', finish, { start, finish });
  workspace.recordProgress(id, change);
}

// Quarter 0: plan, accept, freeze.
setClock('2027-01-01');
accept(planAsOf('2027-01-01'));
const q0 = planAsOf('2027-01-01');
const { input: q0input } = loadPlanInput(workspace, { today: '2027-01-01', asOf: '2027-01-01' });
workspace.createBaseline({ name: '2027 plan as approved', scenarioId, snapshot: snapshotOf(q0, q0input.people, q0input.capabilities) });
const planned = (id: string) => q0.items.find((i) => i.id === id)!;
const FIRST = 'wi-event-instrumentation-2';
const firstPlanned = planned(FIRST);

describe('a workspace through four quarters', () => {
  it('starts from a baseline that matches the plan it froze', () => {
    const report = progressAsOf('2027-01-01');
    expect(report.summary).toMatchObject({ itemsDone: 0, itemsLate: 0, itemsAdded: 0, gatesLater: 0 });
    expect(report.slips.gates.every((g) => g.change === 'on-time')).toBe(true);
    expect(firstPlanned.startDate! < '2027-03-31').toBe(true);
  });

  it('quarter 1: work done 3 weeks late and a hire who joins 4 weeks late are named with their days', () => {
    setClock('2027-03-31');
    // Started on time, finished 21 days after its planned finish.
    const lateFinish = new Date(Date.parse(`${firstPlanned.finishDate}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
    const before = planAsOf('2027-03-31');
    markDone(FIRST, firstPlanned.startDate, lateFinish);
    expect(workspace.getCapability('event-instrumentation')?.currentMaturity).toBe(2);
    // The joiner: open requisition → on staff from the day they really started.
    workspace.updatePerson('pia', { status: 'on_staff', startDate: '2027-03-29' });
    const after = planAsOf('2027-03-31');
    // Done work never moves the plan back: marking the step done re-proposes nothing and no gate comes later than before.
    expect(after.items.some((i) => i.capabilityId === 'event-instrumentation' && i.toMaturity === 2 && i.status !== 'done')).toBe(false);

    const report = progressAsOf('2027-03-31');
    const first = report.slips.items.find((i) => i.id === FIRST)!;
    expect(first).toMatchObject({ change: 'done', days: 21, currentFinish: lateFinish });
    const pia = report.slips.hires.find((h) => h.personName === 'Pia')!;
    expect(pia).toMatchObject({ change: 'joined', days: 28, currentStart: '2027-03-29' });
    // Collect is ready later: the step that ran 21 days over is one cause; work not yet reported done is planned again from the status date.
    const collect = report.causes.find((c) => c.layer === 'collect')!;
    expect(collect.days).toBeGreaterThan(0);
    expect(collect.causes).toContainEqual(expect.objectContaining({ kind: 'item-overran', days: 21, itemIds: [FIRST] }));
    expect(collect.causes.every((c) => c.kind !== 'hire-late' || c.days === 28)).toBe(true);
    for (const layer of before.layers) {
      const now = after.layers.find((l) => l.layer === layer.layer)!;
      if (layer.readyWeek !== null && now.readyWeek !== null) expect(now.readyWeek, `${layer.name} does not move back`).toBeLessThanOrEqual(layer.readyWeek + 4);
    }
  });

  it('quarter 2: a leaver and new work are causes, with their days, of the gates that moved', () => {
    setClock('2027-06-30');
    workspace.updatePerson('ben', { endDate: '2027-08-31' });
    workspace.createWorkItem({ id: 'migrate', title: 'Migrate the warehouse to the new cloud account', capabilityId: 'warehouse', durationWeeks: 6, demand: { 'data-engineer': 1 }, status: 'planned' });
    const report = progressAsOf('2027-06-30');
    const added = report.slips.items.find((i) => i.id === 'migrate')!;
    expect(added.change).toBe('added');
    const moveStore = report.causes.find((c) => c.layer === 'move_store');
    expect(moveStore, 'Move/Store is ready later than planned').toBeDefined();
    const kinds = moveStore!.causes.map((c) => c.kind);
    expect(kinds).toContain('work-added');
    expect(moveStore!.causes.find((c) => c.kind === 'work-added')!.days).toBe(42);
    expect(kinds).toContain('leaver');
    expect(moveStore!.causes.find((c) => c.kind === 'leaver')!.text).toContain('Ben leaves on 2027-08-31');
    // Ranked by days, biggest first; those without days last.
    const days = moveStore!.causes.map((c) => c.days ?? -1);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });

  it('quarters 3 and 4: more work done; the burn-up and the readiness lines follow the data', () => {
    setClock('2027-09-30');
    // What the baseline planned to finish by the end of the third quarter is done, on its planned dates.
    for (const i of q0.items.filter((x) => x.finishDate !== null && x.finishDate <= '2027-09-30' && x.source === 'user')) {
      if (workspace.getWorkItem(i.id)?.status !== 'done') markDone(i.id, i.startDate, i.finishDate!);
    }
    setClock('2027-12-31');
    const report = progressAsOf('2027-12-31');
    const done = report.slips.items.filter((i) => i.change === 'done').length;
    expect(done).toBeGreaterThan(1);
    expect(report.burnUp.actual.at(-1)!.count).toBe(done);
    expect(report.burnUp.total).toBe(q0.items.filter((i) => i.status !== 'dropped').length);
    // The actual readiness line is replayed from the history: Collect rose when the first step was marked done.
    const collect = report.readiness.find((l) => l.layer === 'collect')!;
    const beforeDone = collect.actual.find((p) => p.date >= '2027-01-01' && p.date < '2027-03-31')!;
    const afterDone = collect.actual.at(-1)!;
    expect(afterDone.value!).toBeGreaterThanOrEqual(beforeDone.value!);
    expect(collect.planned[0]!.date).toBe('2027-01-01');
    // Headcount: Pia counts from the day she joined, Ben until he leaves.
    const platform = report.headcount.find((r) => r.roleId === 'platform-engineer')!;
    expect(platform.actual[0]).toEqual({ date: '2027-03-29', people: 1 });
    const de = report.headcount.find((r) => r.roleId === 'data-engineer')!;
    expect(de.actual.at(-1)).toEqual({ date: '2027-09-01', people: 1 });
  });
});
