// Stands in for Electron's utility process around the built handler host (out/main/host.js):
// process.parentPort as Electron provides it, carried over the Node IPC pipe of child_process.fork.
const listeners = new Map();
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => {
    if (event !== 'message') return;
    const wrapped = (data) => listener({ data, ports: [] });
    listeners.set(listener, wrapped);
    process.on('message', wrapped);
  },
  off: (event, listener) => {
    const wrapped = listeners.get(listener);
    if (event === 'message' && wrapped) process.off('message', wrapped);
  },
};
