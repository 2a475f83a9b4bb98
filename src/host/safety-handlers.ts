import { basename, dirname, join, resolve } from 'node:path';
import { describeBackupChange } from '../core/backups/rotation';
import { comparisonTable, headcountTable, hiringTable, inventoryTable, roadmapTable, CSV_TABLE_LABELS, type CsvTable, type Table } from '../core/csv';
import { plan } from '../core/planner';
import type { BackupList, WorkspaceSnapshot } from '../shared/contract';
import {
  applyCsvImport,
  backupFolderFor,
  BackupError,
  createBackup,
  CsvError,
  listBackups,
  loadPlanInput,
  restoreBackup,
  tableToCsv,
  writeFileAtomically,
  type RestoreResult,
  type WritableWorkspace,
  previewCsvImport,
} from '../storage';
import { HandlerError, type Handlers } from './dispatch';

/** What the user is asked when a file is to be written (Electron: a save dialog; tests: a path). */
export interface SaveRequest {
  readonly title: string;
  readonly defaultName: string;
  readonly extensions: readonly string[];
}

/** The open workspace, and what can be done to it as a whole. */
export interface SessionLike {
  readonly current: WritableWorkspace;
  /** Closes the open workspace, restores `backup` over its file (backed up first), opens it again. */
  restoreOver(backup: string): Promise<RestoreResult>;
  /** Opens another workspace file (closing the current one once the new one is open). */
  switchTo(path: string, create: boolean): WritableWorkspace;
}

export interface SafetyDeps {
  readonly workspace: () => WritableWorkspace;
  readonly today: () => string;
  readonly session?: SessionLike;
  readonly chooseSavePath?: (request: SaveRequest) => Promise<string | null>;
  /** Called after another workspace was opened by a handler (a restore into a new file). */
  readonly onSwitched?: (path: string) => void;
}

type SafetyMethods = 'backup.list' | 'backup.create' | 'backup.restore' | 'csv.preview' | 'csv.import' | 'csv.export';

