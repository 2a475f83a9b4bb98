/**
 * The workspace file (`*.groundwork`): one SQLite database per organisation. See
 * docs/workspace-file.md for the schema, the migration policy and the refusal rules.
 */
export { openWorkspace, openWorkspaceReadOnly, defaultMigrationsDir } from './workspace';
export type { AcceptedPlan, OpenOptions, OpenReadOnlyOptions, OpenWorkspaceOptions, PlanAcceptance, ReadableWorkspace, WritableWorkspace, WorkItemProgress } from './workspace';
export type { BaselineInput } from './repositories/baselines';
export { loadPlanInput } from './plan-input';
export { writeFileAtomically } from './files';
export { exportWorkspaceJson, importWorkspaceJson } from './workspace-json';
export type { ImportWorkspaceJsonOptions } from './workspace-json';
export type { LoadPlanInputOptions } from './plan-input';
export { WorkspaceError, StorageError } from './errors';
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
