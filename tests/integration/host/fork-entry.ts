import { inlineJobRunner, workerJobRunner } from '../../../src/host/job-runner';
import { parentProcessChannel } from '../../../src/host/node-channel';
import { startHost } from '../../../src/host/start';
import { MIGRATIONS, sourceJobWorker } from './helpers';

/*
 * The handler host as a Node child process (child_process.fork under tsx), standing in for
 * Electron's utility process: the same startHost, over the process's IPC pipe instead of
 * parentPort. GROUNDWORK_HOST_JOBS=inline runs the jobs on the host's own thread (the control case
 * of the responsiveness test).
 */
const today = process.env['GROUNDWORK_TODAY'];
startHost(parentProcessChannel(), {
  migrationsDir: MIGRATIONS,
  jobs: process.env['GROUNDWORK_HOST_JOBS'] === 'inline' ? inlineJobRunner() : workerJobRunner(sourceJobWorker),
  ...(today ? { today: () => today } : {}),
});
