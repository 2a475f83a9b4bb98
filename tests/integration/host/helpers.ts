import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Channel, FromHost, ToHost } from '../../../src/shared/host-protocol';
import { openWorkspace } from '../../../src/storage';
import { largePlanInput } from '../report/large-workspace';

export const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
const JOB_WORKER = pathToFileURL(fileURLToPath(new URL('../../../src/host/job-worker.ts', import.meta.url))).href;

/**
 * A job worker started from the TypeScript sources: worker threads do not inherit tsx's loader,
 * so a small script registers it first (the packaged app starts the bundled out/main/job-worker.js).
 */
export function sourceJobWorker(): Worker {
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(JOB_WORKER)}); });`, { eval: true });
}

/**
 * Two ends of an in-memory transport, delivering each message later (setImmediate) and as a
 * structured clone: what crosses a process boundary is copied, so no test can rely on sharing.
 */
export function memoryChannelPair(): { client: Channel<FromHost, ToHost>; host: Channel<ToHost, FromHost> } {
  const end = <In, Out>(deliver: (message: Out) => void, listeners: Set<(message: In) => void>): Channel<In, Out> => ({
    send: (message) => deliver(structuredClone(message)),
    listen: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
  const toClient = new Set<(message: FromHost) => void>();
  const toHost = new Set<(message: ToHost) => void>();
  return {
    client: end<FromHost, ToHost>((m) => setImmediate(() => toHost.forEach((l) => l(m))), toClient),
    host: end<ToHost, FromHost>((m) => setImmediate(() => toClient.forEach((l) => l(m))), toHost),
  };
}

/** Writes the 500-item synthetic workspace of the report tests to a workspace file (its scenario the default). */
export function writeLargeWorkspace(file: string, itemCount = 500): void {
  const input = largePlanInput(itemCount);
  const workspace = openWorkspace(file, { migrationsDir: MIGRATIONS, create: true });
  try {
    workspace.seed({ organisation: input.organisation, roles: input.roles, capabilities: input.capabilities, people: input.people });
    for (const item of input.workItems) workspace.createWorkItem(item);
    const { id: _id, isDefault: _isDefault, ...scenario } = input.scenario;
    workspace.createScenario({ ...scenario, isDefault: true });
  } finally {
    workspace.close();
  }
}
