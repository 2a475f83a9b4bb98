import { resolve } from 'node:path';
import { plan, type PlanInput, type PlanResult } from '../core/planner';
import { loadPlanInput, openWorkspaceReadOnly, StorageError, WorkspaceError, type ReadableWorkspace } from '../storage';
import { CliError } from './io';

/**
 * The one path every command that reads a workspace takes: open it read-only (a refused file is a
 * CliError with storage's message, exit 2), run the command, close it.
 */
export async function withWorkspace<T>(file: string, body: (workspace: ReadableWorkspace) => T | Promise<T>): Promise<T> {
  let workspace: ReadableWorkspace;
  try {
    workspace = openWorkspaceReadOnly(resolve(file));
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

/** The plan of `--scenario` (id or name; by default the default one) as of `asOf` (default: `today`). */
export function planScenario(
  workspace: ReadableWorkspace,
  options: { readonly scenario: string | undefined; readonly today: string; readonly asOf?: string },
): { input: PlanInput; result: PlanResult } {
  let input: PlanInput;
  try {
    ({ input } = loadPlanInput(workspace, {
      today: options.today,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    }));
  } catch (error) {
    if (error instanceof StorageError) throw new CliError(`--scenario: ${error.message}`);
    throw error;
  }
  return { input, result: plan(input) };
}
