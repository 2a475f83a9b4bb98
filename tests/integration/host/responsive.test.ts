import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessChannel } from '../../../src/host/node-channel';
import { HostClient } from '../../../src/main/host-client';
import { writeLargeWorkspace } from './helpers';

/*
 * The handler host in its own process (as Electron's utility process runs it), over a 500-item
 * workspace. While it renders the roadmap PDF, a ping must come back: the render runs on the
 * host's job worker thread, so the host's own thread is free. The control case runs the same
 * export with the jobs on the host's thread, and there the pings wait for the render — so the
 * check can fail, and does when the heavy work is in the wrong place.
 */

const ENTRY = fileURLToPath(new URL('./fork-entry.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'groundwork-host-'));
const workspaceFile = join(dir, 'large.groundwork');
const started: ChildProcess[] = [];

function startHostProcess(jobs: 'worker' | 'inline'): HostClient {
  const child = fork(ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, GROUNDWORK_HOST_JOBS: jobs, GROUNDWORK_TODAY: '2026-11-27' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.push(child);
  const client = new HostClient(childProcessChannel(child));
  child.once('exit', (code) => client.stopped(`host exited (${code})`));
  return client;
}

interface ExportTimeline {
  /** Page progress messages and pongs, in the order they arrived. */
  readonly events: readonly ('page' | 'pong')[];
  readonly pongsWhileRendering: number;
  readonly maxRoundTripMs: number;
  readonly ok: boolean;
}

/** Exports the PDF and, from the first painted page on, pings the host every 25 ms until it is done. */
async function exportWhilePinging(host: HostClient, file: string): Promise<ExportTimeline> {
  const events: ('page' | 'pong')[] = [];
  const roundTrips: number[] = [];
  let pinger: NodeJS.Timeout | undefined;
  const pings: Promise<number>[] = [];
  const result = await host.app(
    'app.exportRoadmapPdf',
    { file, paper: 'a4' },
    {
      onProgress: (_fraction, stage) => {
        if (!stage.startsWith('page ')) return;
        events.push('page');
        pinger ??= setInterval(() => {
          pings.push(
            host.ping().then((ms) => {
              events.push('pong');
              roundTrips.push(ms);
              return ms;
            }),
          );
        }, 25);
      },
    },
  );
  clearInterval(pinger);
  await Promise.all(pings);
  // Pongs are recorded in the order they arrive, so the first ones are those before the last page.
  const pongsWhileRendering = events.slice(0, events.lastIndexOf('page')).filter((e) => e === 'pong').length;
  return { events, pongsWhileRendering, maxRoundTripMs: Math.max(0, ...roundTrips.slice(0, pongsWhileRendering)), ok: result.ok };
}

beforeAll(() => writeLargeWorkspace(workspaceFile));

afterAll(() => {
  for (const child of started) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the handler host', () => {
  it('answers a ping while a 500-item roadmap PDF renders', async () => {
    const host = startHostProcess('worker');
    const opened = await host.app('app.open', { path: workspaceFile, create: false });
    expect(opened.ok).toBe(true);
    const timeline = await exportWhilePinging(host, join(dir, 'roadmap.pdf'));
    expect(timeline.ok).toBe(true);
    // Some thirty pages (its 125 initiatives on the timeline): a render long enough to ping through.
    expect(timeline.events.filter((e) => e === 'page').length).toBeGreaterThan(25);
    // Pongs arrived between painted pages: the host answered while the render went on.
    expect(timeline.pongsWhileRendering).toBeGreaterThanOrEqual(3);
    console.log(`host ping round trip while rendering: max ${timeline.maxRoundTripMs.toFixed(1)} ms over ${timeline.pongsWhileRendering} pings`);
  }, 120_000);

  it('(control) with the render on the host thread, no ping is answered until the pages are painted', async () => {
    const host = startHostProcess('inline');
    expect((await host.app('app.open', { path: workspaceFile, create: false })).ok).toBe(true);
    const timeline = await exportWhilePinging(host, join(dir, 'roadmap-inline.pdf'));
    expect(timeline.ok).toBe(true);
    expect(timeline.pongsWhileRendering).toBe(0);
  }, 120_000);

  it('cancels an export at once: the call answers "cancelled", no file is written, and the host goes on', async () => {
    const host = startHostProcess('worker');
    expect((await host.app('app.open', { path: workspaceFile, create: false })).ok).toBe(true);
    const target = join(dir, 'cancelled.pdf');
    const controller = new AbortController();
    let lastStage = '';
    const result = await host.app(
      'app.exportRoadmapPdf',
      { file: target, paper: 'a4' },
      {
        signal: controller.signal,
        onProgress: (_fraction, stage) => {
          lastStage = stage;
          if (stage.startsWith('page 5 of')) controller.abort();
        },
      },
    );
    expect(lastStage).toMatch(/^page \d+ of \d+$/);
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([]);
    // A new job gets a new worker; the host itself never stopped.
    const plan = await host.renderer('plan.run', {});
    expect(plan.ok && plan.value.items.length).toBeGreaterThan(400);
  }, 120_000);
});
