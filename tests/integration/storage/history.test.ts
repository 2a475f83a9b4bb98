import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, WritableWorkspace } from '../../../src/storage';
import { historyQuery } from '../../../src/storage/repositories/history';
import { open, raw, tempDir } from './helpers';

let file: string;
let workspace: WritableWorkspace;

beforeEach(() => {
  file = join(tempDir(), 'history.groundwork');
  workspace = open(file);
  workspace.createRole({ id: 'data_engineer', name: 'Data engineer' });
  workspace.createRole({ id: 'analytics_engineer', name: 'Analytics engineer' });
});

/** [field, old, new] of the rows written after `since` rows existed. */
function changesSince(since: number): [string, string | null, string | null][] {
  return workspace
    .listHistory()
    .slice(since)
    .map((h) => [h.field, h.oldValue, h.newValue]);
}

function rowsAfter(write: () => unknown): HistoryEntry[] {
  const before = workspace.listHistory().length;
  write();
  return workspace.listHistory().slice(before);
}

describe('capability maturity history', () => {
  it('records creation with both maturities', () => {
    const rows = rowsAfter(() =>
      workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 }),
    );
    expect(rows.map((h) => [h.entity, h.entityId, h.field, h.oldValue, h.newValue])).toEqual([
      ['capability', 'warehouse', 'created', null, 'Warehouse'],
      ['capability', 'warehouse', 'currentMaturity', null, '2'],
      ['capability', 'warehouse', 'targetMaturity', null, '3'],
    ]);
    // One write, one timestamp, from the workspace's clock.
    expect(new Set(rows.map((h) => h.at)).size).toBe(1);
    expect(rows[0]?.at).toMatch(/^2027-01-04T09:\d\d:00\.000Z$/);
  });

  it('records each maturity change with its time, and nothing for other edits', () => {
    workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    const since = workspace.listHistory().length;
    workspace.updateCapability('warehouse', { notes: 'migrated to the new cluster', owner: 'Ada', tools: 'dbt', name: 'Data warehouse' });
    workspace.updateCapability('warehouse', { currentMaturity: 2 }); // no change
    expect(changesSince(since)).toEqual([]);

    workspace.updateCapability('warehouse', { currentMaturity: 3 });
    workspace.updateCapability('warehouse', { currentMaturity: 4, targetMaturity: 4 });
    expect(changesSince(since)).toEqual([
      ['currentMaturity', '2', '3'],
      ['currentMaturity', '3', '4'],
      ['targetMaturity', '3', '4'],
    ]);
    const times = workspace.listHistory().slice(since).map((h) => h.at);
    expect(times[0]! < times[1]!).toBe(true);
    expect(times[1]).toBe(times[2]);
  });

  it('records deletion, and keeps the history of the deleted capability', () => {
    workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    const since = workspace.listHistory().length;
    workspace.deleteCapability('warehouse');
    expect(changesSince(since)).toEqual([
      ['deleted', 'Warehouse', null],
      ['currentMaturity', '2', null],
      ['targetMaturity', '3', null],
    ]);
    expect(workspace.listHistory({ entity: 'capability', entityId: 'warehouse' })).toHaveLength(6);
  });

  it("replays to a capability's maturity at any time", () => {
    workspace.createCapability({ id: 'orchestration', name: 'Orchestration', layer: 'move_store', currentMaturity: 0, targetMaturity: 3 });
    workspace.updateCapability('orchestration', { currentMaturity: 1 });
    workspace.updateCapability('orchestration', { currentMaturity: 2 });
    const rows = workspace.listHistory({ entity: 'capability', entityId: 'orchestration' });
    const at = (time: string) =>
      rows.filter((h) => h.field === 'currentMaturity' && h.at <= time).at(-1)?.newValue ?? null;
    const [created, , , first, second] = rows;
    expect(at('2000-01-01T00:00:00.000Z')).toBeNull();
    expect(at(created!.at)).toBe('0');
    expect(at(first!.at)).toBe('1');
    expect(at(second!.at)).toBe('2');
  });
});

