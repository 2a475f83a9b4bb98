/**
 * The only IPC channel names, used by main and preload. Kept apart from the contract so that the
 * sandboxed preload bundle does not pull in zod.
 */
export const INVOKE_CHANNEL = 'groundwork:invoke';
export const CANCEL_CHANNEL = 'groundwork:cancel';
export const PROGRESS_CHANNEL = 'groundwork:progress';
export const WORKSPACE_CHANGED_CHANNEL = 'groundwork:workspace-changed';
