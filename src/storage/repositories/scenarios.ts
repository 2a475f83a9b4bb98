import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isLayerId } from '../../core/domain/layers';
import { isIsoDate } from '../../core/domain/calendar';
import { defaultScenario, type BorrowedCapacity, type Scenario } from '../../core/domain/planning';
import {
  isStructuredParameter,
  SCENARIO_PARAMETER_KEYS,
  scenarioParameters,
  whyScenarioCannotBeDeleted,
  type ScenarioParameterKey,
  type ScenarioParameters,
} from '../../core/domain/scenarios';
import { StorageError } from '../errors';
import { readNumberMap, type DbScenario } from '../rows';
import type { ScenarioInput, ScenarioPatch } from '../types';
import { Table } from './table';

/** The column of a parameter: its name in snake case (`gateThreshold` → `gate_threshold`). */
export function scenarioColumn(key: ScenarioParameterKey): keyof DbScenario {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as keyof DbScenario;
}

/*
 * The parameters are mapped by walking SCENARIO_PARAMETER_KEYS (one column each, structures as
 * JSON text), so a parameter added to Scenario needs its column in a migration and nothing here;
 * tests/integration/storage/planning.test.ts checks the table and the list agree.
 */

export function toScenario(row: DbScenario): Scenario {
  if (!isLayerId(row.target_layer)) throw new Error(`scenario "${row.id}" holds a target layer the schema does not allow`);
  const parameters = Object.fromEntries(
    SCENARIO_PARAMETER_KEYS.map((key) => {
      const value = row[scenarioColumn(key)];
      return [key, key === 'salaries' ? readNumberMap(String(value), `scenario "${row.id}": salaries`) : isStructuredParameter(key) ? (JSON.parse(String(value)) as unknown) : value];
    }),
  );
  return { id: row.id, name: row.name, isDefault: row.is_default === 1, ...parameters } as Scenario;
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

/** Parameters kept as JSON whose shape the storage checks itself (the schema only sees JSON). */
const STRUCTURE_CHECKS: Partial<Record<ScenarioParameterKey, (value: unknown, entity: string) => string>> = {
  salaries: salariesJson,
  borrowed: borrowedJson,
};

/** The columns of the parameters `patch` sets (undefined keeps a value, null clears it). */
function parameterColumns(patch: ScenarioPatch, entity: string): Partial<Record<keyof DbScenario, unknown>> {
  const columns: Partial<Record<keyof DbScenario, unknown>> = {};
  for (const key of SCENARIO_PARAMETER_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    const check = STRUCTURE_CHECKS[key];
    columns[scenarioColumn(key)] = check ? check(value, entity) : isStructuredParameter(key) ? JSON.stringify(value) : value;
  }
  return columns;
}

/** A new scenario's parameters: what it leaves out (the optional ones) as defaultScenario sets them. */
function withDefaults(input: ScenarioInput): ScenarioParameters {
  // The start date is always given; any date serves for the defaults of the others.
  const defaults = scenarioParameters(defaultScenario('2000-01-01'));
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { ...defaults, ...given } as ScenarioParameters;
}

/**
 * Scenarios. Exactly one is the default: a partial unique index allows at most one, creating the
 * first makes it the default, and the default cannot be deleted (whyScenarioCannotBeDeleted).
 * Callers run each public method inside a transaction (see Workspace).
 */
export class ScenarioRepository extends Table<DbScenario, Scenario> {
  constructor(db: Database.Database) {
    super(db, { name: 'scenarios', noun: 'scenario', order: 'is_default DESC, name COLLATE NOCASE, id', toEntity: toScenario });
  }

  create(input: ScenarioInput, at: string): Scenario {
    const entity = `scenario "${input.name}"`;
    // The first scenario is the default whatever the input says: a workspace always has one.
    const isDefault = input.isDefault === true || this.count() === 0;
    const row = {
      id: input.id ?? randomUUID(),
      is_default: isDefault ? 1 : 0,
      ...parameterColumns(withDefaults(input), entity),
      sort_order: this.nextSortOrder(),
      created_at: at,
      updated_at: at,
    } as DbScenario;
    if (isDefault) this.clearDefault(at);
    this.insert(row, entity);
    return this.stored(row.id);
  }

  update(id: string, patch: ScenarioPatch, at: string): Scenario {
    const before = this.existing(id);
    const entity = `scenario "${before.name}"`;
    this.updateRow({ ...before, ...parameterColumns(patch, entity), updated_at: at } as DbScenario, entity);
    return this.stored(id);
  }

  /** Refuses the default scenario ('conflict' on `id`): see whyScenarioCannotBeDeleted. */
  delete(id: string): void {
    const before = this.existing(id);
    const refusal = whyScenarioCannotBeDeleted(toScenario(before));
    if (refusal !== null) throw new StorageError('conflict', refusal, 'id');
    this.deleteRow(id, `scenario "${before.name}"`);
  }

  setDefault(id: string, at: string): Scenario {
    const row = this.existing(id);
    if (row.is_default === 0) {
      this.clearDefault(at);
      this.statement('UPDATE scenarios SET is_default = 1, updated_at = ? WHERE id = ?').run(at, id);
    }
    return this.stored(id);
  }

  private clearDefault(at: string): void {
    this.statement('UPDATE scenarios SET is_default = 0, updated_at = ? WHERE is_default = 1').run(at);
  }
}
