import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatWorkspaceJson, WorkspaceJsonError } from '../core/workspace-json';
import type { OpenWorkspaceInfo } from '../shared/app-contract';
import { exportWorkspaceJson, importWorkspaceJson, loadPlanInput, newestGoodBackup, pickBaseline, restoreBackup, writeFileAtomically, type ReadableWorkspace } from '../storage';
import { HandlerError, throwIfCancelled, type AppHandlers } from './dispatch';
import type { ChosenScenario } from './handlers';
import type { JobRunner } from './job-runner';
import type { WorkspaceSession } from './session';

export interface AppHandlerDeps {
  readonly session: WorkspaceSession;
  /** Today's date as `YYYY-MM-DD`: the PDF's "prepared on" date and the plan's status date. */
  readonly today: () => string;
  readonly jobs: JobRunner;
  /** The scenario the window shows, kept by the renderer's handlers (`scenario.choose`). */
  readonly chosen: ChosenScenario;
}

/**
 * The File menu's actions as handlers of the app contract: the main process shows the native
 * dialogs and calls these with the paths the user picked; everything else happens here, in the
 * handler host, with the same injected `today` and the same planning path as the renderer's calls.
 */
export function createAppHandlers(deps: AppHandlerDeps): AppHandlers {
  /** The chosen scenario, or the default one when none is chosen or the chosen one was deleted. */
  const scenarioOf = (workspace: ReadableWorkspace) => {
    const chosen = deps.chosen.scenarioId;
    const scenarios = workspace.listScenarios();
    return scenarios.find((s) => s.id === chosen) ?? scenarios.find((s) => s.isDefault) ?? null;
  };
  const info = (): OpenWorkspaceInfo => {
    const workspace = deps.session.current;
    const { scenario } = loadPlanInput(workspace, { today: deps.today(), ...idOf(scenarioOf(workspace)) });
    return {
      path: workspace.path,
      organisation: workspace.getOrganisation().name,
      schemaVersion: workspace.schemaVersion,
      scenario: { id: scenario.id, name: scenario.name },
      today: deps.today(),
    };
  };

  return {
    'app.open': ({ path, create }) => {
      deps.session.switchTo(path, create);
      deps.chosen.scenarioId = null;
      return info();
    },
    'app.describe': () => info(),
    'app.recovery': ({ path }) => {
      const backup = newestGoodBackup(path, deps.session.openOptions);
      return {
        newestBackup:
          backup === null || backup.counts === null
            ? null
            : { path: backup.path, createdAt: backup.createdAt, capabilities: backup.counts.capabilities, people: backup.counts.people },
      };
    },
    'app.restoreAsNew': async ({ path, backup }) => {
      // Only a backup of that workspace, found by the same rule as app.recovery.
      const newest = newestGoodBackup(path, deps.session.openOptions);
      if (newest === null || resolve(newest.path) !== resolve(backup)) throw new HandlerError('not-found', 'no such good backup of that workspace', 'backup');
      const stem = basename(path).replace(/\.groundwork$/i, '');
      const day = newest.createdAt.slice(0, 10);
      let target = join(dirname(path), `${stem} (restored ${day}).groundwork`);
      for (let n = 2; existsSync(target); n++) target = join(dirname(path), `${stem} (restored ${day}, ${n}).groundwork`);
      await restoreBackup(newest.path, target, deps.session.openOptions);
      deps.session.switchTo(target, false);
      deps.chosen.scenarioId = null;
      return info();
    },
    'app.close': () => {
      deps.session.close();
      return { closed: true };
    },
    'app.saveCopy': async ({ target }) => {
      const path = await deps.session.current.saveCopyTo(target);
      deps.session.switchTo(path, false);
      return info();
    },
    'app.exportRoadmapPdf': async ({ file, paper }, context) => {
      const workspace = deps.session.current;
      const { input } = loadPlanInput(workspace, { today: deps.today(), ...idOf(scenarioOf(workspace)) });
      // "Progress since" the scenario's newest baseline, when it has one (what `export-pdf` does by default).
      const baseline = pickBaseline(workspace, { scenarioId: input.scenario.id });
      const progress = baseline ? { baseline, history: workspace.listMaturityHistory() } : null;
      const written = await deps.jobs.run({ kind: 'roadmapPdf', input, generatedOn: deps.today(), paper, file, progress }, context);
      return { file, ...written };
    },
    'app.exportWorkspaceJson': ({ file }) => {
      writeFileAtomically(file, formatWorkspaceJson(exportWorkspaceJson(deps.session.current)));
      return { file };
    },
    'app.importWorkspaceJson': ({ source, target }, context) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(source, 'utf8'));
      } catch (error) {
        throw new HandlerError('invalid-input', `${source}: not a JSON file (${error instanceof Error ? error.message : String(error)}); nothing was written`, 'source');
      }
      throwIfCancelled(context.signal);
      try {
        return importWorkspaceJson(json, target, { ...deps.session.openOptions, overwrite: false });
      } catch (error) {
        if (error instanceof WorkspaceJsonError) throw new HandlerError('invalid-input', `${source}: ${error.message}`, 'source');
        throw error;
      }
    },
  };
}

function idOf(scenario: { readonly id: string } | null): { scenario?: string } {
  return scenario === null ? {} : { scenario: scenario.id };
}
