import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isLayerId } from '../../core/domain/layers';
import { isIsoDate } from '../../core/domain/calendar';
import { DEFAULT_RUN_SHARE, type BorrowedCapacity, type Scenario } from '../../core/domain/planning';
import { StorageError, toStorageError } from '../errors';
import type { DbScenario } from '../rows';
import type { ScenarioInput, ScenarioPatch } from '../types';

export function toScenario(row: DbScenario): Scenario {
  if (!isLayerId(row.target_layer)) throw new Error(`scenario "${row.id}" holds a target layer the schema does not allow`);
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    startDate: row.start_date,
    horizonQuarters: row.horizon_quarters,
    targetLayer: row.target_layer,
    targetDate: row.target_date,
    hiringBudgetPerQuarter: row.hiring_budget_per_quarter,
    maxHiresPerQuarter: row.max_hires_per_quarter,
    gateThreshold: row.gate_threshold,
    leadTimeWeeks: row.lead_time_weeks,
    rampUpWeeks: row.ramp_up_weeks,
    salaries: JSON.parse(row.salaries) as Record<string, number>,
    runShare: row.run_share,
    borrowed: JSON.parse(row.borrowed) as BorrowedCapacity[],
  };
}

/** Borrowed capacity: role id, FTE in (0, 10], a start date or null, whole weeks 1–520, a note. */
function borrowedJson(borrowed: unknown, entity: string): string {
  const fail = (i: number, rule: string) => new StorageError('constraint', `${entity}: borrowed[${i}] ${rule}`, 'borrowed');
  if (!Array.isArray(borrowed)) throw new StorageError('constraint', `${entity}: borrowed must be a list`, 'borrowed');
  const out: BorrowedCapacity[] = [];
  (borrowed as unknown[]).forEach((value, i) => {
    if (typeof value !== 'object' || value === null) throw fail(i, 'must be an object');
    const v = value as Record<string, unknown>;
    if (typeof v['roleId'] !== 'string' || v['roleId'].trim() === '') throw fail(i, 'roleId must name a role');
    if (typeof v['fte'] !== 'number' || !(v['fte'] > 0 && v['fte'] <= 10)) throw fail(i, 'fte must be more than 0 and at most 10');
    if (v['startDate'] !== null && !isIsoDate(v['startDate'])) throw fail(i, 'startDate must be a date (YYYY-MM-DD) or null');
    if (typeof v['weeks'] !== 'number' || !Number.isInteger(v['weeks']) || v['weeks'] < 1 || v['weeks'] > 520) throw fail(i, 'weeks must be a whole number from 1 to 520');
    if (typeof v['note'] !== 'string') throw fail(i, 'note must be text');
    out.push({ roleId: v['roleId'], fte: v['fte'], startDate: (v['startDate'] as string | null) ?? null, weeks: v['weeks'], note: v['note'] });
  });
  return JSON.stringify(out);
}

function salariesJson(salaries: unknown, entity: string): string {
  const fail = () => new StorageError('constraint', `${entity}: salaries must map role ids to annual salaries ≥ 0`, 'salaries');
  if (typeof salaries !== 'object' || salaries === null || Array.isArray(salaries)) throw fail();
  for (const value of Object.values(salaries)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw fail();
  }
  return JSON.stringify(salaries);
}

/**
 * Scenarios. Exactly one is the default: a partial unique index allows at most one, and these
 * methods keep at least one (the last scenario cannot be deleted; deleting the default promotes
 * the first remaining one). Callers run each public method inside a transaction (see Workspace).
 */
export class ScenarioRepository {
  constructor(private readonly db: Database.Database) {}

  /** The default first, then by name. */
  list(): Scenario[] {
    return this.db
      .prepare<[], DbScenario>('SELECT * FROM scenarios ORDER BY is_default DESC, name COLLATE NOCASE, id')
      .all()
      .map(toScenario);
  }

  get(id: string): Scenario | null {
    const row = this.row(id);
    return row === undefined ? null : toScenario(row);
  }

  count(): number {
    return Number(this.db.prepare('SELECT count(*) FROM scenarios').pluck().get());
  }

