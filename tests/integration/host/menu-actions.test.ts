import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { defaultScenario } from '../../../src/core/domain/planning';
import { workerJobRunner } from '../../../src/host/job-runner';
import { startHost, type RunningHost } from '../../../src/host/start';
import { HostClient } from '../../../src/main/host-client';
import { createMenuActions, type Desktop, type MenuActions } from '../../../src/main/menu-actions';
import type { OpenWorkspaceInfo } from '../../../src/shared/app-contract';
import { loadPlanInput, openWorkspace } from '../../../src/storage';
import { plan } from '../../../src/core/planner';
import { snapshotOf } from '../../../src/core/progress/baseline';
import { MIGRATIONS, memoryChannelPair, sourceJobWorker } from './helpers';

/*
 * The File menu's actions from dialog to file, with fake native dialogs and a real handler host
 * (in this process, over an in-memory channel that copies every message; its jobs on a worker
 * thread, as in the app, so that a cancel reaches it while a PDF renders): what the user picks
 * goes to the host's app contract, which works with the injected today and the chosen scenario.
 */

const TODAY = '2026-11-27';
let dir: string;
let running: RunningHost;
let host: HostClient;
let answers: (string | null)[];
let log: string[];
let opened: OpenWorkspaceInfo[];
let actions: MenuActions;
let demoFile: string;
let onProgress: (fraction: number | null) => void;

const desktop: Desktop = {
  chooseSaveFile: async ({ title, defaultPath }) => {
    log.push(`save: ${title} [${defaultPath}]`);
    return answers.shift() ?? null;
  },
  chooseOpenFile: async ({ title }) => {
    log.push(`open: ${title}`);
    return answers.shift() ?? null;
  },
  fileExists: existsSync,
  showError: (title, message) => log.push(`error: ${title}: ${message}`),
  ask: async ({ message }) => {
    log.push(`ask: ${message}`);
    return 1;
  },
  showInFolder: (path) => log.push(`folder: ${path}`),
  setProgress: (fraction) => onProgress(fraction),
  documentsDir: '/home/lead/Documents',
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'groundwork-menu-'));
  demoFile = join(dir, 'demo.groundwork');
  const workspace = openWorkspace(demoFile, { migrationsDir: MIGRATIONS, now: () => new Date(`${TODAY}T09:00:00Z`) });
  workspace.seed(buildDemoOrganisation(TODAY));
  workspace.createScenario({ ...defaultScenario(TODAY, 'lean'), name: 'Lean', maxHiresPerQuarter: 0, isDefault: false });
  workspace.close();

  const pair = memoryChannelPair();
  running = startHost(pair.host, { migrationsDir: MIGRATIONS, today: () => TODAY, jobs: workerJobRunner(sourceJobWorker) });
  host = new HostClient(pair.client);
  answers = [];
  log = [];
  onProgress = () => undefined;
  opened = [];
  actions = createMenuActions({ host: () => host, desktop, opened: (info) => opened.push(info) });
  const first = await host.app('app.open', { path: demoFile, create: false });
  expect(first.ok).toBe(true);
});

