import { parentPort } from 'node:worker_threads';
import type { FromJobWorker, ToJobWorker } from './job-runner';
import { runJob } from './jobs';

/*
 * The job worker: a worker thread of the handler host that runs one job at a time (jobs.ts) and
 * posts its progress and result. Started by workerJobRunner; terminated to cancel a job.
 */
const port = parentPort;
if (!port) throw new Error('job-worker.ts runs as a worker thread');

port.on('message', ({ id, job }: ToJobWorker) => {
  const post = (message: FromJobWorker) => port.postMessage(message);
  runJob(job, (fraction, stage) => post({ id, kind: 'progress', fraction, stage })).then(
    (value) => post({ id, kind: 'done', value }),
    (error: unknown) => post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
