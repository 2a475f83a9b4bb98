import Database from 'better-sqlite3';

/**
 * Why a file could not be opened as a workspace. The codes are stable: the CLI, the IPC layer and
 * the UI switch on them.
 */
export type WorkspaceErrorCode =
  /** The file does not exist and `create: false` was asked. */
  | 'not-found'
  /** Not a SQLite database at all (wrong header, a folder, too short). */
  | 'not-a-workspace'
  /** A SQLite database, but another application's. */
  | 'foreign-database'
  /** A Groundwork workspace whose bytes are damaged (truncated, overwritten, failed quick_check). */
  | 'corrupt'
  /** Written by a newer Groundwork: its schema version is above the newest migration we know. */
  | 'newer-schema'
  /** A migration failed; everything was rolled back and the file is as it was. */
  | 'migration-failed'
  /** The pre-migration backup could not be written; nothing was migrated. */
  | 'backup-failed'
  /** The file (or its folder) cannot be read: permissions, an I/O error. */
  | 'unreadable'
  /** The file or its folder cannot be written (permissions, a read-only disk): opening it for editing is refused. */
  | 'read-only-file'
  /** Larger than a workspace can be (LIMITS.workspaceFileBytes). */
  | 'too-large'
  /** The disk is full: the write was rolled back, nothing changed. */
  | 'disk-full'
  /** The disk reported an error during a write: the write was rolled back. */
  | 'io-error'
  /** Another program holds the workspace locked for longer than the busy timeout. */
  | 'busy';

