import { createBackup, type BackupInfo, type BackupReason } from './backups';
import type { ReadableWorkspace } from './workspace';

export interface AutomaticBackupOptions {
  /** At most one backup per this many milliseconds of editing (default 10 minutes). */
  readonly intervalMs?: number;
  readonly now?: () => Date;
  /** A backup that failed (a full disk): the app tells the user; editing goes on. */
  readonly onError?: (error: unknown) => void;
  readonly onBackup?: (backup: BackupInfo) => void;
  /** Timers, injected by tests. */
  readonly setTimer?: (run: () => void, ms: number) => { cancel(): void };
  /**
   * How long after opening the backup of the opened workspace is made (default 0: at once). The
   * app waits a moment, so that the copy and its check do not compete with the first screens; a
   * write before then makes it at once, first (beforeWrite), so it still holds the workspace as
   * it was opened.
   */
  readonly openDelayMs?: number;
}

/**
 * The app's automatic backups: one when a workspace is opened (skipped when the newest backup
 * already holds the same content), and while editing at most one every `intervalMs`: after a
 * write, a backup is made at once when the last one is older than that, else one is scheduled for
 * when it will be, so the last edits of a session are backed up too.
 */
export class AutomaticBackups {
  private lastAt = 0;
  private timer: { cancel(): void } | null = null;
  private running: Promise<void> = Promise.resolve();
  private pendingOpen: { readonly workspace: ReadableWorkspace; readonly timer: { cancel(): void } | null; readonly done: () => void } | null = null;
  private readonly intervalMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: AutomaticBackupOptions = {}) {
    this.intervalMs = options.intervalMs ?? 10 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * A workspace was opened (or switched to): back it up, after `openDelayMs`. Resolves once that
   * backup was made (or skipped: unchanged, switched away from first, stopped).
   */
  opened(workspace: ReadableWorkspace): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    this.dropPendingOpen();
    const delay = this.options.openDelayMs ?? 0;
    if (delay <= 0) return this.run(workspace, 'open');
    return new Promise<void>((done) => {
      const timer = this.setTimer(() => void this.flushOpen(), delay);
      this.pendingOpen = { workspace, timer, done };
    });
  }

  /** Before a write: the backup of the workspace as it was opened, if it is still to be made. */
  beforeWrite(): Promise<void> {
    return this.pendingOpen === null ? Promise.resolve() : this.flushOpen();
  }

  private flushOpen(): Promise<void> {
    const pending = this.pendingOpen;
    if (pending === null) return this.running;
    this.pendingOpen = null;
    pending.timer?.cancel();
    const made = this.run(pending.workspace, 'open');
    void made.then(pending.done);
    return made;
  }

  private dropPendingOpen(): void {
    const pending = this.pendingOpen;
    this.pendingOpen = null;
    pending?.timer?.cancel();
    pending?.done();
  }

  private setTimer(run: () => void, ms: number): { cancel(): void } {
    if (this.options.setTimer) return this.options.setTimer(run, ms);
    const handle = setTimeout(run, ms);
    handle.unref?.();
    return { cancel: () => clearTimeout(handle) };
  }

  /** The workspace was changed. */
  written(workspace: ReadableWorkspace): void {
    if (this.timer !== null) return;
    const due = this.lastAt + this.intervalMs - this.now().getTime();
    if (due <= 0) {
      void this.run(workspace, 'edit');
      return;
    }
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.run(workspace, 'edit');
    }, due);
  }

  /** Waits for a backup in progress. */
  settled(): Promise<void> {
    return this.running;
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
    this.dropPendingOpen();
  }

  private run(workspace: ReadableWorkspace, reason: BackupReason): Promise<void> {
    this.running = this.running.then(async () => {
      // Switched away from (File ▸ New/Open) before its turn came: nothing left to back up here.
      if (!workspace.isOpen) return;
      this.lastAt = this.now().getTime();
      try {
        const made = await createBackup(workspace, reason, { now: this.now });
        if (made) this.options.onBackup?.(made);
      } catch (error) {
        // Closed while the copy was being made (File ▸ Open during a backup): the copy is dropped,
        // and the workspace is backed up again when it is next opened; not a failure to report.
        if (!workspace.isOpen) return;
        this.options.onError?.(error);
      }
    });
    return this.running;
  }
}
