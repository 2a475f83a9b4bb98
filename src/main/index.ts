import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { toIsoDate } from '../core/calendar';
import { INVOKE_CHANNEL, WORKSPACE_CHANGED_CHANNEL } from '../shared/channels';
import { WorkspaceError } from '../storage';
import { exportJson, exportRoadmapPdf, importJson } from './exports';
import { createHandlers } from './handlers';
import { dispatch } from './ipc';
import { buildMenu } from './menu';
import { isTrustedSender, lockDownSessions } from './security';
import { loadSettings, saveSettings, withRecent, type Settings } from './settings';
import { WorkspaceSession } from './workspace-session';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const isDev = !app.isPackaged;
/** Where the app's own files live: the project root in development, the resources when packaged. */
const appRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
/** better-sqlite3 built for Electron's ABI; node_modules keeps the build for plain Node. */
const nativeBinding = join(appRoot, 'native', 'electron', 'better_sqlite3.node');
const migrationsDir = join(appRoot, 'migrations');
const FILTERS = [{ name: 'Groundwork workspace', extensions: ['groundwork'] }];

const isoToday = () => toIsoDate(new Date());

function start(): void {
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

  const defaultPath = join(app.getPath('userData'), 'Default.groundwork');
  let session: WorkspaceSession;
  try {
    session = new WorkspaceSession(settings.lastWorkspace ?? defaultPath, { migrationsDir, nativeBinding });
  } catch (error) {
    if (!(error instanceof WorkspaceError) || !settings.lastWorkspace) throw error;
    dialog.showErrorBox('Could not open the last workspace', `${error.message}\n\nOpening the default workspace instead.`);
    session = new WorkspaceSession(defaultPath, { migrationsDir, nativeBinding });
  }
  remember(withRecent(settings, session.current.path));

  const handlers = createHandlers({ workspace: () => session.current, today: isoToday });
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url ?? '', devServerUrl)) {
      return { ok: false, error: { code: 'bad-method', message: 'call from an untrusted frame refused' } };
    }
    return dispatch(handlers, method, payload);
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

  const setTitle = () => win.setTitle(`${session.current.getOrganisation().name} — Groundwork`);
  const switchTo = (path: string, create: boolean) => {
    try {
      session.switchTo(path, create);
    } catch (error) {
      if (error instanceof WorkspaceError) {
        dialog.showErrorBox('Could not open the workspace', error.message);
        return;
      }
      throw error;
    }
    remember(withRecent(settings, path));
    refreshMenu();
    setTitle();
    win.webContents.send(WORKSPACE_CHANGED_CHANNEL);
  };
  const sendKey = (keyCode: string, shift: boolean) => {
    const modifiers: Array<'control' | 'meta' | 'shift'> = [process.platform === 'darwin' ? 'meta' : 'control'];
    if (shift) modifiers.push('shift');
    win.webContents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  };

  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(
        {
          newWorkspace: () => {
            const target = dialog.showSaveDialogSync(win, { title: 'New workspace', defaultPath: 'Untitled.groundwork', filters: FILTERS });
            if (!target) return;
            if (existsSync(target)) {
              dialog.showErrorBox('File exists', `${target} already exists. Use File → Open to open it, or choose another name.`);
              return;
            }
            switchTo(target, true);
          },
          openWorkspace: () => {
            const picked = dialog.showOpenDialogSync(win, { title: 'Open workspace', properties: ['openFile'], filters: FILTERS });
            if (picked?.[0]) switchTo(picked[0], false);
          },
          openRecent: (path) => switchTo(path, false),
          clearRecent: () => {
            remember({ ...settings, recent: [] });
            refreshMenu();
          },
          saveAs: () => {
            const target = dialog.showSaveDialogSync(win, { title: 'Save workspace as', defaultPath: session.current.path, filters: FILTERS });
            if (!target || target === session.current.path) return;
            session.current
              .saveCopyTo(target)
              .then(() => switchTo(target, false))
              .catch((error: unknown) => dialog.showErrorBox('Could not save a copy', error instanceof Error ? error.message : String(error)));
          },
          showInFolder: () => shell.showItemInFolder(session.current.path),
          exportPdf: (paper) => void exportRoadmapPdf(win, session.current, paper),
          exportJson: () => void exportJson(win, session.current),
          importJson: () =>
            void importJson(win, { migrationsDir, nativeBinding }).then((path) => {
              if (path) switchTo(path, false);
            }),
          undo: () => sendKey('Z', false),
          redo: () => sendKey('Z', true),
          about: () =>
            void dialog.showMessageBox(win, {
              type: 'info',
              title: 'About Groundwork',
              message: `Groundwork ${app.getVersion()}`,
              detail: `Electron ${process.versions.electron}, workspace schema ${session.current.schemaVersion}.\nWorkspace: ${session.current.path}`,
            }),
        },
        settings.recent,
        isDev,
      ),
    );
  refreshMenu();
  setTitle();

  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(here, '../renderer/index.html'));

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    session.close();
    app.quit();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(
    () => {
      lockDownSessions(devServerUrl);
      start();
    },
    (error: unknown) => {
      dialog.showErrorBox('Groundwork could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    },
  );
}
