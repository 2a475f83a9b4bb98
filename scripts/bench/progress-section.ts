import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoOrganisation } from '../../src/core/domain/demo';
import { defaultScenario } from '../../src/core/domain/planning';
import { plan } from '../../src/core/planner';
import { snapshotOf } from '../../src/core/progress/baseline';
import { progressReport } from '../../src/core/progress/progress';
import { createHandlers } from '../../src/host/handlers';
import { dispatch } from '../../src/host/dispatch';
import { loadPlanInput, openWorkspace, openWorkspaceReadOnly } from '../../src/storage';
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

    // The app's path: File ▸ Open (the writable open the host's session makes), then the
    // Progress view's data through the handlers (progress.get: the history copied to the job as a
    // worker would get it), first and again (as after an edit that adds no history).
    const openTimes: number[] = [];
    const firstTimes: number[] = [];
    const againTimes: number[] = [];
    let snapshotMs = 0;
    for (let i = 0; i < 7; i++) {
      let t0 = performance.now();
      const app = openWorkspace(file, { create: false });
      openTimes.push(performance.now() - t0);
      try {
        const handlers = createHandlers({ workspace: () => app, today: () => today });
        const view = async () => {
          const t = performance.now();
          structuredClone(app.listMaturityHistory());
          const result = await dispatch(handlers, 'progress.get', {});
          if (!result.ok) throw new Error(result.error.message);
          return performance.now() - t;
        };
        firstTimes.push(await view());
        againTimes.push(await view());
        t0 = performance.now();
        await dispatch(handlers, 'workspace.snapshot', {});
        snapshotMs = performance.now() - t0;
      } finally {
        app.close();
      }
    }
    const both = openTimes.map((t, i) => t + firstTimes[i]!);
    context.print(
      `          app: open ${median(openTimes).toFixed(1)} ms + Progress view data (progress.get) ${median(firstTimes).toFixed(1)} ms = ${median(both).toFixed(1)} ms median, max ${Math.max(...both).toFixed(1)} ms (target ≤ 200 ms); ` +
        `progress.get again ${median(againTimes).toFixed(1)} ms; workspace.snapshot ${snapshotMs.toFixed(1)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const progressSection: BenchSection = { name: 'progress', run };
