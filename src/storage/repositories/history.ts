import type Database from 'better-sqlite3';
import type { DbHistory, DbHistoryEntity, DbHistoryField } from '../rows';
import type { HistoryEntry, HistoryField, HistoryFilter } from '../types';

export interface HistoryChange {
  readonly field: DbHistoryField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

const FIELD_TO_DOMAIN: Readonly<Record<DbHistoryField, HistoryField>> = {
  created: 'created',
  deleted: 'deleted',
  current_maturity: 'currentMaturity',
  target_maturity: 'targetMaturity',
  role_id: 'roleId',
  fte: 'fte',
  status: 'status',
  start_date: 'startDate',
  end_date: 'endDate',
  pinned_start: 'pinnedStart',
  actual_start: 'actualStart',
  actual_finish: 'actualFinish',
};

const FIELD_TO_DB = Object.fromEntries(Object.entries(FIELD_TO_DOMAIN).map(([db, domain]) => [domain, db])) as Readonly<
  Record<HistoryField, DbHistoryField>
>;

/** The column value of a domain history field name (`pinnedStart` → `pinned_start`). */
export function historyFieldToDb(field: HistoryField): DbHistoryField {
  return FIELD_TO_DB[field];
}

/** The history value of a tracked field: text, `null` for "none". */
export function historyValue(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

/** One change row per tracked field whose value differs. */
export function diff(
  field: DbHistoryField,
  oldValue: string | number | null,
  newValue: string | number | null,
): HistoryChange[] {
  const before = historyValue(oldValue);
  const after = historyValue(newValue);
  return before === after ? [] : [{ field, oldValue: before, newValue: after }];
}

/**
 * Writes and reads the history table. Written by the repositories, in the transaction of the
 * change itself, rather than by triggers: the time comes from the workspace's injectable clock
 * (tests, and one timestamp for every row of one write), and a later import of a whole workspace
 * can restore its history without triggers inventing new rows.
 */
export class HistoryRepository {
  private readonly insertStatement: Database.Statement<
    [string, DbHistoryEntity, string, DbHistoryField, string | null, string | null]
  >;

  /** `recording: false` makes record() a no-op (a restore writes the history it is given instead). */
  constructor(
    private readonly db: Database.Database,
    private readonly recording = true,
  ) {
    this.insertStatement = db.prepare(
      'INSERT INTO history (at, entity, entity_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  record(entity: DbHistoryEntity, entityId: string, at: string, changes: readonly HistoryChange[]): void {
    if (!this.recording) return;
    for (const change of changes) {
      this.insertStatement.run(at, entity, entityId, change.field, change.oldValue, change.newValue);
    }
  }

  /**
   * Appends rows exactly as given (a Workspace JSON import restoring a workspace's history): the
   * rows keep their own times, and the order of `entries` becomes their id order.
   */
  restore(entries: readonly Omit<HistoryEntry, 'id'>[]): void {
    for (const entry of entries) {
      this.insertStatement.run(entry.at, entry.entity, entry.entityId, historyFieldToDb(entry.field), entry.oldValue, entry.newValue);
    }
  }

  /**
   * The capability rows a readiness-over-time chart replays (maturities and deletions), oldest
   * first, read lean: five years of weekly edits are tens of thousands of rows. Of several
   * changes to one capability's field on the same day (UTC) only the day's last is listed: the
   * charts read the state at the end of a day, and that state is the same. The history is only
   * ever appended to, so the list is kept until a row is added (the Progress view asks for it
   * after every edit; most edits add none).
   */
  maturityChanges(): HistoryEntry[] {
    // Rows are only appended (the schema refuses updates and deletes), so the newest id says whether any came.
    const newest = this.db.prepare<[], number | null>('SELECT max(id) FROM history').pluck().get();
    const key = String(newest ?? 0);
    if (this.maturityCache?.key !== key) this.maturityCache = { key, rows: this.readMaturityChanges().map((row) => Object.freeze(row)) };
    return this.maturityCache.rows.slice();
  }

  private maturityCache: { readonly key: string; readonly rows: readonly HistoryEntry[] } | null = null;

  /** From capability_days (migrations/004_capability_days.sql), which a trigger keeps as rows are appended. */
  private readMaturityChanges(): HistoryEntry[] {
    const rows = this.db
      .prepare<[], [number, string, string, DbHistoryField, string | null]>(
        'SELECT history_id, at, capability_id, field, new_value FROM capability_days ORDER BY at, history_id',
      )
      .raw()
      .all();
    return rows.map(([id, at, entityId, field, newValue]) => ({ id, at, entity: 'capability', entityId, field: FIELD_TO_DOMAIN[field], oldValue: null, newValue }));
  }

  count(): number {
    return Number(this.db.prepare('SELECT count(*) FROM history').pluck().get());
  }

  list(filter: HistoryFilter = {}): HistoryEntry[] {
    const { sql, parameters } = historyQuery(filter);
    return this.db.prepare<string[], DbHistory>(sql).all(...parameters).map(toHistoryEntry);
  }
}

/**
 * The query behind list(). The history has no index beyond its ids (schema 4 dropped them, see
 * migrations/004_capability_days.sql): a filtered list scans the table, which only the tests
 * and the whole-history JSON export ask for.
 */
function historyQuery(filter: HistoryFilter): { sql: string; parameters: string[] } {
  const conditions: string[] = [];
  const parameters: string[] = [];
  if (filter.entity !== undefined) {
    conditions.push('entity = ?');
    parameters.push(filter.entity);
  }
  if (filter.entityId !== undefined) {
    conditions.push('entity_id = ?');
    parameters.push(filter.entityId);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')} ` : '';
  return { sql: `SELECT * FROM history ${where}ORDER BY at, id`, parameters };
}

function toHistoryEntry(row: DbHistory): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    entity: row.entity,
    entityId: row.entity_id,
    field: FIELD_TO_DOMAIN[row.field],
    oldValue: row.old_value,
    newValue: row.new_value,
  };
}
