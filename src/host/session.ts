import { openWorkspace, restoreBackup, type OpenWorkspaceOptions, type RestoreResult, type WritableWorkspace } from '../storage';
import { HandlerError } from './dispatch';

/**
 * Holds the open workspace of the handler host. Switching opens (and so validates) the new file
 * before the old one is closed, so a refused file never leaves the app without a workspace.
 */
export class WorkspaceSession {
  #current: WritableWorkspace | null = null;

  constructor(
    private readonly options: Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding' | 'now'> = {},
    /** Called with each workspace once it is open, e.g. for its automatic backup. */
    private readonly onOpened: (workspace: WritableWorkspace) => void = () => undefined,
  ) {}

  /** The open workspace; 'workspace' error before the first open. */
  get current(): WritableWorkspace {
    if (this.#current === null) throw new HandlerError('workspace', 'no workspace is open');
    return this.#current;
  }

  get openOptions(): Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding' | 'now'> {
    return this.options;
  }

  /** Opens `path` (creating it when `create`), then closes the previous workspace. */
  switchTo(path: string, create: boolean): WritableWorkspace {
    const next = openWorkspace(path, { ...this.options, create });
    const previous = this.#current;
    this.#current = next;
    previous?.close();
    this.onOpened(next);
    return next;
  }

  /**
   * Restores `backup` over the open workspace's file: the workspace is closed (so its -wal is
   * folded in and nothing else writes), the file backed up and replaced (restoreBackup), and the
   * file opened again — also when the restore failed, in which case it is as it was.
   */
  async restoreOver(backup: string): Promise<RestoreResult> {
    const path = this.current.path;
    this.current.close();
    try {
      return await restoreBackup(backup, path, {
        overwrite: true,
        ...(this.options.migrationsDir === undefined ? {} : { migrationsDir: this.options.migrationsDir }),
        ...(this.options.nativeBinding === undefined ? {} : { nativeBinding: this.options.nativeBinding }),
      });
    } finally {
      this.#current = openWorkspace(path, { ...this.options, create: false });
    }
  }

  close(): void {
    this.#current?.close();
    this.#current = null;
  }
}
