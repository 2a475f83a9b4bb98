import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildDemoOrganisation } from '../../src/core/domain/demo';
import { childProcessChannel } from '../../src/host/node-channel';
import { HostClient } from '../../src/main/host-client';
import { openWorkspace } from '../../src/storage';

/*
 * The handler host as the app ships it: the built out/main/host.js (Electron's utility process
 * entry) and the job worker bundled beside it, run on Node with a stand-in for Electron's
 * parentPort. The Electron binary cannot run here; everything below it does.
 */
test('the built handler host opens a workspace, plans, and exports the roadmap PDF on its job worker', async () => {
  const entry = resolve('out/main/host.js');
  expect(existsSync(entry), 'npm run build first').toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-bundle-'));
  const file = join(dir, 'demo.groundwork');
  const workspace = openWorkspace(file, { migrationsDir: resolve('migrations') });
  workspace.seed(buildDemoOrganisation('2026-11-27'));
  workspace.close();

  const child = fork(entry, [JSON.stringify({ migrationsDir: resolve('migrations') })], {
    execArgv: ['--import', resolve('tests/e2e/parent-port-shim.mjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const host = new HostClient(childProcessChannel(child));
  child.once('exit', (code) => host.stopped(`host exited (${code})`));
  try {
    const opened = await host.app('app.open', { path: file, create: false });
    expect(opened).toMatchObject({ ok: true, value: { organisation: 'Northwind Commerce', scenario: { name: 'Baseline' } } });
    const plan = await host.renderer('plan.run', {});
    expect(plan.ok && plan.value.items.length).toBeGreaterThan(10);

    const pdf = join(dir, 'roadmap.pdf');
    const stages: string[] = [];
    const exported = await host.app('app.exportRoadmapPdf', { file: pdf, paper: 'a4' }, { onProgress: (_f, stage) => stages.push(stage) });
    expect(exported).toMatchObject({ ok: true, value: { file: pdf, scenarioName: 'Baseline' } });
    expect(existsSync(pdf)).toBe(true);
    expect(stages.some((s) => /^page \d+ of \d+$/.test(s))).toBe(true);
    expect(await host.ping()).toBeGreaterThanOrEqual(0);
    expect(await host.app('app.close', {})).toEqual({ ok: true, value: { closed: true } });
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
