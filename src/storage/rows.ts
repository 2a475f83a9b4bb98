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

export interface DbScenario {
  readonly id: string;
  readonly name: string;
  readonly is_default: DbBoolean;
  readonly start_date: string;
  readonly horizon_quarters: number;
  readonly target_layer: string;
  readonly target_date: string | null;
  readonly hiring_budget_per_quarter: number | null;
  readonly max_hires_per_quarter: number;
  readonly gate_threshold: number;
  readonly lead_time_weeks: number;
  readonly ramp_up_weeks: number | null;
  /** JSON object: role id → annual salary. */
  readonly salaries: string;
  readonly run_share: number;
  /** JSON array of borrowed capacity (see migrations/003_progress.sql). */
  readonly borrowed: string;
  readonly sort_order: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface DbWorkItem {
  readonly id: string;
  readonly title: string;
  readonly capability_id: string | null;
  readonly from_maturity: number | null;
  readonly to_maturity: number | null;
  readonly duration_weeks: number;
  /** JSON object: role id → whole people. */
  readonly demand: string;
  /** JSON array of work item ids. */
  readonly predecessors: string;
  readonly release_date: string | null;
  readonly pinned_start: string | null;
  readonly status: string;
  readonly notes: string;
  readonly actual_start: string | null;
  readonly actual_finish: string | null;
  readonly sort_order: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export type DbHistoryEntity = 'capability' | 'person' | 'work_item';

export type DbHistoryField =
  | 'created'
  | 'deleted'
  | 'current_maturity'
  | 'target_maturity'
  | 'role_id'
  | 'fte'
  | 'status'
  | 'start_date'
  | 'end_date'
  | 'pinned_start'
  | 'actual_start'
  | 'actual_finish';

export interface DbHistory {
  readonly id: number;
  readonly at: string;
  readonly entity: DbHistoryEntity;
  readonly entity_id: string;
  readonly field: DbHistoryField;
  readonly old_value: string | null;
  readonly new_value: string | null;
}

export interface DbBaseline {
  readonly id: string;
  readonly name: string;
  readonly scenario_id: string | null;
  readonly as_of: string;
  /** JSON: the frozen plan (BaselineSnapshot in src/core/progress). */
  readonly plan: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/**
 * A JSON column holding an id → number map (a work item's demand, a scenario's salaries), as a
 * record WITHOUT a prototype: a role id such as "constructor" or "toString" then finds nothing
 * inherited. Throws when the stored text is not such a map (a damaged row).
 */
export function readNumberMap(text: string, what: string): Record<string, number> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a JSON object`);
  const out = Object.create(null) as Record<string, number>;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) throw new Error(`${what} holds a value that is not a number`);
    out[key] = entry;
  }
  return out;
}

/** A JSON column holding a list of ids; throws when the stored text is not one. */
export function readIdList(text: string, what: string): string[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) throw new Error(`${what} is not a list of ids`);
  return value as string[];
}
