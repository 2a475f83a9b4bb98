import { z } from 'zod';
import { method, type ContractShape } from './contract';

/**
 * The app's own actions (the File menu), served by the same handler host as the renderer's
 * contract but callable only by the main process: they take file paths, which come from native
 * dialogs and never from the page. Every payload is still validated against these schemas.
 */

const empty = z.strictObject({});
const filePath = z.string().min(1, 'required').max(4096, 'at most 4096 characters');
const paper = z.enum(['a4', 'letter']);

/** What the main process shows of the open workspace (title bar, dialogs, About). */
export interface OpenWorkspaceInfo {
  readonly path: string;
  /** '' until the organisation is named. */
  readonly organisation: string;
  readonly schemaVersion: number;
  /** The scenario the window shows (`scenario.choose`), or the default one. */
  readonly scenario: { readonly id: string; readonly name: string };
  /** Today as the handlers see it (`YYYY-MM-DD`). */
  readonly today: string;
}

export interface RecoveryInfo {
  readonly newestBackup: { readonly path: string; readonly createdAt: string; readonly capabilities: number; readonly people: number } | null;
}

export interface ExportedRoadmap {
  readonly file: string;
  readonly pages: number;
  readonly scenarioName: string;
}

export const appContract = {
  /** Opens (or, with `create`, creates) a workspace file; the previous one is closed only once it opened. */
  'app.open': method<z.ZodObject<{ path: typeof filePath; create: z.ZodBoolean }>, OpenWorkspaceInfo>(
    z.strictObject({ path: filePath, create: z.boolean() }),
  ),
  'app.describe': method<typeof empty, OpenWorkspaceInfo>(empty),
  /** Save As: a consistent copy at `target`, which is then the open workspace. */
  'app.saveCopy': method<z.ZodObject<{ target: typeof filePath }>, OpenWorkspaceInfo>(z.strictObject({ target: filePath })),
  /** The roadmap PDF of the chosen scenario, as of today; reports progress, can be cancelled. */
  'app.exportRoadmapPdf': method<z.ZodObject<{ file: typeof filePath; paper: typeof paper }>, ExportedRoadmap>(
    z.strictObject({ file: filePath, paper }),
  ),
  'app.exportWorkspaceJson': method<z.ZodObject<{ file: typeof filePath }>, { readonly file: string }>(z.strictObject({ file: filePath })),
  /** A Workspace JSON file into a NEW workspace file at `target` (not opened). */
  'app.importWorkspaceJson': method<z.ZodObject<{ source: typeof filePath; target: typeof filePath }>, { readonly path: string }>(
    z.strictObject({ source: filePath, target: filePath }),
  ),
  /**
   * A workspace that cannot be opened: what is wrong with it, and the newest of its backups that
   * opens in full (null when there is none). Reads only.
   */
  'app.recovery': method<z.ZodObject<{ path: typeof filePath }>, RecoveryInfo>(z.strictObject({ path: filePath })),
  /** Restores `backup` into a NEW file beside `path` (the damaged file is left as it is) and opens it. */
  'app.restoreAsNew': method<z.ZodObject<{ path: typeof filePath; backup: typeof filePath }>, OpenWorkspaceInfo>(
    z.strictObject({ path: filePath, backup: filePath }),
  ),
  /** Closes the workspace cleanly (the app is quitting). */
  'app.close': method<typeof empty, { readonly closed: true }>(empty),
} as const satisfies ContractShape;

export type AppContract = typeof appContract;
export type AppMethod = keyof AppContract;
export type AppMethodInput<M extends AppMethod> = z.input<AppContract[M]['input']>;
export type AppMethodResult<M extends AppMethod> = NonNullable<AppContract[M]['output']>;
