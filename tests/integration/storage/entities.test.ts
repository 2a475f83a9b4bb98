import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StorageError} from '../../../src/storage';
import { type WritableWorkspace } from '../../../src/storage';
import { expectRefusedWrite, open, tempDir } from './helpers';

let workspace: WritableWorkspace;

beforeEach(() => {
  workspace = open(join(tempDir(), 'entities.groundwork'));
});


const expectRefused = (write: () => unknown, code: StorageError['code'], field: string | undefined): StorageError =>
  expectRefusedWrite(workspace, write, code, field);

function withRole(): void {
  workspace.createRole({ id: 'data_engineer', name: 'Data engineer', builds: ['move_store'] });
}

describe('round trips', () => {
  it('organisation', () => {
    expect(workspace.setOrganisation({ name: 'Acme Analytics' })).toEqual({ name: 'Acme Analytics' });
    expect(workspace.getOrganisation()).toEqual({ name: 'Acme Analytics' });
    workspace.setOrganisation({ name: 'Acme Data' });
    expect(workspace.getOrganisation()).toEqual({ name: 'Acme Data' });
  });

  it('capability with every field, from the catalog', () => {
    const input = {
      id: 'warehouse',
      name: 'Warehouse',
      layer: 'move_store',
      description: 'A queryable store of record.',
      currentMaturity: 2,
      targetMaturity: 4,
      owner: 'Ada',
      tools: 'BigQuery, dbt',
      notes: 'Ünïcode — and "quotes"',
      fromCatalog: true,
    } as const;
    const created = workspace.createCapability(input);
    expect(created).toEqual(input);
    expect(workspace.getCapability('warehouse')).toEqual(input);
    expect(workspace.listCapabilities()).toEqual([input]);
  });

  it('custom capability: defaults and a generated UUID', () => {
    const created = workspace.createCapability({ name: 'Feature store', layer: 'aggregate_label', currentMaturity: 0, targetMaturity: 2 });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created).toMatchObject({ description: '', owner: '', tools: '', notes: '', fromCatalog: false });
    expect(workspace.getCapability(created.id)).toEqual(created);
  });

  it('capability update applies only the given fields; delete removes it', () => {
    const c = workspace.createCapability({ id: 'orchestration', name: 'Orchestration', layer: 'move_store', currentMaturity: 0, targetMaturity: 3, owner: 'Ada' });
    const updated = workspace.updateCapability(c.id, { currentMaturity: 1, notes: 'Airflow pilot' });
    expect(updated).toEqual({ ...c, currentMaturity: 1, notes: 'Airflow pilot' });
    expect(workspace.getCapability(c.id)).toEqual(updated);
    workspace.deleteCapability(c.id);
    expect(workspace.getCapability(c.id)).toBeNull();
    expect(workspace.listCapabilities()).toEqual([]);
  });

  it('lists in creation order', () => {
    for (const name of ['Zeta', 'Alpha', 'Mu']) {
      workspace.createCapability({ name, layer: 'collect', currentMaturity: 0, targetMaturity: 1 });
    }
    expect(workspace.listCapabilities().map((c) => c.name)).toEqual(['Zeta', 'Alpha', 'Mu']);
  });

  it('role with both kinds of prerequisites', () => {
    const input = {
      id: 'ml_engineer',
      name: 'ML engineer',
      description: 'Ships models.',
      builds: ['ai', 'learn_optimize'],
      prerequisites: [
        { kind: 'capability', capabilityId: 'orchestration', minMaturity: 2 },
        { kind: 'layer', layer: 'move_store', minReadiness: 0.75 },
      ],
      needsFoundations: true,
      fromCatalog: true,
    } as const;
    expect(workspace.createRole(input)).toEqual(input);
    expect(workspace.getRole('ml_engineer')).toEqual(input);
    expect(workspace.listRoles()).toEqual([input]);
  });

  it('role defaults, update and delete', () => {
    const role = workspace.createRole({ name: 'Analytics engineer' });
    expect(role).toMatchObject({ description: '', builds: [], prerequisites: [], needsFoundations: false, fromCatalog: false });
    const updated = workspace.updateRole(role.id, {
      builds: ['aggregate_label'],
      prerequisites: [{ kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 }],
      needsFoundations: true,
    });
    expect(updated).toEqual({
      ...role,
      builds: ['aggregate_label'],
      prerequisites: [{ kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 }],
      needsFoundations: true,
    });
    expect(workspace.getRole(role.id)).toEqual(updated);
    workspace.deleteRole(role.id);
    expect(workspace.getRole(role.id)).toBeNull();
  });

  it('person with null dates, then with dates, then deleted', () => {
    withRole();
    const req = workspace.createPerson({ name: 'Data engineer (open req)', roleId: 'data_engineer', fte: 1, status: 'open_req' });
    expect(req).toMatchObject({ fte: 1, status: 'open_req', startDate: null, endDate: null });
    expect(workspace.getPerson(req.id)).toEqual(req);

    const hired = workspace.updatePerson(req.id, { name: 'Grace', status: 'on_staff', fte: 0.8, startDate: '2027-02-01', endDate: '2027-12-31' });
    expect(hired).toEqual({ ...req, name: 'Grace', status: 'on_staff', fte: 0.8, startDate: '2027-02-01', endDate: '2027-12-31' });
    expect(workspace.getPerson(req.id)).toEqual(hired);

    // null clears a date, a missing key keeps it.
    expect(workspace.updatePerson(req.id, { endDate: null })).toMatchObject({ startDate: '2027-02-01', endDate: null });

    workspace.deletePerson(req.id);
    expect(workspace.getPerson(req.id)).toBeNull();
    expect(workspace.listPeople()).toEqual([]);
  });
});

