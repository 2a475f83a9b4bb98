import type { AppMethod, AppMethodInput, AppMethodResult } from '../shared/app-contract';
import type { IpcResult, Method, MethodInput, MethodResult } from '../shared/contract';
import type { CallTarget, Channel, FromHost, ToHost } from '../shared/host-protocol';

export interface CallOptions {
  /** Progress the host reports for this call. */
  readonly onProgress?: (fraction: number, stage: string) => void;
  /** Aborting it cancels the call: the host stops the work and answers 'cancelled'. */
  readonly signal?: AbortSignal;
}

interface Pending {
  readonly resolve: (result: IpcResult<unknown>) => void;
  readonly onProgress: ((fraction: number, stage: string) => void) | undefined;
}

/**
 * The main process's end of the handler host: numbered calls over a channel, answered by the
 * host's results. Never rejects: a host that stops answers every open call with an 'internal'
 * error (see stopped()).
 */
export class HostClient {
  readonly #pending = new Map<number, Pending>();
  readonly #pings = new Map<number, () => void>();
  readonly #unlisten: () => void;
  #nextId = 1;
  #stoppedReason: string | null = null;

  constructor(private readonly channel: Channel<FromHost, ToHost>) {
    this.#unlisten = channel.listen((message) => {
      switch (message.kind) {
        case 'pong':
          this.#pings.get(message.id)?.();
          this.#pings.delete(message.id);
          return;
        case 'progress':
          this.#pending.get(message.id)?.onProgress?.(message.fraction, message.stage);
          return;
        case 'result': {
          const pending = this.#pending.get(message.id);
          this.#pending.delete(message.id);
          pending?.resolve(message.result);
          return;
        }
      }
    });
  }

  /** A call to either contract, by name; the host validates the payload. */
  call(target: CallTarget, method: string, payload: unknown, options: CallOptions = {}): Promise<IpcResult<unknown>> {
    if (this.#stoppedReason !== null) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.#stoppedReason } });
    if (options.signal?.aborted) return Promise.resolve({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => this.#pending.has(id) && this.channel.send({ kind: 'cancel', id }), { once: true });
      this.channel.send({ kind: 'call', id, target, method, payload });
    });
  }

  /** A renderer-contract method, typed. */
  renderer<M extends Method>(method: M, payload: MethodInput<M>, options?: CallOptions): Promise<IpcResult<MethodResult<M>>> {
    return this.call('renderer', method, payload, options) as Promise<IpcResult<MethodResult<M>>>;
  }

  /** An app-contract method (the File menu's actions), typed. */
  app<M extends AppMethod>(method: M, payload: AppMethodInput<M>, options?: CallOptions): Promise<IpcResult<AppMethodResult<M>>> {
    return this.call('app', method, payload, options) as Promise<IpcResult<AppMethodResult<M>>>;
  }

  /** Resolves with the round trip in ms once the host answers: it is alive and not blocked. */
  ping(): Promise<number> {
    const id = this.#nextId++;
    const sent = performance.now();
    return new Promise((resolve) => {
      this.#pings.set(id, () => resolve(performance.now() - sent));
      this.channel.send({ kind: 'ping', id });
    });
  }

  /** The host has gone (its process exited): every open call answers `reason`, and so will new ones. */
  stopped(reason: string): void {
    this.#stoppedReason = reason;
    this.#unlisten();
    for (const pending of this.#pending.values()) pending.resolve({ ok: false, error: { code: 'internal', message: reason } });
    this.#pending.clear();
  }
}
