import { computeReadiness } from '../core/domain/readiness';
import { buildDemoOrganisation } from '../core/domain/demo';
import { buildCatalogWorkspace } from '../core/domain/catalog/starter';
import { validateProblem, ScheduleError } from '../core/engine';
import type { WorkItem } from '../core/domain/planning';
import type { WorkspaceSnapshot } from '../shared/contract';
import type { PlanResult } from '../core/planner';
import { loadPlanInput, type PlanAcceptance, type ReadableWorkspace, type WritableWorkspace } from '../storage';
import { HandlerError, type Handlers } from './dispatch';
import { inlineJobRunner, type JobRunner } from './job-runner';

/** The scenario the window shows (`scenario.choose`); null: the default one. */
export interface ChosenScenario {
  scenarioId: string | null;
}

export interface HandlerDeps {
  /** The workspace currently open; File → Open swaps it, so it is looked up on every call. */
  readonly workspace: () => WritableWorkspace;
  /** Today's date as `YYYY-MM-DD` (injected so tests can fix it). */
  readonly today: () => string;
  /** Where plans are made (default: in the calling thread). The handler host passes its worker threads. */
  readonly jobs?: JobRunner;
  /** Shared with the app's handlers, whose PDF export prints the chosen scenario. */
  readonly chosen?: ChosenScenario;
}

export function snapshotOf(ws: ReadableWorkspace): WorkspaceSnapshot {
  const capabilities = ws.listCapabilities();
  return {
    path: ws.path,
    schemaVersion: ws.schemaVersion,
    organisation: ws.getOrganisation(),
    isEmpty: ws.isEmpty(),
    capabilities,
    roles: ws.listRoles(),
    people: ws.listPeople(),
    workItems: ws.listWorkItems(),
    scenarios: ws.listScenarios(),
    readiness: computeReadiness(capabilities),
  };
}

/**
 * What accepting a plan writes: each scheduled proposal as a planned work item (predecessors on
 * other proposals follow them), each proposed hire as a planned person starting when planned.
 */
export function acceptance(result: PlanResult, today: string): PlanAcceptance {
  const proposals = result.items.filter((i) => i.source === 'proposal' && i.start !== null);
  const newIds = new Map(proposals.map((i, n) => [i.id, `accepted-${today}-${n + 1}-${i.id.replace(/[^a-z0-9]+/gi, '-')}`]));
  const workItems = proposals.map((i) => ({
    id: newIds.get(i.id) ?? i.id,
    title: i.title,
    capabilityId: i.capabilityId,
    fromMaturity: i.fromMaturity,
    toMaturity: i.toMaturity,
    durationWeeks: i.durationWeeks,
    demand: i.demand,
    predecessors: i.predecessors.map((p) => newIds.get(p) ?? p),
    releaseDate: null,
    pinnedStart: null,
    status: 'planned' as const,
    notes: `Accepted on ${today} from the plan of scenario “${result.scenario.name}” (${i.startQuarter}). ${i.placement.text}`,
  }));
  const people = result.hires
    .filter((h) => h.source === 'proposed')
    .map((h) => ({
      name: `${h.roleName} hire (${h.quarter})`,
      roleId: h.roleId,
      fte: 1,
      status: 'planned' as const,
      startDate: h.startDate,
      endDate: null,
    }));
  return { workItems, people };
}

/**
 * Refuses work items the engine could never schedule, with the engine's own error: a dependency
 * cycle (named), a predecessor that does not exist, a demand for a role that does not exist.
 */
export function checkWorkItems(items: readonly WorkItem[], roleIds: readonly string[]): void {
  try {
    validateProblem({
      version: 1,
      resources: roleIds.map((id) => ({ id, capacity: 1_000 })),
      tasks: items.map((w) => ({
        id: w.id,
        duration: w.durationWeeks,
        demand: Object.fromEntries(Object.entries(w.demand).filter(([, people]) => people > 0)),
        predecessors: w.predecessors,
      })),
    });
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    const field = error.code === 'cycle' || (error.code === 'unknown-id' && error.field?.includes('predecessors')) ? 'predecessors' : error.code === 'unknown-id' ? 'demand' : error.field;
    throw new HandlerError('constraint', error.message, field);
  }
}

