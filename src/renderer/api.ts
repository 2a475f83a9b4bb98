import type { ErrorCode, IpcError, Method, MethodInput, MethodResult } from '../shared/contract';

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

/**
 * Calls one method of the IPC contract. Resolves with the method's value, or rejects with an
 * ApiError carrying the main process's code, message and field.
 */
export async function call<M extends Method>(method: M, payload: MethodInput<M>): Promise<MethodResult<M>> {
  const api = typeof window === 'undefined' ? undefined : (window.groundwork as Window['groundwork'] | undefined);
  if (!api) {
    throw new ApiError({ code: 'internal', message: 'The Groundwork API is not available in this window.' });
  }
  let result;
  try {
    result = await api.invoke(method, payload);
  } catch (cause) {
    throw new ApiError({ code: 'internal', message: cause instanceof Error ? cause.message : String(cause) });
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
  const api = window.groundwork as Window['groundwork'] | undefined;
  return api ? api.onWorkspaceChanged(listener) : () => undefined;
}