function decode(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

function overrides(columns: readonly (string | null)[] | undefined): ReadonlyMap<number, string | null> | undefined {
  return columns === undefined ? undefined : new Map(columns.map((field, index) => [index, field] as const));
}

/** The handlers of backups, restore and CSV (see the contract), as a plain function of their dependencies. */
export function createSafetyHandlers(deps: SafetyDeps, snapshot: () => WorkspaceSnapshot): Pick<Handlers, SafetyMethods> {
  const list = (): BackupList => {
    const path = deps.workspace().path;
    const backups = listBackups(path);
    return {
      workspace: path,
      folder: backupFolderFor(path),
      backups: backups.map((b, i) => ({
        path: b.path,
        createdAt: b.createdAt,
        reason: b.reason,
        bytes: b.bytes,
        counts: b.counts,
        problem: b.problem,
        change: describeBackupChange(b, backups[i + 1]),
      })),
    };
  };
  const session = () => {
    if (!deps.session) throw new HandlerError('internal', 'restoring needs the workspace session');
    return deps.session;
  };
  const choose = async (request: SaveRequest) => {
    if (!deps.chooseSavePath) throw new HandlerError('internal', 'saving a file needs a save dialog');
    return deps.chooseSavePath(request);
  };
  const csvError = (error: unknown): never => {
    if (error instanceof CsvError) throw new HandlerError('invalid-input', error.message, 'data');
    throw error;
  };

  const tableOf = (table: CsvTable, scenarioId?: string, scenarioIds?: readonly string[], asOf?: string): Table => {
    const ws = deps.workspace();
    const planOf = (id?: string) =>
      plan(loadPlanInput(ws, { today: deps.today(), ...(id === undefined ? {} : { scenario: id }), ...(asOf === undefined ? {} : { asOf }) }).input);
    switch (table) {
      case 'inventory':
        return inventoryTable(ws.listCapabilities());
      case 'headcount':
        return headcountTable(ws.listPeople(), ws.listRoles());
      case 'hiring':
        return hiringTable(planOf(scenarioId));
      case 'roadmap':
        return roadmapTable(planOf(scenarioId), ws.listRoles());
      case 'comparison': {
        const ids = scenarioIds ?? ws.listScenarios().slice(0, 3).map((s) => s.id);
        if (ids.length < 2) throw new HandlerError('invalid-input', 'a comparison needs two or three scenarios', 'scenarioIds');
        const roles = ws.listRoles();
        return comparisonTable(
          ids.map((id) => planOf(id)),
          (id) => roles.find((r) => r.id === id)?.name ?? id,
        );
      }
    }
  };

  return {
    'backup.list': () => list(),
    'backup.create': async () => {
      await createBackup(deps.workspace(), 'manual', { skipIfUnchanged: false });
      return list();
    },
    'backup.restore': async ({ path, target, savePath }) => {
      // Only a backup the list offered: the renderer never names an arbitrary file to read.
      const offered = listBackups(deps.workspace().path).find((b) => b.path === resolve(path));
      if (!offered) throw new HandlerError('not-found', 'no such backup of this workspace', 'path');
      if (offered.problem !== null) throw new HandlerError('constraint', `this backup cannot be restored: ${offered.problem}`, 'path');
      try {
        if (target === 'current') {
          const result = await session().restoreOver(offered.path);
          return { snapshot: snapshot(), restoredTo: result.path, undoBackup: result.replacedBackup?.path ?? null };
        }
        const current = deps.workspace().path;
        const stem = basename(current).replace(/\.groundwork$/i, '');
        const day = offered.createdAt.slice(0, 10);
        // The main process asks where (and passes savePath); the browser-test bridge asks its fake.
        const chosen = savePath ?? (await choose({ title: 'Restore the backup into a new workspace', defaultName: join(dirname(current), `${stem} (restored ${day}).groundwork`), extensions: ['groundwork'] }));
        if (chosen === null) return { snapshot: snapshot(), restoredTo: current, undoBackup: null };
        if (resolve(chosen) === current) throw new HandlerError('conflict', 'choose another file than the open workspace (or restore over it)', 'target');
        const result = await restoreBackup(offered.path, chosen, { overwrite: true });
        session().switchTo(result.path, false);
        deps.onSwitched?.(result.path);
        return { snapshot: snapshot(), restoredTo: result.path, undoBackup: null };
      } catch (error) {
        if (error instanceof BackupError) throw new HandlerError(error.code === 'not-found' ? 'not-found' : 'conflict', error.message, 'path');
        throw error;
      }
    },
    'csv.preview': ({ kind, data, columns }) => {
      try {
        return previewCsvImport(deps.workspace(), kind, decode(data), overrides(columns));
      } catch (error) {
        return csvError(error);
      }
    },
    'csv.import': async ({ kind, data, columns }) => {
      const ws = deps.workspace();
      const bytes = decode(data);
      // Checked before the backup, so a bad file costs nothing; checked again inside the write.
      let preview;
      try {
        preview = previewCsvImport(ws, kind, bytes, overrides(columns));
      } catch (error) {
        return csvError(error);
      }
      if (preview.fileProblems.length > 0 || preview.counts.invalid > 0) {
        throw new HandlerError('invalid-input', `nothing was imported: ${preview.counts.invalid} row(s) with problems`, 'data');
      }
      const backup = await createBackup(ws, 'csv-import', { skipIfUnchanged: false });
      try {
        const result = applyCsvImport(ws, kind, bytes, overrides(columns));
        return { snapshot: snapshot(), created: result.created, updated: result.updated, backup: backup?.path ?? null };
      } catch (error) {
        return csvError(error);
      }
    },
    'csv.export': async ({ table, scenarioId, scenarioIds, asOf, savePath }) => {
      const text = tableToCsv(tableOf(table, scenarioId, scenarioIds, asOf));
      const ws = deps.workspace();
      const stem = basename(ws.path).replace(/\.groundwork$/i, '');
      const chosen =
        savePath ??
        (await choose({
          title: `Export ${CSV_TABLE_LABELS[table].toLowerCase()} as CSV`,
          defaultName: join(dirname(ws.path), `${stem} ${table} ${deps.today()}.csv`),
          extensions: ['csv'],
        }));
      if (chosen === null) return { path: null };
      writeFileAtomically(chosen, text);
      return { path: resolve(chosen) };
    },
  };
}
