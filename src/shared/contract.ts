import { z } from 'zod';
import type { Scenario, WorkItem } from '../core/domain/planning';
import type { Capability, Organisation, Person, Role } from '../core/domain/types';
import type { WorkspaceReadiness } from '../core/domain/readiness';
import type { WorkspaceSettings } from '../core/domain/settings';
import type { MarginalHireValue, PlanResult } from '../core/planner/types';
import type { Baseline, BaselineSummary } from '../core/progress/baseline';
import type { ProgressReport } from '../core/progress/progress';
import type { BackupCountsLike } from '../core/backups/rotation';
import {
  CAPABILITY_FIELDS,
  CSV_KINDS,
  CSV_TABLES,
  PEOPLE_FIELDS,
  type CapabilityField,
  type CapabilityValues,
  type CsvField,
  type CsvKind,
  type ImportPreview,
  type PeopleField,
  type PersonValues,
} from '../core/csv';
import { LIMITS } from '../core/input/limits';
import type { MenuCommand } from './channels';
import {
  baselineNameSchema,
  capabilityFieldsSchema,
  capabilityPatchSchema,
  idSchema,
  isoDateSchema,
  organisationSchema,
  personFieldsSchema,
  personJoinSchema,
  personPatchSchema,
  roleFieldsSchema,
  rolePatchSchema,
  scenarioFieldsSchema,
  scenarioPatchSchema,
  settingsPatchSchema,
  workItemFieldsSchema,
  workItemPatchSchema,
  workItemProgressSchema,
} from './schemas';

/**
 * The IPC contract, defined once: method name → zod input schema → result type. Main validates
 * every payload against it, the preload forwards `invoke(method, payload)` and nothing else, and
 * the renderer's client is typed from it, so no channel string appears twice.
 */

/** Everything the screens show, in one answer, so a screen never renders half-updated data. */
export interface WorkspaceSnapshot {
  readonly path: string;
  readonly schemaVersion: number;
  readonly organisation: Organisation;
  readonly isEmpty: boolean;
  readonly capabilities: readonly Capability[];
  readonly roles: readonly Role[];
  readonly people: readonly Person[];
  readonly workItems: readonly WorkItem[];
  readonly scenarios: readonly Scenario[];
  readonly readiness: WorkspaceReadiness;
  /** Fiscal year start and currency: how quarters and amounts read everywhere. */
  readonly settings: WorkspaceSettings;
  /** The saved baselines, newest first, without their frozen plans (`baseline.get` has those). */
  readonly baselines: readonly BaselineSummary[];
}

/** What `plan.accept` wrote, exactly as the storage wrote it, and the workspace after it. */
export interface PlanAccepted {
  readonly accepted: { readonly workItems: readonly WorkItem[]; readonly people: readonly Person[]; readonly baseline: BaselineSummary | null };
  readonly snapshot: WorkspaceSnapshot;
}

/** A baseline saved by `baseline.create`, and the workspace after it. */
export interface BaselineSaved {
  readonly baseline: BaselineSummary;
  readonly snapshot: WorkspaceSnapshot;
}

/** Two or three scenarios side by side (`plan.compare`). */
export interface ScenarioComparison {
  readonly plans: readonly PlanResult[];
}

/** One automatic backup of the open workspace, as File ▸ Restore from backup lists it. */
export interface BackupEntry {
  /** Its file: what `backup.restore` takes. */
  readonly path: string;
  /** ISO timestamp (UTC). */
  readonly createdAt: string;
  readonly reason: string;
  readonly bytes: number;
  readonly counts: BackupCountsLike | null;
  /** Why it cannot be restored, or null. */
  readonly problem: string | null;
  /** What changed since the backup before it ("+2 capabilities"). */
  readonly change: string;
}

export interface BackupList {
  readonly workspace: string;
  readonly folder: string;
  /** Newest first. */
  readonly backups: readonly BackupEntry[];
}

export interface RestoreAnswer {
  readonly snapshot: WorkspaceSnapshot;
  /** The workspace file that now holds the backup's content. */
  readonly restoredTo: string;
  /** The backup made of the replaced workspace (restore it to undo), or null for a new file. */
  readonly undoBackup: string | null;
}

