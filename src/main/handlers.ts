import { computeReadiness } from '../core/domain/readiness';
import { buildDemoOrganisation } from '../core/domain/demo';
import { buildCatalogWorkspace } from '../core/domain/catalog/starter';
import type { WorkspaceSnapshot } from '../shared/contract';
import type { Workspace } from '../storage';
import { HandlerError, type Handlers } from './ipc';

export interface HandlerDeps {
  /** The workspace currently open; File → Open swaps it, so it is looked up on every call. */
  readonly workspace: () => Workspace;
  /** Today's date as `YYYY-MM-DD` (injected so tests can fix it). */
  readonly today: () => string;
}

export function snapshotOf(ws: Workspace): WorkspaceSnapshot {
  const capabilities = ws.listCapabilities();
  return {
    path: ws.path,
    schemaVersion: ws.schemaVersion,
    organisation: ws.getOrganisation(),
    isEmpty: ws.isEmpty(),
    capabilities,
    roles: ws.listRoles(),
    people: ws.listPeople(),
    readiness: computeReadiness(capabilities),
  };
}

/**
 * The main process's handlers as a plain function of their dependencies: Electron's ipcMain and
 * the browser-test bridge both serve exactly this map.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const snapshot = () => snapshotOf(deps.workspace());
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
      deps.workspace().seed(buildCatalogWorkspace(deps.workspace().getOrganisation()));
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
  };
}
