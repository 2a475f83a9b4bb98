import { accessSync, constants, existsSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { toIsoDate } from '../core/calendar';
import { defaultScenario, type Scenario, type WorkItem } from '../core/domain/planning';
import type { WorkspaceSettings } from '../core/domain/settings';
import type { Baseline, BaselineSummary } from '../core/progress/baseline';
import type { Capability, Organisation, Person, Role } from '../core/domain/types';
import { backupBeforeMigration } from './backup';
import { StorageError, WorkspaceError, toWorkspaceError } from './errors';
import { corrupt, inspectFile, readShape, type SchemaShape } from './inspect';
import { latestVersion, migrate, newerSchemaError, readMigrations, type Migration } from './migrations';
import { removeStaleTemporaries, removeTemporary, temporaryPathFor } from './temporary';
import { BaselineRepository, type BaselineInput } from './repositories/baselines';
import { CapabilityRepository } from './repositories/capabilities';
import { HistoryRepository } from './repositories/history';
import { MetaRepository, type SettingsPatch } from './repositories/meta';
import { PersonRepository } from './repositories/people';
import { RoleRepository } from './repositories/roles';
import { ScenarioRepository } from './repositories/scenarios';
import { WorkItemRepository } from './repositories/work-items';
import type {
  CapabilityInput,
  CapabilityPatch,
  HistoryEntry,
  HistoryFilter,
  PersonInput,
  PersonPatch,
  RoleInput,
  RolePatch,
  ScenarioInput,
  ScenarioPatch,
  SeedData,
  WorkItemInput,
  WorkItemPatch,
} from './types';

export interface OpenWorkspaceOptions {
  /** The folder of `NNN_name.sql` files. Default: the repository's `migrations/` (see defaultMigrationsDir). */
  readonly migrationsDir?: string;
  /** Create the workspace when the file is missing (default true); with false a missing file is 'not-found'. */
  readonly create?: boolean;
  /** Path of a better_sqlite3.node built for another runtime (Electron), passed to better-sqlite3. */
  readonly nativeBinding?: string;
  /** The clock for created/updated times and history rows (tests pass a fixed one). */
  readonly now?: () => Date;
  /** Where the pre-migration backup goes (default: beside the file). */
  readonly backupDir?: string;
  /** How long a write waits for another connection's lock, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
}

/** Alias kept for callers that name the options type shortly. */
export type OpenOptions = OpenWorkspaceOptions;

/** What openWorkspaceReadOnly needs: where the migrations are and which native build to load. */
export type OpenReadOnlyOptions = Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding'>;

/**
 * An open workspace file that can be read. Everything is synchronous (better-sqlite3) except
 * saveCopyTo. A workspace opened read-only (openWorkspaceReadOnly) has this type and no other, so
 * a write through it does not compile (after Signal's ReadableDB / WritableDB).
 */
export interface ReadableWorkspace {
  /** Absolute path of the file. */
  readonly path: string;
  /** The schema version the file is at (the newest migration). */
  readonly schemaVersion: number;
  /** The schema version the file had before this open migrated it, or null when nothing was migrated. */
  readonly migratedFrom: number | null;
  /** The backup written before migrating, or null (always null when read-only: nothing was written). */
  readonly backupPath: string | null;
  /** False once closed (a queued automatic backup of a workspace switched away from is skipped). */
  readonly isOpen: boolean;
  close(): void;

  /** True when the workspace has no capabilities, no roles, no people and no work items: what seed() needs. */
  isEmpty(): boolean;

  getOrganisation(): Organisation;
  listCapabilities(): Capability[];
  getCapability(id: string): Capability | null;
  listRoles(): Role[];
  getRole(id: string): Role | null;
  listPeople(): Person[];
  getPerson(id: string): Person | null;
  /** In creation order. */
  listWorkItems(): WorkItem[];
  getWorkItem(id: string): WorkItem | null;
  /** The default first, then by name (ignoring case). */
  listScenarios(): Scenario[];
  getScenario(id: string): Scenario | null;
  /** History rows, oldest first (by time, then by insertion). */
  listHistory(filter?: HistoryFilter): HistoryEntry[];
  /** The capabilities' maturity and deletion rows only, oldest first, without old values, the last of a day per capability and field: what readiness over time replays. */
  listMaturityHistory(): HistoryEntry[];

  getSettings(): WorkspaceSettings;

  /**
   * A random token that every write changing a row replaces (12 hex digits), or null in a file
   * that lost it: the same token means the same content (see contentFingerprint in backups.ts).
   */
  getContentToken(): string | null;

  /** Baselines, newest first. */
  listBaselines(): Baseline[];
  /** The same, without their frozen plans (cheap). */
  listBaselineSummaries(): BaselineSummary[];
  getBaseline(id: string): Baseline | null;
  /** By id, or by name ignoring case; null when there is none. */
  findBaseline(idOrName: string): Baseline | null;

  /**
   * File → Save As: writes a consistent copy of the workspace to `target` with SQLite's online
   * backup API (asynchronous, it copies in steps), through a temporary file that is renamed over
   * `target` at the end, so a failed copy leaves `target` as it was. This workspace stays open on
   * its own path.
   */
  saveCopyTo(target: string): Promise<string>;
}

/**
 * An open workspace file that can also be written (openWorkspace). Every write is one
 * transaction: it either happens completely, with its history rows, or not at all (then a
 * StorageError says why, with the field when there is one).
 */
export interface WritableWorkspace extends ReadableWorkspace {
  setOrganisation(organisation: Organisation): Organisation;

  createCapability(input: CapabilityInput): Capability;
  updateCapability(id: string, patch: CapabilityPatch): Capability;
  deleteCapability(id: string): void;

  createRole(input: RoleInput): Role;
  updateRole(id: string, patch: RolePatch): Role;
  /** Refused with 'conflict' while people hold the role. */
  deleteRole(id: string): void;

  createPerson(input: PersonInput): Person;
  updatePerson(id: string, patch: PersonPatch): Person;
  deletePerson(id: string): void;

  /** Refused when a demanded role or a predecessor does not exist, or the predecessors would make a cycle ('constraint'). */
  createWorkItem(input: WorkItemInput): WorkItem;
  updateWorkItem(id: string, patch: WorkItemPatch): WorkItem;
  /** Also removes the id from the other items' predecessors. */
  deleteWorkItem(id: string): void;

  /** With `isDefault: true` it becomes the default and the previous default stops being one. */
  createScenario(input: ScenarioInput): Scenario;
  updateScenario(id: string, patch: ScenarioPatch): Scenario;
  /** Refused with 'conflict' for the default scenario (whyScenarioCannotBeDeleted), so one always remains. */
  deleteScenario(id: string): void;
  setDefaultScenario(id: string): Scenario;

  /**
   * Accepting a plan: writes its proposals as work items and its proposed hires as people, all in
   * one transaction (with their usual history rows). Predecessors may name other items of the
   * same acceptance. A bad entry rolls everything back; the message says which (`workItems[2]: …`).
   * Returns exactly what was written.
   */
  acceptPlan(acceptance: PlanAcceptance): AcceptedPlan;

  /**
   * A CSV import: every row created or updated in ONE transaction (with the usual history rows).
   * A row the schema refuses rolls everything back; the message says which (`row 7: …`).
   */
  importRows(rows: readonly ImportRow[]): { created: number; updated: number };

  setSettings(patch: SettingsPatch): WorkspaceSettings;

  createBaseline(input: BaselineInput): Baseline;
  renameBaseline(id: string, name: string): Baseline;
  deleteBaseline(id: string): void;

  /**
   * Progress on one work item in one transaction: its status and actual dates, and — when the
   * item raises a capability — that capability's current maturity (marking a maturity step done
   * raises it; undoing sets it back). Both changes get their history rows.
   */
  recordProgress(id: string, progress: WorkItemProgress): { workItem: WorkItem; capability: Capability | null };

  /**
   * Fills an empty workspace ("start from the catalog", the demo) in one transaction, and makes sure
   * it has a default scenario (defaultScenario of today, by the workspace's clock). Refused with
   * 'conflict' unless isEmpty(): merging a catalog into a workspace a lead has started editing
   * would have to guess which of two "Warehouse" entries wins.
   */
  seed(data: SeedData): void;
}

/**
 * The `migrations/` folder of the repository, found from this module's own location
 * (src/storage/ in the sources, out/main/ once bundled — both two levels below the root). A
 * packaged app, whose migrations live in its resources, passes `migrationsDir` instead.
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../migrations', import.meta.url));
}

/**
 * Opens (or creates) the workspace at `file`, synchronously, for reading and writing.
 *
 * 1. A missing file is created (unless `create: false`: 'not-found').
 * 2. An existing file is inspected without being changed (see inspectFile): not SQLite →
 *    'not-a-workspace', another application's database → 'foreign-database', damaged → 'corrupt',
 *    a schema above the newest migration → 'newer-schema'. A refused file is left byte for byte.
 * 3. Pending migrations run in one transaction; an existing workspace (schema ≥ 1) is first
 *    backed up to `<file>.v<old>.bak`.
 * 4. The connection is switched to WAL, synchronous=NORMAL, foreign keys on, a busy timeout.
 */
export function openWorkspace(file: string, options: OpenWorkspaceOptions = {}): WritableWorkspace {
  return openWritable(file, options);
}

/**
 * Opens the workspace at `file` to read it without changing anything (e.g. `groundwork status`):
 * it is read from an in-memory snapshot of the file, migrated in memory when it is older. The
 * result has no write methods. A missing file is 'not-found'; a refused file as in openWorkspace.
 */
export function openWorkspaceReadOnly(file: string, options: OpenReadOnlyOptions = {}): ReadableWorkspace {
  const path = resolve(file);
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  if (!pathExists(path)) throw new WorkspaceError('not-found', path, `${path} does not exist.`);
  const inspection = inspectFile(path, { nativeBinding: options.nativeBinding, expectedShape: (version) => shapeAt(migrations, version, options.nativeBinding) });
  const latest = latestVersion(migrations);
  if (inspection.kind === 'workspace' && inspection.version > latest) throw newerSchemaError(path, inspection.version, latest);
  return openInMemory(path, inspection.kind === 'workspace' ? inspection.snapshot : undefined, migrations, options.nativeBinding);
}

function migratedFrom(result: { from: number; to: number }): number | null {
  return result.from !== result.to && result.from >= 1 ? result.from : null;
}

function openWritable(file: string, options: OpenWorkspaceOptions): SqliteWritableWorkspace {
  const path = resolve(file);
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const latest = latestVersion(migrations);
  const now = options.now ?? (() => new Date());

  const existed = pathExists(path);
  if (!existed && options.create === false) throw new WorkspaceError('not-found', path, `${path} does not exist.`);
  const inspection = existed
    ? inspectFile(path, { nativeBinding: options.nativeBinding, expectedShape: (version) => shapeAt(migrations, version, options.nativeBinding) })
    : undefined;
  if (inspection?.kind === 'workspace' && inspection.version > latest) {
    throw newerSchemaError(path, inspection.version, latest);
  }

  // The file's content, migrated in memory and read whole, before anything opens the file for
  // writing: a row the schema does not allow (a role whose JSON is damaged) makes the file
  // 'corrupt' here, so a damaged workspace is never migrated or written.
  if (inspection?.kind === 'workspace') openInMemory(path, inspection.snapshot, migrations, options.nativeBinding).close();

  if (existed) assertWritable(path);
  removeStaleTemporaries(path);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: existed, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw toWorkspaceError(error, path);
  }
  let backupPath: string | null = null;
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    const result = migrate(db, migrations, {
      path,
      beforeMigrate: (from) => {
        backupPath = backupBeforeMigration(db, path, from, options.backupDir);
      },
    });
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL cannot corrupt the file; a power loss may lose only the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const workspace = new SqliteWritableWorkspace(db, path, result.to, migratedFrom(result), backupPath, now);
    // A new file, or one migrated from schema 1, has no scenario yet: every workspace plans with one.
    workspace.ensureDefaultScenario();
    return workspace;
  } catch (error) {
    db.close();
    // A migration that failed was rolled back: the file is as it was, so its backup is redundant.
    if (backupPath !== null && error instanceof WorkspaceError && error.code === 'migration-failed') {
      rmSync(backupPath, { force: true });
    }
    if (!existed) {
      // A file we created and could not initialise is nobody's data.
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    }
    throw toWorkspaceError(error, path);
  }
}