/** What a CSV import would do (`csv.preview`), or did (`csv.import`). */
export type CsvPreview = (ImportPreview<PeopleField, PersonValues> | ImportPreview<CapabilityField, CapabilityValues>) & {
  readonly encoding: string;
  readonly delimiter: string;
};

export interface CsvImportAnswer {
  readonly snapshot: WorkspaceSnapshot;
  readonly created: number;
  readonly updated: number;
  /** The backup made just before the import. */
  readonly backup: string | null;
}

/** Declares a method: its input schema, and (types only) its result. */
export function method<I extends z.ZodType, O>(input: I): { readonly input: I; readonly output?: O } {
  return { input };
}

/** What a contract is: method name → input schema and (types only) result. */
export type ContractShape = Readonly<Record<string, { readonly input: z.ZodType; readonly output?: unknown }>>;

const empty = z.strictObject({});
const byId = z.strictObject({ id: idSchema });
/** The status date a plan is made as of (default: today). */
const asOf = isoDateSchema.optional();
const planRequest = z.strictObject({ scenarioId: idSchema.optional(), asOf });
const acceptRequest = z.strictObject({ scenarioId: idSchema.optional(), asOf, baselineName: baselineNameSchema.optional() });
const chooseRequest = z.strictObject({ scenarioId: idSchema.nullable() });
const compareRequest = z.strictObject({
  scenarioIds: z.array(idSchema).min(2, 'pick two or three scenarios').max(3, 'pick two or three scenarios'),
  asOf,
});
const baselineCreate = z.strictObject({ name: baselineNameSchema, scenarioId: idSchema.optional(), asOf });
const baselineRename = z.strictObject({ id: idSchema, name: baselineNameSchema });
const progressRequest = z.strictObject({ baselineId: idSchema.optional(), scenarioId: idSchema.optional(), asOf });

const csvFields = z.enum([...new Set([...PEOPLE_FIELDS, ...CAPABILITY_FIELDS].map((f) => f.field))] as [CsvField, ...CsvField[]]);
const csvRequest = z.strictObject({
  kind: z.enum(CSV_KINDS as [CsvKind, ...CsvKind[]]),
  /** The file's bytes in base64 (the renderer reads the file the user picked). */
  data: z.base64({ error: 'must be the file as base64' }).max(Math.ceil(LIMITS.csvBytes / 3) * 4, `the file may be at most ${LIMITS.csvBytes / 1024 / 1024} MiB`),
  /** Column position → field (null: not imported), overriding the guess from the headers. */
  columns: z.array(csvFields.nullable()).max(LIMITS.csvColumns).optional(),
});
/** The file the user picked in the main process's save dialog; the router sets it (and drops any the page sends). */
const savePath = z.string().min(1).max(4096).optional();
const restoreRequest = z.strictObject({
  path: z.string().min(1, 'required').max(4096),
  /** Over the open workspace (backed up first, so it can be undone), or into a new file the user picks. */
  target: z.enum(['current', 'new']),
  savePath,
});
const exportComparisonRequest = z.strictObject({
  scenarioIds: z.array(idSchema).min(2, 'pick two or three scenarios').max(3, 'pick two or three scenarios'),
  paper: z.enum(['a4', 'letter']).default('a4'),
  asOf,
  savePath,
});
const exportCsvRequest = z.strictObject({
  table: z.enum(CSV_TABLES),
  scenarioId: idSchema.optional(),
  scenarioIds: z.array(idSchema).min(2).max(3).optional(),
  asOf,
  savePath,
});

