import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { toIsoDate } from '../core/calendar';
import { plan } from '../core/planner';
import { buildReportModel } from '../core/report';
import { formatWorkspaceJson } from '../core/workspace-json';
import { writeRoadmapPdf } from '../report';
import { exportWorkspaceJson, importWorkspaceJson, loadPlanInput, type WritableWorkspace } from '../storage';

/** File → Export Roadmap PDF: the default scenario's plan, with progress, then "Show in Folder". */
export async function exportRoadmapPdf(win: BrowserWindow, workspace: WritableWorkspace, paper: 'a4' | 'letter'): Promise<void> {
  const today = toIsoDate(new Date());
  const { input, scenario } = loadPlanInput(workspace, { today });
  const organisation = workspace.getOrganisation().name || 'Roadmap';
  const target = await dialog.showSaveDialog(win, {
    title: `Export roadmap PDF — scenario “${scenario.name}”, ${paper === 'a4' ? 'A4' : 'US Letter'}`,
    defaultPath: join(app.getPath('documents'), `${organisation} roadmap ${today}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target.canceled || !target.filePath) return;
  const file = target.filePath;
  try {
    win.setProgressBar(0.02);
    const result = plan(input);
    const model = buildReportModel({
      organisation: { name: organisation },
      capabilities: input.capabilities,
      people: input.people,
      roles: input.roles,
      plan: result,
      generatedOn: today,
      paper,
    });
    await writeRoadmapPdf(model, file, { onProgress: (fraction) => win.setProgressBar(Math.max(0.02, fraction)) });
  } catch (error) {
    dialog.showErrorBox('Could not export the roadmap', error instanceof Error ? error.message : String(error));
    return;
  } finally {
    win.setProgressBar(-1);
  }
  const answer = await dialog.showMessageBox(win, {
    type: 'info',
    title: 'Roadmap exported',
    message: `Exported the roadmap of scenario “${scenario.name}”.`,
    detail: file,
    buttons: ['Show in Folder', 'OK'],
    defaultId: 1,
    cancelId: 1,
  });
  if (answer.response === 0) shell.showItemInFolder(file);
}

/** File → Export Workspace JSON: the whole workspace as versioned JSON, written atomically. */
export async function exportJson(win: BrowserWindow, workspace: WritableWorkspace): Promise<void> {
  const target = await dialog.showSaveDialog(win, {
    title: 'Export workspace as JSON',
    defaultPath: workspace.path.replace(/\.groundwork$/, '') + '.json',
    filters: [{ name: 'Workspace JSON', extensions: ['json'] }],
  });
  if (target.canceled || !target.filePath) return;
  const file = target.filePath;
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, formatWorkspaceJson(exportWorkspaceJson(workspace)), { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    dialog.showErrorBox('Could not export the workspace', error instanceof Error ? error.message : String(error));
  }
}

/**
 * File → Import Workspace JSON: validates the file, writes it to a NEW workspace the user names,
 * and returns its path to open. A bad file is refused with its first problems; nothing is written.
 */
export async function importJson(win: BrowserWindow, options: { migrationsDir: string; nativeBinding: string }): Promise<string | null> {
  const source = await dialog.showOpenDialog(win, {
    title: 'Import workspace JSON',
    properties: ['openFile'],
    filters: [{ name: 'Workspace JSON', extensions: ['json'] }],
  });
  const file = source.filePaths[0];
  if (source.canceled || !file) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    dialog.showErrorBox('Not a Workspace JSON file', `${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const target = await dialog.showSaveDialog(win, {
    title: 'Save the imported workspace as',
    defaultPath: file.replace(/\.json$/i, '') + '.groundwork',
    filters: [{ name: 'Groundwork workspace', extensions: ['groundwork'] }],
  });
  if (target.canceled || !target.filePath) return null;
  try {
    return importWorkspaceJson(json, target.filePath, { ...options, overwrite: false }).path;
  } catch (error) {
    dialog.showErrorBox('Could not import the workspace', error instanceof Error ? error.message : String(error));
    return null;
  }
}