describe('constraint violations are refused with code and field, and change nothing', () => {
  beforeEach(() => {
    withRole();
    workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    workspace.createPerson({ id: 'ada', name: 'Ada', roleId: 'data_engineer', fte: 1, status: 'on_staff', startDate: '2026-01-05' });
  });

  it('maturity outside 0..4, or not a whole number', () => {
    expectRefused(() => workspace.updateCapability('warehouse', { currentMaturity: 5 }), 'constraint', 'currentMaturity');
    expectRefused(() => workspace.updateCapability('warehouse', { targetMaturity: -1 }), 'constraint', 'targetMaturity');
    expectRefused(() => workspace.updateCapability('warehouse', { currentMaturity: 2.5 }), 'constraint', 'currentMaturity');
    const error = expectRefused(
      () => workspace.createCapability({ name: 'Lineage', layer: 'explore_transform', currentMaturity: 5, targetMaturity: 3 }),
      'constraint',
      'currentMaturity',
    );
    expect(error.message).toMatch(/capability "Lineage": currentMaturity must be a maturity from 0 to 4/);
  });

  it('a layer that is not one of the six', () => {
    const bad = JSON.parse('{"name":"Dashboards","layer":"visualise","currentMaturity":1,"targetMaturity":2}');
    expectRefused(() => workspace.createCapability(bad), 'constraint', 'layer');
    expectRefused(() => workspace.updateCapability('warehouse', JSON.parse('{"layer":"storage"}')), 'constraint', 'layer');
  });

  it('an empty name', () => {
    expectRefused(() => workspace.updateCapability('warehouse', { name: '  ' }), 'constraint', 'name');
    expectRefused(() => workspace.createPerson({ name: '', roleId: 'data_engineer', fte: 1, status: 'planned' }), 'constraint', 'name');
    expectRefused(() => workspace.setOrganisation({ name: '' }), 'constraint', 'name');
  });

  it('fte of 0, above 1, or not a number', () => {
    expectRefused(() => workspace.createPerson({ name: 'Bob', roleId: 'data_engineer', fte: 0, status: 'planned' }), 'constraint', 'fte');
    expectRefused(() => workspace.updatePerson('ada', { fte: 1.5 }), 'constraint', 'fte');
    expectRefused(() => workspace.updatePerson('ada', { fte: Number.NaN }), 'constraint', 'fte');
  });

  it('an unknown role', () => {
    const error = expectRefused(
      () => workspace.createPerson({ name: 'Bob', roleId: 'wizard', fte: 1, status: 'planned' }),
      'constraint',
      'roleId',
    );
    expect(error.message).toMatch(/person "Bob": roleId refers to something that does not exist/);
    expectRefused(() => workspace.updatePerson('ada', { roleId: 'wizard' }), 'constraint', 'roleId');
  });

  it('an unknown status', () => {
    expectRefused(() => workspace.updatePerson('ada', JSON.parse('{"status":"contractor"}')), 'constraint', 'status');
  });

  it('an end date before the start date, and dates that are not calendar dates', () => {
    const error = expectRefused(() => workspace.updatePerson('ada', { endDate: '2025-12-31' }), 'constraint', 'endDate');
    expect(error.message).toMatch(/endDate must not be before the start date/);
    expectRefused(
      () => workspace.createPerson({ name: 'Bob', roleId: 'data_engineer', fte: 1, status: 'planned', startDate: '2027-06-01', endDate: '2027-05-01' }),
      'constraint',
      'endDate',
    );
    expectRefused(() => workspace.updatePerson('ada', { startDate: '2027-02-30' }), 'constraint', 'startDate');
    expectRefused(() => workspace.updatePerson('ada', { startDate: '05/01/2027' }), 'constraint', 'startDate');
    expectRefused(() => workspace.updatePerson('ada', { endDate: '2027-1-5' }), 'constraint', 'endDate');
  });

  it('role builds and prerequisites of the wrong shape', () => {
    expectRefused(() => workspace.createRole(JSON.parse('{"name":"X","builds":["collect","nowhere"]}')), 'constraint', 'builds');
    expectRefused(() => workspace.createRole({ name: 'X', builds: ['collect', 'collect'] }), 'constraint', 'builds');
    expectRefused(
      () => workspace.createRole({ name: 'X', prerequisites: [{ kind: 'capability', capabilityId: 'warehouse', minMaturity: 7 }] }),
      'constraint',
      'prerequisites',
    );
    expectRefused(
      () => workspace.updateRole('data_engineer', { prerequisites: [{ kind: 'layer', layer: 'collect', minReadiness: 1.5 }] }),
      'constraint',
      'prerequisites',
    );
    const error = expectRefused(
      () => workspace.updateRole('data_engineer', JSON.parse('{"prerequisites":[{"kind":"vibes"}]}')),
      'constraint',
      'prerequisites',
    );
    expect(error.message).toMatch(/prerequisites\[0\]\.kind must be "capability" or "layer"/);
  });

  it('a duplicate id or name is a conflict', () => {
    expectRefused(
      () => workspace.createCapability({ id: 'warehouse', name: 'Another', layer: 'collect', currentMaturity: 0, targetMaturity: 1 }),
      'conflict',
      'id',
    );
    expectRefused(
      () => workspace.createCapability({ name: 'WAREHOUSE', layer: 'collect', currentMaturity: 0, targetMaturity: 1 }),
      'conflict',
      'name',
    );
    expectRefused(() => workspace.createRole({ id: 'data_engineer', name: 'Other' }), 'conflict', 'id');
    expectRefused(() => workspace.createRole({ name: 'data engineer' }), 'conflict', 'name');
  });

  it('deleting a role that people hold is a conflict', () => {
    const error = expectRefused(() => workspace.deleteRole('data_engineer'), 'conflict', 'id');
    expect(error.message).toMatch(/role "Data engineer" is still held by 1 person \(Ada\)/);
  });

  it('a missing entity is not-found', () => {
    expectRefused(() => workspace.updateCapability('nope', { notes: 'x' }), 'not-found', 'id');
    expectRefused(() => workspace.deleteCapability('nope'), 'not-found', 'id');
    expectRefused(() => workspace.updateRole('nope', { name: 'x' }), 'not-found', 'id');
    expectRefused(() => workspace.deleteRole('nope'), 'not-found', 'id');
    expectRefused(() => workspace.updatePerson('nope', { fte: 1 }), 'not-found', 'id');
    expectRefused(() => workspace.deletePerson('nope'), 'not-found', 'id');
    expect(workspace.getCapability('nope')).toBeNull();
    expect(workspace.getRole('nope')).toBeNull();
    expect(workspace.getPerson('nope')).toBeNull();
  });
});

