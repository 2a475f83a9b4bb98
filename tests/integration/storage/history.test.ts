import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, ReadableWorkspace, WritableWorkspace } from '../../../src/storage';
import { writeRestoredWorkspace } from '../../../src/storage/workspace';
import { copyFixture, open, openReadOnly, raw, tempDir } from './helpers';

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

  it('keeps no index on the history: the charts read capability_days, by its primary key order', () => {
    workspace.close();
    const db = raw(file);
    try {
      // Every index entry is verified by the integrity check at open; the history needs none.
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'history'").pluck().all()).toEqual([]);
      const plan = db
        .prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT history_id, at, capability_id, field, new_value FROM capability_days ORDER BY at, history_id')
        .all()
        .map((row) => row.detail)
        .join('\n');
      expect(plan).toContain('SCAN capability_days');
      expect(plan).not.toMatch(/\bhistory\b/);
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

/**
 * The definition listMaturityHistory answers from capability_days (a table a trigger keeps):
 * of the capability rows for a maturity or a deletion, the last of each capability, field and
 * UTC day by (at, id), oldest first — computed here the slow and obvious way, from every row.
 */
function lastOfEachDay(workspace: ReadableWorkspace): [number, string, string, string, string | null][] {
  const latest = new Map<string, HistoryEntry>();
  for (const row of workspace.listHistory({ entity: 'capability' })) {
    if (!['currentMaturity', 'targetMaturity', 'deleted'].includes(row.field)) continue;
    const key = `${row.entityId}|${row.field}|${row.at.slice(0, 10)}`;
    const seen = latest.get(key);
    if (seen === undefined || row.at > seen.at || (row.at === seen.at && row.id > seen.id)) latest.set(key, row);
  }
  return [...latest.values()]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id))
    .map((row) => [row.id, row.at, row.entityId, row.field, row.newValue]);
}

function listed(workspace: ReadableWorkspace): [number, string, string, string, string | null][] {
  return workspace.listMaturityHistory().map((row) => [row.id, row.at, row.entityId, row.field, row.newValue]);
}

/** A small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` history rows in no particular time order: 4 capabilities, 6 days, few distinct times (many ties), other entities between. */
function shuffledHistory(count: number, seed: number): Omit<HistoryEntry, 'id'>[] {
  const random = lcg(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fields = ['currentMaturity', 'targetMaturity', 'deleted', 'created'] as const;
  return Array.from({ length: count }, () => {
    const entity = random() < 0.8 ? 'capability' : 'person';
    return {
      at: `2027-03-0${1 + Math.floor(random() * 6)}T${pick(['00:00:00.000', '09:30:00.000', '09:30:00.000', '23:59:59.999'])}Z`,
      entity,
      entityId: pick(['warehouse', 'orchestration', 'bi', 'p-1']),
      field: entity === 'person' ? 'fte' : pick(fields),
      oldValue: null,
      newValue: String(Math.floor(random() * 5)),
    };
  });
}

describe('capability_days: the day-last rows kept as the history grows (schema 4)', () => {
  it('equals the obvious definition for a restored history in any time order, and as rows are appended', () => {
    for (const seed of [1, 2, 3]) {
      const file = join(tempDir(), `restored-${seed}.groundwork`);
      writeRestoredWorkspace(file, { organisation: { name: 'Days' }, capabilities: [], roles: [], people: [], workItems: [], scenarios: [], history: shuffledHistory(600, seed) });
      const reader = openReadOnly(file);
      expect(listed(reader).length).toBeGreaterThan(40);
      expect(listed(reader)).toEqual(lastOfEachDay(reader));
      reader.close();

      // Appended rows: one at the same time as the restored ones (the later-added wins), one earlier in a day (it does not).
      const times = ['2027-03-02T09:30:00.000Z', '2027-03-02T00:00:00.000Z', '2027-03-09T12:00:00.000Z'];
      let next = 0;
      const writer = open(file, { create: false, now: () => new Date(times[Math.min(next++, times.length - 1)]!) });
      writer.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 1, targetMaturity: 2 });
      writer.updateCapability('warehouse', { currentMaturity: 3 });
      writer.updateCapability('warehouse', { targetMaturity: 4 });
      expect(listed(writer)).toEqual(lastOfEachDay(writer));
      writer.close();
    }
  });

  it('is filled from the history when a schema 3 workspace is migrated', () => {
    const file = copyFixture(3, tempDir());
    const db = raw(file);
    const insert = db.prepare('INSERT INTO history (at, entity, entity_id, field, old_value, new_value) VALUES (?, ?, ?, ?, NULL, ?)');
    for (const row of shuffledHistory(400, 7)) insert.run(row.at, row.entity, row.entityId, row.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), row.newValue);
    db.close();
    const workspace = open(file, { create: false });
    expect(workspace.migratedFrom).toBe(3);
    expect(listed(workspace).length).toBeGreaterThan(40);
    expect(listed(workspace)).toEqual(lastOfEachDay(workspace));
  });

  it('rests on a history that is only appended to: a row cannot be changed or deleted', () => {
    workspace.createCapability({ id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 1, targetMaturity: 3 });
    workspace.close();
    // Nor is a whole workspace restored over one that has history.
    const rows = openReadOnly(file).listHistory().length;
    expect(() => writeRestoredWorkspace(file, { organisation: { name: 'Other' }, capabilities: [], roles: [], people: [], workItems: [], scenarios: [], history: [] })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/already has history/) }),
    );
    expect(openReadOnly(file).listHistory()).toHaveLength(rows);
    const db = raw(file);
    try {
      expect(() => db.prepare("UPDATE history SET new_value = '0'").run()).toThrow(/history rows are never changed/);
      expect(() => db.prepare('DELETE FROM history').run()).toThrow(/history rows are never deleted/);
      expect(db.prepare('SELECT count(*) FROM history').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
