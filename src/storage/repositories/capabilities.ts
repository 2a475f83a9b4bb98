import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isLayerId } from '../../core/domain/layers';
import { isMaturity } from '../../core/domain/maturity';
import type { Capability } from '../../core/domain/types';
import type { DbCapability } from '../rows';
import type { CapabilityInput, CapabilityPatch } from '../types';
import { diff, type HistoryChange, type HistoryRepository } from './history';
import { Table } from './table';

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
export class CapabilityRepository extends Table<DbCapability, Capability> {
  constructor(
    db: Database.Database,
    private readonly history: HistoryRepository,
  ) {
    super(db, { name: 'capabilities', noun: 'capability', order: 'sort_order, name COLLATE NOCASE, id', toEntity: toCapability });
  }

  create(input: CapabilityInput, at: string): Capability {
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
      sort_order: this.nextSortOrder(),
      created_at: at,
      updated_at: at,
    };
    this.insert(row, `capability "${input.name}"`);
    this.history.record('capability', row.id, at, [
      { field: 'created', oldValue: null, newValue: row.name },
      ...maturityChanges(null, row),
    ]);
    return this.stored(row.id);
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
    this.updateRow(after, `capability "${before.name}"`);
    this.history.record('capability', id, at, maturityChanges(before, after));
    return this.stored(id);
  }

  delete(id: string, at: string): void {
    const before = this.existing(id);
    this.deleteRow(id, `capability "${before.name}"`);
    this.history.record('capability', id, at, [
      { field: 'deleted', oldValue: before.name, newValue: null },
      ...maturityChanges(before, null),
    ]);
  }
}
