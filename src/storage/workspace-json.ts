import { existsSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { toIsoDate } from '../core/calendar';
import { defaultScenario } from '../core/domain/planning';
import { buildWorkspaceJson, parseWorkspaceJson, type WorkspaceJson } from '../core/workspace-json';
import { StorageError, WorkspaceError } from './errors';
import { removeStaleTemporaries, removeTemporary, temporaryPathFor } from './temporary';
import { writeRestoredWorkspace, type OpenWorkspaceOptions, type ReadableWorkspace } from './workspace';

/**
 * The whole workspace as Workspace JSON v2 (docs/workspace-json.md). `now` is the export time
 * (`exportedAt`) and, for a workspace opened read-only that has no scenario yet (a schema 1 file),
 * the day of the default scenario exported in its place — as loadPlanInput would plan with it.
 */
export function exportWorkspaceJson(workspace: ReadableWorkspace, now: Date = new Date()): WorkspaceJson {
  const scenarios = workspace.listScenarios();
  return buildWorkspaceJson(
    {
      organisation: workspace.getOrganisation(),
      capabilities: workspace.listCapabilities(),
      roles: workspace.listRoles(),
      people: workspace.listPeople(),
      workItems: workspace.listWorkItems(),
      scenarios: scenarios.length > 0 ? scenarios : [defaultScenario(toIsoDate(now))],
      history: workspace.listHistory(),
      settings: workspace.getSettings(),
      baselines: [...workspace.listBaselines()].reverse(),
    },
    now.toISOString(),
  );
}

export interface ImportWorkspaceJsonOptions extends Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding' | 'now'> {
  /** Replace an existing target (only once the new file is complete). Default false: an existing target is 'conflict'. */
  readonly overwrite?: boolean;
}

/**
 * Writes `json` (a parsed Workspace JSON document) to a NEW workspace file at `target`.
 *
 * Everything is validated first (WorkspaceJsonError with the problems, `path: message`), then the
 * workspace is written to a temporary file beside the target and renamed over it, so the target
 * is either absent/untouched or the complete new workspace. History rows are restored as given:
 * the import itself writes none.
 */
export function importWorkspaceJson(json: unknown, target: string, options: ImportWorkspaceJsonOptions = {}): { path: string } {
  const doc = parseWorkspaceJson(json);
  const path = resolve(target);
  if (existsSync(path)) {
    if (options.overwrite !== true) {
      throw new StorageError('conflict', `${path} already exists; nothing was written (overwrite it explicitly to replace it)`, 'target');
    }
    if (!statSync(path).isFile()) throw new StorageError('conflict', `${path} is not a file; nothing was written`, 'target');
  }
  if (existsSync(`${path}-wal`)) {
    throw new StorageError('conflict', `${path} is open in Groundwork or was not closed cleanly (it has a -wal file); nothing was written`, 'target');
  }
  removeStaleTemporaries(path);
  const temporary = temporaryPathFor(path, 'import');
  try {
    writeRestoredWorkspace(temporary, { ...doc, baselines: doc.baselines.map(({ plan, ...b }) => ({ ...b, snapshot: plan })) }, {
      ...(options.migrationsDir === undefined ? {} : { migrationsDir: options.migrationsDir }),
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    renameSync(temporary, path);
  } catch (error) {
    // Name the target, not the temporary file the failure happened in.
    if (error instanceof WorkspaceError) throw new WorkspaceError(error.code, path, error.message.replaceAll(temporary, path), { cause: error });
    throw error;
  } finally {
    removeTemporary(temporary);
  }
  return { path };
}
