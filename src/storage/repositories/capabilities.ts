import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isLayerId } from '../../core/domain/layers';
import { isMaturity } from '../../core/domain/maturity';
import type { Capability } from '../../core/domain/types';
import { StorageError, toStorageError } from '../errors';
import type { DbCapability } from '../rows';
import type { CapabilityInput, CapabilityPatch } from '../types';
import { diff, type HistoryChange, type HistoryRepository } from './history';

export function toCapability(row: DbCapability): Capability {
  if (!isLayerId(row.layer) || !isMaturity(row.current_maturity) || !isMaturity(row.target_maturity)) {
    throw new Error(`capability "${row.id}" holds values the schema does not allow`);
  }
  return {
    id: row.id,
    name: row.name,
    layer: row.layer,
    description: row.description,
    currentMaturity: row.current_maturity,
    targetMaturity: row.target_maturity,
    owner: row.owner,
    tools: row.tools,
    notes: row.notes,
    fromCatalog: row.from_catalog === 1,
  };
}

function maturityChanges(before: DbCapability | null, after: DbCapability | null): HistoryChange[] {
  return [
    ...diff('current_maturity', before?.current_maturity ?? null, after?.current_maturity ?? null),
    ...diff('target_maturity', before?.target_maturity ?? null, after?.target_maturity ?? null),
  ];
}

/** Capabilities. Callers run each public method inside a transaction (see Workspace). */
export class CapabilityRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly history: HistoryRepository,
  ) {}

  list(): Capability[] {
    return this.db
      .prepare<[], DbCapability>('SELECT * FROM capabilities ORDER BY sort_order, name COLLATE NOCASE, id')
      .all()
      .map(toCapability);
  }

  get(id: string): Capability | null {
    const row = this.row(id);
    return row === undefined ? null : toCapability(row);
  }

  count(): number {
    return Number(this.db.prepare('SELECT count(*) FROM capabilities').pluck().get());
  }

  create(input: CapabilityInput, at: string): Capability {
    const sortOrder = Number(this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM capabilities').pluck().get());
    const row: DbCapability = {
      id: input.id ?? randomUUID(),
      name: input.name,
      layer: input.layer,
      description: input.description ?? '',
      current_maturity: input.currentMaturity,
      target_maturity: input.targetMaturity,
      owner: input.owner ?? '',
      tools: input.tools ?? '',
      notes: input.notes ?? '',
      from_catalog: input.fromCatalog === true ? 1 : 0,
      sort_order: sortOrder,
      created_at: at,
      updated_at: at,
    };
    try {
      this.db
        .prepare(
          `INSERT INTO capabilities (id, name, layer, description, current_maturity, target_maturity, owner, tools,
             notes, from_catalog, sort_order, created_at, updated_at)
           VALUES (@id, @name, @layer, @description, @current_maturity, @target_maturity, @owner, @tools,
             @notes, @from_catalog, @sort_order, @created_at, @updated_at)`,
        )
        .run(row);
    } catch (error) {
      throw toStorageError(error, `capability "${input.name}"`);
    }
    this.history.record('capability', row.id, at, [
      { field: 'created', oldValue: null, newValue: row.name },
      ...maturityChanges(null, row),
    ]);
    return toCapability(this.existing(row.id));
  }

  update(id: string, patch: CapabilityPatch, at: string): Capability {
    const before = this.existing(id);
    const after: DbCapability = {
      ...before,
      name: patch.name ?? before.name,
      layer: patch.layer ?? before.layer,
      description: patch.description ?? before.description,
      current_maturity: patch.currentMaturity ?? before.current_maturity,
      target_maturity: patch.targetMaturity ?? before.target_maturity,
      owner: patch.owner ?? before.owner,
      tools: patch.tools ?? before.tools,
      notes: patch.notes ?? before.notes,
      updated_at: at,
    };
    try {
      this.db
        .prepare(
          `UPDATE capabilities SET name = @name, layer = @layer, description = @description,
             current_maturity = @current_maturity, target_maturity = @target_maturity, owner = @owner,
             tools = @tools, notes = @notes, updated_at = @updated_at
           WHERE id = @id`,
        )
        .run(after);
    } catch (error) {
      throw toStorageError(error, `capability "${before.name}"`);
    }
    this.history.record('capability', id, at, maturityChanges(before, after));
    return toCapability(this.existing(id));
  }

  delete(id: string, at: string): void {
    const before = this.existing(id);
    this.db.prepare('DELETE FROM capabilities WHERE id = ?').run(id);
    this.history.record('capability', id, at, [
      { field: 'deleted', oldValue: before.name, newValue: null },
      ...maturityChanges(before, null),
    ]);
  }

  private row(id: string): DbCapability | undefined {
    return this.db.prepare<[string], DbCapability>('SELECT * FROM capabilities WHERE id = ?').get(id);
  }

  private existing(id: string): DbCapability {
    const row = this.row(id);
    if (row === undefined) throw new StorageError('not-found', `no capability with id "${id}"`, 'id');
    return row;
  }
}
