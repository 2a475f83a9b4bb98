import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PERSON_STATUSES, type Person, type PersonStatus } from '../../core/domain/types';
import type { DbPerson } from '../rows';
import type { PersonInput, PersonPatch } from '../types';
import { diff, type HistoryChange, type HistoryRepository } from './history';
import { Table } from './table';

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
export class PersonRepository extends Table<DbPerson, Person> {
  constructor(
    db: Database.Database,
    private readonly history: HistoryRepository,
  ) {
    super(db, { name: 'people', noun: 'person', order: 'sort_order, name COLLATE NOCASE, id', toEntity: toPerson });
  }

  create(input: PersonInput, at: string): Person {
    const row: DbPerson = {
      id: input.id ?? randomUUID(),
      name: input.name,
      role_id: input.roleId,
      fte: input.fte,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      sort_order: this.nextSortOrder(),
      created_at: at,
      updated_at: at,
    };
    this.insert(row, `person "${input.name}"`, 'roleId');
    this.history.record('person', row.id, at, [
      { field: 'created', oldValue: null, newValue: row.name },
      ...headcountChanges(null, row),
    ]);
    return this.stored(row.id);
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
    this.updateRow(after, `person "${before.name}"`, 'roleId');
    this.history.record('person', id, at, headcountChanges(before, after));
    return this.stored(id);
  }

  delete(id: string, at: string): void {
    const before = this.existing(id);
    this.deleteRow(id, `person "${before.name}"`);
    this.history.record('person', id, at, [
      { field: 'deleted', oldValue: before.name, newValue: null },
      ...headcountChanges(before, null),
    ]);
  }
}
