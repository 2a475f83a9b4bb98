/**
 * Row types: exactly the columns of the tables in migrations/ (snake_case, 0/1 for booleans,
 * JSON as text). They never leave src/storage; repositories map them to the domain types of
 * src/core.
 */

export type DbBoolean = 0 | 1;

export interface DbMeta {
  readonly key: string;
  readonly value: string;
}

export interface DbCapability {
  readonly id: string;
  readonly name: string;
  readonly layer: string;
  readonly description: string;
  readonly current_maturity: number;
  readonly target_maturity: number;
  readonly owner: string;
  readonly tools: string;
  readonly notes: string;
  readonly from_catalog: DbBoolean;
  readonly sort_order: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface DbRole {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** JSON array of layer ids. */
  readonly builds: string;
  /** JSON array of prerequisites (see migrations/001_init.sql). */
  readonly prerequisites: string;
  readonly needs_foundations: DbBoolean;
  readonly from_catalog: DbBoolean;
  readonly sort_order: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface DbPerson {
  readonly id: string;
  readonly name: string;
  readonly role_id: string;
  readonly fte: number;
  readonly status: string;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly sort_order: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export type DbHistoryEntity = 'capability' | 'person';

export type DbHistoryField =
  | 'created'
  | 'deleted'
  | 'current_maturity'
  | 'target_maturity'
  | 'role_id'
  | 'fte'
  | 'status'
  | 'start_date'
  | 'end_date';

export interface DbHistory {
  readonly id: number;
  readonly at: string;
  readonly entity: DbHistoryEntity;
  readonly entity_id: string;
  readonly field: DbHistoryField;
  readonly old_value: string | null;
  readonly new_value: string | null;
}
