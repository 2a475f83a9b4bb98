import { Worker } from 'node:worker_threads';
import type { Channel, FromHost, ToHost } from '../shared/host-protocol';
import { workerJobRunner } from './job-runner';
import { startHost, type HostOptions } from './start';

/*
 * The handler host as an Electron utility process (utilityProcess.fork in src/main/index.ts), the
 * way Actual runs its server: SQLite, the planner and the PDF never run on the main process, so
 * the window and its menus never freeze. Only this file knows Electron's parentPort.
 */
const parentPort = process.parentPort;
const channel: Channel<ToHost, FromHost> = {
  send: (message) => parentPort.postMessage(message),
  listen: (listener) => {
    const onMessage = (event: { data: unknown }) => listener(event.data as ToHost);
    parentPort.on('message', onMessage);
    return () => void parentPort.off('message', onMessage);
  },
};

const options = JSON.parse(process.argv[2] ?? '{}') as Pick<HostOptions, 'migrationsDir' | 'nativeBinding'>;
// The worker is bundled beside this file (electron.vite.config.ts: out/main/job-worker.js).
const jobWorker = new URL('./job-worker.js', import.meta.url);
startHost(channel, { ...options, jobs: workerJobRunner(() => new Worker(jobWorker)) });
