import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const dir = mkdtempSync(join(tmpdir(), 'groundwork-cli-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command line in-process and collects what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdinText: async () => '', readStdin: async () => Buffer.alloc(0) };
  const code = await main(args, io);
  return { code, out, err };
}

describe('groundwork baseline, baselines, progress and plan --as-of', () => {
  const ws = join(dir, 'demo.groundwork');

  it('refuses progress before any baseline exists, and a bad date without touching the file', async () => {
    expect((await cli('demo', '--out', ws, '--today', '2026-10-01')).code).toBe(0);
    const none = await cli('progress', ws);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no baseline/);

    const before = statSync(ws).mtimeMs;
    const bad = await cli('baseline', ws, '--name', 'Q4', '--as-of', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--as-of/);
    const nameless = await cli('baseline', ws, '--as-of', '2026-10-01');
    expect(nameless.code).toBe(2);
    expect(nameless.err).toMatch(/--name/);
    expect(statSync(ws).mtimeMs).toBe(before);
    expect(JSON.parse((await cli('baselines', ws, '--json')).out)).toEqual([]);
  }, 60_000);

  it('saves a baseline, lists it, refuses a second of the same name', async () => {
    const saved = await cli('baseline', ws, '--name', 'Q4 plan', '--as-of', '2026-10-01');
    expect(saved.code).toBe(0);
    const [, items, hires] = /: (\d+) items, (\d+) hires/.exec(saved.out) ?? [];
    expect(Number(items)).toBeGreaterThan(0);

    const list = JSON.parse((await cli('baselines', ws, '--json')).out) as { name: string; asOf: string; items: number; hires: number }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Q4 plan', asOf: '2026-10-01', items: Number(items), hires: Number(hires) });

    const again = await cli('baseline', ws, '--name', 'Q4 plan', '--as-of', '2026-10-01');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--name: a baseline named “Q4 plan” already exists/);
  }, 60_000);

  it('reports what moved since the baseline when nothing was done for a quarter, with the largest causes first', async () => {
    const none = await cli('progress', ws, '--as-of', '2026-10-01');
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/0 done, 0 late, 0 added, 0 removed; 0 hires late or missing; 0 layer gates later, 0 earlier/);

    const later = await cli('progress', ws, '--as-of', '2027-01-15');
    expect(later.code).toBe(0);
    const summary = /(\d+) done, (\d+) late, .*; (\d+) hires? late or missing; (\d+) layer gates? later/.exec(later.out);
    expect(summary, later.out).not.toBeNull();
    expect(Number(summary![2])).toBeGreaterThan(0);
    expect(Number(summary![4])).toBeGreaterThan(0);
    // Causes are listed largest first, at most five per gate, and the rest counted.
    const block = later.out.split('\n\n').find((b) => b.startsWith('Why Move/Store moved'));
    expect(block).toBeDefined();
    const days = [...block!.matchAll(/^\s+(\d+)d /gm)].map((m) => Number(m[1]));
    expect(days.length).toBeGreaterThan(0);
    expect(days.length).toBeLessThanOrEqual(5);
    expect(days).toEqual([...days].sort((a, b) => b - a));

    const json = JSON.parse((await cli('progress', ws, '--as-of', '2027-01-15', '--json')).out) as { causes: { name: string; causes: unknown[] }[] };
    const all = json.causes.find((c) => c.name === 'Move/Store')!.causes.length;
    if (all > 5) expect(block).toContain(`and ${all - 5} smaller cause`);

    const unknown = await cli('progress', ws, '--baseline', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--baseline: no baseline "nope" \(baselines: Q4 plan\)/);
  }, 60_000);

  it('plans as of a later status date: nothing is due before it', async () => {
    const out = JSON.parse((await cli('plan', ws, '--as-of', '2027-01-15', '--json')).out) as { asOf: string; items: { startDate: string | null; status: string }[] };
    expect(out.asOf).toBe('2027-01-15');
    const open = out.items.filter((i) => i.status !== 'done' && i.status !== 'in-progress' && i.startDate !== null);
    expect(open.length).toBeGreaterThan(0);
    for (const item of open) expect(item.startDate! >= '2027-01-15', JSON.stringify(item)).toBe(true);
    const bad = await cli('plan', ws, '--as-of', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--as-of/);
  }, 60_000);
});
