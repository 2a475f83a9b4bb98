import { resolve } from 'node:path';
import type { Scenario } from '../core/domain/planning';
import { plan, type PlanInput, type PlanResult } from '../core/planner';
import { loadPlanInput, openWorkspace, openWorkspaceReadOnly, StorageError, WorkspaceError, type ReadableWorkspace, type WritableWorkspace } from '../storage';
import { CliError } from './io';

/** Opens with `open`, runs `body`, closes; a refused file is a CliError with storage's message (exit 2). */
async function withOpened<W extends ReadableWorkspace, T>(open: () => W, body: (workspace: W) => T | Promise<T>): Promise<T> {
  let workspace: W;
  try {
    workspace = open();
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await body(workspace);
  } finally {
    workspace.close();
  }
}

/**
 * The one path every command that reads a workspace takes: open it read-only (nothing is written,
 * not even beside it), run the command, close it.
 */
export function withWorkspace<T>(file: string, body: (workspace: ReadableWorkspace) => T | Promise<T>): Promise<T> {
  return withOpened(() => openWorkspaceReadOnly(resolve(file)), body);
}

/** The same for a command that writes (an existing workspace only: `create: false`). */
export function withWritableWorkspace<T>(file: string, body: (workspace: WritableWorkspace) => T | Promise<T>): Promise<T> {
  return withOpened(() => openWorkspace(resolve(file), { create: false }), body);
}

/** The plan of `--scenario` (id or name; by default the default one) as of `asOf` (default: `today`). */
export function planScenario(
  workspace: ReadableWorkspace,
  options: { readonly scenario: string | undefined; readonly today: string; readonly asOf?: string },
): { input: PlanInput; scenario: Scenario; result: PlanResult } {
  let loaded;
  try {
    loaded = loadPlanInput(workspace, {
      today: options.today,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    });
  } catch (error) {
    if (error instanceof StorageError) throw new CliError(`--scenario: ${error.message}`);
    throw error;
  }
  return { input: loaded.input, scenario: loaded.scenario, result: plan(loaded.input) };
}
