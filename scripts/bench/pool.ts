import { Worker } from 'node:worker_threads';
import type { InstanceJob, InstanceResult } from './worker';

/**
 * Runs jobs on `size` worker threads (tsx's loader is inherited through execArgv). Each result's
 * timing is measured inside its worker, per instance.
 */
export async function runPool(jobs: readonly InstanceJob[], size: number, onResult: (r: InstanceResult) => void): Promise<void> {
  const workerCount = Math.max(1, Math.min(size, jobs.length));
  let next = 0;
  const url = new URL('./worker-entry.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: workerCount }, async () => {
      const worker = new Worker(url);
      try {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const result = await new Promise<InstanceResult>((resolve, reject) => {
            const onError = (error: Error): void => reject(error);
            worker.once('error', onError);
            worker.once('message', (r: InstanceResult) => {
              worker.off('error', onError);
              resolve(r);
            });
            worker.postMessage(job);
          });
          onResult(result);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}
