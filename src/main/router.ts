import { callIdSchema, isMethod, type CallProgress, type IpcResult } from '../shared/contract';
import type { HostClient } from './host-client';

/**
 * The main process's whole part in a renderer call: check that the method exists, remember the
 * call's id so that the renderer can cancel it, forward it to the handler host, and pass the
 * host's progress back. Validation of the payload and all the work happen in the host.
 */
export interface RendererRouter {
  invoke(method: unknown, payload: unknown, callId: unknown, onProgress: (progress: CallProgress) => void): Promise<IpcResult<unknown>>;
  cancel(callId: unknown): void;
}

export function createRendererRouter(host: () => HostClient): RendererRouter {
  const running = new Map<string, AbortController>();
  return {
    async invoke(method, payload, callId, onProgress) {
      if (!isMethod(method)) return { ok: false, error: { code: 'bad-method', message: `unknown method ${JSON.stringify(method)}` } };
      if (callId === undefined) return host().call('renderer', method, payload);
      const id = callIdSchema.safeParse(callId);
      if (!id.success) return { ok: false, error: { code: 'invalid-input', message: 'callId: must be a text of 1 to 64 characters', field: 'callId' } };
      if (running.has(id.data)) return { ok: false, error: { code: 'conflict', message: `callId: a call "${id.data}" is still running`, field: 'callId' } };
      const controller = new AbortController();
      running.set(id.data, controller);
      try {
        return await host().call('renderer', method, payload, {
          signal: controller.signal,
          onProgress: (fraction, stage) => onProgress({ callId: id.data, fraction, stage }),
        });
      } finally {
        running.delete(id.data);
      }
    },
    cancel(callId) {
      if (typeof callId === 'string') running.get(callId)?.abort();
    },
  };
}
