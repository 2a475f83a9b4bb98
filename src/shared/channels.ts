/**
 * The only IPC channel names, used by main and preload. Kept apart from the contract so that the
 * sandboxed preload bundle does not pull in zod.
 */
export const INVOKE_CHANNEL = 'groundwork:invoke';
export const CANCEL_CHANNEL = 'groundwork:cancel';
export const PROGRESS_CHANNEL = 'groundwork:progress';
export const WORKSPACE_CHANGED_CHANNEL = 'groundwork:workspace-changed';
/** Main → renderer: a File menu command the page carries out (a dialog of its own). */
export const MENU_COMMAND_CHANNEL = 'groundwork:menu-command';

/** The File menu commands that open a dialog in the page. */
export const MENU_COMMANDS = ['restore-backup', 'import-people-csv', 'import-capabilities-csv'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