describe('headcount history', () => {
  it('records a new person with every headcount field that has a value', () => {
    const rows = rowsAfter(() =>
      workspace.createPerson({ id: 'ada', name: 'Ada', roleId: 'data_engineer', fte: 0.5, status: 'planned', startDate: '2027-03-01' }),
    );
    expect(rows.map((h) => [h.entity, h.field, h.oldValue, h.newValue])).toEqual([
      ['person', 'created', null, 'Ada'],
      ['person', 'roleId', null, 'data_engineer'],
      ['person', 'fte', null, '0.5'],
      ['person', 'status', null, 'planned'],
      ['person', 'startDate', null, '2027-03-01'],
    ]);
  });

  it('records changes of role, fte, status and dates, and nothing for a rename', () => {
    workspace.createPerson({ id: 'ada', name: 'Ada', roleId: 'data_engineer', fte: 1, status: 'open_req' });
    const since = workspace.listHistory().length;
    workspace.updatePerson('ada', { name: 'Ada Lovelace' });
    expect(changesSince(since)).toEqual([]);

    workspace.updatePerson('ada', { status: 'on_staff', startDate: '2027-02-01' });
    workspace.updatePerson('ada', { roleId: 'analytics_engineer' });
    workspace.updatePerson('ada', { fte: 0.8 });
    workspace.updatePerson('ada', { endDate: '2027-12-31' });
    workspace.updatePerson('ada', { endDate: null });
    expect(changesSince(since)).toEqual([
      ['status', 'open_req', 'on_staff'],
      ['startDate', null, '2027-02-01'],
      ['roleId', 'data_engineer', 'analytics_engineer'],
      ['fte', '1', '0.8'],
      ['endDate', null, '2027-12-31'],
      ['endDate', '2027-12-31', null],
    ]);
  });

  it('records deletion of a person', () => {
    workspace.createPerson({ id: 'ada', name: 'Ada', roleId: 'data_engineer', fte: 1, status: 'on_staff', startDate: '2026-01-05' });
    const since = workspace.listHistory().length;
    workspace.deletePerson('ada');
    expect(changesSince(since)).toEqual([
      ['deleted', 'Ada', null],
      ['roleId', 'data_engineer', null],
      ['fte', '1', null],
      ['status', 'on_staff', null],
      ['startDate', '2026-01-05', null],
    ]);
  });

  it('writes no history row for a refused change', () => {
    workspace.createPerson({ id: 'ada', name: 'Ada', roleId: 'data_engineer', fte: 1, status: 'on_staff' });
    const before = workspace.listHistory();
    expect(() => workspace.updatePerson('ada', { status: 'planned', fte: 3 })).toThrow();
    expect(workspace.listHistory()).toEqual(before);
  });

  it('roles are not headcount: creating or editing a role writes no history', () => {
    const before = workspace.listHistory().length;
    workspace.updateRole('data_engineer', { description: 'Pipelines', builds: ['move_store'] });
    expect(workspace.listHistory()).toHaveLength(before);
  });
});

describe('reading history', () => {
  beforeEach(() => {
    workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3 });
    workspace.createPerson({ id: 'ada', name: 'Ada', roleId: 'data_engineer', fte: 1, status: 'on_staff' });
    workspace.updateCapability('warehouse', { currentMaturity: 3 });
  });

  it('filters by entity and by entity id, oldest first', () => {
    const all = workspace.listHistory();
    expect(all.map((h) => h.id)).toEqual([...all.map((h) => h.id)].sort((a, b) => a - b));
    expect(workspace.listHistory({ entity: 'person' }).every((h) => h.entity === 'person')).toBe(true);
    expect(workspace.listHistory({ entity: 'capability', entityId: 'warehouse' }).map((h) => h.field)).toEqual([
      'created',
      'currentMaturity',
      'targetMaturity',
      'currentMaturity',
    ]);
    expect(workspace.listHistory({ entityId: 'ada' })).toHaveLength(4);
    expect(workspace.listHistory({ entity: 'capability', entityId: 'nope' })).toEqual([]);
  });

  it('is served by an index when read by entity (EXPLAIN QUERY PLAN)', () => {
    workspace.close();
    const db = raw(file);
    try {
      const cases = [
        [{ entity: 'capability', entityId: 'warehouse' }, 'history_by_entity (entity=? AND entity_id=?)'],
        [{ entity: 'person' }, 'history_by_entity_time (entity=?)'],
      ] as const;
      for (const [filter, index] of cases) {
        const { sql, parameters } = historyQuery(filter);
        const plan = db
          .prepare<string[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...parameters)
          .map((row) => row.detail)
          .join('\n');
        expect(plan).toContain(`SEARCH history USING INDEX ${index}`);
        // The index already yields (at, id) order: no sort step.
        expect(plan).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });
});

describe('the maturity history readiness over time replays', () => {
  it('lists the last change of a day per capability and field, oldest first, and follows new rows', () => {
    // The first reading is the open's.
    const times = ['2027-01-04T08:00:00.000Z', '2027-01-04T09:00:00.000Z', '2027-01-04T10:00:00.000Z', '2027-01-04T23:59:00.000Z', '2027-01-05T08:00:00.000Z', '2027-01-06T08:00:00.000Z'];
    let next = 0;
    const ws = open(join(tempDir(), 'days.groundwork'), { now: () => new Date(times[Math.min(next++, times.length - 1)]!) });
    ws.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 1, targetMaturity: 3 }); // day 1, 09:00
    ws.updateCapability('warehouse', { currentMaturity: 2 }); // day 1, 10:00
    ws.updateCapability('warehouse', { currentMaturity: 3 }); // day 1, 23:59: the day's last
    ws.updateCapability('warehouse', { currentMaturity: 2 }); // day 2
    const lean = (w: WritableWorkspace) => w.listMaturityHistory().map((h) => [h.at.slice(0, 16), h.field, h.newValue]);
    expect(lean(ws)).toEqual([
      ['2027-01-04T09:00', 'targetMaturity', '3'],
      ['2027-01-04T23:59', 'currentMaturity', '3'],
      ['2027-01-05T08:00', 'currentMaturity', '2'],
    ]);
    // Asked again with nothing new: the same list; a new row shows at once.
    expect(lean(ws)).toEqual(lean(ws));
    ws.deleteCapability('warehouse'); // day 3
    expect(lean(ws).filter((r) => r[0] === '2027-01-06T08:00').map((r) => r[1])).toContain('deleted');
    // The full history still has every row: created, 2, 3, 2, and the deletion's.
    expect(ws.listHistory({ entity: 'capability' }).filter((h) => h.field === 'currentMaturity')).toHaveLength(5);
  });
});
