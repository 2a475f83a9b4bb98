import { basename, dirname, join, resolve } from 'node:path';
import { computeReadiness } from '../core/domain/readiness';
import { buildDemoOrganisation } from '../core/domain/demo';
import { buildCatalogWorkspace } from '../core/domain/catalog/starter';
import { planAcceptance } from '../core/planner/acceptance';
import { WRITE_METHODS, type WorkspaceSnapshot } from '../shared/contract';
import { loadPlanInput, type ReadableWorkspace, type WritableWorkspace } from '../storage';
import { HandlerError, type Handlers } from './dispatch';
import { inlineJobRunner, type JobRunner } from './job-runner';
import { createSafetyHandlers, type SafetyDeps } from './safety-handlers';

/** The scenario the window shows (`scenario.choose`); null: the default one. */
export interface ChosenScenario {
  scenarioId: string | null;
}

export interface HandlerDeps extends SafetyDeps {
  /** Called after every method that changed the workspace (WRITE_METHODS), e.g. for automatic backups. */
  readonly afterWrite?: () => void;
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
 * The renderer's handlers as a plain function of their dependencies: the handler host (Electron's
 * utility process) and the browser-test bridge both serve exactly this map. Work items are checked
 * by the storage (known roles and predecessors, no dependency cycle) in the write's transaction.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const snapshot = () => snapshotOf(deps.workspace());
  const jobs = deps.jobs ?? inlineJobRunner();
  const chosen = deps.chosen ?? { scenarioId: null };
  const inputOf = (scenarioId?: string) =>
    loadPlanInput(deps.workspace(), { today: deps.today(), ...(scenarioId === undefined ? {} : { scenario: scenarioId }) }).input;
  const requireEmpty = (what: string) => {
    if (!deps.workspace().isEmpty()) {
      throw new HandlerError('conflict', `${what} needs an empty workspace; this one already has capabilities or people`);
    }
  };

  /** A write, answered with the whole workspace after it. */
  const thenSnapshot =
    <P>(write: (workspace: WritableWorkspace, params: P) => unknown) =>
    (params: P) => {
      write(deps.workspace(), params);
      return snapshot();
    };

  const handlers: Handlers = {
    ...createSafetyHandlers(deps, snapshot),
    'workspace.snapshot': () => snapshot(),
    'workspace.setOrganisation': thenSnapshot((ws, organisation) => ws.setOrganisation(organisation)),
    'workspace.startFromCatalog': thenSnapshot((ws) => {
      requireEmpty('Starting from the catalog');
      const organisation = ws.getOrganisation();
      ws.seed(buildCatalogWorkspace(organisation.name.trim() ? organisation : { name: 'My organisation' }));
    }),
    'workspace.openDemo': thenSnapshot((ws) => {
      requireEmpty('Opening the demo organisation');
      ws.seed(buildDemoOrganisation(deps.today()));
    }),

    'capability.create': thenSnapshot((ws, fields) => ws.createCapability(fields)),
    'capability.update': thenSnapshot((ws, { id, patch }) => ws.updateCapability(id, patch)),
    'capability.delete': thenSnapshot((ws, { id }) => ws.deleteCapability(id)),
    'role.create': thenSnapshot((ws, fields) => ws.createRole(fields)),
    'role.update': thenSnapshot((ws, { id, patch }) => ws.updateRole(id, patch)),
    'role.delete': thenSnapshot((ws, { id }) => ws.deleteRole(id)),
    'person.create': thenSnapshot((ws, fields) => ws.createPerson(fields)),
    'person.update': thenSnapshot((ws, { id, patch }) => ws.updatePerson(id, patch)),
    'person.delete': thenSnapshot((ws, { id }) => ws.deletePerson(id)),
    'workItem.create': thenSnapshot((ws, fields) => ws.createWorkItem(fields)),
    'workItem.update': thenSnapshot((ws, { id, patch }) => ws.updateWorkItem(id, patch)),
    'workItem.delete': thenSnapshot((ws, { id }) => ws.deleteWorkItem(id)),
    'scenario.create': thenSnapshot((ws, fields) => ws.createScenario(fields)),
    'scenario.update': thenSnapshot((ws, { id, patch }) => ws.updateScenario(id, patch)),
    'scenario.delete': thenSnapshot((ws, { id }) => ws.deleteScenario(id)),
    'scenario.setDefault': thenSnapshot((ws, { id }) => ws.setDefaultScenario(id)),

    'plan.run': ({ scenarioId }, context) => jobs.run({ kind: 'plan', input: inputOf(scenarioId) }, context),
    'plan.compare': async ({ scenarioIds }, context) => ({ plans: await jobs.run({ kind: 'compare', inputs: scenarioIds.map(inputOf) }, context) }),
    'plan.accept': async ({ scenarioId }, context) => {
      const result = await jobs.run({ kind: 'plan', input: inputOf(scenarioId) }, context);
      const accepted = deps.workspace().acceptPlan(planAcceptance(result, deps.today()));
      return { accepted, snapshot: snapshot() };
    },
    'plan.exportComparison': async ({ scenarioIds, paper, savePath }, context) => {
      // Where first (a cancel costs nothing), then the plans and the PDF on a job worker.
      const ws = deps.workspace();
      const inputs = scenarioIds.map(inputOf);
      let file: string | null = savePath ?? null;
      if (file === null) {
        if (!deps.chooseSavePath) throw new HandlerError('internal', 'saving a file needs a save dialog');
        const stem = basename(ws.path).replace(/\.groundwork$/i, '');
        file = await deps.chooseSavePath({ title: 'Export the scenario comparison as PDF', defaultName: join(dirname(ws.path), `${stem} scenario comparison ${deps.today()}.pdf`), extensions: ['pdf'] });
      }
      if (file === null) return { path: null };
      await jobs.run({ kind: 'comparisonPdf', inputs, organisation: ws.getOrganisation().name, roles: ws.listRoles(), generatedOn: deps.today(), paper, file }, context);
      return { path: resolve(file) };
    },
    'scenario.choose': ({ scenarioId }) => {
      if (scenarioId !== null && deps.workspace().getScenario(scenarioId) === null) {
        throw new HandlerError('not-found', `no scenario with id "${scenarioId}"`, 'scenarioId');
      }
      chosen.scenarioId = scenarioId;
      return { scenarioId };
    },
  };
  const afterWrite = deps.afterWrite;
  if (afterWrite === undefined) return handlers;
  // Each write method, followed by the hook once it succeeded.
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const method of WRITE_METHODS) {
    const handler = handlers[method] as (params: unknown, context: unknown) => unknown;
    wrapped[method] = async (params: unknown, context: unknown) => {
      const value = await handler(params, context);
      afterWrite();
      return value;
    };
  }
  return wrapped as Handlers;
}
