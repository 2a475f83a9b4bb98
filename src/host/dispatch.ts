import { checkUntrustedValue, quoteForMessage } from '../core/input/limits';
import type { z } from 'zod';
import { appContract, type AppContract } from '../shared/app-contract';
import { contract, type Contract, type ContractShape, type IpcError, type IpcResult } from '../shared/contract';
import { issuePath } from '../shared/schemas';
import { StorageError, WorkspaceError } from '../storage';

/**
 * What a handler gets beside its validated payload: a signal that aborts when the caller cancels
 * the call, and a way to report progress (a fraction in [0, 1] and what is being done).
 */
export interface CallContext {
  readonly signal: AbortSignal;
  progress(fraction: number, stage: string): void;
}

/** The context of a call nobody can cancel and whose progress nobody watches. */
export function quietContext(): CallContext {
  return { signal: new AbortController().signal, progress: () => undefined };
}

/** One function per method of contract `C`. */
export type HandlersOf<C extends ContractShape> = {
  readonly [M in keyof C]: (params: z.output<C[M]['input']>, context: CallContext) => NonNullable<C[M]['output']> | Promise<NonNullable<C[M]['output']>>;
};

/** The renderer's methods. Built by `createHandlers`, served by the handler host and the test bridge. */
export type Handlers = HandlersOf<Contract>;
/** The main process's own methods (the File menu). Built by `createAppHandlers`. */
export type AppHandlers = HandlersOf<AppContract>;

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

/** Throws the 'cancelled' HandlerError once the caller has cancelled. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new HandlerError('cancelled', 'cancelled');
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
 * Validates a call against contract `shape` and runs its handler. Never throws: every failure
 * comes back as `{ ok: false, error: { code, message, field? } }`.
 */
export async function dispatchTo<C extends ContractShape>(
  shape: C,
  handlers: HandlersOf<C>,
  method: unknown,
  payload: unknown,
  context: CallContext = quietContext(),
): Promise<IpcResult<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(shape, method)) {
    return { ok: false, error: { code: 'bad-method', message: `unknown method ${quoteForMessage(method)}` } };
  }
  // Before zod copies anything: a `__proto__` key, a non-finite number, a lone surrogate or an
  // oversized value is refused here, whatever the method's schema says.
  const outOfLimits = checkUntrustedValue(payload, { maxProblems: 1 });
  if (outOfLimits.length > 0) {
    const problem = outOfLimits[0] as string;
    const split = problem.indexOf(': ');
    const field = split > 0 ? problem.slice(0, split) : '';
    return { ok: false, error: field && field !== '(document)' ? { code: 'invalid-input', message: problem, field } : { code: 'invalid-input', message: problem } };
  }
  const parsed = (shape[method] as C[keyof C]).input.safeParse(payload);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  try {
    throwIfCancelled(context.signal);
    const handler = handlers[method] as (params: unknown, context: CallContext) => unknown;
    const value = await handler(parsed.data, context);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}

/** A call from the renderer (the IPC contract). */
export function dispatch(handlers: Handlers, method: unknown, payload: unknown, context?: CallContext): Promise<IpcResult<unknown>> {
  return dispatchTo(contract, handlers, method, payload, context);
}

/** A call from the main process (the app contract). */
export function dispatchApp(handlers: AppHandlers, method: unknown, payload: unknown, context?: CallContext): Promise<IpcResult<unknown>> {
  return dispatchTo(appContract, handlers, method, payload, context);
}
