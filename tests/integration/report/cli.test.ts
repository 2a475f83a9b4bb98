import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { scenarioParameters } from '../../../src/core/domain/scenarios';
import { openWorkspace } from '../../../src/storage';

const TODAY = '2026-11-27';
const dir = mkdtempSync(join(tmpdir(), 'groundwork-export-pdf-'));
const workspace = join(dir, 'demo.groundwork');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdinText: async () => '', readStdin: async () => Buffer.alloc(0) };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

function expectRefused(result: { status: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

const pdfs = () => readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'));

beforeAll(async () => {
  expect((await run('demo', '--out', workspace, '--today', TODAY)).status).toBe(0);
});

describe('groundwork export-pdf', () => {
  it('exports the default scenario of a workspace', async () => {
    const out = join(dir, 'roadmap.pdf');
    const result = await run('export-pdf', workspace, '--out', out, '--today', TODAY, '--paper', 'letter');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/roadmap\.pdf: \d+ pages, US Letter, scenario "Baseline"/);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts/);
    expect(info).toMatch(/Title:\s+Northwind Commerce — Baseline — Roadmap/);
    rmSync(out);
  });

  it('exits 2 with one line and writes no file for a missing workspace', async () => {
    const out = join(dir, 'missing.pdf');
    expectRefused(await run('export-pdf', join(dir, 'nope.groundwork'), '--out', out), /nope\.groundwork/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 naming the scenario and the ones there are, and writes no file', async () => {
    const out = join(dir, 'scenario.pdf');
    expectRefused(await run('export-pdf', workspace, '--scenario', 'Moonshot', '--out', out), /--scenario: no scenario "Moonshot".*Baseline/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 naming --paper for a paper it does not know, --out when it is missing or its folder is', async () => {
    expectRefused(await run('export-pdf', workspace, '--paper', 'a5', '--out', join(dir, 'a5.pdf')), /--paper: must be a4 or letter, got "a5"/);
    expectRefused(await run('export-pdf', workspace), /--out FILE is required/);
    expectRefused(await run('export-pdf', workspace, '--out', join(dir, 'no-such-folder', 'x.pdf')), /--out: folder .* does not exist/);
    expectRefused(await run('export-pdf', workspace, '--out', dir), /--out: .* is a folder, not a file/);
    expectRefused(await run('export-pdf', workspace, '--out', join(dir, 'x.pdf'), '--colour', 'red'), /--colour/);
    expect(pdfs()).toEqual([]);
  });

  it('exits 2 naming --baseline or --compare for a baseline or scenario that is not there, and writes no file', async () => {
    const out = join(dir, 'refused.pdf');
    expectRefused(await run('export-pdf', workspace, '--out', out, '--baseline', 'Nope'), /--baseline: no baseline "Nope" in this workspace \(it has none\)/);
    expectRefused(await run('export-pdf', workspace, '--out', out, '--compare', 'Moonshot'), /--compare: no scenario "Moonshot".*Baseline/);
    expectRefused(await run('export-pdf', workspace, '--out', out, '--compare', 'Baseline'), /--compare: name another scenario than "Baseline"/);
    expectRefused(await run('export-pdf', workspace, '--out', out, '--compare', ' , '), /--compare: name one or two scenarios/);
    expect(pdfs()).toEqual([]);
  });

  it('adds "Progress since" the newest baseline of the scenario, or the one named, and a comparison page with --compare', async () => {
    const copy = join(dir, 'with-baseline.groundwork');
    copyFileSync(workspace, copy);
    const ws = openWorkspace(copy, { create: false });
    const base = ws.listScenarios().find((s) => s.isDefault);
    if (!base) throw new Error('the demo has a default scenario');
    ws.createScenario({ ...scenarioParameters(base), name: 'Lean', maxHiresPerQuarter: 1 });
    ws.close();
    expect((await run('baseline', copy, '--name', 'Q1 as approved', '--as-of', TODAY)).status).toBe(0);
    const out = join(dir, 'progress.pdf');
    const later = '2027-02-15';
    const result = await run('export-pdf', copy, '--out', out, '--today', later, '--compare', 'lean');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Progress since “Q1 as approved”');
    expect(text).toContain('Readiness over time');
    expect(text).toContain('Scenario comparison');
    expect(text).toContain('“Baseline” and “Lean”');
    expectRefused(await run('export-pdf', copy, '--out', join(dir, 'other.pdf'), '--baseline', 'Q2'), /--baseline: no baseline "Q2" in this workspace \(baselines: Q1 as approved\)/);
    rmSync(out);
  });
});
