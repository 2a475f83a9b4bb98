/**
 * The workspace file (`*.groundwork`): one SQLite database per organisation. See
 * docs/workspace-file.md for the schema, the migration policy and the refusal rules.
 */
export { openWorkspace, openWorkspaceReadOnly, defaultMigrationsDir } from './workspace';
export type { AcceptedPlan, ImportRow, OpenOptions, OpenReadOnlyOptions, OpenWorkspaceOptions, PlanAcceptance, ReadableWorkspace, WritableWorkspace, WorkItemProgress } from './workspace';
export type { BaselineInput } from './repositories/baselines';
export { loadPlanInput, loadProgress, pickBaseline } from './plan-input';
export { writeFileAtomically, WriteFileError } from './files';
export { exportWorkspaceJson, importWorkspaceJson } from './workspace-json';
export type { ImportWorkspaceJsonOptions } from './workspace-json';
export type { LoadPlanInputOptions } from './plan-input';
export { WorkspaceError, StorageError, toWorkspaceError } from './errors';
export type { WorkspaceErrorCode, StorageErrorCode } from './errors';
export { GROUNDWORK_APPLICATION_ID, readMigrations, latestVersion, migrate } from './migrations';
export type { Migration, MigrateOptions, MigrateResult } from './migrations';
export type {
  CapabilityInput,
  CapabilityPatch,
  PrerequisiteInput,
  RoleInput,
  RolePatch,
  PersonInput,
  PersonPatch,
  WorkItemInput,
  WorkItemPatch,
  ScenarioInput,
  ScenarioPatch,
  HistoryEntity,
  HistoryField,
  HistoryEntry,
  HistoryFilter,
  SeedData,
} from './types';
export { readInputFile, InputFileError, formatSize } from './input-file';
export type { InputFileErrorCode } from './input-file';
export { removeStaleTemporaries, removeStaleTemporariesIn, temporaryPathFor, removeTemporary } from './temporary';
export {
  backupBeforeReplacing,
  backupFolderFor,
  BackupError,
  BACKUP_REASONS,
  contentFingerprint,
  createBackup,
  listBackups,
  newestGoodBackup,
  restoreBackup,
  summariseBackup,
} from './backups';
export type { BackupCounts, BackupErrorCode, BackupInfo, BackupOptions, BackupReason, RestoreOptions, RestoreResult } from './backups';
export { applyCsvImport, CsvError, parseCsv, previewCsvImport, tableToCsv } from './csv';
export type { ColumnOverrides, CsvErrorCode, CsvImportPreview, ParsedCsv } from './csv';
export { AutomaticBackups } from './automatic-backups';
export type { AutomaticBackupOptions } from './automatic-backups';
