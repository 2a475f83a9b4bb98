import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LayerId } from '../../../src/core/domain/layers';
import { defaultScenario, type WorkItemStatus } from '../../../src/core/domain/planning';
import { SCENARIO_PARAMETER_KEYS, whyScenarioCannotBeDeleted } from '../../../src/core/domain/scenarios';
import type { StorageError } from '../../../src/storage';
import { scenarioColumn } from '../../../src/storage/repositories/scenarios';
import { loadPlanInput, type ScenarioInput, type WritableWorkspace } from '../../../src/storage';
import { FIXTURES, copyFixture, expectRefusedWrite, open, openReadOnly, raw, sha256, sideFiles, tempDir } from './helpers';

let workspace: WritableWorkspace;

beforeEach(() => {
  workspace = open(join(tempDir(), 'planning.groundwork'));
  workspace.createRole({ id: 'de', name: 'Data engineer', builds: ['move_store'] });
  workspace.createRole({ id: 'ds', name: 'Data scientist', builds: ['learn_optimize'] });
  workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 1, targetMaturity: 3 });
});


const expectRefused = (write: () => unknown, code: StorageError['code'], field: string | undefined): StorageError =>
  expectRefusedWrite(workspace, write, code, field);

const lean: ScenarioInput = {
  name: 'Lean',
  startDate: '2027-04-01',
  horizonQuarters: 4,
  targetLayer: 'move_store',
  targetDate: '2027-12-31',
  hiringBudgetPerQuarter: 0,
  maxHiresPerQuarter: 0,
  gateThreshold: 0.5,
  leadTimeWeeks: 8,
  rampUpWeeks: 4,
  salaries: { de: 110000.5 },
  runShare: 0.3,
  borrowed: [{ roleId: 'de', fte: 0.5, startDate: '2027-05-03', weeks: 6, note: 'Checkout squad' }],
};

