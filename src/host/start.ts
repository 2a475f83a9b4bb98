import { toIsoDate } from '../core/calendar';
import { AutomaticBackups } from '../storage';
import type { Channel, FromHost, ToHost } from '../shared/host-protocol';
import { createAppHandlers } from './app-handlers';
import { createHandlers, type ChosenScenario } from './handlers';
import type { JobRunner } from './job-runner';
import { serveHandlers } from './serve';
import { WorkspaceSession } from './session';

export interface HostOptions {
  /** The `migrations/` folder (the packaged app's resources, or the repository's). */
  readonly migrationsDir?: string;
  /** better-sqlite3 built for the runtime the host runs in (Electron's, in the app). */
  readonly nativeBinding?: string;
  /** Today as `YYYY-MM-DD` (default: the local date when asked). */
  readonly today?: () => string;
  /** Where plans and PDFs are made: worker threads in the app (workerJobRunner). */
  readonly jobs: JobRunner;
}

/**
 * How long after opening the automatic backup is made: after the first screens (the open, a plan,
 * the Progress view's data), so that copying and checking the workspace does not hold them up.
 */
export const OPEN_BACKUP_DELAY_MS = 1500;

export interface RunningHost {
  close(): Promise<void>;
}

/**
 * The handler host: the workspace session, the renderer's handlers and the app's own, served over
 * `channel`. No workspace is open until the main process calls `app.open`. Transport-agnostic:
 * Electron's utility process (electron-entry.ts) and the tests (child_process.fork, or an
 * in-memory pair) start it the same way.
 */
export function startHost(channel: Channel<ToHost, FromHost>, options: HostOptions): RunningHost {
  // Backed up when opened (a moment later, or before the first write if that comes sooner), and at
  // most every 10 minutes while edited (docs/data-safety.md).
  const backups = new AutomaticBackups({
    openDelayMs: OPEN_BACKUP_DELAY_MS,
    onError: (error) => console.error(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  const session = new WorkspaceSession(
    {
      ...(options.migrationsDir === undefined ? {} : { migrationsDir: options.migrationsDir }),
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    },
    (workspace) => void backups.opened(workspace),
  );
  const today = options.today ?? (() => toIsoDate(new Date()));
  const chosen: ChosenScenario = { scenarioId: null };
  const renderer = createHandlers({
    workspace: () => session.current,
    today,
    jobs: options.jobs,
    chosen,
    session,
    beforeWrite: () => backups.beforeWrite(),
    afterWrite: () => backups.written(session.current),
  });
  const app = createAppHandlers({ session, today, jobs: options.jobs, chosen });
  const stop = serveHandlers(channel, { renderer, app });
  return {
    async close() {
      stop();
      backups.stop();
      await backups.settled();
      session.close();
      await options.jobs.close();
    },
  };
}
