import type { ChildProcess } from 'node:child_process';
import type { Channel, FromHost, ToHost } from '../shared/host-protocol';

/** The host's end when it runs as a Node child process (child_process.fork): its IPC pipe to the parent. */
export function parentProcessChannel(proc: NodeJS.Process = process): Channel<ToHost, FromHost> {
  const send = proc.send?.bind(proc);
  if (!send) throw new Error('the handler host needs an IPC channel to its parent (start it with child_process.fork)');
  return {
    send: (message) => void send(message),
    listen: (listener) => {
      const onMessage = (message: unknown) => listener(message as ToHost);
      proc.on('message', onMessage);
      return () => void proc.off('message', onMessage);
    },
  };
}

/** The parent's end of a host started with child_process.fork. */
export function childProcessChannel(child: ChildProcess): Channel<FromHost, ToHost> {
  return {
    send: (message) => void child.send(message),
    listen: (listener) => {
      const onMessage = (message: unknown) => listener(message as FromHost);
      child.on('message', onMessage);
      return () => void child.off('message', onMessage);
    },
  };
}
