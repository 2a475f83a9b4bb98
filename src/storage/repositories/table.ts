import type Database from 'better-sqlite3';
import { StorageError, toStorageError } from '../errors';

/** The bookkeeping columns every entity table has beside its own (see migrations/001_init.sql). */
export interface DbEntityRow {
  readonly id: string;
  readonly sort_order: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface TableSpec<Row extends DbEntityRow, Entity> {
  /** The SQL table. */
  readonly name: string;
  /** What one row is called in an error (`no work item with id "…"`). */
  readonly noun: string;
  /** `ORDER BY` of list(). */
  readonly order: string;
  readonly toEntity: (row: Row) => Entity;
}

/**
 * The skeleton every entity table shares: list, get, count, a row that must exist, the next sort
 * position, and an INSERT and UPDATE written from the row's own keys (a Db* row type holds exactly
 * the table's columns, so a new column needs no SQL edit here). Repositories extend it with their
 * validation and history rows. Callers run each public method inside a transaction (see Workspace).
 */
export class Table<Row extends DbEntityRow, Entity> {
  readonly #statements = new Map<string, Database.Statement>();

  constructor(
    protected readonly db: Database.Database,
    private readonly spec: TableSpec<Row, Entity>,
  ) {}

  list(): Entity[] {
    return this.rows().map(this.spec.toEntity);
  }

  get(id: string): Entity | null {
    const row = this.row(id);
    return row === undefined ? null : this.spec.toEntity(row);
  }

  count(): number {
    return Number(this.statement(`SELECT count(*) FROM ${this.spec.name}`).pluck().get());
  }

  protected rows(): Row[] {
    return this.statement(`SELECT * FROM ${this.spec.name} ORDER BY ${this.spec.order}`).all() as Row[];
  }

  protected row(id: string): Row | undefined {
    return this.statement(`SELECT * FROM ${this.spec.name} WHERE id = ?`).get(id) as Row | undefined;
  }

  /** The row, or StorageError 'not-found' on the field `id`. */
  protected existing(id: string): Row {
    const row = this.row(id);
    if (row === undefined) throw new StorageError('not-found', `no ${this.spec.noun} with id "${id}"`, 'id');
    return row;
  }

  /** The entity as stored now (after a write: with the database's own defaults and checks applied). */
  protected stored(id: string): Entity {
    return this.spec.toEntity(this.existing(id));
  }

  /** Rows are listed in the order they were added unless a table orders them otherwise. */
  protected nextSortOrder(): number {
    return Number(this.statement(`SELECT coalesce(max(sort_order), -1) + 1 FROM ${this.spec.name}`).pluck().get());
  }

  /** Inserts `row`; a constraint failure becomes a StorageError about `entity` (see toStorageError). */
  protected insert(row: Row, entity: string, foreignKeyField?: string): void {
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${this.spec.name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
    this.run(sql, row, entity, foreignKeyField);
  }

  /** Writes every column of `row` but its id and creation time. */
  protected updateRow(row: Row, entity: string, foreignKeyField?: string): void {
    const columns = Object.keys(row).filter((c) => c !== 'id' && c !== 'created_at');
    const sql = `UPDATE ${this.spec.name} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
    this.run(sql, row, entity, foreignKeyField);
  }

  protected deleteRow(id: string, entity: string): void {
    this.run(`DELETE FROM ${this.spec.name} WHERE id = @id`, { id }, entity);
  }

  /** A prepared statement, prepared once per connection. */
  protected statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  private run(sql: string, parameters: object, entity: string, foreignKeyField?: string): void {
    try {
      this.statement(sql).run(parameters);
    } catch (error) {
      throw toStorageError(error, entity, foreignKeyField);
    }
  }
}
