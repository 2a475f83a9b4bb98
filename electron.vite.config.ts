import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Development only: Vite's dev server injects inline scripts (React refresh), inline styles and a
 * websocket for hot reload, which the production CSP forbids. The built app keeps the strict one.
 */
const relaxCspForDevServer: Plugin = {
  name: 'groundwork-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
};

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is a native module: it stays in node_modules and is required at run time.
      externalizeDeps: true,
      // The main process (a thin router), the handler host it forks as a utility process, and the
      // host's job worker thread: three entries, side by side in out/main/.
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          host: resolve('src/host/electron-entry.ts'),
          'job-worker': resolve('src/host/job-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only be CommonJS and can only require 'electron': bundle zod & co.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), relaxCspForDevServer],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    preview: { host: '127.0.0.1', strictPort: true },
  },
});
