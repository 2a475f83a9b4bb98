import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell, utilityProcess } from 'electron';
import type { OpenWorkspaceInfo } from '../shared/app-contract';
import { CANCEL_CHANNEL, INVOKE_CHANNEL, MENU_COMMAND_CHANNEL, PROGRESS_CHANNEL, WORKSPACE_CHANGED_CHANNEL, type MenuCommand } from '../shared/channels';
import type { Channel, FromHost, ToHost } from '../shared/host-protocol';
import { HostClient } from './host-client';
import { buildMenu } from './menu';
import { createMenuActions, type Desktop } from './menu-actions';
import { createRendererRouter } from './router';
import { lockDownSessions, registerAppScheme, serveApp } from './security';
import { describeStartupProblem, isTrustedSender, rendererSource, saveDialogFor, workspaceFromArgs } from './shell';
import { loadSettings, saveSettings, withRecent, type Settings } from './settings';

const here = fileURLToPath(new URL('.', import.meta.url));
const source = rendererSource({ isPackaged: app.isPackaged, env: process.env });
const devServerUrl = source.kind === 'dev-server' ? source.url : undefined;
const isDev = !app.isPackaged;
/** Where the app's own files live: the project root in development, the resources when packaged. */
const appRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
/** better-sqlite3 built for Electron's ABI; node_modules keeps the build for plain Node. */
const nativeBinding = join(appRoot, 'native', 'electron', 'better_sqlite3.node');
const migrationsDir = join(appRoot, 'migrations');

/**
 * Starts the handler host (src/host/electron-entry.ts) in a utility process. The main process
 * only routes messages to it; SQLite, the planner and the PDF run there. When the host stops
 * unexpectedly, `onExit` is told so that it can be started again.
 */
function startHostProcess(onExit: (code: number) => void): HostClient {
  const child = utilityProcess.fork(join(here, 'host.js'), [JSON.stringify({ migrationsDir, nativeBinding })], { serviceName: 'Groundwork workspace' });
  const channel: Channel<FromHost, ToHost> = {
    send: (message) => child.postMessage(message),
    listen: (listener) => {
      const onMessage = (message: FromHost) => listener(message);
      child.on('message', onMessage);
      return () => void child.off('message', onMessage);
    },
  };
  const client = new HostClient(channel);
  child.once('exit', (code) => {
    client.stopped(`the workspace process stopped (exit code ${code})`);
    onExit(code);
  });
  return client;
}

/** Files the OS asked to open before the window existed (macOS sends open-file early). */
const pendingFiles: string[] = [];
let openFromOs: ((path: string) => void) | null = null;

