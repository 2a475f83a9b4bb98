import { contextBridge, ipcRenderer } from 'electron';
import { CANCEL_CHANNEL, INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, MENU_COMMANDS, PROGRESS_CHANNEL, WORKSPACE_CHANGED_CHANNEL, type MenuCommand } from '../shared/channels';
import type { CallProgress, GroundworkApi } from '../shared/contract';

/** Subscribes to a main → renderer channel without handing the page Electron's event object. */
function subscribe<T extends unknown[]>(channel: string, listener: (...args: T) => void): () => void {
  const wrapped = (_event: unknown, ...args: unknown[]) => listener(...(args as T));
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

/**
 * The renderer's only door to the main process: one typed object. It forwards calls as they are;
 * main checks the method and the handler host validates every payload against the contract.
 */
const api = {
  invoke: (method, payload, callId) => ipcRenderer.invoke(INVOKE_CHANNEL, method, payload, callId),
  cancel: (callId) => ipcRenderer.send(CANCEL_CHANNEL, callId),
  onProgress: (listener) => subscribe<[CallProgress]>(PROGRESS_CHANNEL, (progress) => listener(progress)),
  onWorkspaceChanged: (listener) => subscribe(WORKSPACE_CHANGED_CHANNEL, () => listener()),
  onMenuCommand: (listener) =>
    subscribe<[unknown]>(MENU_COMMAND_CHANNEL, (command) => {
      // Only the known commands reach the page.
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    }),
} satisfies GroundworkApi;

contextBridge.exposeInMainWorld('groundwork', api);