describe('work items', () => {
  it('round-trip every field, and default the optional ones', () => {
    const base = workspace.createWorkItem({ id: 'load', title: 'Scheduled loads', durationWeeks: 3 });
    expect(base).toEqual({
      id: 'load',
      title: 'Scheduled loads',
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
    });
    const full = {
      id: 'wh',
      title: 'Warehouse to managed — “Ünïcode”',
      capabilityId: 'warehouse',
      fromMaturity: 1,
      toMaturity: 3,
      durationWeeks: 8,
      demand: { de: 2, ds: 0 },
      predecessors: ['load'],
      releaseDate: '2027-02-01',
      pinnedStart: '2027-03-01',
      status: 'in_progress' as const,
      actualStart: '2027-03-03',
      actualFinish: null,
      notes: 'needs budget',
    };
    expect(workspace.createWorkItem(full)).toEqual(full);
    expect(workspace.getWorkItem('wh')).toEqual(full);
    expect(workspace.listWorkItems().map((w) => w.id)).toEqual(['load', 'wh']);
    expect(workspace.getWorkItem('nope')).toBeNull();

    const generated = workspace.createWorkItem({ title: 'No id', durationWeeks: 1 });
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);

    expect(workspace.updateWorkItem('wh', { notes: 'funded', releaseDate: null, demand: { de: 1 } })).toEqual({
      ...full,
      notes: 'funded',
      releaseDate: null,
      demand: { de: 1 },
    });
  });

  it('refuse bad values with the field, and write nothing', () => {
    workspace.createWorkItem({ id: 'a', title: 'A', durationWeeks: 2 });
    workspace.createWorkItem({ id: 'b', title: 'B', durationWeeks: 2, predecessors: ['a'] });
    expectRefused(() => workspace.createWorkItem({ title: ' ', durationWeeks: 1 }), 'constraint', 'title');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1.5 }), 'constraint', 'durationWeeks');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: -1 }), 'constraint', 'durationWeeks');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, fromMaturity: 3, toMaturity: 2 }), 'constraint', 'toMaturity');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, toMaturity: 5 }), 'constraint', 'toMaturity');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, capabilityId: 'ghost' }), 'constraint', 'capabilityId');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, demand: { ghost: 1 } }), 'constraint', 'demand');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, demand: { de: 0.5 } }), 'constraint', 'demand');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, predecessors: ['ghost'] }), 'constraint', 'predecessors');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, releaseDate: '2027-02-30' }), 'constraint', 'releaseDate');
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, pinnedStart: '1/3/2027' }), 'constraint', 'pinnedStart');
    // A status outside the domain, as an unchecked caller could send.
    const started = String('started') as WorkItemStatus;
    expectRefused(() => workspace.createWorkItem({ title: 'X', durationWeeks: 1, status: started }), 'constraint', 'status');
    expectRefused(() => workspace.createWorkItem({ id: 'a', title: 'Again', durationWeeks: 1 }), 'conflict', 'id');
    expectRefused(() => workspace.updateWorkItem('a', { predecessors: ['a'] }), 'constraint', 'predecessors');
    const cycle = expectRefused(() => workspace.updateWorkItem('a', { predecessors: ['b'] }), 'constraint', 'predecessors');
    expect(cycle.message).toBe('work item "A": predecessors would make a dependency cycle "A" → "B" → "A"');
    expectRefused(() => workspace.updateWorkItem('ghost', { title: 'X' }), 'not-found', 'id');
    expectRefused(() => workspace.deleteWorkItem('ghost'), 'not-found', 'id');
  });

  it('deleting an item removes it from the others’ predecessors; deleting a capability unlinks its items', () => {
    workspace.createWorkItem({ id: 'a', title: 'A', durationWeeks: 2, capabilityId: 'warehouse', fromMaturity: 1, toMaturity: 2 });
    workspace.createWorkItem({ id: 'b', title: 'B', durationWeeks: 2, predecessors: ['a'] });
    workspace.createWorkItem({ id: 'c', title: 'C', durationWeeks: 2, predecessors: ['b', 'a'] });
    workspace.deleteWorkItem('a');
    expect(workspace.listWorkItems().map((w) => [w.id, w.predecessors])).toEqual([
      ['b', []],
      ['c', ['b']],
    ]);
    workspace.createWorkItem({ id: 'd', title: 'D', durationWeeks: 1, capabilityId: 'warehouse' });
    workspace.deleteCapability('warehouse');
    expect(workspace.getWorkItem('d')?.capabilityId).toBeNull();
  });

  it('a role that work items demand cannot be deleted', () => {
    workspace.createWorkItem({ id: 'a', title: 'Pipelines', durationWeeks: 2, demand: { ds: 1 } });
    const error = expectRefused(() => workspace.deleteRole('ds'), 'conflict', 'id');
    expect(error.message).toMatch(/needed by 1 work item \("Pipelines"\)/);
  });

  it('history records creation, status and pinned-start changes, and deletion', () => {
    const since = workspace.listHistory().length;
    workspace.createWorkItem({ id: 'a', title: 'A', durationWeeks: 2, status: 'planned' });
    workspace.updateWorkItem('a', { title: 'A2', notes: 'not tracked', durationWeeks: 5 });
    workspace.updateWorkItem('a', { status: 'in_progress', pinnedStart: '2027-02-01' });
    workspace.updateWorkItem('a', { pinnedStart: null });
    workspace.deleteWorkItem('a');
    const rows = workspace.listHistory({ entity: 'work_item', entityId: 'a' });
    expect(workspace.listHistory().length - since).toBe(rows.length);
    expect(rows.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['created', null, 'A'],
      ['status', null, 'planned'],
      ['status', 'planned', 'in_progress'],
      ['pinnedStart', null, '2027-02-01'],
      ['pinnedStart', '2027-02-01', null],
      ['deleted', 'A2', null],
      ['status', 'in_progress', null],
    ]);
    // One timestamp per write.
    expect(rows[2]?.at).toBe(rows[3]?.at);
  });
});

