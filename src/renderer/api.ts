import type { MenuCommand } from '../shared/channels';
import type { CallProgress, ErrorCode, GroundworkApi, IpcError, Method, MethodInput, MethodResult } from '../shared/contract';

/** An error answered by the main process, with its stable code and, when known, the field. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
  }
}

export interface CallOptions {
  /** Aborting it cancels the call; it then rejects with an ApiError of code 'cancelled'. */
  readonly signal?: AbortSignal;
  /** Progress the main process reports for this call (plans, comparisons). */
  readonly onProgress?: (progress: CallProgress) => void;
}

function groundwork(): GroundworkApi | undefined {
  return typeof window === 'undefined' ? undefined : (window.groundwork as GroundworkApi | undefined);
}

const progressListeners = new Map<string, (progress: CallProgress) => void>();
let progressSubscribed = false;
let nextCallId = 1;

/** A call id unique in this window, for cancel() and for telling progress apart. */
function newCallId(api: GroundworkApi): string {
  if (!progressSubscribed) {
    progressSubscribed = true;
    api.onProgress((progress) => progressListeners.get(progress.callId)?.(progress));
  }
  return `call-${nextCallId++}`;
}

/**
 * Calls one method of the IPC contract. Resolves with the method's value, or rejects with an
 * ApiError carrying the main process's code, message and field.
 */
export async function call<M extends Method>(method: M, payload: MethodInput<M>, options: CallOptions = {}): Promise<MethodResult<M>> {
  const api = groundwork();
  if (!api) {
    throw new ApiError({ code: 'internal', message: 'The Groundwork API is not available in this window.' });
  }
  if (options.signal?.aborted) throw new ApiError({ code: 'cancelled', message: 'cancelled' });
  const callId = options.signal || options.onProgress ? newCallId(api) : undefined;
  const cancel = () => callId && api.cancel(callId);
  if (callId) {
    if (options.onProgress) progressListeners.set(callId, options.onProgress);
    options.signal?.addEventListener('abort', cancel, { once: true });
  }
  let result;
  try {
    result = await api.invoke(method, payload, callId);
  } catch (cause) {
    throw new ApiError({ code: 'internal', message: cause instanceof Error ? cause.message : String(cause) });
  } finally {
    if (callId) {
      progressListeners.delete(callId);
      options.signal?.removeEventListener('abort', cancel);
    }
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError({ code: 'internal', message: cause instanceof Error ? cause.message : String(cause) });
}

/** Subscribes to File → New/Open from the menu; a no-op where the API is missing. */
export function onWorkspaceChanged(listener: () => void): () => void {
  const api = groundwork();
  return api ? api.onWorkspaceChanged(listener) : () => undefined;
}

/** Subscribes to File menu commands that open a dialog in the page; a no-op where the API is missing. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const api = window.groundwork as Window['groundwork'] | undefined;
  return api?.onMenuCommand ? api.onMenuCommand(listener) : () => undefined;
}

/** A file the user picked, as base64 for the IPC payload. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