async function start(): Promise<void> {
  const settingsFile = join(app.getPath('userData'), 'settings.json');
  let settings: Settings = loadSettings(settingsFile);
  const remember = (next: Settings) => {
    settings = next;
    saveSettings(settingsFile, settings);
  };

  if (!existsSync(nativeBinding)) {
    dialog.showErrorBox(
      'Groundwork cannot open its database engine',
      `The Electron build of better-sqlite3 is missing at ${nativeBinding}. Run "npm run native:electron" (npm start does this by itself) and start again.`,
    );
    app.exit(1);
    return;
  }

  let current: OpenWorkspaceInfo | null = null;
  let quitting = false;
  let host: HostClient = startHostProcess(function restart() {
    if (quitting) return;
    // A crashed host is started again on the workspace it had open; the window reloads its data.
    host = startHostProcess(restart);
    if (current) void host.app('app.open', { path: current.path, create: false }).then((r) => r.ok && opened(r.value));
  });

  const defaultPath = join(app.getPath('userData'), 'Default.groundwork');
  // A .groundwork file the OS launched the app with comes first.
  const fromOs = workspaceFromArgs(process.argv, process.cwd()) ?? pendingFiles.pop();
  let first = await host.app('app.open', { path: fromOs ?? settings.lastWorkspace ?? defaultPath, create: fromOs === undefined || fromOs === null });
  if (!first.ok && (settings.lastWorkspace || fromOs)) {
    // Say what is wrong and offer the newest good backup, restored into a new file beside the
    // damaged one (which is never moved, overwritten or deleted), or the default workspace.
    const failed = fromOs ?? settings.lastWorkspace ?? defaultPath;
    const recovery = await host.app('app.recovery', { path: failed });
    const backup = recovery.ok ? recovery.value.newestBackup : null;
    const problem = describeStartupProblem({ code: first.error.code, message: first.error.message }, backup);
    const { response } = await dialog.showMessageBox({ type: 'warning', title: problem.title, message: problem.message, detail: problem.detail, buttons: [...problem.buttons], defaultId: 0, cancelId: problem.buttons.length - 1, noLink: true });
    const action = problem.actions[response] ?? 'quit';
    if (action === 'quit') {
      app.exit(0);
      return;
    }
    first = action === 'restore-backup' && backup ? await host.app('app.restoreAsNew', { path: failed, backup: backup.path }) : await host.app('app.open', { path: defaultPath, create: true });
  }
  if (!first.ok) {
    dialog.showErrorBox('Groundwork could not open a workspace', first.error.message);
    app.exit(1);
    return;
  }
  current = first.value;
  remember(withRecent(settings, current.path));

  const router = createRendererRouter(() => host);
  /** Only the window's main frame showing the app's own page may call (never a subframe or another page). */
  const trusted = (frame: Electron.WebFrameMain | null | undefined) => !!frame && isTrustedSender({ isMainFrame: frame === win.webContents.mainFrame, url: frame.url }, devServerUrl);
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, payload: unknown, callId: unknown) => {
    if (!trusted(event.senderFrame)) {
      return { ok: false, error: { code: 'bad-method', message: 'call from an untrusted frame refused' } };
    }
    // The two calls that write a file the user names: the dialog is main's, the path goes to the host.
    const step = saveDialogFor(method, payload, current?.path ?? join(app.getPath('documents'), 'Groundwork.groundwork'));
    if (step.kind === 'refuse') return step.answer;
    if (step.kind === 'ask') {
      const chosen = await desktop.chooseSaveFile(step.dialog);
      if (chosen === null) return step.cancelled;
      payload = step.withPath(chosen);
    }
    return router.invoke(method, payload, callId, (progress) => event.sender.send(PROGRESS_CHANNEL, progress));
  });
  ipcMain.on(CANCEL_CHANNEL, (event, callId: unknown) => {
    if (trusted(event.senderFrame)) router.cancel(callId);
  });

  const bounds = settings.window;
  const win = new BrowserWindow({
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Groundwork',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: isDev,
    },
  });
  if (bounds?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    remember({ ...settings, window: { ...win.getNormalBounds(), maximized: win.isMaximized() } });
  });

  const setTitle = () => win.setTitle(`${current?.organisation || 'Untitled'} — Groundwork`);
  function opened(info: OpenWorkspaceInfo) {
    current = info;
    remember(withRecent(settings, info.path));
    refreshMenu();
    setTitle();
    win.webContents.send(WORKSPACE_CHANGED_CHANNEL);
  }

  const desktop: Desktop = {
    chooseSaveFile: async (options) => (await dialog.showSaveDialog(win, { ...options, filters: [...options.filters].map((f) => ({ ...f, extensions: [...f.extensions] })) })).filePath || null,
    chooseOpenFile: async (options) =>
      (await dialog.showOpenDialog(win, { ...options, properties: ['openFile'], filters: [...options.filters].map((f) => ({ ...f, extensions: [...f.extensions] })) })).filePaths[0] ?? null,
    fileExists: existsSync,
    showError: (title, message) => dialog.showErrorBox(title, message),
    ask: async (options) => (await dialog.showMessageBox(win, { type: 'info', ...options, buttons: [...options.buttons], defaultId: options.buttons.length - 1, cancelId: options.buttons.length - 1 })).response,
    showInFolder: (path) => shell.showItemInFolder(path),
    setProgress: (fraction) => win.setProgressBar(fraction ?? -1),
    documentsDir: app.getPath('documents'),
  };
  let exporting = false;
  const actions = createMenuActions({
    host: () => host,
    desktop,
    opened,
    exporting: (running) => {
      exporting = running;
      refreshMenu();
    },
  });

  const sendKey = (keyCode: string, shift: boolean) => {
    const modifiers: Array<'control' | 'meta' | 'shift'> = [process.platform === 'darwin' ? 'meta' : 'control'];
    if (shift) modifiers.push('shift');
    win.webContents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  };

  const command = (name: MenuCommand) => () => win.webContents.send(MENU_COMMAND_CHANNEL, name);

  function refreshMenu() {
    Menu.setApplicationMenu(
      buildMenu(
        {
          newWorkspace: () => void actions.newWorkspace(),
          openWorkspace: () => void actions.openWorkspace(),
          openRecent: (path) => void actions.openRecent(path),
          clearRecent: () => {
            remember({ ...settings, recent: [] });
            refreshMenu();
          },
          saveAs: () => void actions.saveAs(),
          showInFolder: () => current && shell.showItemInFolder(current.path),
          exportPdf: (paper) => void actions.exportRoadmapPdf(paper),
          cancelExport: () => actions.cancelExport(),
          exportJson: () => void actions.exportWorkspaceJson(),
          importJson: () => void actions.importWorkspaceJson(),
          restoreBackup: command('restore-backup'),
          importPeopleCsv: command('import-people-csv'),
          importCapabilitiesCsv: command('import-capabilities-csv'),
          undo: () => sendKey('Z', false),
          redo: () => sendKey('Z', true),
          about: () =>
            void dialog.showMessageBox(win, {
              type: 'info',
              title: 'About Groundwork',
              message: `Groundwork ${app.getVersion()}`,
              detail: `Electron ${process.versions.electron}, workspace schema ${current?.schemaVersion ?? '?'}.\nWorkspace: ${current?.path ?? ''}`,
            }),
        },
        { recent: settings.recent, isDev, exporting },
      ),
    );
  }
  refreshMenu();
  setTitle();

  if (source.kind === 'app') serveApp(join(here, '../renderer'));
  void win.loadURL(source.url);

  // A .groundwork file opened from the OS while the app runs opens in this window.
  openFromOs = (file) => {
    if (win.isMinimized()) win.restore();
    win.focus();
    if (file === current?.path) return;
    void host.app('app.open', { path: file, create: false }).then((result) => {
      if (result.ok) opened(result.value);
      else dialog.showErrorBox('Could not open the workspace', result.error.message);
    });
  };
  for (const file of pendingFiles.splice(0)) openFromOs(file);
  app.on('second-instance', (_event, argv, cwd) => {
    const file = workspaceFromArgs(argv, cwd);
    if (file) openFromOs?.(file);
    else {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    quitting = true;
    // The host closes the workspace (a clean WAL checkpoint) before the app goes.
    void host.app('app.close', {}).finally(() => app.quit());
  });
}

/** An error nobody expected at start-up: said in a dialog (a window-less app would just vanish). */
function startFailed(error: unknown): void {
  dialog.showErrorBox('Groundwork could not start', error instanceof Error ? `${error.message}\n\n${error.stack ?? ''}` : String(error));
  app.exit(1);
}

registerAppScheme();
// macOS: a double-clicked file arrives as open-file, possibly before the app is ready.
app.on('open-file', (event, file) => {
  event.preventDefault();
  if (openFromOs) openFromOs(file);
  else pendingFiles.push(file);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(
    async () => {
      try {
        lockDownSessions(devServerUrl);
        await start();
      } catch (error) {
        startFailed(error);
      }
    },
    (error: unknown) => startFailed(error),
  );
}