describe('scenarios', () => {
  it('a new workspace has the default scenario of its clock’s day', () => {
    // The helpers' clock starts on 2027-01-04: within the quarter's first two weeks.
    expect(workspace.listScenarios()).toEqual([defaultScenario('2027-01-04')]);
    expect(workspace.listScenarios()[0]?.startDate).toBe('2027-01-01');
  });

  it('round-trip, list default first then by name, and switch the default', () => {
    const created = workspace.createScenario({ ...lean, id: 'lean' });
    expect(created).toEqual({ ...lean, id: 'lean', isDefault: false });
    workspace.createScenario({ ...lean, id: 'aggr', name: 'aggressive', hiringBudgetPerQuarter: null, targetDate: null, rampUpWeeks: null });
    expect(workspace.listScenarios().map((s) => s.name)).toEqual(['Baseline', 'aggressive', 'Lean']);

    expect(workspace.setDefaultScenario('lean').isDefault).toBe(true);
    expect(workspace.listScenarios().map((s) => [s.name, s.isDefault])).toEqual([
      ['Lean', true],
      ['aggressive', false],
      ['Baseline', false],
    ]);
    const made = workspace.createScenario({ ...lean, name: 'New default', isDefault: true });
    expect(workspace.listScenarios().filter((s) => s.isDefault).map((s) => s.id)).toEqual([made.id]);

    expect(workspace.updateScenario('lean', { gateThreshold: 1, targetDate: null, salaries: {} })).toMatchObject({
      gateThreshold: 1,
      targetDate: null,
      salaries: {},
      horizonQuarters: 4,
    });
  });

  it('refuse bad values with the field, and write nothing', () => {
    workspace.createScenario({ ...lean, id: 'lean' });
    expectRefused(() => workspace.createScenario({ ...lean, name: 'LEAN' }), 'conflict', 'name');
    expectRefused(() => workspace.createScenario({ ...lean, id: 'lean', name: 'Other' }), 'conflict', 'id');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', gateThreshold: 0 }), 'constraint', 'gateThreshold');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', gateThreshold: 1.2 }), 'constraint', 'gateThreshold');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', hiringBudgetPerQuarter: -1 }), 'constraint', 'hiringBudgetPerQuarter');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', horizonQuarters: 0 }), 'constraint', 'horizonQuarters');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', startDate: '2027-13-01' }), 'constraint', 'startDate');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', targetDate: '2027-01-01' }), 'constraint', 'targetDate');
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', salaries: { de: -5 } }), 'constraint', 'salaries');
    const ml = String('ml') as LayerId;
    expectRefused(() => workspace.createScenario({ ...lean, name: 'X', targetLayer: ml }), 'constraint', 'targetLayer');
    // A failed create with isDefault must not leave the workspace without its default.
    expectRefused(() => workspace.createScenario({ ...lean, name: 'lean', isDefault: true }), 'conflict', 'name');
    expectRefused(() => workspace.updateScenario('ghost', { name: 'X' }), 'not-found', 'id');
    expectRefused(() => workspace.setDefaultScenario('ghost'), 'not-found', 'id');
  });

  it('the default scenario cannot be deleted (so one always remains); another can, once it is not the default', () => {
    const only = workspace.listScenarios()[0]?.id ?? '';
    const error = expectRefused(() => workspace.deleteScenario(only), 'conflict', 'id');
    expect(error.message).toBe(whyScenarioCannotBeDeleted({ name: 'Baseline', isDefault: true }));
    workspace.createScenario({ ...lean, id: 'lean' });
    workspace.createScenario({ ...lean, id: 'agg', name: 'Aggressive' });
    expectRefused(() => workspace.deleteScenario(only), 'conflict', 'id');
    workspace.setDefaultScenario('agg');
    workspace.deleteScenario(only);
    workspace.deleteScenario('lean');
    expect(workspace.listScenarios().map((s) => [s.id, s.isDefault])).toEqual([['agg', true]]);
  });

  it('stores every scenario parameter in a column of its own name (a new parameter needs only its migration)', () => {
    const db = raw(workspace.path);
    const columns = db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'scenarios\')').all().map((c) => c.name);
    db.close();
    const bookkeeping = ['id', 'is_default', 'sort_order', 'created_at', 'updated_at'];
    expect(columns.filter((c) => !bookkeeping.includes(c)).sort()).toEqual(SCENARIO_PARAMETER_KEYS.map(scenarioColumn).sort());
    const every = { ...lean, id: 'every', targetDate: '2028-06-30', hiringBudgetPerQuarter: 123, rampUpWeeks: 3, salaries: { de: 1 } };
    workspace.createScenario(every);
    expect(workspace.getScenario('every')).toEqual({ ...every, isDefault: false });
  });
});

describe('loadPlanInput', () => {
  beforeEach(() => {
    workspace.createScenario({ ...lean, id: 'lean' });
    workspace.createWorkItem({ id: 'a', title: 'A', durationWeeks: 2, demand: { de: 1 } });
  });

  it('uses the default scenario, or one named by id or by name ignoring case', () => {
    const byDefault = loadPlanInput(workspace);
    expect(byDefault.scenario.name).toBe('Baseline');
    expect(byDefault.input).toEqual({
      organisation: { name: '' },
      capabilities: workspace.listCapabilities(),
      roles: workspace.listRoles(),
      people: [],
      workItems: workspace.listWorkItems(),
      scenario: byDefault.scenario,
      asOf: byDefault.input.asOf,
      settings: { fiscalYearStartMonth: 1, currency: '' },
    });
    expect(loadPlanInput(workspace, { scenario: 'lean' }).scenario.id).toBe('lean');
    expect(loadPlanInput(workspace, { scenario: 'LEAN' }).input.scenario.name).toBe('Lean');
  });

  it('names the scenarios there are when asked for an unknown one', () => {
    expect(() => loadPlanInput(workspace, { scenario: 'Fast' })).toThrow(
      expect.objectContaining({
        code: 'not-found',
        field: 'scenario',
        message: 'no scenario "Fast" in this workspace (scenarios: Baseline, Lean)',
      }),
    );
  });
});