export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  constructor(
    readonly code: WorkspaceErrorCode,
    /** The file the error is about, as given to openWorkspace (resolved to an absolute path). */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A SQLite failure of the disk or of the file rather than of the data (disk full, I/O error,
 * read-only file, lock held, damaged page) as a WorkspaceError with a code a user can act on; any
 * other error is returned unchanged.
 */
export function toWorkspaceError(error: unknown, path: string): unknown {
  if (!isSqliteError(error)) return error;
  const code = error.code;
  const detail = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
  if (code.startsWith('SQLITE_FULL')) {
    return new WorkspaceError('disk-full', path, `${path}: the disk is full; the change was not saved and the workspace is as it was.`, { cause: error });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new WorkspaceError('io-error', path, `${path}: the disk reported an error (${detail}); the change was not saved.`, { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new WorkspaceError('read-only-file', path, `${path} cannot be written (${detail}); nothing was changed.`, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new WorkspaceError('busy', path, `${path} is locked by another program; nothing was changed. Try again.`, { cause: error });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new WorkspaceError('corrupt', path, `${path} is damaged (${detail}); the change was not saved.`, { cause: error });
  }
  return error;
}

export type StorageErrorCode =
  /** The entity to read, update or delete does not exist. */
  | 'not-found'
  /** A value breaks a rule of the schema (range, format, unknown reference). */
  | 'constraint'
  /** The write collides with existing data (duplicate id or name, a role still held, a non-empty seed target). */
  | 'conflict';

/** A refused write. Nothing was written: every write is one transaction. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    /** The domain field (camelCase, e.g. `roleId`) the error is about, when there is one. */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type SqliteError = InstanceType<typeof Database.SqliteError>;

export function isSqliteError(error: unknown): error is SqliteError {
  return error instanceof Database.SqliteError;
}

/** Named CHECK constraints of the migrations → the domain field they guard. */
const CHECK_FIELDS: Readonly<Record<string, string>> = {
  ck_meta_organisation_name: 'name',
  ck_capabilities_id: 'id',
  ck_capabilities_name: 'name',
  ck_capabilities_layer: 'layer',
  ck_capabilities_current_maturity: 'currentMaturity',
  ck_capabilities_target_maturity: 'targetMaturity',
  ck_capabilities_from_catalog: 'fromCatalog',
  ck_roles_id: 'id',
  ck_roles_name: 'name',
  ck_roles_builds: 'builds',
  ck_roles_prerequisites: 'prerequisites',
  ck_roles_needs_foundations: 'needsFoundations',
  ck_roles_from_catalog: 'fromCatalog',
  ck_people_id: 'id',
  ck_people_name: 'name',
  ck_people_fte: 'fte',
  ck_people_status: 'status',
  ck_people_start_date: 'startDate',
  ck_people_end_date: 'endDate',
  ck_people_end_after_start: 'endDate',
  ck_scenarios_id: 'id',
  ck_scenarios_name: 'name',
  ck_scenarios_is_default: 'isDefault',
  ck_scenarios_start_date: 'startDate',
  ck_scenarios_horizon_quarters: 'horizonQuarters',
  ck_scenarios_target_layer: 'targetLayer',
  ck_scenarios_target_date: 'targetDate',
  ck_scenarios_hiring_budget_per_quarter: 'hiringBudgetPerQuarter',
  ck_scenarios_max_hires_per_quarter: 'maxHiresPerQuarter',
  ck_scenarios_gate_threshold: 'gateThreshold',
  ck_scenarios_lead_time_weeks: 'leadTimeWeeks',
  ck_scenarios_ramp_up_weeks: 'rampUpWeeks',
  ck_scenarios_salaries: 'salaries',
  ck_scenarios_target_after_start: 'targetDate',
  ck_work_items_id: 'id',
  ck_work_items_title: 'title',
  ck_work_items_from_maturity: 'fromMaturity',
  ck_work_items_to_maturity: 'toMaturity',
  ck_work_items_duration_weeks: 'durationWeeks',
  ck_work_items_demand: 'demand',
  ck_work_items_predecessors: 'predecessors',
  ck_work_items_release_date: 'releaseDate',
  ck_work_items_pinned_start: 'pinnedStart',
  ck_work_items_status: 'status',
  ck_work_items_maturity_step: 'toMaturity',
  ck_work_items_actual_start: 'actualStart',
  ck_work_items_actual_finish: 'actualFinish',
  ck_scenarios_run_share: 'runShare',
  ck_scenarios_borrowed: 'borrowed',
  ck_baselines_id: 'id',
  ck_baselines_name: 'name',
  ck_baselines_as_of: 'asOf',
  ck_baselines_plan: 'plan',
};

const CHECK_MESSAGES: Readonly<Record<string, string>> = {
  ck_meta_organisation_name: 'must not be empty',
  ck_capabilities_id: 'must be a non-empty id without surrounding spaces',
  ck_capabilities_name: 'must not be empty',
  ck_capabilities_layer: 'must be one of the six pyramid layers',
  ck_capabilities_current_maturity: 'must be a maturity from 0 to 4',
  ck_capabilities_target_maturity: 'must be a maturity from 0 to 4',
  ck_roles_id: 'must be a non-empty id without surrounding spaces',
  ck_roles_name: 'must not be empty',
  ck_roles_builds: 'must be a JSON array',
  ck_roles_prerequisites: 'must be a JSON array',
  ck_people_id: 'must be a non-empty id without surrounding spaces',
  ck_people_name: 'must not be empty',
  ck_people_fte: 'must be more than 0 and at most 1',
  ck_people_status: 'must be on_staff, open_req or planned',
  ck_people_start_date: 'must be a calendar date YYYY-MM-DD',
  ck_people_end_date: 'must be a calendar date YYYY-MM-DD',
  ck_people_end_after_start: 'must not be before the start date',
  ck_scenarios_id: 'must be a non-empty id without surrounding spaces',
  ck_scenarios_name: 'must not be empty',
  ck_scenarios_start_date: 'must be a calendar date YYYY-MM-DD',
  ck_scenarios_horizon_quarters: 'must be a whole number of quarters from 1 to 40',
  ck_scenarios_target_layer: 'must be one of the six pyramid layers',
  ck_scenarios_target_date: 'must be a calendar date YYYY-MM-DD',
  ck_scenarios_hiring_budget_per_quarter: 'must be an amount ≥ 0, or null for no limit',
  ck_scenarios_max_hires_per_quarter: 'must be a whole number ≥ 0',
  ck_scenarios_gate_threshold: 'must be more than 0 and at most 1',
  ck_scenarios_lead_time_weeks: 'must be a whole number of weeks ≥ 0',
  ck_scenarios_ramp_up_weeks: 'must be a whole number of weeks ≥ 0, or null',
  ck_scenarios_salaries: 'must be a JSON object',
  ck_scenarios_target_after_start: 'must be after the start date',
  ck_work_items_id: 'must be a non-empty id without surrounding spaces',
  ck_work_items_title: 'must not be empty',
  ck_work_items_from_maturity: 'must be a maturity from 0 to 4',
  ck_work_items_to_maturity: 'must be a maturity from 0 to 4',
  ck_work_items_duration_weeks: 'must be a whole number of weeks from 0 to 520',
  ck_work_items_demand: 'must be a JSON object',
  ck_work_items_predecessors: 'must be a JSON array',
  ck_work_items_release_date: 'must be a calendar date YYYY-MM-DD',
  ck_work_items_pinned_start: 'must be a calendar date YYYY-MM-DD',
  ck_work_items_status: 'must be proposed, planned, in_progress, done or dropped',
  ck_work_items_maturity_step: 'must be higher than the maturity it starts from',
  ck_work_items_actual_start: 'must be a calendar date YYYY-MM-DD',
  ck_work_items_actual_finish: 'must be a calendar date YYYY-MM-DD, not before the actual start',
  ck_scenarios_run_share: 'must be a share from 0 to 0.9',
  ck_scenarios_borrowed: 'must be a JSON array',
  ck_baselines_id: 'must be a non-empty id without surrounding spaces',
  ck_baselines_name: 'must not be empty',
  ck_baselines_as_of: 'must be a calendar date YYYY-MM-DD',
  ck_baselines_plan: 'must be a JSON object',
};

export function snakeToCamel(column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * Turns a SQLite constraint failure into a StorageError naming the domain field. `entity` names
 * the thing written (e.g. `person "Ada"`), and `foreignKeyField` the field a FOREIGN KEY failure
 * is about: SQLite does not say which key failed, but each write knows which reference it makes.
 * Anything that is not a constraint failure is returned unchanged.
 */
export function toStorageError(error: unknown, entity: string, foreignKeyField?: string): unknown {
  if (!isSqliteError(error) || !error.code.startsWith('SQLITE_CONSTRAINT')) return error;
  const message = error.message;
  switch (error.code) {
    case 'SQLITE_CONSTRAINT_CHECK': {
      const name = /CHECK constraint failed: (\w+)/.exec(message)?.[1] ?? '';
      const field = CHECK_FIELDS[name];
      const rule = CHECK_MESSAGES[name] ?? 'is not allowed';
      return new StorageError('constraint', `${entity}: ${field ?? name} ${rule}`, field, { cause: error });
    }
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case 'SQLITE_CONSTRAINT_DATATYPE': {
      const column = /(?:failed: |column )\w+\.(\w+)/.exec(message)?.[1];
      const field = column === undefined ? undefined : snakeToCamel(column);
      const rule = error.code === 'SQLITE_CONSTRAINT_NOTNULL' ? 'is required' : `has the wrong type (${message})`;
      return new StorageError('constraint', `${entity}: ${field ?? 'a field'} ${rule}`, field, { cause: error });
    }
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(message)?.[1];
      const field = column === undefined ? undefined : snakeToCamel(column);
      return new StorageError('conflict', `${entity}: another one already has this ${field ?? 'key'}`, field, {
        cause: error,
      });
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new StorageError(
        'constraint',
        `${entity}: ${foreignKeyField ?? 'a reference'} refers to something that does not exist`,
        foreignKeyField,
        { cause: error },
      );
    default:
      return new StorageError('constraint', `${entity}: ${message}`, undefined, { cause: error });
  }
}
