import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PERSON_STATUSES, type Person, type PersonStatus } from '../../core/domain/types';
import { StorageError, toStorageError } from '../errors';
import type { DbPerson } from '../rows';
import type { PersonInput, PersonPatch } from '../types';
import { diff, type HistoryChange, type HistoryRepository } from './history';

function isPersonStatus(value: string): value is PersonStatus {
  return (PERSON_STATUSES as readonly string[]).includes(value);
}

export function toPerson(row: DbPerson): Person {
  if (!isPersonStatus(row.status)) throw new Error(`person "${row.id}" holds a status the schema does not allow`);
  return {
    id: row.id,
    name: row.name,
    roleId: row.role_id,
    fte: row.fte,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

/** Everything that changes headcount: who holds which role, how much of them, from when to when. */
function headcountChanges(before: DbPerson | null, after: DbPerson | null): HistoryChange[] {
  return [
    ...diff('role_id', before?.role_id ?? null, after?.role_id ?? null),
    ...diff('fte', before?.fte ?? null, after?.fte ?? null),
    ...diff('status', before?.status ?? null, after?.status ?? null),
    ...diff('start_date', before?.start_date ?? null, after?.start_date ?? null),
    ...diff('end_date', before?.end_date ?? null, after?.end_date ?? null),
  ];
}

/** People (headcount). Callers run each public method inside a transaction (see Workspace). */
export class PersonRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {}

  list(): Person[] {
    return this.db
      .prepare<[], DbPerson>('SELECT * FROM people ORDER BY sort_order, name COLLATE NOCASE, id')
      .all()
      .map(toPerson);
  }

  get(id: string): Person | null {
    const row = this.row(id);
    return row === undefined ? null : toPerson(row);
  }

  count(): number {
    return Number(this.db.prepare('SELECT count(*) FROM people').pluck().get());
  }

  create(input: PersonInput, at: string): Person {
    const sortOrder = Number(this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM people').pluck().get());
    const row: DbPerson = {
      id: input.id ?? randomUUID(),
      name: input.name,
      role_id: input.roleId,
      fte: input.fte,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      sort_order: sortOrder,
      created_at: at,
      updated_at: at,
    };
    try {
      this.db
        .prepare(
          `INSERT INTO people (id, name, role_id, fte, status, start_date, end_date, sort_order, created_at, updated_at)
           VALUES (@id, @name, @role_id, @fte, @status, @start_date, @end_date, @sort_order, @created_at, @updated_at)`,
        )
        .run(row);
    } catch (error) {
      throw toStorageError(error, `person "${input.name}"`, 'roleId');
    }
    this.history.record('person', row.id, at, [
      { field: 'created', oldValue: null, newValue: row.name },
      ...headcountChanges(null, row),
    ]);
    return toPerson(this.existing(row.id));
  }

  update(id: string, patch: PersonPatch, at: string): Person {
    const before = this.existing(id);
    const after: DbPerson = {
      ...before,
      name: patch.name ?? before.name,
      role_id: patch.roleId ?? before.role_id,
      fte: patch.fte ?? before.fte,
      status: patch.status ?? before.status,
      // `null` clears a date; a missing key keeps it.
      start_date: patch.startDate === undefined ? before.start_date : patch.startDate,
      end_date: patch.endDate === undefined ? before.end_date : patch.endDate,
      updated_at: at,
    };
    try {
      this.db
        .prepare(
          `UPDATE people SET name = @name, role_id = @role_id, fte = @fte, status = @status,
             start_date = @start_date, end_date = @end_date, updated_at = @updated_at
           WHERE id = @id`,
        )
        .run(after);
    } catch (error) {
      throw toStorageError(error, `person "${before.name}"`, 'roleId');
    }
    this.history.record('person', id, at, headcountChanges(before, after));
    return toPerson(this.existing(id));
  }

  delete(id: string, at: string): void {
    const before = this.existing(id);
    this.db.prepare('DELETE FROM people WHERE id = ?').run(id);
    this.history.record('person', id, at, [
      { field: 'deleted', oldValue: before.name, newValue: null },
      ...headcountChanges(before, null),
    ]);
  }

  private row(id: string): DbPerson | undefined {
    return this.db.prepare<[string], DbPerson>('SELECT * FROM people WHERE id = ?').get(id);
  }

  private existing(id: string): DbPerson {
    const row = this.row(id);
    if (row === undefined) throw new StorageError('not-found', `no person with id "${id}"`, 'id');
    return row;
  }
}
