import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { createHandlers } from '../../src/host/handlers';
import { dispatch, type Handlers } from '../../src/host/dispatch';
import { WorkspaceSession } from '../../src/host/session';
import type { SaveRequest } from '../../src/host/safety-handlers';
import type { MenuCommand } from '../../src/shared/channels';

/**
 * The browser-test bridge of DESIGN.md: the built renderer runs in Chromium, and `window.groundwork`
 * is wired through page.exposeBinding to the real main-process handlers over a real workspace file.
 */
export interface AppHarness {
  /** The workspace file of this test (in its own temp folder). */
  readonly file: string;
  /** Opens the workspace (created empty unless it exists) and loads the app. */
  open(): Promise<Page>;
  /** Closes the workspace, opens the same file again with new handlers and reloads the page. */
  reopen(): Promise<Page>;
  /** The paths the next save dialogs answer, in order (null: the user cancels); default: a file in the test's folder. */
  readonly savePaths: (string | null)[];
  /** The files the save dialogs were asked for (their suggested names). */
  readonly saveRequests: SaveRequest[];
  /** The test's own folder. */
  readonly dir: string;
  /** Sends a File menu command to the page, as the main process does. */
  menu(command: MenuCommand): Promise<void>;
  /** Saves a screenshot (of the whole page, unless `fullPage: false`: what the window shows) into this test's output folder. */
  screenshot(name: string, options?: { readonly fullPage?: boolean }): Promise<string>;
  /** Runs axe on the current page and fails on any violation. */
  checkA11y(): Promise<void>;
}

const MIGRATIONS = resolve('migrations');
export { MIGRATIONS };
/** A fixed "today" so that the demo organisation and dates are the same in every run. */
export const E2E_TODAY = '2026-11-27';

declare global {
  interface Window {
    __groundworkInvoke?: (method: unknown, payload: unknown, callId: unknown) => Promise<unknown>;
    __groundworkCancel?: (callId: unknown) => Promise<void>;
    __groundworkProgress?: (progress: unknown) => void;
    __groundworkMenu?: (command: string) => void;
  }
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use, testInfo) => {
    const dir = mkdtempSync(join(tmpdir(), 'groundwork-e2e-'));
    const file = join(dir, 'e2e.groundwork');
    let session: WorkspaceSession | undefined;
    let handlers: Handlers | undefined;
    const savePaths: (string | null)[] = [];
    const saveRequests: SaveRequest[] = [];

    // The workspace's clock (its history's timestamps) starts on the same "today" and runs on, so
    // history recorded in a test lies on or after that day, as it would in the app.
    const started = Date.now();
    const now = () => new Date(Date.parse(`${E2E_TODAY}T12:00:00Z`) + (Date.now() - started));
    const openHandlers = () => {
      session = new WorkspaceSession({ migrationsDir: MIGRATIONS, now });
      session.switchTo(file, true);
      const current = session;
      handlers = createHandlers({
        workspace: () => current.current,
        today: () => E2E_TODAY,
        session: current,
        chooseSavePath: async (request) => {
          saveRequests.push(request);
          return savePaths.length > 0 ? (savePaths.shift() ?? null) : join(dir, basename(request.defaultName));
        },
      });
    };

    // The page's clock shows the same "today" as the handlers, so date-dependent views (the
    // timeline's today line) do not depend on when the tests run. Timers keep running.
    await page.clock.setFixedTime(new Date(`${E2E_TODAY}T12:00:00`));
    // Calls with an id can be cancelled and report progress, as through the preload and main.
    const running = new Map<string, AbortController>();
    await page.exposeBinding('__groundworkInvoke', async (source, method: unknown, payload: unknown, callId: unknown) => {
      if (!handlers) return { ok: false, error: { code: 'workspace', message: 'no workspace open' } };
      if (typeof callId !== 'string') return dispatch(handlers, method, payload);
      const controller = new AbortController();
      running.set(callId, controller);
      const progress = (fraction: number, stage: string) =>
        void source.page.evaluate((p) => window.__groundworkProgress?.(p), { callId, fraction, stage }).catch(() => undefined);
      try {
        return await dispatch(handlers, method, payload, { signal: controller.signal, progress });
      } finally {
        running.delete(callId);
      }
    });
    await page.exposeBinding('__groundworkCancel', (_source, callId: unknown) => {
      if (typeof callId === 'string') running.get(callId)?.abort();
    });
    await page.addInitScript(() => {
      const listeners = new Set<(progress: never) => void>();
      window.__groundworkProgress = (progress) => listeners.forEach((l) => l(progress as never));
      Object.defineProperty(window, 'groundwork', {
        value: Object.freeze({
          invoke: (method: unknown, payload: unknown, callId?: string) => {
            const bridge = window.__groundworkInvoke;
            if (!bridge) return Promise.reject(new Error('test bridge missing'));
            return bridge(method, payload, callId);
          },
          cancel: (callId: string) => void window.__groundworkCancel?.(callId),
          onProgress: (listener: (progress: never) => void) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          onWorkspaceChanged: () => () => undefined,
          onMenuCommand: (listener: (command: string) => void) => {
            const listeners = ((window as unknown as { __menuListeners?: Set<(c: string) => void> }).__menuListeners ??= new Set());
            listeners.add(listener);
            window.__groundworkMenu = (command) => listeners.forEach((l) => l(command));
            return () => {
              listeners.delete(listener);
            };
          },
        }),
      });
    });

    const harness: AppHarness = {
      file,
      dir,
      savePaths,
      saveRequests,
      async menu(command) {
        await page.evaluate((c) => window.__groundworkMenu?.(c), command);
      },
      async open() {
        openHandlers();
        await page.goto('/');
        return page;
      },
      async reopen() {
        session?.close();
        openHandlers();
        await page.reload();
        return page;
      },
      async screenshot(name, options = {}) {
        const path = testInfo.outputPath(`${name}.png`);
        await page.screenshot({ path, fullPage: options.fullPage ?? true });
        await testInfo.attach(name, { path, contentType: 'image/png' });
        return path;
      },
      async checkA11y() {
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary, 'axe violations').toEqual([]);
      },
    };

    await use(harness);
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