describe('schema 1 workspaces', () => {
  it('a writable open migrates, backs up and inserts the default scenario; rows are kept', () => {
    const file = copyFixture(1, tempDir());
    const original = sha256(join(FIXTURES, 'v1.groundwork'));
    const ws = open(file, { create: false });
    expect(ws.migratedFrom).toBe(1);
    expect(sha256(ws.backupPath ?? '')).toBe(original);
    expect(ws.listScenarios()).toEqual([defaultScenario('2027-01-04')]);
    expect(ws.listWorkItems()).toEqual([]);
    expect(ws.listCapabilities()).toHaveLength(4);
    expect(ws.listPeople().map((p) => p.id)).toEqual(['p-ada', 'p-ml-req']);
    ws.close();
    // Reopening adds nothing.
    expect(open(file, { create: false }).listScenarios()).toHaveLength(1);
  });

  it('a read-only open writes nothing, and plans with an in-memory default scenario', () => {
    const file = copyFixture(1, tempDir());
    const hash = sha256(file);
    const ws = openReadOnly(file);
    expect(ws.listScenarios()).toEqual([]);
    const { scenario } = loadPlanInput(ws, { today: '2027-05-20' });
    expect(scenario).toEqual(defaultScenario('2027-05-20'));
    expect(() => loadPlanInput(ws, { scenario: 'Lean', today: '2027-05-20' })).toThrow(/scenarios: Baseline\)/);
    ws.close();
    expect(sha256(file)).toBe(hash);
    expect(sideFiles(file)).toEqual([]);
  });

  it('the v2 fixture holds its scenarios and work items', () => {
    const ws = open(copyFixture(2, tempDir()), { create: false });
    expect(ws.listScenarios().map((s) => [s.id, s.isDefault])).toEqual([
      ['default', true],
      ['lean', false],
    ]);
    expect(ws.getWorkItem('wi-features')).toMatchObject({ predecessors: ['wi-orchestrate'], demand: { data_engineer: 1, ml_engineer: 1 } });
    expect(ws.listHistory({ entity: 'work_item', entityId: 'wi-orchestrate' }).map((h) => h.field)).toEqual([
      'created',
      'status',
      'status',
      'pinnedStart',
    ]);
  });
});

describe('seed', () => {
  it('leaves the workspace with exactly one default scenario', () => {
    const ws = open(join(tempDir(), 'seeded.groundwork'));
    ws.seed({ organisation: { name: 'Acme' }, capabilities: [], roles: [{ id: 'r', name: 'R' }], people: [] });
    expect(ws.listScenarios().filter((s) => s.isDefault)).toHaveLength(1);
  });
});

describe('indexes', () => {
  it('a capability’s work items are found through work_items_capability', () => {
    const db = raw(workspace.path);
    try {
      const plan = db
        .prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM work_items WHERE capability_id = 'warehouse'")
        .all()
        .map((row) => row.detail);
      expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX work_items_capability \(capability_id=\?\)/);
    } finally {
      db.close();
    }
  });
});

describe('acceptPlan', () => {
  it('writes the items (predecessors among themselves) and the hires in one transaction', () => {
    const result = workspace.acceptPlan({
      workItems: [
        { id: 'acc-2', title: 'Second', durationWeeks: 2, predecessors: ['acc-1'], demand: { de: 1 } },
        { id: 'acc-1', title: 'First', durationWeeks: 3, status: 'planned' },
      ],
      people: [{ name: 'Data engineer hire (2027-Q2)', roleId: 'de', fte: 1, status: 'planned', startDate: '2027-04-05' }],
    });
    expect(result.workItems.map((w) => [w.id, w.predecessors])).toEqual([
      ['acc-2', ['acc-1']],
      ['acc-1', []],
    ]);
    expect(workspace.listPeople()).toEqual(result.people);
    expect(workspace.listHistory({ entity: 'work_item' }).filter((h) => h.field === 'created')).toHaveLength(2);
  });

  it('a bad entry rolls everything back and is named by its position', () => {
    const error = expectRefused(
      () =>
        workspace.acceptPlan({
          workItems: [{ id: 'ok', title: 'OK', durationWeeks: 1 }],
          people: [{ name: 'Hire', roleId: 'ghost', fte: 1, status: 'planned' }],
        }),
      'constraint',
      'roleId',
    );
    expect(error.message).toMatch(/^people\[0\]: /);
    expect(workspace.listPeople()).toEqual([]);
  });
});