export const contract = {
  'workspace.snapshot': method<typeof empty, WorkspaceSnapshot>(empty),
  'workspace.setOrganisation': method<typeof organisationSchema, WorkspaceSnapshot>(organisationSchema),
  /** First start: fill an empty workspace with the built-in catalogs. */
  'workspace.startFromCatalog': method<typeof empty, WorkspaceSnapshot>(empty),
  /** First start: fill an empty workspace with the demo organisation. */
  'workspace.openDemo': method<typeof empty, WorkspaceSnapshot>(empty),

  'capability.create': method<typeof capabilityFieldsSchema, WorkspaceSnapshot>(capabilityFieldsSchema),
  'capability.update': method<z.ZodObject<{ id: typeof idSchema; patch: typeof capabilityPatchSchema }>, WorkspaceSnapshot>(
    z.strictObject({ id: idSchema, patch: capabilityPatchSchema }),
  ),
  'capability.delete': method<typeof byId, WorkspaceSnapshot>(byId),

  'role.create': method<typeof roleFieldsSchema, WorkspaceSnapshot>(roleFieldsSchema),
  'role.update': method<z.ZodObject<{ id: typeof idSchema; patch: typeof rolePatchSchema }>, WorkspaceSnapshot>(
    z.strictObject({ id: idSchema, patch: rolePatchSchema }),
  ),
  'role.delete': method<typeof byId, WorkspaceSnapshot>(byId),

  'person.create': method<typeof personFieldsSchema, WorkspaceSnapshot>(personFieldsSchema),
  'person.update': method<z.ZodObject<{ id: typeof idSchema; patch: typeof personPatchSchema }>, WorkspaceSnapshot>(
    z.strictObject({ id: idSchema, patch: personPatchSchema }),
  ),
  'person.delete': method<typeof byId, WorkspaceSnapshot>(byId),

  /** Cycles and demands no role can meet are refused with the engine's error, naming the field. */
  'workItem.create': method<typeof workItemFieldsSchema, WorkspaceSnapshot>(workItemFieldsSchema),
  'workItem.update': method<z.ZodObject<{ id: typeof idSchema; patch: typeof workItemPatchSchema }>, WorkspaceSnapshot>(
    z.strictObject({ id: idSchema, patch: workItemPatchSchema }),
  ),
  'workItem.delete': method<typeof byId, WorkspaceSnapshot>(byId),
  /**
   * A status change in one transaction: the status, the actual dates (left out: what the change
   * records by itself, e.g. today as the start of work going in progress) and, when given, the
   * current maturity of the item's capability (raised when a step is marked done, set back by undo).
   */
  'workItem.progress': method<typeof workItemProgressSchema, WorkspaceSnapshot>(workItemProgressSchema),
  /** An open requisition or planned hire joined: on staff from the given (past or today's) date. */
  'person.join': method<typeof personJoinSchema, WorkspaceSnapshot>(personJoinSchema),
  'settings.update': method<typeof settingsPatchSchema, WorkspaceSnapshot>(settingsPatchSchema),

  'scenario.create': method<typeof scenarioFieldsSchema, WorkspaceSnapshot>(scenarioFieldsSchema),
  'scenario.update': method<z.ZodObject<{ id: typeof idSchema; patch: typeof scenarioPatchSchema }>, WorkspaceSnapshot>(
    z.strictObject({ id: idSchema, patch: scenarioPatchSchema }),
  ),
  'scenario.delete': method<typeof byId, WorkspaceSnapshot>(byId),
  'scenario.setDefault': method<typeof byId, WorkspaceSnapshot>(byId),

  /** The plan of a scenario (default: the workspace's default scenario). */
  'plan.run': method<typeof planRequest, PlanResult>(planRequest),
  'plan.compare': method<typeof compareRequest, ScenarioComparison>(compareRequest),
  /**
   * Accepts a scenario's plan: its scheduled proposals become planned work items of the user's,
   * its proposed hires become planned hires in the headcount, and the plan is saved as a baseline
   * (`baselineName`, by default "<quarter> plan as approved"), all in one transaction.
   */
  'plan.accept': method<typeof acceptRequest, PlanAccepted>(acceptRequest),
  /**
   * What one more hire of each role now does to the target layer's gate: a plan per role, so it
   * is asked for after the plan is shown, runs where plans run, and can be cancelled.
   */
  'plan.marginal': method<typeof planRequest, readonly MarginalHireValue[]>(planRequest),

  'baseline.list': method<typeof empty, readonly BaselineSummary[]>(empty),
  'baseline.get': method<typeof byId, Baseline>(byId),
  /** Freezes the plan of a scenario (default: the default one) as of a date under a name. */
  'baseline.create': method<typeof baselineCreate, BaselineSaved>(baselineCreate),
  'baseline.rename': method<typeof baselineRename, WorkspaceSnapshot>(baselineRename),
  'baseline.delete': method<typeof byId, WorkspaceSnapshot>(byId),
  /**
   * Progress against a baseline (default: the newest) as of a date: slips, their causes, and the
   * series the Progress view charts. Planned with the baseline's scenario unless `scenarioId` says.
   */
  'progress.get': method<typeof progressRequest, ProgressReport>(progressRequest),
  /**
   * The scenario the window shows (null: the default one). File → Export Roadmap PDF exports it,
   * so the PDF is the roadmap the user is looking at.
   */
  'scenario.choose': method<typeof chooseRequest, { readonly scenarioId: string | null }>(chooseRequest),

  /** The open workspace's automatic backups, newest first. */
  'backup.list': method<typeof empty, BackupList>(empty),
  /** Backs the open workspace up now. */
  'backup.create': method<typeof empty, BackupList>(empty),
  /** Restores one of `backup.list`'s backups (only those) over the open workspace or into a new file. */
  'backup.restore': method<typeof restoreRequest, RestoreAnswer>(restoreRequest),

  /** What importing a CSV file of people or capabilities would do, row by row. Writes nothing. */
  'csv.preview': method<typeof csvRequest, CsvPreview>(csvRequest),
  /** Imports it: only when no row has a problem, all rows in one transaction, after a backup. */
  'csv.import': method<typeof csvRequest, CsvImportAnswer>(csvRequest),
  /** Saves one of the app's tables as CSV where the user picks; null path when they cancel. */
  'csv.export': method<typeof exportCsvRequest, { readonly path: string | null }>(exportCsvRequest),
  /** The comparison of two or three scenarios as a PDF page, where the user picks; null path when they cancel. Reports progress, can be cancelled. */
  'plan.exportComparison': method<typeof exportComparisonRequest, { readonly path: string | null }>(exportComparisonRequest),
} as const satisfies ContractShape;

