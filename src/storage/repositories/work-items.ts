import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isMaturity, type Maturity } from '../../core/domain/maturity';
import { WORK_ITEM_STATUSES, type WorkItem, type WorkItemStatus } from '../../core/domain/planning';
import { cycleText, dependencyCycle } from '../../core/domain/dependencies';
import { StorageError } from '../errors';
import { readIdList, readNumberMap, type DbWorkItem } from '../rows';
import type { WorkItemInput, WorkItemPatch } from '../types';
import { diff, type HistoryChange, type HistoryRepository } from './history';
import { Table } from './table';

function isWorkItemStatus(value: string): value is WorkItemStatus {
  return (WORK_ITEM_STATUSES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function maturityOrNull(value: number | null, id: string): Maturity | null {
  if (value === null) return null;
  if (!isMaturity(value)) throw new Error(`work item "${id}" holds a maturity the schema does not allow`);
  return value;
}

export function toWorkItem(row: DbWorkItem): WorkItem {
  if (!isWorkItemStatus(row.status)) throw new Error(`work item "${row.id}" holds a status the schema does not allow`);
  return {
    id: row.id,
    title: row.title,
    capabilityId: row.capability_id,
    fromMaturity: maturityOrNull(row.from_maturity, row.id),
    toMaturity: maturityOrNull(row.to_maturity, row.id),
    durationWeeks: row.duration_weeks,
    demand: readNumberMap(row.demand, `work item "${row.id}": demand`),
    predecessors: readIdList(row.predecessors, `work item "${row.id}": predecessors`),
    releaseDate: row.release_date,
    pinnedStart: row.pinned_start,
    status: row.status,
    actualStart: row.actual_start,
    actualFinish: row.actual_finish,
    notes: row.notes,
  };
}

/** Status, pinned start and actual dates are tracked: together they show how the work actually went. */
function progressChanges(before: DbWorkItem | null, after: DbWorkItem | null): HistoryChange[] {
  return [
    ...diff('status', before?.status ?? null, after?.status ?? null),
    ...diff('pinned_start', before?.pinned_start ?? null, after?.pinned_start ?? null),
    ...diff('actual_start', before?.actual_start ?? null, after?.actual_start ?? null),
    ...diff('actual_finish', before?.actual_finish ?? null, after?.actual_finish ?? null),
  ];
}

/** Work items (the planner's input). Callers run each public method inside a transaction (see Workspace). */
export class WorkItemRepository extends Table<DbWorkItem, WorkItem> {
  constructor(
    db: Database.Database,
    private readonly history: HistoryRepository,
  ) {
    super(db, { name: 'work_items', noun: 'work item', order: 'sort_order, title COLLATE NOCASE, id', toEntity: toWorkItem });
  }

  create(input: WorkItemInput, at: string): WorkItem {
    const id = input.id ?? randomUUID();
    const entity = `work item "${input.title}"`;
    const row: DbWorkItem = {
      id,
      title: input.title,
      capability_id: input.capabilityId ?? null,
      from_maturity: input.fromMaturity ?? null,
      to_maturity: input.toMaturity ?? null,
      duration_weeks: input.durationWeeks,
      demand: this.demandJson(input.demand ?? {}, entity),
      predecessors: this.predecessorsJson(id, input.predecessors ?? [], entity),
      release_date: input.releaseDate ?? null,
      pinned_start: input.pinnedStart ?? null,
      status: input.status ?? 'planned',
      notes: input.notes ?? '',
      actual_start: input.actualStart ?? null,
      actual_finish: input.actualFinish ?? null,
      sort_order: this.nextSortOrder(),
      created_at: at,
      updated_at: at,
    };
    this.insert(row, entity, 'capabilityId');
    this.history.record('work_item', id, at, [{ field: 'created', oldValue: null, newValue: row.title }, ...progressChanges(null, row)]);
    return this.stored(id);
  }

  update(id: string, patch: WorkItemPatch, at: string): WorkItem {
    const before = this.existing(id);
    const entity = `work item "${before.title}"`;
    const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
    const after: DbWorkItem = {
      ...before,
      title: patch.title ?? before.title,
      capability_id: keep(patch.capabilityId, before.capability_id),
      from_maturity: keep(patch.fromMaturity, before.from_maturity),
      to_maturity: keep(patch.toMaturity, before.to_maturity),
      duration_weeks: patch.durationWeeks ?? before.duration_weeks,
      demand: patch.demand === undefined ? before.demand : this.demandJson(patch.demand, entity),
      predecessors: patch.predecessors === undefined ? before.predecessors : this.predecessorsJson(id, patch.predecessors, entity),
      release_date: keep(patch.releaseDate, before.release_date),
      pinned_start: keep(patch.pinnedStart, before.pinned_start),
      status: patch.status ?? before.status,
      notes: patch.notes ?? before.notes,
      actual_start: keep(patch.actualStart, before.actual_start),
      actual_finish: keep(patch.actualFinish, before.actual_finish),
      updated_at: at,
    };
    this.updateRow(after, entity, 'capabilityId');
    this.history.record('work_item', id, at, progressChanges(before, after));
    return this.stored(id);
  }

  /** Deletes the item and removes its id from every other item's predecessors (same transaction). */
  delete(id: string, at: string): void {
    const before = this.existing(id);
    this.deleteRow(id, `work item "${before.title}"`);
    const dependants = this.db
      .prepare<[string], DbWorkItem>(
        'SELECT * FROM work_items WHERE EXISTS (SELECT 1 FROM json_each(work_items.predecessors) WHERE value = ?)',
      )
      .all(id);
    const rewrite = this.db.prepare<[string, string, string]>('UPDATE work_items SET predecessors = ?, updated_at = ? WHERE id = ?');
    for (const row of dependants) {
      const kept = (JSON.parse(row.predecessors) as string[]).filter((p) => p !== id);
      rewrite.run(JSON.stringify(kept), at, row.id);
    }
    this.history.record('work_item', id, at, [{ field: 'deleted', oldValue: before.title, newValue: null }, ...progressChanges(before, null)]);
  }

  /** Demand: role id → whole people ≥ 0, every role known. */
  private demandJson(demand: unknown, entity: string): string {
    if (!isRecord(demand)) throw new StorageError('constraint', `${entity}: demand must map role ids to numbers of people`, 'demand');
    const roleExists = this.db.prepare<[string], number>('SELECT 1 FROM roles WHERE id = ?').pluck();
    for (const [roleId, people] of Object.entries(demand)) {
      if (typeof people !== 'number' || !Number.isInteger(people) || people < 0) {
        throw new StorageError('constraint', `${entity}: demand.${roleId} must be a whole number of people ≥ 0`, 'demand');
      }
      if (roleExists.get(roleId) === undefined) {
        throw new StorageError('constraint', `${entity}: demand names the role "${roleId}", which does not exist`, 'demand');
      }
    }
    return JSON.stringify(demand);
  }

  /** Predecessors: known items, each once, not the item itself, and no dependency cycle. */
  private predecessorsJson(id: string, predecessors: unknown, entity: string): string {
    const fail = (rule: string) => new StorageError('constraint', `${entity}: predecessors ${rule}`, 'predecessors');
    if (!Array.isArray(predecessors)) throw fail('must be a list of work item ids');
    const list: string[] = [];
    for (const value of predecessors as unknown[]) {
      if (typeof value !== 'string') throw fail('must be a list of work item ids');
      if (value === id) throw fail('include the item itself');
      if (list.includes(value)) throw fail(`repeat "${value}"`);
      list.push(value);
    }
    const rows = this.rows();
    const known = new Set(rows.map((r) => r.id));
    const unknown = list.find((p) => !known.has(p));
    if (unknown !== undefined) throw fail(`name "${unknown}", which is not a work item`);
    // The edited item first, so the cycle is told from it.
    const items = [{ id, predecessors: list }, ...rows.filter((r) => r.id !== id).map((r) => ({ id: r.id, predecessors: JSON.parse(r.predecessors) as string[] }))];
    const cycle = dependencyCycle(items);
    if (cycle !== null) {
      const titles = new Map(rows.map((r) => [r.id, r.title]));
      throw fail(`would make a dependency cycle ${cycleText(cycle, (c) => titles.get(c))}`);
    }
    return JSON.stringify(list);
  }
}
