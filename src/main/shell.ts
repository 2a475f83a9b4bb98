import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * The Electron shell's decisions, as plain functions (tested on Node; index.ts only wires them to
 * Electron): where the page comes from, which files the app:// protocol serves, which requests
 * and IPC senders are trusted, which workspace a launch from the OS names.
 */

/** The app's own origin: the page, its scripts and styles are served only from here. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'groundwork';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export type RendererSource = { readonly kind: 'dev-server'; readonly url: string } | { readonly kind: 'app'; readonly url: string };

/**
 * The page to load. The Vite dev server (ELECTRON_RENDERER_URL, set by `electron-vite dev`) only in
 * an unpackaged development run, and only on the loopback interface: a packaged app ignores the
 * variable, so no environment can make it load and trust another origin.
 */
export function rendererSource(options: { readonly isPackaged: boolean; readonly env: Readonly<Record<string, string | undefined>> }): RendererSource {
  const url = options.env['ELECTRON_RENDERER_URL'];
  if (!options.isPackaged && url !== undefined && isLoopbackHttp(url)) return { kind: 'dev-server', url };
  return { kind: 'app', url: APP_ENTRY };
}

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The file an app:// request asks for, inside `root` (the built renderer), with its content type;
 * null for anything else: another host, a path out of the folder (`..`, encoded or not), a
 * query-string trick, an unknown kind of file.
 */
export function resolveAppFile(requestUrl: string, root: string): { readonly path: string; readonly contentType: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const path = resolve(base, normalize(wanted));
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  return contentType === undefined ? null : { path, contentType };
}

/** Requests the app may make: its own files, DevTools, and in development the dev server (and its hot-reload socket). */
export function isAllowedRequest(url: string, devServerUrl: string | undefined): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools://')) return true;
  if (devServerUrl === undefined) return false;
  const origin = new URL(devServerUrl).origin;
  return url.startsWith(`${origin}/`) || url.startsWith(origin.replace(/^http/, 'ws'));
}

/**
 * An IPC call is served only when it comes from the window's main frame showing the app's own
 * page (app://groundwork, or the dev server in development): never from a subframe, another
 * window or a page the app navigated to.
 */
export function isTrustedSender(sender: { readonly isMainFrame: boolean; readonly url: string }, devServerUrl: string | undefined): boolean {
  if (!sender.isMainFrame) return false;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return false;
  }
  if (sender.url.startsWith(`${APP_ORIGIN}/`)) return true;
  return devServerUrl !== undefined && origin === new URL(devServerUrl).origin;
}

/**
 * The workspace file a launch names: on Windows and Linux a double-clicked `.groundwork` file
 * arrives as an argument (of the first launch, or of a second one handed to the running app);
 * flags and the executable itself are skipped. The last one wins; null when there is none.
 */
export function workspaceFromArgs(argv: readonly string[], cwd: string): string | null {
  const files = argv.slice(1).filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.groundwork'));
  const last = files.at(-1);
  return last === undefined ? null : resolve(cwd, last);
}

export interface StartupProblem {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
  readonly buttons: readonly string[];
  /** What each button does, by index. */
  readonly actions: readonly ('restore-backup' | 'open-default' | 'quit' | 'keep-current')[];
}

/**
 * What the app says when the workspace it should open cannot be opened: what is wrong, and —
 * when there is one — the newest good backup, restored into a NEW file (the damaged one is never
 * moved, overwritten or deleted without asking).
 */
export function describeStartupProblem(
  error: { readonly code: string; readonly message: string },
  newestBackup: { readonly createdAt: string; readonly capabilities: number; readonly people: number } | null,
  /** 'start': the app has no workspace yet; 'open': File ▸ Open, the current one stays open. */
  when: 'start' | 'open' = 'start',
): StartupProblem {
  const damaged = error.code === 'corrupt';
  const title = damaged ? 'The workspace is damaged' : 'The workspace cannot be opened';
  const restore = newestBackup !== null;
  const detail = restore
    ? `${error.message}\n\nThe newest good backup is from ${newestBackup.createdAt.replace('T', ' ').slice(0, 16)} UTC (${newestBackup.capabilities} capabilities, ${newestBackup.people} people). ` +
      'Restoring it makes a new workspace file next to the damaged one, which stays as it is.'
    : `${error.message}\n\nThere is no backup of it to restore. The file stays as it is.`;
  const otherwise = when === 'start' ? (['Open the default workspace', 'Quit'] as const) : (['Keep the current workspace'] as const);
  const otherActions = when === 'start' ? (['open-default', 'quit'] as const) : (['keep-current'] as const);
  return {
    title,
    message: title,
    detail,
    buttons: restore ? ['Restore the newest backup as a new file', ...otherwise] : [...otherwise],
    actions: restore ? ['restore-backup', ...otherActions] : [...otherActions],
  };
}

export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

export type SaveDialogStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'refuse'; readonly answer: { readonly ok: false; readonly error: { readonly code: 'invalid-input'; readonly message: string; readonly field: string } } }
  | {
      readonly kind: 'ask';
      readonly dialog: SaveDialogRequest;
      /** What the renderer gets when the user cancels. */
      readonly cancelled: { readonly ok: true; readonly value: { readonly path: null } } | { readonly ok: false; readonly error: { readonly code: 'conflict'; readonly message: string } };
      readonly withPath: (path: string) => unknown;
    };

/**
 * The renderer calls that write a file the user names (`csv.export`, `plan.exportComparison`,
 * `backup.restore` into a new file): the main process shows the save dialog and forwards the chosen path to the handler host
 * as `savePath`. The page itself never names a path: a call that carries `savePath` is refused.
 */
export function saveDialogFor(method: unknown, payload: unknown, workspacePath: string): SaveDialogStep {
  const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  if (Object.hasOwn(fields, 'savePath')) {
    return { kind: 'refuse', answer: { ok: false, error: { code: 'invalid-input', message: 'savePath: chosen in the save dialog, not sent by the page', field: 'savePath' } } };
  }
  const base = workspacePath.replace(/\.groundwork$/i, '');
  const withPath = (path: string) => ({ ...fields, savePath: path });
  if (method === 'csv.export' && typeof fields['table'] === 'string') {
    return {
      kind: 'ask',
      dialog: { title: 'Export as CSV', defaultPath: `${base} ${fields['table']}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] },
      cancelled: { ok: true, value: { path: null } },
      withPath,
    };
  }
  if (method === 'plan.exportComparison') {
    return {
      kind: 'ask',
      dialog: { title: 'Export the scenario comparison as PDF', defaultPath: `${base} scenario comparison.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] },
      cancelled: { ok: true, value: { path: null } },
      withPath,
    };
  }
  if (method === 'backup.restore' && fields['target'] === 'new') {
    return {
      kind: 'ask',
      dialog: { title: 'Restore the backup into a new workspace', defaultPath: `${base} (restored).groundwork`, filters: [{ name: 'Groundwork workspace', extensions: ['groundwork'] }] },
      cancelled: { ok: false, error: { code: 'conflict', message: 'no file was chosen; nothing was restored' } },
      withPath,
    };
  }
  return { kind: 'none' };
}