/** True when something is at `path`, a dangling or looping symbolic link included. */
function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Editing needs the file and its folder (SQLite writes its -wal and -shm there) to be writable. */
function assertWritable(path: string): void {
  for (const target of [path, dirname(path)]) {
    try {
      accessSync(target, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new WorkspaceError(
        'read-only-file',
        path,
        `${path} cannot be opened for editing: ${target === path ? 'the file' : 'its folder'} is read-only ` +
          `(${(error as NodeJS.ErrnoException).code ?? 'no permission'}); it was not changed. Copy it somewhere you can write, or open it read-only.`,
        { cause: error },
      );
    }
  }
}

/**
 * The workspace's content in memory, migrated, every row read once through the repositories
 * (which refuse values the schema does not allow): a damaged row makes the file 'corrupt'.
 * No default scenario is inserted: a read-only open writes nothing, not even in memory;
 * loadPlanInput plans with an in-memory defaultScenario instead.
 */
function openInMemory(path: string, snapshot: Buffer | undefined, migrations: readonly Migration[], nativeBinding: string | undefined): SqliteReadableWorkspace {
  const memory = snapshot === undefined ? new Database(':memory:', { nativeBinding }) : new Database(snapshot, { nativeBinding });
  try {
    const result = migrate(memory, migrations, { path });
    memory.pragma('foreign_keys = ON');
    const workspace = new SqliteReadableWorkspace(memory, path, result.to, migratedFrom(result), null);
    workspace.readEverything();
    return workspace;
  } catch (error) {
    memory.close();
    if (error instanceof WorkspaceError) throw error;
    throw corrupt(path, `it holds values the schema does not allow: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`, error);
  }
}

const shapes = new Map<string, SchemaShape>();

/** The tables and columns the migrations up to `version` create (cached: migrations never change once released). */
function shapeAt(migrations: readonly Migration[], version: number, nativeBinding: string | undefined): SchemaShape | undefined {
  if (version < 1 || version > migrations.length) return undefined;
  const steps = migrations.slice(0, version);
  const key = steps.map((m) => m.sql).join('\n-- next migration --\n');
  let shape = shapes.get(key);
  if (shape === undefined) {
    const db = new Database(':memory:', { nativeBinding });
    try {
      migrate(db, steps);
      shape = readShape(db);
    } finally {
      db.close();
    }
    shapes.set(key, shape);
  }
  return shape;
}

class SqliteReadableWorkspace implements ReadableWorkspace {
  protected readonly history: HistoryRepository;
  protected readonly meta: MetaRepository;
  protected readonly capabilities: CapabilityRepository;
  protected readonly roles: RoleRepository;
  protected readonly people: PersonRepository;
  protected readonly workItems: WorkItemRepository;
  protected readonly scenarios: ScenarioRepository;
  protected readonly baselines: BaselineRepository;

  constructor(
    protected readonly db: Database.Database,
    readonly path: string,
    readonly schemaVersion: number,
    readonly migratedFrom: number | null,
    readonly backupPath: string | null,
  ) {
    this.history = new HistoryRepository(db);
    this.meta = new MetaRepository(db);
    this.capabilities = new CapabilityRepository(db, this.history);
    this.roles = new RoleRepository(db);
    this.people = new PersonRepository(db, this.history);
    this.workItems = new WorkItemRepository(db, this.history);
    this.scenarios = new ScenarioRepository(db);
    this.baselines = new BaselineRepository(db);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  isEmpty(): boolean {
    return this.capabilities.count() === 0 && this.roles.count() === 0 && this.people.count() === 0 && this.workItems.count() === 0;
  }

  /**
   * Reads every row the repositories check beyond the schema (JSON columns, values a CHECK
   * cannot state), so that they refuse what the schema does not allow. The history has nothing
   * to check beyond its CHECK constraints, which the integrity check at open verifies; reading
   * its tens of thousands of rows here would only make opening slower.
   */
  readEverything(): void {
    this.getOrganisation();
    this.getSettings();
    this.listCapabilities();
    this.listRoles();
    this.listPeople();
    this.listWorkItems();
    this.listScenarios();
    this.listBaselines();
  }

  getOrganisation(): Organisation {
    return this.meta.getOrganisation();
  }

  listCapabilities(): Capability[] {
    return this.capabilities.list();
  }

  getCapability(id: string): Capability | null {
    return this.capabilities.get(id);
  }

  listRoles(): Role[] {
    return this.roles.list();
  }

  getRole(id: string): Role | null {
    return this.roles.get(id);
  }

  listPeople(): Person[] {
    return this.people.list();
  }

  getPerson(id: string): Person | null {
    return this.people.get(id);
  }

  listWorkItems(): WorkItem[] {
    return this.workItems.list();
  }

  getWorkItem(id: string): WorkItem | null {
    return this.workItems.get(id);
  }

  listScenarios(): Scenario[] {
    return this.scenarios.list();
  }

  getScenario(id: string): Scenario | null {
    return this.scenarios.get(id);
  }

  listHistory(filter?: HistoryFilter): HistoryEntry[] {
    return this.history.list(filter);
  }

  listMaturityHistory(): HistoryEntry[] {
    return this.history.maturityChanges();
  }

  getSettings(): WorkspaceSettings {
    return this.meta.getSettings();
  }

  getContentToken(): string | null {
    return this.meta.getContentToken();
  }

  listBaselines(): Baseline[] {
    return this.baselines.list();
  }

  listBaselineSummaries(): BaselineSummary[] {
    return this.baselines.summaries();
  }

  getBaseline(id: string): Baseline | null {
    return this.baselines.get(id);
  }

  findBaseline(idOrName: string): Baseline | null {
    return this.baselines.find(idOrName);
  }

  async saveCopyTo(target: string): Promise<string> {
    const destination = resolve(target);
    if (destination === this.path) throw new StorageError('conflict', `${destination} is this workspace itself`);
    if (existsSync(`${destination}-wal`)) {
      throw new StorageError(
        'conflict',
        `${destination} is open in Groundwork or was not closed cleanly (it has a -wal file); choose another file`,
      );
    }
    removeStaleTemporaries(destination);
    const temporary = temporaryPathFor(destination, 'save-as');
    try {
      await this.db.backup(temporary);
      renameSync(temporary, destination);
    } catch (error) {
      removeTemporary(temporary);
      throw toWorkspaceError(error, destination);
    }
    return destination;
  }
}

class SqliteWritableWorkspace extends SqliteReadableWorkspace implements WritableWorkspace {
  constructor(
    db: Database.Database,
    path: string,
    schemaVersion: number,
    migratedFrom: number | null,
    backupPath: string | null,
    private readonly now: () => Date,
  ) {
    super(db, path, schemaVersion, migratedFrom, backupPath);
  }

  /** Inserts defaultScenario(today) when there is no scenario, in one transaction of its own. */
  ensureDefaultScenario(): void {
    if (this.scenarios.count() > 0) return;
    this.write((at) => this.insertDefaultScenario(at));
  }

  setOrganisation(organisation: Organisation): Organisation {
    return this.write(() => this.meta.setOrganisation(organisation));
  }

  createCapability(input: CapabilityInput): Capability {
    return this.write((at) => this.capabilities.create(input, at));
  }

  updateCapability(id: string, patch: CapabilityPatch): Capability {
    return this.write((at) => this.capabilities.update(id, patch, at));
  }

  deleteCapability(id: string): void {
    this.write((at) => this.capabilities.delete(id, at));
  }

  createRole(input: RoleInput): Role {
    return this.write((at) => this.roles.create(input, at));
  }

  updateRole(id: string, patch: RolePatch): Role {
    return this.write((at) => this.roles.update(id, patch, at));
  }

  deleteRole(id: string): void {
    this.write(() => this.roles.delete(id));
  }

  createPerson(input: PersonInput): Person {
    return this.write((at) => this.people.create(input, at));
  }

  updatePerson(id: string, patch: PersonPatch): Person {
    return this.write((at) => this.people.update(id, patch, at));
  }

  deletePerson(id: string): void {
    this.write((at) => this.people.delete(id, at));
  }

  createWorkItem(input: WorkItemInput): WorkItem {
    return this.write((at) => this.workItems.create(input, at));
  }

  updateWorkItem(id: string, patch: WorkItemPatch): WorkItem {
    return this.write((at) => this.workItems.update(id, patch, at));
  }

  deleteWorkItem(id: string): void {
    this.write((at) => this.workItems.delete(id, at));
  }

  createScenario(input: ScenarioInput): Scenario {
    return this.write((at) => this.scenarios.create(input, at));
  }

  updateScenario(id: string, patch: ScenarioPatch): Scenario {
    return this.write((at) => this.scenarios.update(id, patch, at));
  }

  deleteScenario(id: string): void {
    this.write(() => this.scenarios.delete(id));
  }

  setDefaultScenario(id: string): Scenario {
    return this.write((at) => this.scenarios.setDefault(id, at));
  }

  importRows(rows: readonly ImportRow[]): { created: number; updated: number } {
    return this.write((at) => {
      let created = 0;
      let updated = 0;
      for (const entry of rows) {
        withPosition(`row ${entry.row}`, () => {
          switch (entry.kind) {
            case 'person-create':
              this.people.create(entry.input, at);
              created++;
              break;
            case 'person-update':
              this.people.update(entry.id, entry.patch, at);
              updated++;
              break;
            case 'capability-create':
              this.capabilities.create(entry.input, at);
              created++;
              break;
            case 'capability-update':
              this.capabilities.update(entry.id, entry.patch, at);
              updated++;
              break;
          }
        });
      }
      return { created, updated };
    });
  }

  acceptPlan(acceptance: PlanAcceptance): AcceptedPlan {
    return this.write((at) => {
      // Items first without predecessors, which may name items of this same acceptance, then those.
      const created = acceptance.workItems.map((item, index) =>
        withPosition(`workItems[${index}]`, () => this.workItems.create({ ...item, predecessors: [] }, at)),
      );
      const workItems = created.map((item, index) => {
        const predecessors = acceptance.workItems[index]?.predecessors ?? [];
        return predecessors.length === 0
          ? item
          : withPosition(`workItems[${index}]`, () => this.workItems.update(item.id, { predecessors }, at));
      });
      const people = acceptance.people.map((person, index) => withPosition(`people[${index}]`, () => this.people.create(person, at)));
      const baseline = acceptance.baseline ? withPosition('baseline', () => this.baselines.create(acceptance.baseline!, at)) : null;
      return { workItems, people, baseline };
    });
  }

  setSettings(patch: SettingsPatch): WorkspaceSettings {
    return this.write(() => this.meta.setSettings(patch));
  }

  createBaseline(input: BaselineInput): Baseline {
    return this.write((at) => this.baselines.create(input, at));
  }

  renameBaseline(id: string, name: string): Baseline {
    return this.write((at) => this.baselines.rename(id, name, at));
  }

  deleteBaseline(id: string): void {
    this.write(() => this.baselines.delete(id));
  }

  recordProgress(id: string, progress: WorkItemProgress): { workItem: WorkItem; capability: Capability | null } {
    return this.write((at) => {
      const { capabilityMaturity, ...patch } = progress;
      const workItem = this.workItems.update(id, patch, at);
      let capability: Capability | null = null;
      if (capabilityMaturity !== undefined) {
        if (workItem.capabilityId === null) {
          throw new StorageError('constraint', `work item "${workItem.title}" raises no capability, so it sets no maturity`, 'capabilityMaturity');
        }
        capability = this.capabilities.update(workItem.capabilityId, { currentMaturity: capabilityMaturity }, at);
      }
      return { workItem, capability };
    });
  }

  seed(data: SeedData): void {
    this.write((at) => {
      if (!this.isEmpty()) {
        throw new StorageError('conflict', `${this.path} already has capabilities, roles or people; seed needs an empty workspace`);
      }
      this.meta.setOrganisation(data.organisation);
      // Roles first: people refer to them.
      data.roles.forEach((role, index) => withPosition(`roles[${index}]`, () => this.roles.create(role, at)));
      data.capabilities.forEach((capability, index) =>
        withPosition(`capabilities[${index}]`, () => this.capabilities.create(capability, at)),
      );
      data.people.forEach((person, index) => withPosition(`people[${index}]`, () => this.people.create(person, at)));
      if (this.scenarios.count() === 0) this.insertDefaultScenario(at);
    });
  }

  /**
   * Replaces the whole content of this workspace by `data` in one transaction, writing rows as
   * given: history rows are restored, not generated (Workspace JSON import; see writeRestoredWorkspace,
   * which restores into a new file). The history is append-only (schema 4), so a workspace that
   * already has history cannot be restored over: 'conflict'.
   */
  restore(data: RestoreData): void {
    if (this.history.count() > 0) {
      throw new StorageError('conflict', `${this.path} already has history; a workspace is restored into a new file`);
    }
    this.write((at) => {
      for (const table of ['baselines', 'work_items', 'scenarios', 'people', 'roles', 'capabilities', 'meta']) {
        this.db.prepare(`DELETE FROM ${table}`).run();
      }
      // A workspace whose organisation was never named exports the name ''; the file keeps it unset.
      if (data.organisation.name !== '') this.meta.setOrganisation(data.organisation);
      // Repositories that write no history rows: the imported history is restored as it is.
      const silent = new HistoryRepository(this.db, false);
      const capabilities = new CapabilityRepository(this.db, silent);
      const people = new PersonRepository(this.db, silent);
      const workItems = new WorkItemRepository(this.db, silent);
      data.roles.forEach((role, index) => withPosition(`roles[${index}]`, () => this.roles.create(role, at)));
      data.capabilities.forEach((c, index) => withPosition(`capabilities[${index}]`, () => capabilities.create(c, at)));
      data.people.forEach((person, index) => withPosition(`people[${index}]`, () => people.create(person, at)));
      // Predecessors must exist when an item is written: insert without them, then set them in order.
      data.workItems.forEach((item, index) =>
        withPosition(`workItems[${index}]`, () => workItems.create({ ...item, predecessors: [] }, at)),
      );
      data.workItems.forEach((item, index) => {
        if (item.predecessors.length > 0) {
          withPosition(`workItems[${index}]`, () => workItems.update(item.id, { predecessors: item.predecessors }, at));
        }
      });
      data.scenarios.forEach((scenario, index) => withPosition(`scenarios[${index}]`, () => this.scenarios.create(scenario, at)));
      if (data.settings) this.meta.setSettings(data.settings);
      (data.baselines ?? []).forEach((baseline, index) => withPosition(`baselines[${index}]`, () => this.baselines.create(baseline, at)));
      this.history.restore(data.history);
    });
  }

  private insertDefaultScenario(at: string): void {
    this.scenarios.create(defaultScenario(toIsoDate(new Date(at))), at);
  }

  /**
   * One write = one IMMEDIATE transaction with one timestamp for every row it touches. A write
   * that changed a row also renews the content token, in the same transaction.
   */
  private write<T>(body: (at: string) => T): T {
    const at = this.now().toISOString();
    const changes = this.db.prepare<[], number>('SELECT total_changes()').pluck();
    try {
      return this.db
        .transaction(() => {
          const before = changes.get() as number;
          const result = body(at);
          if ((changes.get() as number) !== before) this.meta.renewContentToken();
          return result;
        })
        .immediate();
    } catch (error) {
      throw toWorkspaceError(error, this.path);
    }
  }
}

/**
 * Creates the workspace file `file` (which must not exist) holding exactly `data`, history as given
 * (see SqliteWritableWorkspace.restore), and closes it.
 */
export function writeRestoredWorkspace(file: string, data: RestoreData, options: OpenWorkspaceOptions = {}): void {
  const workspace = openWritable(file, { ...options, create: true });
  try {
    workspace.restore(data);
  } finally {
    workspace.close();
  }
}

/** What accepting a plan wrote: the work items, people and baseline as stored. */
export interface AcceptedPlan {
  readonly workItems: readonly WorkItem[];
  readonly people: readonly Person[];
  readonly baseline: Baseline | null;
}

/** One row of a CSV import (see WritableWorkspace.importRows); `row` is its spreadsheet row number. */
export type ImportRow =
  | { readonly row: number; readonly kind: 'person-create'; readonly input: PersonInput }
  | { readonly row: number; readonly kind: 'person-update'; readonly id: string; readonly patch: PersonPatch }
  | { readonly row: number; readonly kind: 'capability-create'; readonly input: CapabilityInput }
  | { readonly row: number; readonly kind: 'capability-update'; readonly id: string; readonly patch: CapabilityPatch };

/** What accepting a plan adds to the workspace (see Workspace.acceptPlan): its items, its hires as people, and the baseline it becomes. */
export interface PlanAcceptance {
  readonly workItems: readonly WorkItemInput[];
  readonly people: readonly PersonInput[];
  readonly baseline?: BaselineInput;
}

/** See Workspace.recordProgress. */
export interface WorkItemProgress {
  readonly status?: WorkItem['status'];
  readonly actualStart?: string | null;
  readonly actualFinish?: string | null;
  readonly capabilityMaturity?: number;
}

/** What restore() writes: a whole workspace, every entity with its id. */
export interface RestoreData {
  readonly organisation: Organisation;
  readonly capabilities: readonly (CapabilityInput & { readonly id: string })[];
  readonly roles: readonly (RoleInput & { readonly id: string })[];
  readonly people: readonly (PersonInput & { readonly id: string })[];
  readonly workItems: readonly (WorkItemInput & { readonly id: string; readonly predecessors: readonly string[] })[];
  readonly scenarios: readonly (ScenarioInput & { readonly id: string })[];
  readonly history: readonly Omit<HistoryEntry, 'id'>[];
  readonly settings?: SettingsPatch;
  readonly baselines?: readonly (BaselineInput & { readonly id: string })[];
}

/** Prefixes a seed item's error with its place in the input (e.g. `people[3]: …`), keeping code and field. */
function withPosition<T>(position: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof StorageError) {
      throw new StorageError(error.code, `${position}: ${error.message}`, error.field, { cause: error });
    }
    throw error;
  }
}
