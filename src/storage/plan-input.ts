import { toIsoDate } from '../core/calendar';
import { defaultScenario, type Scenario } from '../core/domain/planning';
import type { PlanInput, PlanResult } from '../core/planner/types';
import type { Baseline } from '../core/progress/baseline';
import { progressReport, type ProgressReport } from '../core/progress/progress';
import { StorageError } from './errors';
import type { ReadableWorkspace } from './workspace';

export interface LoadPlanInputOptions {
  /** A scenario's id, or its name ignoring case (default: the workspace's default scenario). */
  readonly scenario?: string;
  /** `YYYY-MM-DD` (default: today, local time): the status date, and the start of a scenario made up for a workspace with none. */
  readonly today?: string;
  /** The status date the plan is made as of (default: `today`). */
  readonly asOf?: string;
}

/**
 * Everything the planner needs from a workspace, for one scenario, as of a status date. A
 * workspace opened read-only that was migrated from schema 1 has no scenario (a read-only open
 * writes nothing): it is then planned with defaultScenario(today), held in memory only.
 *
 * An unknown scenario is StorageError 'not-found' on the field `scenario`, naming the ones there are.
 */
export function loadPlanInput(workspace: ReadableWorkspace, options: LoadPlanInputOptions = {}): { input: PlanInput; scenario: Scenario } {
  const today = options.today ?? toIsoDate(new Date());
  const settings = workspace.getSettings();
  const stored = workspace.listScenarios();
  const scenarios = stored.length > 0 ? stored : [defaultScenario(today, 'default', settings.fiscalYearStartMonth)];
  const scenario = pickScenario(scenarios, options.scenario);
  const input: PlanInput = {
    organisation: workspace.getOrganisation(),
    capabilities: workspace.listCapabilities(),
    roles: workspace.listRoles(),
    people: workspace.listPeople(),
    workItems: workspace.listWorkItems(),
    scenario,
    asOf: options.asOf ?? today,
    settings,
  };
  return { input, scenario };
}

export function pickScenario(scenarios: readonly Scenario[], wanted: string | undefined): Scenario {
  if (wanted === undefined) return scenarios.find((s) => s.isDefault) ?? (scenarios[0] as Scenario);
  const byId = scenarios.find((s) => s.id === wanted);
  if (byId) return byId;
  const key = wanted.trim().toLowerCase();
  const byName = scenarios.find((s) => s.name.toLowerCase() === key);
  if (byName) return byName;
  throw new StorageError(
    'not-found',
    `no scenario "${wanted}" in this workspace (scenarios: ${scenarios.map((s) => s.name).join(', ')})`,
    'scenario',
  );
}

/**
 * The baseline progress is measured against: the one named (`baseline`: a name or id;
 * StorageError 'not-found' on the field `baseline` when there is none by that name), or else the
 * newest one made from the scenario, or null when it has none.
 */
export function pickBaseline(workspace: ReadableWorkspace, options: { readonly baseline?: string | undefined; readonly scenarioId: string }): Baseline | null {
  if (options.baseline !== undefined) {
    const named = workspace.findBaseline(options.baseline);
    if (named) return named;
    const names = workspace.listBaselineSummaries().map((b) => b.name);
    throw new StorageError('not-found', `no baseline "${options.baseline}" in this workspace (${names.length === 0 ? 'it has none' : `baselines: ${names.join(', ')}`})`, 'baseline');
  }
  const newest = workspace.listBaselineSummaries().find((b) => b.scenarioId === options.scenarioId);
  return newest ? workspace.getBaseline(newest.id) : null;
}

/**
 * Progress of `plan` (made from `input`) against `pickBaseline`'s baseline, or null when there is
 * none: what the roadmap PDF's "Progress since" section shows.
 */
export function loadProgress(
  workspace: ReadableWorkspace,
  options: { readonly baseline?: string | undefined; readonly input: PlanInput; readonly plan: PlanResult; readonly asOf: string },
): ProgressReport | null {
  const baseline = pickBaseline(workspace, { baseline: options.baseline, scenarioId: options.input.scenario.id });
  if (!baseline) return null;
  return progressReport({
    baseline,
    plan: options.plan,
    workItems: options.input.workItems,
    people: options.input.people,
    capabilities: options.input.capabilities,
    history: workspace.listMaturityHistory(),
    asOf: options.asOf,
  });
}
