import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { computeReadiness } from '../core/domain/readiness';
import { buildDemoOrganisation } from '../core/domain/demo';
import { buildCatalogWorkspace } from '../core/domain/catalog/starter';
import { planAcceptance } from '../core/planner/acceptance';
import type { PlanInput, PlanResult } from '../core/planner/types';
import { snapshotOf as baselineSnapshotOf, summaryOf } from '../core/progress/baseline';
import { defaultBaselineName } from '../core/progress/names';
import { statusChange } from '../core/progress/status';
import { WRITE_METHODS, type WorkspaceSnapshot } from '../shared/contract';
import { loadPlanInput, StorageError, type ReadableWorkspace, type WritableWorkspace } from '../storage';
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
  /** Awaited before every such method runs (the automatic backup of the workspace as it was opened, when still due). */
  readonly beforeWrite?: () => Promise<void>;
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
    settings: ws.getSettings(),
    baselines: ws.listBaselineSummaries(),
  };
}

/** A StorageError about `from` reported on the payload's own field `to` (e.g. a baseline's `name` as `baselineName`). */
function onField<T>(from: string, to: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof StorageError && error.field === from) throw new StorageError(error.code, error.message, to, { cause: error });
    throw error;
  }
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
  const inputOf = (scenarioId?: string, asOf?: string): PlanInput =>
    loadPlanInput(deps.workspace(), {
      today: deps.today(),
      ...(scenarioId === undefined ? {} : { scenario: scenarioId }),
      ...(asOf === undefined ? {} : { asOf }),
    }).input;
  /** The frozen copy of a plan, made with the headcount and inventory it was planned with. */
  const freeze = (input: PlanInput, result: PlanResult) => baselineSnapshotOf(result, input.people, input.capabilities);
  const notAfterToday = (date: string | null | undefined, field: string) => {
    if (date && date > deps.today()) throw new HandlerError('invalid-input', `${field}: must not be after today (${deps.today()})`, field);
  };
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
    'workItem.progress': thenSnapshot((ws, { id, status, actualStart, actualFinish, capabilityMaturity }) => {
      const item = ws.getWorkItem(id);
      if (item === null) throw new HandlerError('not-found', `no work item with id "${id}"`, 'id');
      notAfterToday(actualStart, 'actualStart');
      notAfterToday(actualFinish, 'actualFinish');
      const capability = item.capabilityId === null ? null : ws.getCapability(item.capabilityId);
      const recorded = statusChange(item, capability, status, deps.today(), {
        ...(actualStart === undefined ? {} : { start: actualStart }),
        ...(actualFinish === undefined ? {} : { finish: actualFinish }),
      });
      // Dates the caller gave are kept as given (undo sends the values from before); the rest are the status change's.
      const start = actualStart === undefined ? recorded.actualStart : actualStart;
      const finish = actualFinish === undefined ? recorded.actualFinish : actualFinish;
      if (status === 'done' && finish === null) throw new HandlerError('invalid-input', 'actualFinish: work marked done needs the date it finished', 'actualFinish');
      if (start !== null && finish !== null && finish < start) {
        throw new HandlerError('invalid-input', `actualFinish: must not be before the actual start (${start})`, 'actualFinish');
      }
      ws.recordProgress(id, { status, actualStart: start, actualFinish: finish, ...(capabilityMaturity === undefined ? {} : { capabilityMaturity }) });
    }),
    'person.join': thenSnapshot((ws, { id, startDate }) => {
      const person = ws.getPerson(id);
      if (person === null) throw new HandlerError('not-found', `no person with id "${id}"`, 'id');
      if (person.status === 'on_staff') throw new HandlerError('conflict', `${person.name} is already on staff`, 'id');
      notAfterToday(startDate, 'startDate');
      if (person.endDate !== null && person.endDate < startDate) {
        throw new HandlerError('invalid-input', `startDate: must not be after ${person.name}'s end date (${person.endDate})`, 'startDate');
      }
      ws.updatePerson(id, { status: 'on_staff', startDate });
    }),
    'settings.update': thenSnapshot((ws, patch) => ws.setSettings(patch)),
    'scenario.create': thenSnapshot((ws, fields) => ws.createScenario(fields)),
    'scenario.update': thenSnapshot((ws, { id, patch }) => ws.updateScenario(id, patch)),
    'scenario.delete': thenSnapshot((ws, { id }) => ws.deleteScenario(id)),
    'scenario.setDefault': thenSnapshot((ws, { id }) => ws.setDefaultScenario(id)),

    'plan.run': ({ scenarioId, asOf }, context) => jobs.run({ kind: 'plan', input: inputOf(scenarioId, asOf) }, context),
    'plan.compare': async ({ scenarioIds, asOf }, context) => ({
      plans: await jobs.run({ kind: 'compare', inputs: scenarioIds.map((id) => inputOf(id, asOf)) }, context),
    }),
    'plan.accept': async ({ scenarioId, asOf, baselineName }, context) => {
      const input = inputOf(scenarioId, asOf);
      const result = await jobs.run({ kind: 'plan', input }, context);
      const ws = deps.workspace();
      const acceptance = planAcceptance(result, deps.today());
      const people = acceptance.people.map((person) => ({ ...person, id: randomUUID() }));
      // The baseline is frozen from the plan made with the accepted items and hires as the lead's
      // own: the plan shown next, referring to the stored items and people by their ids.
      const accepted: PlanInput = { ...input, workItems: [...input.workItems, ...acceptance.workItems], people: [...input.people, ...people] };
      const frozen = await jobs.run({ kind: 'plan', input: accepted }, context);
      const name = baselineName ?? defaultBaselineName(result.asOf, result.settings.fiscalYearStartMonth, ws.listBaselineSummaries().map((b) => b.name));
      const written = onField('name', 'baselineName', () =>
        ws.acceptPlan({
          workItems: acceptance.workItems,
          people,
          baseline: { name, scenarioId: result.scenario.id, snapshot: freeze(accepted, frozen) },
        }),
      );
      return {
        accepted: { workItems: written.workItems, people: written.people, baseline: written.baseline === null ? null : summaryOf(written.baseline) },
        snapshot: snapshot(),
      };
    },
    'plan.marginal': ({ scenarioId, asOf }, context) => jobs.run({ kind: 'marginal', input: inputOf(scenarioId, asOf) }, context),

    'baseline.list': () => deps.workspace().listBaselineSummaries(),
    'baseline.get': ({ id }) => {
      const baseline = deps.workspace().getBaseline(id);
      if (baseline === null) throw new HandlerError('not-found', `no baseline with id "${id}"`, 'id');
      return baseline;
    },
    'baseline.create': async ({ name, scenarioId, asOf }, context) => {
      const input = inputOf(scenarioId, asOf);
      const result = await jobs.run({ kind: 'plan', input }, context);
      const baseline = deps.workspace().createBaseline({ name, scenarioId: result.scenario.id, snapshot: freeze(input, result) });
      return { baseline: summaryOf(baseline), snapshot: snapshot() };
    },
    'baseline.rename': thenSnapshot((ws, { id, name }) => ws.renameBaseline(id, name)),
    'baseline.delete': thenSnapshot((ws, { id }) => ws.deleteBaseline(id)),
    'progress.get': ({ baselineId, scenarioId, asOf }, context) => {
      const ws = deps.workspace();
      const id = baselineId ?? ws.listBaselineSummaries()[0]?.id;
      if (id === undefined) throw new HandlerError('not-found', 'no baseline in this workspace yet: accept a plan, or save a baseline of it', 'baselineId');
      const baseline = ws.getBaseline(id);
      if (baseline === null) throw new HandlerError('not-found', `no baseline with id "${id}"`, 'baselineId');
      // The baseline's own scenario, unless that is gone (then the default one) or another is asked for.
      const scenario = scenarioId ?? (baseline.scenarioId !== null && ws.getScenario(baseline.scenarioId) !== null ? baseline.scenarioId : undefined);
      return jobs.run({ kind: 'progress', input: inputOf(scenario, asOf), baseline, history: ws.listMaturityHistory() }, context);
    },
    'plan.exportComparison': async ({ scenarioIds, paper, asOf, savePath }, context) => {
      // Where first (a cancel costs nothing), then the plans and the PDF on a job worker.
      const ws = deps.workspace();
      const inputs = scenarioIds.map((id) => inputOf(id, asOf));
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
  const { afterWrite, beforeWrite } = deps;
  if (afterWrite === undefined && beforeWrite === undefined) return handlers;
  // Each write method, after the hook before it, and followed by the hook once it succeeded.
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const method of WRITE_METHODS) {
    const handler = handlers[method] as (params: unknown, context: unknown) => unknown;
    wrapped[method] = async (params: unknown, context: unknown) => {
      await beforeWrite?.();
      const value = await handler(params, context);
      afterWrite?.();
      return value;
    };
  }
  return wrapped as Handlers;
}
