import { openWorkspace, type OpenOptions, type WritableWorkspace } from '../storage';

/**
 * Holds the open workspace. Switching opens (and so validates) the new file before the old one is
 * closed, so a refused file never leaves the app without a workspace.
 */
export class WorkspaceSession {
  #current: WritableWorkspace;

  constructor(
    path: string,
    private readonly options: OpenOptions,
  ) {
    this.#current = openWorkspace(path, options);
  }

  get current(): WritableWorkspace {
    return this.#current;
  }

  /** Opens `path` (creating it when `create`), then closes the previous workspace. */
  switchTo(path: string, create: boolean): WritableWorkspace {
    const next = openWorkspace(path, { ...this.options, create });
    const previous = this.#current;
    this.#current = next;
    previous.close();
    return next;
  }

  close(): void {
    this.#current.close();
  }
}
