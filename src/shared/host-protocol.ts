import type { IpcResult } from './contract';

/**
 * The messages between the Electron main process (a thin router) and the handler host, which runs
 * in a utility process: calls to either contract (the renderer's, or the app's own File menu
 * actions), their progress and results, cancels, and pings. Plain, structured-cloneable data, so
 * any transport carries them: Electron's utilityProcess / parentPort, Node's child_process.fork,
 * or an in-memory pair in tests.
 */

/** Which contract a call belongs to: the renderer's (`contract.ts`) or the main process's (`app-contract.ts`). */
export type CallTarget = 'renderer' | 'app';

export type ToHost =
  | { readonly kind: 'call'; readonly id: number; readonly target: CallTarget; readonly method: string; readonly payload: unknown }
  | { readonly kind: 'cancel'; readonly id: number }
  | { readonly kind: 'ping'; readonly id: number };

export type FromHost =
  | { readonly kind: 'result'; readonly id: number; readonly result: IpcResult<unknown> }
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number; readonly stage: string }
  | { readonly kind: 'pong'; readonly id: number };

/** One end of a message transport. */
export interface Channel<In, Out> {
  send(message: Out): void;
  /** Starts delivering incoming messages to `listener`; returns the way to stop. */
  listen(listener: (message: In) => void): () => void;
}
