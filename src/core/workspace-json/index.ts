/** Workspace JSON v1: the documented, versioned export/import format of a whole workspace (docs/workspace-json.md). */
export * from './schema';
export { validateWorkspaceJson, parseWorkspaceJson, parseWorkspaceJsonText, parseWorkspaceJsonBytes, crossReferenceProblems, jsonPath, WorkspaceJsonError, PROBLEMS_SHOWN } from './validate';
export type { WorkspaceJsonResult } from './validate';
export { buildWorkspaceJson, formatWorkspaceJson } from './build';
export type { WorkspaceJsonParts } from './build';
