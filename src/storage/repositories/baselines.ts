import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { baselineSnapshotSchema, type Baseline, type BaselineSnapshot, type BaselineSummary } from '../../core/progress/baseline';
import { StorageError, toStorageError } from '../errors';
import type { DbBaseline } from '../rows';

export function toBaseline(row: DbBaseline): Baseline {
  const parsed = baselineSnapshotSchema.safeParse(JSON.parse(row.plan));
  if (!parsed.success) throw new Error(`baseline "${row.name}" holds a plan this version cannot read`);
  return { id: row.id, name: row.name, scenarioId: row.scenario_id, asOf: row.as_of, createdAt: row.created_at, snapshot: parsed.data };
}

export interface BaselineInput {
  readonly id?: string;
  readonly name: string;
  readonly scenarioId: string | null;
  readonly snapshot: BaselineSnapshot;
  /** Kept as given on restore; a new baseline takes the write's time. */
  readonly createdAt?: string;
}

/** Baselines. Callers run each public method inside a transaction (see Workspace). */
export class BaselineRepository {
  constructor(private readonly db: Database.Database) {}

  /** Newest first. */
  list(): Baseline[] {
    return this.db.prepare<[], DbBaseline>('SELECT * FROM baselines ORDER BY created_at DESC, name COLLATE NOCASE').all().map(toBaseline);
  }

  /** Newest first, without parsing the frozen plans: what a list of baselines shows. */
  summaries(): BaselineSummary[] {
    return this.db
      .prepare<[], [string, string, string | null, string, string, string, number, number]>(
        `SELECT id, name, scenario_id, as_of, created_at, json_extract(plan, '$.scenario.name'),
           json_array_length(plan, '$.items'), json_array_length(plan, '$.hires')
         FROM baselines ORDER BY created_at DESC, name COLLATE NOCASE`,
      )
      .raw()
      .all()
      .map(([id, name, scenarioId, asOf, createdAt, scenarioName, items, hires]) => ({ id, name, scenarioId, asOf, createdAt, scenarioName, items, hires }));
  }

  get(id: string): Baseline | null {
    const row = this.row(id);
    return row === undefined ? null : toBaseline(row);
  }

  /** By id, or by name ignoring case. */
  find(idOrName: string): Baseline | null {
    const row = this.row(idOrName) ?? this.db.prepare<[string], DbBaseline>('SELECT * FROM baselines WHERE name = ? COLLATE NOCASE').get(idOrName.trim());
    return row === undefined ? null : toBaseline(row);
  }

  create(input: BaselineInput, at: string): Baseline {
    const entity = `baseline "${input.name}"`;
    const parsed = baselineSnapshotSchema.safeParse(input.snapshot);
    if (!parsed.success) throw new StorageError('constraint', `${entity}: the plan to freeze is not a valid baseline snapshot`, 'plan');
    const row: DbBaseline = {
      id: input.id ?? randomUUID(),
      name: input.name.trim(),
      scenario_id: input.scenarioId,
      as_of: input.snapshot.asOf,
      plan: JSON.stringify(input.snapshot),
      created_at: input.createdAt ?? at,
      updated_at: at,
    };
    try {
      this.db
        .prepare(
          `INSERT INTO baselines (id, name, scenario_id, as_of, plan, created_at, updated_at)
           VALUES (@id, @name, @scenario_id, @as_of, @plan, @created_at, @updated_at)`,
        )
        .run(row);
    } catch (error) {
      throw toStorageError(error, entity, 'scenarioId');
    }
    return toBaseline(this.existing(row.id));
  }

  rename(id: string, name: string, at: string): Baseline {
    const before = this.existing(id);
    try {
      this.db.prepare('UPDATE baselines SET name = ?, updated_at = ? WHERE id = ?').run(name.trim(), at, id);
    } catch (error) {
      throw toStorageError(error, `baseline "${before.name}"`);
    }
    return toBaseline(this.existing(id));
  }

  delete(id: string): void {
    this.existing(id);
    this.db.prepare('DELETE FROM baselines WHERE id = ?').run(id);
  }

  private row(id: string): DbBaseline | undefined {
    return this.db.prepare<[string], DbBaseline>('SELECT * FROM baselines WHERE id = ?').get(id);
  }

  private existing(id: string): DbBaseline {
    const row = this.row(id);
    if (row === undefined) throw new StorageError('not-found', `no baseline with id "${id}"`, 'id');
    return row;
  }
}
