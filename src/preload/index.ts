import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, WORKSPACE_CHANGED_CHANNEL } from '../shared/channels';
import type { GroundworkApi } from '../shared/contract';

/**
 * The renderer's only door to the main process: one typed object. It forwards calls as they are;
 * main validates every payload against the contract.
 */
const api = {
  invoke: (method, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, method, payload),
  onWorkspaceChanged: (listener) => {
    const wrapped = () => listener();
    ipcRenderer.on(WORKSPACE_CHANGED_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(WORKSPACE_CHANGED_CHANNEL, wrapped);
    };
  },
} satisfies GroundworkApi;

contextBridge.exposeInMainWorld('groundwork', api);
