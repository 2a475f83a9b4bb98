import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoOrganisation } from '../../src/core/domain/demo';
import { defaultScenario } from '../../src/core/domain/planning';
import { plan } from '../../src/core/planner';
import { snapshotOf } from '../../src/core/progress/baseline';
import { progressReport } from '../../src/core/progress/progress';
import { workerJobRunner } from '../../src/host/job-runner';
import { startHost } from '../../src/host/start';
import { HostClient } from '../../src/main/host-client';
import { backupFolderFor, loadPlanInput, openWorkspace, openWorkspaceReadOnly } from '../../src/storage';
import { memoryChannelPair, sourceJobWorker } from '../../tests/integration/host/helpers';
import { writeRestoredWorkspace } from '../../src/storage/workspace';
import { median, type BenchContext, type BenchSection } from './context';

/**
 * A workspace lived in for five years: the demo organisation with weekly maturity changes (about
 * 50,000 history rows) and ten baselines. Times what the Progress view needs: open the file
 * read-only, load and plan the scenario, and build the progress report against the newest baseline.
 */
async function run(context: BenchContext): Promise<void> {
  if (!context.wants('progress')) return;
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-bench-progress-'));
  try {
    const today = '2031-12-01';
    const demo = buildDemoOrganisation('2026-12-01');
    const scenario = defaultScenario(today);
    const history: { at: string; entity: 'capability'; entityId: string; field: 'currentMaturity'; oldValue: string; newValue: string }[] = [];
    // 260 weeks × 31 capabilities × ~6 changes a week… about 50k rows: maturities moving up and down.
    for (let week = 0; week < 260; week++) {
      const at = new Date(Date.UTC(2026, 11, 7 + week * 7, 9)).toISOString();
      for (let i = 0; i < demo.capabilities.length; i++) {
        for (let k = 0; k < 6; k++) {
          const from = (week + i + k) % 4;
          history.push({ at, entity: 'capability', entityId: demo.capabilities[i]!.id, field: 'currentMaturity', oldValue: String(from), newValue: String((from + 1) % 4) });
        }
      }
    }
    const file = join(dir, 'lived-in.groundwork');
    writeRestoredWorkspace(file, {
      organisation: demo.organisation,
      capabilities: demo.capabilities,
      roles: demo.roles,
      people: demo.people,
      workItems: [],
      scenarios: [{ ...scenario, id: 'default' }],
      history,
    });
    const ws = openWorkspace(file, { create: false });
    const { input } = loadPlanInput(ws, { today, asOf: today });
    const planned = plan(input);
    for (let b = 0; b < 10; b++) ws.createBaseline({ name: `Quarter ${b + 1} plan`, scenarioId: 'default', snapshot: snapshotOf(planned, input.people, input.capabilities) });
    ws.close();

    const times: number[] = [];
    let rows = 0;
    const stored = openWorkspaceReadOnly(file);
    const storedRows = stored.listHistory().length;
    stored.close();
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const workspace = openWorkspaceReadOnly(file);
      const { input: loaded } = loadPlanInput(workspace, { today, asOf: today });
      const baseline = workspace.getBaseline(workspace.listBaselineSummaries()[0]!.id)!;
      const historyRows = workspace.listMaturityHistory();
      rows = historyRows.length;
      progressReport({ baseline, plan: plan(loaded), workItems: loaded.workItems, people: loaded.people, capabilities: loaded.capabilities, history: historyRows, asOf: today });
      workspace.close();
      times.push(performance.now() - t0);
    }
    context.print(`progress: ${storedRows.toLocaleString('en-US')} history rows (${rows.toLocaleString('en-US')} once a day's changes are one), 10 baselines, ${(statSync(file).size / 1024 ** 2).toFixed(1)} MiB — CLI: open read-only + plan + progress report median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target ≤ 200 ms)`);

    // The app's path, as the app runs it: the handler host (startHost) over a channel that copies
    // every message, jobs on a worker thread, the automatic backup on open. File ▸ Open
    // (app.open), then the Progress view's data (progress.get), timed from the caller's side. The
    // backup folder is emptied before each open, so that every open makes a backup (the worst
    // case: an unchanged workspace skips it). One open and view first, as at start-up, so that
    // the job worker is running, as it is in the app once the first plan was made.
    const pair = memoryChannelPair();
    const host = startHost(pair.host, { today: () => today, jobs: workerJobRunner(sourceJobWorker) });
    const client = new HostClient(pair.client);
    const backups = backupFolderFor(file);
    const expectOk = <T,>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const hasOpenBackup = () => existsSync(backups) && readdirSync(backups).some((name) => name.includes('.open.') && name.endsWith('.groundwork'));
    /** Seven opens (after one to warm up), each followed by the view twice; `backup`: empty the backup folder first, so that the open makes one. */
    const measure = async (backup: boolean) => {
      const times = { open: [] as number[], first: [] as number[], again: [] as number[] };
      for (let i = -1; i < 7; i++) {
        if (backup) rmSync(backups, { recursive: true, force: true });
        let t0 = performance.now();
        expectOk(await client.app('app.open', { path: file, create: false }));
        const opened = performance.now() - t0;
        t0 = performance.now();
        expectOk(await client.renderer('progress.get', {}));
        const first = performance.now() - t0;
        t0 = performance.now();
        expectOk(await client.renderer('progress.get', {}));
        const again = performance.now() - t0;
        // The automatic backup finishes before the next open (it runs beside the view, on the host).
        const waitUntil = performance.now() + 30_000;
        while (!hasOpenBackup()) {
          if (performance.now() > waitUntil) throw new Error(`progress bench: no automatic backup appeared in ${backups} within 30 s of opening the workspace`);
          await new Promise((r) => setTimeout(r, 5));
        }
        if (i < 0) continue;
        times.open.push(opened);
        times.first.push(first);
        times.again.push(again);
      }
      return times;
    };
    const line = (label: string, times: { open: number[]; first: number[]; again: number[] }) => {
      const both = times.open.map((t, i) => t + times.first[i]!);
      return (
        `File ▸ Open ${median(times.open).toFixed(1)} ms + Progress view data (progress.get) ${median(times.first).toFixed(1)} ms = ${median(both).toFixed(1)} ms median, ` +
        `max ${Math.max(...both).toFixed(1)} ms (target ≤ 200 ms); progress.get again ${median(times.again).toFixed(1)} ms — ${label}`
      );
    };
    try {
      const withBackup = await measure(true);
      // The usual open: the newest backup holds the same content (same content token), so none is made.
      const unchanged = await measure(false);
      context.print(`          app: ${line('a backup made at each open (a new or changed file)', withBackup)}`);
      context.print(`          app: ${line('no backup needed (unchanged since the newest one)', unchanged)}`);
      context.print('          (app: the handler host over a channel that copies every message, jobs on a worker thread)');
    } finally {
      await host.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const progressSection: BenchSection = { name: 'progress', run };