afterEach(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('File → Export Roadmap PDF', () => {
  it('exports the scenario the window shows, dated with the injected today', async () => {
    const scenarios = await host.renderer('workspace.snapshot', {});
    const lean = scenarios.ok ? scenarios.value.scenarios.find((s) => s.name === 'Lean') : undefined;
    expect(lean).toBeDefined();
    expect((await host.renderer('scenario.choose', { scenarioId: lean?.id ?? null })).ok).toBe(true);

    const target = join(dir, 'roadmap.pdf');
    answers = [target];
    await actions.exportRoadmapPdf('letter');

    expect(log[0]).toBe(`save: Export roadmap PDF — scenario “Lean”, US Letter [/home/lead/Documents/Northwind Commerce roadmap ${TODAY}.pdf]`);
    expect(log[1]).toMatch(/^ask: Exported the roadmap of scenario “Lean” \(\d+ pages, US Letter\)\.$/);
    const text = pdftotext(target);
    expect(text).toContain('Lean');
    expect(text).toContain(`Prepared on ${TODAY}`);
  }, 60_000);

  it('adds "Progress since" the scenario’s newest baseline when it has one', async () => {
    await host.app('app.close', {});
    const workspace = openWorkspace(demoFile, { migrationsDir: MIGRATIONS });
    const { input } = loadPlanInput(workspace, { today: TODAY });
    const result = plan(input);
    workspace.createBaseline({ name: 'Q1 as approved', scenarioId: input.scenario.id, snapshot: snapshotOf(result, input.people, input.capabilities) });
    workspace.close();
    expect((await host.app('app.open', { path: demoFile, create: false })).ok).toBe(true);
    const target = join(dir, 'progress.pdf');
    answers = [target];
    await actions.exportRoadmapPdf('a4');
    const text = pdftotext(target);
    expect(text).toContain('Progress since “Q1 as approved”');
    expect(text).toContain('Readiness over time');
  }, 60_000);

  it('exports the default scenario when the chosen one was deleted', async () => {
    const snapshot = await host.renderer('workspace.snapshot', {});
    const lean = snapshot.ok ? snapshot.value.scenarios.find((s) => s.name === 'Lean') : undefined;
    await host.renderer('scenario.choose', { scenarioId: lean?.id ?? null });
    await host.renderer('scenario.delete', { id: lean?.id ?? '' });
    answers = [join(dir, 'default.pdf')];
    await actions.exportRoadmapPdf('a4');
    expect(log[1]).toMatch(/scenario “Baseline”/);
  }, 60_000);

  it('writes nothing when the dialog is cancelled, and a cancelled export shows no error', async () => {
    answers = [null];
    await actions.exportRoadmapPdf('a4');
    expect(log).toHaveLength(1);

    const target = join(dir, 'stopped.pdf');
    answers = [target];
    // Cancelled (File → Cancel Export) once the host reports that it is painting pages.
    let cancelledAt: number | null = null;
    onProgress = (fraction) => {
      if (fraction !== null && fraction > 0.2 && cancelledAt === null) {
        cancelledAt = fraction;
        actions.cancelExport();
      }
    };
    await actions.exportRoadmapPdf('a4');
    expect(cancelledAt).not.toBeNull();
    expect(log.filter((l) => l.startsWith('error') || l.startsWith('ask'))).toEqual([]);
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});

describe('File → New, Open, Save As', () => {
  it('refuses to create over an existing file, opens the new one, and tells the shell', async () => {
    answers = [demoFile];
    await actions.newWorkspace();
    expect(log.at(-1)).toMatch(/^error: File exists: .*demo\.groundwork already exists/);

    const fresh = join(dir, 'fresh.groundwork');
    answers = [fresh];
    await actions.newWorkspace();
    expect(opened.map((o) => o.path)).toEqual([fresh]);
    const snapshot = await host.renderer('workspace.snapshot', {});
    expect(snapshot.ok && snapshot.value.isEmpty).toBe(true);
  });

  it('shows why a file cannot be opened and keeps the open workspace', async () => {
    const notAWorkspace = join(dir, 'notes.groundwork');
    writeFileSync(notAWorkspace, 'hello, this is not SQLite at all, not even close');
    answers = [notAWorkspace];
    await actions.openWorkspace();
    expect(log.at(-1)).toMatch(/^error: Could not open the workspace: .*notes\.groundwork/);
    expect(opened).toEqual([]);
    const info = await host.app('app.describe', {});
    expect(info.ok && info.value.path).toBe(demoFile);
  });

  it('saves a copy and opens it', async () => {
    const copy = join(dir, 'copy.groundwork');
    answers = [copy];
    await actions.saveAs();
    expect(opened.map((o) => [o.path, o.organisation])).toEqual([[copy, 'Northwind Commerce']]);
  });
});

describe('File → Export and Import Workspace JSON', () => {
  it('round-trips the workspace through a JSON file into a new workspace, which it opens', async () => {
    const json = join(dir, 'demo.json');
    answers = [json];
    await actions.exportWorkspaceJson();
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ format: 'groundwork-workspace', organisation: { name: 'Northwind Commerce' } });

    const imported = join(dir, 'imported.groundwork');
    answers = [json, imported];
    await actions.importWorkspaceJson();
    expect(opened.map((o) => o.path)).toEqual([imported]);
  });

  it('refuses a file that is not Workspace JSON, naming it, and writes nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "something else"}');
    const target = join(dir, 'never.groundwork');
    answers = [bad, target];
    await actions.importWorkspaceJson();
    expect(log.at(-1)).toMatch(/^error: Could not import the workspace: .*bad\.json: not a valid Workspace JSON file/);
    expect(readdirSync(dir).filter((f) => f.startsWith('never') || f.includes('import-tmp'))).toEqual([]);
    expect(opened).toEqual([]);
  });
});
