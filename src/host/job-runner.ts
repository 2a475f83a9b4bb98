import type { Worker } from 'node:worker_threads';
import { HandlerError, throwIfCancelled, type CallContext } from './dispatch';
import { runJob, type Job, type JobResult } from './jobs';

/** Runs the host's long jobs (jobs.ts) for a call: reports their progress, honours cancellation. */
export interface JobRunner {
  run<J extends Job>(job: J, context: CallContext): Promise<JobResult<J>>;
  /** Stops every job and worker. */
  close(): Promise<void>;
}

/**
 * Runs jobs in the calling thread: for callers with nothing else to do meanwhile (the browser-test
 * bridge, unit tests). A cancel is noticed between a job's steps (see runJob): nothing is written
 * after it, but a step under way runs to its end.
 */
export function inlineJobRunner(): JobRunner {
  return {
    async run(job, context) {
      throwIfCancelled(context.signal);
      try {
        const result = await runJob(job, (fraction, stage) => context.progress(fraction, stage), context.signal);
        throwIfCancelled(context.signal);
        return result;
      } catch (error) {
        // However the job noticed the cancel, the caller hears 'cancelled'.
        throwIfCancelled(context.signal);
        throw error;
      }
    },
    close: async () => undefined,
  };
}

/** Messages between the host and a job worker (job-worker.ts). */
export type ToJobWorker = { readonly id: number; readonly job: Job };
export type FromJobWorker =
  | { readonly id: number; readonly kind: 'progress'; readonly fraction: number; readonly stage: string }
  | { readonly id: number; readonly kind: 'done'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

/**
 * Runs each job on a worker thread, so the host's own thread stays free to answer calls (a ping,
 * an edit) while a plan is made or a PDF painted. A cancel terminates the job's worker at once —
 * the only way to stop synchronous work — and the call answers 'cancelled'. One idle worker is
 * kept for the next job (plans come after every edit), further ones are started as needed.
 */
export function workerJobRunner(startWorker: () => Worker): JobRunner {
  const idle: Worker[] = [];
  const busy = new Set<Worker>();
  let nextId = 1;
  let closed = false;

  const release = (worker: Worker) => {
    busy.delete(worker);
    if (!closed && idle.length === 0) idle.push(worker);
    else void worker.terminate();
  };

  return {
    run<J extends Job>(job: J, context: CallContext): Promise<JobResult<J>> {
      return new Promise<JobResult<J>>((resolve, reject) => {
        if (closed) return reject(new HandlerError('internal', 'the job runner is closed'));
        if (context.signal.aborted) return reject(new HandlerError('cancelled', 'cancelled'));
        const worker = idle.pop() ?? startWorker();
        busy.add(worker);
        const id = nextId++;
        const finish = (settle: () => void, keepWorker: boolean) => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          context.signal.removeEventListener('abort', onAbort);
          if (keepWorker) release(worker);
          else {
            busy.delete(worker);
            void worker.terminate();
          }
          settle();
        };
        const onMessage = (message: FromJobWorker) => {
          if (message.id !== id) return;
          if (message.kind === 'progress') context.progress(message.fraction, message.stage);
          else if (message.kind === 'done') finish(() => resolve(message.value as JobResult<J>), true);
          else finish(() => reject(new HandlerError('internal', message.message)), true);
        };
        const onError = (error: Error) => finish(() => reject(new HandlerError('internal', `the job worker failed: ${error.message}`)), false);
        const onExit = (code: number) => finish(() => reject(new HandlerError('internal', `the job worker stopped (exit code ${code})`)), false);
        const onAbort = () => finish(() => reject(new HandlerError('cancelled', 'cancelled')), false);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        context.signal.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ id, job } satisfies ToJobWorker);
      });
    },
    async close() {
      closed = true;
      await Promise.all([...idle.splice(0), ...busy].map((worker) => worker.terminate()));
      busy.clear();
    },
  };
}
