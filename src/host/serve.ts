import type { Channel, FromHost, ToHost } from '../shared/host-protocol';
import { dispatch, dispatchApp, type AppHandlers, type CallContext, type Handlers } from './dispatch';

/**
 * Serves both handler maps over a channel: each call gets its own AbortController (a `cancel`
 * message aborts it) and reports progress as messages of its own id. Pings are answered at once,
 * which is how the main process (and a test) sees that the host is not blocked.
 */
export function serveHandlers(channel: Channel<ToHost, FromHost>, handlers: { readonly renderer: Handlers; readonly app: AppHandlers }): () => void {
  const running = new Map<number, AbortController>();
  return channel.listen((message) => {
    switch (message.kind) {
      case 'ping':
        channel.send({ kind: 'pong', id: message.id });
        return;
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'call': {
        const controller = new AbortController();
        running.set(message.id, controller);
        const context: CallContext = {
          signal: controller.signal,
          progress: (fraction, stage) => {
            if (!controller.signal.aborted) channel.send({ kind: 'progress', id: message.id, fraction, stage });
          },
        };
        const call = message.target === 'app' ? dispatchApp(handlers.app, message.method, message.payload, context) : dispatch(handlers.renderer, message.method, message.payload, context);
        void call.then((result) => {
          running.delete(message.id);
          channel.send({ kind: 'result', id: message.id, result });
        });
        return;
      }
    }
  });
}
