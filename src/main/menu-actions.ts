import { join } from 'node:path';
import type { OpenWorkspaceInfo } from '../shared/app-contract';
import type { IpcResult } from '../shared/contract';
import type { HostClient } from './host-client';

/** A file type a dialog offers. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * What the menu's actions need from the desktop: native dialogs, the taskbar progress, the file
 * manager. Electron provides them in index.ts; tests provide fakes.
 */
export interface Desktop {
  chooseSaveFile(options: { readonly title: string; readonly defaultPath: string; readonly filters: readonly FileFilter[] }): Promise<string | null>;
  chooseOpenFile(options: { readonly title: string; readonly filters: readonly FileFilter[] }): Promise<string | null>;
  fileExists(path: string): boolean;
  showError(title: string, message: string): void;
  /** Resolves with the index of the button pressed. */
  ask(options: { readonly title: string; readonly message: string; readonly detail: string; readonly buttons: readonly string[] }): Promise<number>;
  showInFolder(path: string): void;
  /** Taskbar progress in [0, 1], or null to remove it. */
  setProgress(fraction: number | null): void;
  /** The folder a new export is suggested in (the user's documents). */
  readonly documentsDir: string;
}

export interface MenuActionDeps {
  readonly host: () => HostClient;
  readonly desktop: Desktop;
  /** Called after another workspace was opened (title, recent list, the renderer reloads). */
  readonly opened: (info: OpenWorkspaceInfo) => void;
  /** Called when an export starts (true) and ends (false): the menu enables "Cancel Export" meanwhile. */
  readonly exporting?: (running: boolean) => void;
}

const WORKSPACE_FILES: FileFilter = { name: 'Groundwork workspace', extensions: ['groundwork'] };

export interface MenuActions {
  newWorkspace(): Promise<void>;
  openWorkspace(): Promise<void>;
  openRecent(path: string): Promise<void>;
  saveAs(): Promise<void>;
  exportRoadmapPdf(paper: 'a4' | 'letter'): Promise<void>;
  cancelExport(): void;
  exportWorkspaceJson(): Promise<void>;
  importWorkspaceJson(): Promise<void>;
}

/**
 * The File menu: each action asks the user (native dialogs) and then calls the handler host's app
 * contract, which does the work with the injected `today` and the scenario the window shows. Never
 * throws: a refusal is shown in an error dialog and changes nothing.
 */
export function createMenuActions({ host, desktop, opened, exporting = () => undefined }: MenuActionDeps): MenuActions {
  let running: AbortController | null = null;

  /** The value of a call, or null after showing its error (a cancel is not an error). */
  const valueOf = <T>(title: string, result: IpcResult<T>): T | null => {
    if (result.ok) return result.value;
    if (result.error.code !== 'cancelled') desktop.showError(title, result.error.message);
    return null;
  };

  const open = async (path: string, create: boolean) => {
    const info = valueOf('Could not open the workspace', await host().app('app.open', { path, create }));
    if (info) opened(info);
  };

  return {
    async newWorkspace() {
      const target = await desktop.chooseSaveFile({ title: 'New workspace', defaultPath: 'Untitled.groundwork', filters: [WORKSPACE_FILES] });
      if (!target) return;
      if (desktop.fileExists(target)) {
        desktop.showError('File exists', `${target} already exists. Use File → Open to open it, or choose another name.`);
        return;
      }
      await open(target, true);
    },

    async openWorkspace() {
      const picked = await desktop.chooseOpenFile({ title: 'Open workspace', filters: [WORKSPACE_FILES] });
      if (picked) await open(picked, false);
    },

    openRecent: (path) => open(path, false),

    async saveAs() {
      const current = valueOf('Could not save a copy', await host().app('app.describe', {}));
      if (!current) return;
      const target = await desktop.chooseSaveFile({ title: 'Save workspace as', defaultPath: current.path, filters: [WORKSPACE_FILES] });
      if (!target || target === current.path) return;
      const info = valueOf('Could not save a copy', await host().app('app.saveCopy', { target }));
      if (info) opened(info);
    },

    async exportRoadmapPdf(paper) {
      if (running) {
        desktop.showError('An export is running', 'Wait for the roadmap export to finish, or cancel it (File → Cancel Export).');
        return;
      }
      const current = valueOf('Could not export the roadmap', await host().app('app.describe', {}));
      if (!current) return;
      const paperName = paper === 'a4' ? 'A4' : 'US Letter';
      const file = await desktop.chooseSaveFile({
        title: `Export roadmap PDF — scenario “${current.scenario.name}”, ${paperName}`,
        defaultPath: join(desktop.documentsDir, `${current.organisation || 'Roadmap'} roadmap ${current.today}.pdf`),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!file) return;
      running = new AbortController();
      exporting(true);
      desktop.setProgress(0.02);
      let result;
      try {
        result = await host().app('app.exportRoadmapPdf', { file, paper }, { signal: running.signal, onProgress: (fraction) => desktop.setProgress(Math.max(0.02, fraction)) });
      } finally {
        running = null;
        desktop.setProgress(null);
        exporting(false);
      }
      const exported = valueOf('Could not export the roadmap', result);
      if (!exported) return;
      const answer = await desktop.ask({
        title: 'Roadmap exported',
        message: `Exported the roadmap of scenario “${exported.scenarioName}” (${exported.pages} pages, ${paperName}).`,
        detail: exported.file,
        buttons: ['Show in Folder', 'OK'],
      });
      if (answer === 0) desktop.showInFolder(exported.file);
    },

    cancelExport() {
      running?.abort();
    },

    async exportWorkspaceJson() {
      const current = valueOf('Could not export the workspace', await host().app('app.describe', {}));
      if (!current) return;
      const file = await desktop.chooseSaveFile({
        title: 'Export workspace as JSON',
        defaultPath: current.path.replace(/\.groundwork$/, '') + '.json',
        filters: [{ name: 'Workspace JSON', extensions: ['json'] }],
      });
      if (!file) return;
      valueOf('Could not export the workspace', await host().app('app.exportWorkspaceJson', { file }));
    },

    async importWorkspaceJson() {
      const source = await desktop.chooseOpenFile({ title: 'Import workspace JSON', filters: [{ name: 'Workspace JSON', extensions: ['json'] }] });
      if (!source) return;
      const target = await desktop.chooseSaveFile({
        title: 'Save the imported workspace as',
        defaultPath: source.replace(/\.json$/i, '') + '.groundwork',
        filters: [WORKSPACE_FILES],
      });
      if (!target) return;
      const imported = valueOf('Could not import the workspace', await host().app('app.importWorkspaceJson', { source, target }));
      if (imported) await open(imported.path, false);
    },
  };
}