/** The methods that change the workspace (after each, an automatic backup may be due). */
export const WRITE_METHODS: ReadonlySet<Method> = new Set<Method>([
  'workspace.setOrganisation',
  'workspace.startFromCatalog',
  'workspace.openDemo',
  'capability.create',
  'capability.update',
  'capability.delete',
  'role.create',
  'role.update',
  'role.delete',
  'person.create',
  'person.update',
  'person.delete',
  'workItem.create',
  'workItem.update',
  'workItem.delete',
  'scenario.create',
  'scenario.update',
  'scenario.delete',
  'scenario.setDefault',
  'plan.accept',
  'csv.import',
  'workItem.progress',
  'person.join',
  'settings.update',
  'baseline.create',
  'baseline.rename',
  'baseline.delete',
]);

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as Method[];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What the caller sends (before defaults are applied). */
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
/** What the handler receives (validated, defaults applied). */
export type MethodParams<M extends Method> = z.output<Contract[M]['input']>;
export type MethodResult<M extends Method> = NonNullable<Contract[M]['output']>;

export const ERROR_CODES = [
  'bad-method',
  'invalid-input',
  'not-found',
  'constraint',
  'conflict',
  'workspace',
  /** The caller cancelled the call (e.g. a plan an edit made stale, an export the user stopped). */
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  readonly code: ErrorCode;
  readonly message: string;
  /** The offending field, as a path (`patch.endDate`, `prerequisites[0].minMaturity`). */
  readonly field?: string;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** How far a long call has come (plans, comparisons): a fraction in [0, 1] and what it is doing. */
export interface CallProgress {
  readonly callId: string;
  readonly fraction: number;
  readonly stage: string;
}

/** A caller-chosen id for a call, so that it can be cancelled and its progress told apart. */
export const callIdSchema = z.string().min(1).max(64);

/** The one object the preload exposes as `window.groundwork`. */
export interface GroundworkApi {
  /** `callId` (optional) names the call for cancel() and for the progress it reports. */
  invoke<M extends Method>(method: M, payload: MethodInput<M>, callId?: string): Promise<IpcResult<MethodResult<M>>>;
  /** Stops a call started with that `callId`; it answers `{ ok: false, error: { code: 'cancelled' } }`. */
  cancel(callId: string): void;
  /** Progress of the calls that report it. */
  onProgress(listener: (progress: CallProgress) => void): () => void;
  /** Main tells the renderer that another workspace was opened (File → New/Open). */
  onWorkspaceChanged(listener: () => void): () => void;
  /** Main asks the page to open one of its dialogs (File ▸ Restore from backup, File ▸ Import CSV). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
