import { openWorkspace, type OpenWorkspaceOptions, type WritableWorkspace } from '../storage';
import { HandlerError } from './dispatch';

/**
 * Holds the open workspace of the handler host. Switching opens (and so validates) the new file
 * before the old one is closed, so a refused file never leaves the app without a workspace.
 */
export class WorkspaceSession {
  #current: WritableWorkspace | null = null;

  constructor(private readonly options: Pick<OpenWorkspaceOptions, 'migrationsDir' | 'nativeBinding' | 'now'> = {}) {}

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
    return next;
  }

  close(): void {
    this.#current?.close();
    this.#current = null;
  }
}