/**
 * The main process's handlers as a plain function of their dependencies: Electron's ipcMain and
 * the browser-test bridge both serve exactly this map.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const snapshot = () => snapshotOf(deps.workspace());
  /** Runs `apply` on a copy of the work items first: the engine must accept the result. */
  const checked = (next: (items: WorkItem[]) => WorkItem[]) => {
    const ws = deps.workspace();
    checkWorkItems(next([...ws.listWorkItems()]), ws.listRoles().map((r) => r.id));
  };
  const jobs = deps.jobs ?? inlineJobRunner();
  const chosen = deps.chosen ?? { scenarioId: null };
  const inputOf = (scenarioId?: string) =>
    loadPlanInput(deps.workspace(), { today: deps.today(), ...(scenarioId === undefined ? {} : { scenario: scenarioId }) }).input;
  const requireEmpty = (what: string) => {
    if (!deps.workspace().isEmpty()) {
      throw new HandlerError('conflict', `${what} needs an empty workspace; this one already has capabilities or people`);
    }
  };

  return {
    'workspace.snapshot': () => snapshot(),
    'workspace.setOrganisation': (params) => {
      deps.workspace().setOrganisation(params);
      return snapshot();
    },
    'workspace.startFromCatalog': () => {
      requireEmpty('Starting from the catalog');
      const organisation = deps.workspace().getOrganisation();
      deps.workspace().seed(buildCatalogWorkspace(organisation.name.trim() ? organisation : { name: 'My organisation' }));
      return snapshot();
    },
    'workspace.openDemo': () => {
      requireEmpty('Opening the demo organisation');
      deps.workspace().seed(buildDemoOrganisation(deps.today()));
      return snapshot();
    },

    'capability.create': (params) => {
      deps.workspace().createCapability(params);
      return snapshot();
    },
    'capability.update': ({ id, patch }) => {
      deps.workspace().updateCapability(id, patch);
      return snapshot();
    },
    'capability.delete': ({ id }) => {
      deps.workspace().deleteCapability(id);
      return snapshot();
    },

    'role.create': (params) => {
      deps.workspace().createRole(params);
      return snapshot();
    },
    'role.update': ({ id, patch }) => {
      deps.workspace().updateRole(id, patch);
      return snapshot();
    },
    'role.delete': ({ id }) => {
      deps.workspace().deleteRole(id);
      return snapshot();
    },

    'person.create': (params) => {
      deps.workspace().createPerson(params);
      return snapshot();
    },
    'person.update': ({ id, patch }) => {
      deps.workspace().updatePerson(id, patch);
      return snapshot();
    },
    'person.delete': ({ id }) => {
      deps.workspace().deletePerson(id);
      return snapshot();
    },

    'workItem.create': (params) => {
      checked((items) => [...items, { ...params, id: '\u0000new' }]);
      deps.workspace().createWorkItem(params);
      return snapshot();
    },
    'workItem.update': ({ id, patch }) => {
      checked((items) => items.map((w) => (w.id === id ? { ...w, ...patch } : w)));
      deps.workspace().updateWorkItem(id, patch);
      return snapshot();
    },
    'workItem.delete': ({ id }) => {
      deps.workspace().deleteWorkItem(id);
      return snapshot();
    },

    'scenario.create': (params) => {
      deps.workspace().createScenario(params);
      return snapshot();
    },
    'scenario.update': ({ id, patch }) => {
      deps.workspace().updateScenario(id, patch);
      return snapshot();
    },
    'scenario.delete': ({ id }) => {
      deps.workspace().deleteScenario(id);
      return snapshot();
    },
    'scenario.setDefault': ({ id }) => {
      deps.workspace().setDefaultScenario(id);
      return snapshot();
    },

    'plan.run': ({ scenarioId }, context) => jobs.run({ kind: 'plan', input: inputOf(scenarioId) }, context),
    'plan.compare': async ({ scenarioIds }, context) => ({ plans: await jobs.run({ kind: 'compare', inputs: scenarioIds.map(inputOf) }, context) }),
    'plan.accept': async ({ scenarioId }, context) => {
      const result = await jobs.run({ kind: 'plan', input: inputOf(scenarioId) }, context);
      deps.workspace().acceptPlan(acceptance(result, deps.today()));
      return snapshot();
    },
    'scenario.choose': ({ scenarioId }) => {
      if (scenarioId !== null && deps.workspace().getScenario(scenarioId) === null) {
        throw new HandlerError('not-found', `no scenario with id "${scenarioId}"`, 'scenarioId');
      }
      chosen.scenarioId = scenarioId;
      return { scenarioId };
    },
  };
}
