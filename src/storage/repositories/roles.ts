import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isLayerId, type LayerId } from '../../core/domain/layers';
import { isMaturity } from '../../core/domain/maturity';
import type { Prerequisite, Role } from '../../core/domain/types';
import { StorageError } from '../errors';
import type { DbRole } from '../rows';
import type { PrerequisiteInput, RoleInput, RolePatch } from '../types';
import { Table } from './table';

/** Checks the `builds` list: layer ids, each once. Returns a problem, or null. */
function buildsProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a list of layers';
  const seen = new Set<unknown>();
  for (const [index, layer] of value.entries()) {
    if (!isLayerId(layer)) return `[${index}] is not a pyramid layer`;
    if (seen.has(layer)) return `[${index}] repeats the layer "${layer}"`;
    seen.add(layer);
  }
  return null;
}

/** Problems read "[2].layer is not…" or "must be…"; this glues them to the field name. */
function joinProblem(problem: string): string {
  return problem.startsWith('[') ? problem : ` ${problem}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the prerequisites list against the domain's union type. Returns a problem, or null. */
function prerequisitesProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a list';
  for (const [index, item] of value.entries()) {
    if (!isRecord(item)) return `[${index}] must be an object`;
    if (item['kind'] === 'capability') {
      const id = item['capabilityId'];
      if (typeof id !== 'string' || id.trim() === '') return `[${index}].capabilityId must name a capability`;
      if (!isMaturity(item['minMaturity'])) return `[${index}].minMaturity must be a maturity from 0 to 4`;
    } else if (item['kind'] === 'layer') {
      if (!isLayerId(item['layer'])) return `[${index}].layer is not a pyramid layer`;
      const min = item['minReadiness'];
      if (typeof min !== 'number' || !(min >= 0 && min <= 1)) return `[${index}].minReadiness must be between 0 and 1`;
    } else {
      return `[${index}].kind must be "capability" or "layer"`;
    }
  }
  return null;
}

/** Keeps only the fields of the domain type, so that stray properties are not stored. */
function cleanPrerequisites(list: readonly PrerequisiteInput[]): PrerequisiteInput[] {
  return list.map((p) =>
    p.kind === 'capability'
      ? { kind: 'capability', capabilityId: p.capabilityId, minMaturity: p.minMaturity }
      : { kind: 'layer', layer: p.layer, minReadiness: p.minReadiness },
  );
}

export function toRole(row: DbRole): Role {
  const builds: unknown = JSON.parse(row.builds);
  const prerequisites: unknown = JSON.parse(row.prerequisites);
  const problem = buildsProblem(builds) ?? prerequisitesProblem(prerequisites);
  if (problem !== null) throw new Error(`role "${row.id}" holds values the schema does not allow:${joinProblem(problem)}`);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builds: builds as LayerId[],
    prerequisites: prerequisites as Prerequisite[],
    needsFoundations: row.needs_foundations === 1,
    fromCatalog: row.from_catalog === 1,
  };
}

/** Roles. Callers run each public method inside a transaction (see Workspace). */
export class RoleRepository extends Table<DbRole, Role> {
  constructor(db: Database.Database) {
    super(db, { name: 'roles', noun: 'role', order: 'sort_order, name COLLATE NOCASE, id', toEntity: toRole });
  }

  create(input: RoleInput, at: string): Role {
    const builds = input.builds ?? [];
    const prerequisites = input.prerequisites ?? [];
    this.validate(input.name, builds, prerequisites);
    const row: DbRole = {
      id: input.id ?? randomUUID(),
      name: input.name,
      description: input.description ?? '',
      builds: JSON.stringify(builds),
      prerequisites: JSON.stringify(cleanPrerequisites(prerequisites)),
      needs_foundations: input.needsFoundations === true ? 1 : 0,
      from_catalog: input.fromCatalog === true ? 1 : 0,
      sort_order: this.nextSortOrder(),
      created_at: at,
      updated_at: at,
    };
    this.insert(row, `role "${input.name}"`);
    return this.stored(row.id);
  }

  update(id: string, patch: RolePatch, at: string): Role {
    const before = this.existing(id);
    const current = toRole(before);
    const builds = patch.builds ?? current.builds;
    const prerequisites = patch.prerequisites ?? current.prerequisites;
    this.validate(patch.name ?? before.name, builds, prerequisites);
    const after: DbRole = {
      ...before,
      name: patch.name ?? before.name,
      description: patch.description ?? before.description,
      builds: JSON.stringify(builds),
      prerequisites: JSON.stringify(cleanPrerequisites(prerequisites)),
      needs_foundations: patch.needsFoundations === undefined ? before.needs_foundations : patch.needsFoundations ? 1 : 0,
      updated_at: at,
    };
    this.updateRow(after, `role "${before.name}"`);
    return this.stored(id);
  }

  /** Refused with 'conflict' while people hold the role (the foreign key would refuse it too) or work items demand it. */
  delete(id: string): void {
    const before = this.existing(id);
    const holders = this.db
      .prepare<[string], string>('SELECT name FROM people WHERE role_id = ? ORDER BY name')
      .pluck()
      .all(id);
    if (holders.length > 0) {
      const shown = holders.slice(0, 3).join(', ') + (holders.length > 3 ? ', …' : '');
      throw new StorageError(
        'conflict',
        `role "${before.name}" is still held by ${holders.length} ${holders.length === 1 ? 'person' : 'people'} ` +
          `(${shown}); give them another role or delete them first`,
        'id',
      );
    }
    // Demand lives in JSON, so no foreign key guards it: an item demanding a missing role could never be scheduled.
    const items = this.db
      .prepare<[string], string>(
        `SELECT title FROM work_items WHERE EXISTS (SELECT 1 FROM json_each(work_items.demand) WHERE key = ?)
         ORDER BY sort_order, id`,
      )
      .pluck()
      .all(id);
    if (items.length > 0) {
      const shown = items.slice(0, 3).map((t) => `"${t}"`).join(', ') + (items.length > 3 ? ', …' : '');
      throw new StorageError(
        'conflict',
        `role "${before.name}" is needed by ${items.length} work item${items.length === 1 ? '' : 's'} (${shown}); ` +
          'change their demand first',
        'id',
      );
    }
    this.deleteRow(id, `role "${before.name}"`);
  }

  private validate(name: string, builds: unknown, prerequisites: unknown): void {
    const buildsError = buildsProblem(builds);
    if (buildsError !== null) {
      throw new StorageError('constraint', `role "${name}": builds${joinProblem(buildsError)}`, 'builds');
    }
    const prerequisitesError = prerequisitesProblem(prerequisites);
    if (prerequisitesError !== null) {
      throw new StorageError('constraint', `role "${name}": prerequisites${joinProblem(prerequisitesError)}`, 'prerequisites');
    }
  }
}
