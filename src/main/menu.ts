import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  readonly newWorkspace: () => void;
  readonly openWorkspace: () => void;
  readonly openRecent: (path: string) => void;
  readonly clearRecent: () => void;
  readonly saveAs: () => void;
  readonly exportPdf: (paper: 'a4' | 'letter') => void;
  readonly cancelExport: () => void;
  readonly exportJson: () => void;
  readonly importJson: () => void;
  /** The page's own dialogs: File ▸ Restore from Backup, File ▸ Import People/Capabilities CSV. */
  readonly restoreBackup: () => void;
  readonly importPeopleCsv: () => void;
  readonly importCapabilitiesCsv: () => void;
  readonly showInFolder: () => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly about: () => void;
}

export interface MenuState {
  readonly recent: readonly string[];
  readonly isDev: boolean;
  /** A roadmap export is running: "Cancel Export" is enabled. */
  readonly exporting: boolean;
}

export function buildMenu(actions: MenuActions, { recent, isDev, exporting }: MenuState): Menu {
  const isMac = process.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((path) => ({ label: path, click: () => actions.openRecent(path) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: actions.clearRecent },
      ]
    : [{ label: 'No recent workspaces', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: '&New Workspace…', accelerator: 'CmdOrCtrl+N', click: actions.newWorkspace },
        { label: '&Open Workspace…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { label: 'Open &Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveAs },
        { label: 'Show Workspace in Folder', click: actions.showInFolder },
        { type: 'separator' },
        {
          label: 'Export Roadmap &PDF',
          submenu: [
            { label: 'A4…', accelerator: 'CmdOrCtrl+P', click: () => actions.exportPdf('a4') },
            { label: 'US Letter…', click: () => actions.exportPdf('letter') },
          ],
        },
        { label: 'Cancel Export', enabled: exporting, click: actions.cancelExport },
        { label: 'Export Workspace JSON…', click: actions.exportJson },
        { label: 'Import Workspace JSON…', click: actions.importJson },
        { label: 'Import People CSV…', click: actions.importPeopleCsv },
        { label: 'Import Capabilities CSV…', click: actions.importCapabilitiesCsv },
        { type: 'separator' },
        { label: 'Restore from &Backup…', click: actions.restoreBackup },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The renderer keeps the undo stack of saved edits; the accelerator is shown here but the
        // keystroke goes to the page (registerAccelerator: false) so that one handler owns it.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: actions.undo },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: actions.redo },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [{ label: `About ${app.getName()}`, click: actions.about }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
