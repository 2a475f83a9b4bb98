import type { z } from 'zod';
import { contract, isMethod, type IpcError, type IpcResult, type Method, type MethodParams, type MethodResult } from '../shared/contract';
import { issuePath } from '../shared/schemas';
import { StorageError, WorkspaceError } from '../storage';

/** One function per contract method. Built by `createHandlers`, served by Electron and the test bridge. */
export type Handlers = {
  readonly [M in Method]: (params: MethodParams<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

/** A failure a handler reports on purpose, with a stable code and the field it concerns. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

function invalidInput(error: z.ZodError): IpcError {
  const first = error.issues[0];
  const field = first ? issuePath(first.path) : '';
  const message = first ? (field ? `${field}: ${first.message}` : first.message) : 'invalid payload';
  return field ? { code: 'invalid-input', message, field } : { code: 'invalid-input', message };
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof HandlerError) {
    return error.field ? { code: error.code, message: error.message, field: error.field } : { code: error.code, message: error.message };
  }
  if (error instanceof StorageError) {
    const base = { code: error.code, message: error.message } as const;
    return error.field ? { ...base, field: error.field } : base;
  }
  if (error instanceof WorkspaceError) return { code: 'workspace', message: error.message };
  // An unexpected failure: report it without a stack trace or internals.
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Validates a call from the renderer against the contract and runs its handler. Never throws:
 * every failure comes back as `{ ok: false, error: { code, message, field? } }`.
 */
export async function dispatch(handlers: Handlers, method: unknown, payload: unknown): Promise<IpcResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'bad-method', message: `unknown method ${JSON.stringify(method)}` } };
  }
  const parsed = contract[method].input.safeParse(payload);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  try {
    const handler = handlers[method] as (params: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