  create(input: ScenarioInput, at: string): Scenario {
    const entity = `scenario "${input.name}"`;
    // The first scenario is the default whatever the input says: a workspace always has one.
    const isDefault = input.isDefault === true || this.count() === 0;
    const sortOrder = Number(this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM scenarios').pluck().get());
    const row: DbScenario = {
      id: input.id ?? randomUUID(),
      name: input.name,
      is_default: isDefault ? 1 : 0,
      start_date: input.startDate,
      horizon_quarters: input.horizonQuarters,
      target_layer: input.targetLayer,
      target_date: input.targetDate ?? null,
      hiring_budget_per_quarter: input.hiringBudgetPerQuarter ?? null,
      max_hires_per_quarter: input.maxHiresPerQuarter,
      gate_threshold: input.gateThreshold,
      lead_time_weeks: input.leadTimeWeeks,
      ramp_up_weeks: input.rampUpWeeks ?? null,
      salaries: salariesJson(input.salaries ?? {}, entity),
      run_share: input.runShare ?? DEFAULT_RUN_SHARE,
      borrowed: borrowedJson(input.borrowed ?? [], entity),
      sort_order: sortOrder,
      created_at: at,
      updated_at: at,
    };
    if (isDefault) this.clearDefault(at);
    try {
      this.db
        .prepare(
          `INSERT INTO scenarios (id, name, is_default, start_date, horizon_quarters, target_layer, target_date,
             hiring_budget_per_quarter, max_hires_per_quarter, gate_threshold, lead_time_weeks, ramp_up_weeks,
             salaries, run_share, borrowed, sort_order, created_at, updated_at)
           VALUES (@id, @name, @is_default, @start_date, @horizon_quarters, @target_layer, @target_date,
             @hiring_budget_per_quarter, @max_hires_per_quarter, @gate_threshold, @lead_time_weeks, @ramp_up_weeks,
             @salaries, @run_share, @borrowed, @sort_order, @created_at, @updated_at)`,
        )
        .run(row);
    } catch (error) {
      throw toStorageError(error, entity);
    }
    return toScenario(this.existing(row.id));
  }

  update(id: string, patch: ScenarioPatch, at: string): Scenario {
    const before = this.existing(id);
    const entity = `scenario "${before.name}"`;
    const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
    const after: DbScenario = {
      ...before,
      name: patch.name ?? before.name,
      start_date: patch.startDate ?? before.start_date,
      horizon_quarters: patch.horizonQuarters ?? before.horizon_quarters,
      target_layer: patch.targetLayer ?? before.target_layer,
      target_date: keep(patch.targetDate, before.target_date),
      hiring_budget_per_quarter: keep(patch.hiringBudgetPerQuarter, before.hiring_budget_per_quarter),
      max_hires_per_quarter: patch.maxHiresPerQuarter ?? before.max_hires_per_quarter,
      gate_threshold: patch.gateThreshold ?? before.gate_threshold,
      lead_time_weeks: patch.leadTimeWeeks ?? before.lead_time_weeks,
      ramp_up_weeks: keep(patch.rampUpWeeks, before.ramp_up_weeks),
      salaries: patch.salaries === undefined ? before.salaries : salariesJson(patch.salaries, entity),
      run_share: patch.runShare ?? before.run_share,
      borrowed: patch.borrowed === undefined ? before.borrowed : borrowedJson(patch.borrowed, entity),
      updated_at: at,
    };
    try {
      this.db
        .prepare(
          `UPDATE scenarios SET name = @name, start_date = @start_date, horizon_quarters = @horizon_quarters,
             target_layer = @target_layer, target_date = @target_date,
             hiring_budget_per_quarter = @hiring_budget_per_quarter, max_hires_per_quarter = @max_hires_per_quarter,
             gate_threshold = @gate_threshold, lead_time_weeks = @lead_time_weeks, ramp_up_weeks = @ramp_up_weeks,
             salaries = @salaries, run_share = @run_share, borrowed = @borrowed, updated_at = @updated_at
           WHERE id = @id`,
        )
        .run(after);
    } catch (error) {
      throw toStorageError(error, entity);
    }
    return toScenario(this.existing(id));
  }

  /** Refuses the last scenario ('conflict'); deleting the default makes the first remaining one (by name) the default. */
  delete(id: string, at: string): void {
    const before = this.existing(id);
    if (this.count() === 1) {
      throw new StorageError('conflict', `scenario "${before.name}" is the only one; a workspace needs a scenario to plan with`, 'id');
    }
    this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    if (before.is_default === 1) {
      const next = this.db
        .prepare<[], string>('SELECT id FROM scenarios ORDER BY name COLLATE NOCASE, id LIMIT 1')
        .pluck()
        .get() as string;
      this.db.prepare('UPDATE scenarios SET is_default = 1, updated_at = ? WHERE id = ?').run(at, next);
    }
  }

  setDefault(id: string, at: string): Scenario {
    const row = this.existing(id);
    if (row.is_default === 0) {
      this.clearDefault(at);
      this.db.prepare('UPDATE scenarios SET is_default = 1, updated_at = ? WHERE id = ?').run(at, id);
    }
    return toScenario(this.existing(id));
  }

  private clearDefault(at: string): void {
    this.db.prepare('UPDATE scenarios SET is_default = 0, updated_at = ? WHERE is_default = 1').run(at);
  }

  private row(id: string): DbScenario | undefined {
    return this.db.prepare<[string], DbScenario>('SELECT * FROM scenarios WHERE id = ?').get(id);
  }

  private existing(id: string): DbScenario {
    const row = this.row(id);
    if (row === undefined) throw new StorageError('not-found', `no scenario with id "${id}"`, 'id');
    return row;
  }
}