describe('seed', () => {
  const seed = {
    organisation: { name: 'Demo Org' },
    roles: [
      { id: 'data_analyst', name: 'Data analyst', builds: ['aggregate_label'] as const, fromCatalog: true },
      { id: 'ml_engineer', name: 'ML engineer', builds: ['ai'] as const, needsFoundations: true, fromCatalog: true },
    ],
    capabilities: [
      { id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3, fromCatalog: true } as const,
      { id: 'experiment_tracking', name: 'Experiment tracking', layer: 'learn_optimize', currentMaturity: 0, targetMaturity: 2, fromCatalog: true } as const,
    ],
    people: [
      { id: 'p1', name: 'Ann', roleId: 'data_analyst', fte: 1, status: 'on_staff', startDate: '2025-04-01' } as const,
      { id: 'p2', name: 'ML engineer (open req)', roleId: 'ml_engineer', fte: 1, status: 'open_req' } as const,
    ],
  };

  it('fills an empty workspace in one go, with history', () => {
    expect(workspace.isEmpty()).toBe(true);
    workspace.seed(seed);
    expect(workspace.isEmpty()).toBe(false);
    expect(workspace.getOrganisation()).toEqual({ name: 'Demo Org' });
    expect(workspace.listRoles().map((r) => r.id)).toEqual(['data_analyst', 'ml_engineer']);
    expect(workspace.listCapabilities().map((c) => c.id)).toEqual(['warehouse', 'experiment_tracking']);
    expect(workspace.listPeople().map((p) => p.id)).toEqual(['p1', 'p2']);
    const times = new Set(workspace.listHistory().map((h) => h.at));
    expect(times.size).toBe(1);
  });

  it('refuses a workspace that is not empty', () => {
    workspace.createRole({ name: 'Custom role' });
    expect(workspace.isEmpty()).toBe(false);
    expectRefused(() => workspace.seed(seed), 'conflict', undefined);
  });

  it('writes nothing when one item is bad, and says which', () => {
    const bad = { ...seed, people: [...seed.people, { name: 'Bob', roleId: 'data_analyst', fte: 2, status: 'planned' } as const] };
    const error = expectRefused(() => workspace.seed(bad), 'constraint', 'fte');
    expect(error.message).toMatch(/^people\[2\]: person "Bob": fte must be more than 0 and at most 1/);
    expect(workspace.isEmpty()).toBe(true);
  });
});
