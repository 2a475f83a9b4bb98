import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { LAYERS } from '../../../src/core/domain/layers';
import { defaultScenario } from '../../../src/core/domain/planning';
import { initiativesOf, plan } from '../../../src/core/planner';
import { formatPercent } from '../../../src/core/format';
import { buildReportModel, type Paper, type ReportModel } from '../../../src/core/report';
import { renderRoadmapPdf, writeRoadmapPdf } from '../../../src/report';
import { largePlanInput } from './large-workspace';

const TODAY = '2026-11-27';
const root = resolve(import.meta.dirname, '..', '..', '..');
/** The rendered pages go to the test output, for a person to look at. */
const output = join(root, 'test-results', 'report');
const dir = mkdtempSync(join(tmpdir(), 'groundwork-report-'));

const demo = buildDemoOrganisation(TODAY);
const demoPlan = plan({ ...demo, workItems: [], scenario: defaultScenario(TODAY) });
const model = (paper: Paper): ReportModel => buildReportModel({ ...demo, plan: demoPlan, generatedOn: TODAY, paper });

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const pdftotext = (file: string) => squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
function pdfinfo(file: string): { pages: number; sizes: string[] } {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const sizes = [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gm)].map((m) => m[1] ?? '');
  return { pages, sizes };
}

let demoA4: string;
let demoA4Model: ReportModel;

const stages: string[] = [];
const fetched: string[] = [];

beforeAll(async () => {
  mkdirSync(output, { recursive: true });
  demoA4Model = model('a4');
  demoA4 = join(output, 'demo-a4.pdf');
  // Offline: any request react-pdf tried would be recorded (and fail). yoga-layout loads its
  // WebAssembly through fetch() of a data: URL, which reads memory, not the network: let it be.
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith('data:')) return realFetch(input, init);
    fetched.push(url);
    return Promise.reject(new Error('offline'));
  };
  try {
    await writeRoadmapPdf(demoA4Model, demoA4, { onProgress: (fraction, stage) => stages.push(`${fraction} ${stage}`) });
  } finally {
    globalThis.fetch = realFetch;
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo as a PDF', () => {
  it('says every layer, every hire with its quarter, and every warning', () => {
    const text = pdftotext(demoA4);
    for (const layer of LAYERS) expect(text).toContain(layer.name);
    expect(demoPlan.hires.some((h) => h.source === 'proposed')).toBe(true);
    for (const hire of demoPlan.hires) expect(text).toContain(`${hire.quarter} ${hire.roleName}`);
    expect(demoPlan.warnings.length).toBeGreaterThan(0);
    for (const warning of demoPlan.warnings) expect(text).toContain(squash(warning.message));
    expect(text).toContain('Northwind Commerce — Baseline — Roadmap');
    expect(text).toContain(`page ${demoA4Model.pages.length} of ${demoA4Model.pages.length}`);
  });

  it('renders every page (pdftoppm), as many as the model laid out', () => {
    const prefix = join(output, 'demo-a4');
    for (const f of readdirSync(output)) if (f.startsWith('demo-a4-') && f.endsWith('.png')) rmSync(join(output, f));
    execFileSync('pdftoppm', ['-r', '50', '-png', demoA4, prefix]);
    const pngs = readdirSync(output).filter((f) => f.startsWith('demo-a4-') && f.endsWith('.png'));
    expect(pngs).toHaveLength(demoA4Model.pages.length);
    expect(pdfinfo(demoA4).pages).toBe(demoA4Model.pages.length);
  });

  it('embeds only the bundled font', () => {
    const fonts = execFileSync('pdffonts', [demoA4], { encoding: 'utf8' });
    const names = fonts.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+SourceSans3-/);
  });

  it('is A4 or US Letter as asked, landscape for the timeline', async () => {
    const letterModel = model('letter');
    const letter = join(output, 'demo-letter.pdf');
    await writeRoadmapPdf(letterModel, letter);
    const a4 = pdfinfo(demoA4);
    const us = pdfinfo(letter);
    expect(us.pages).toBe(letterModel.pages.length);
    expect(a4.sizes[0]).toBe('595.28 x 841.89');
    expect(us.sizes[0]).toBe('612 x 792');
    demoA4Model.pages.forEach((p, i) => expect(a4.sizes[i]).toBe(p.orientation === 'portrait' ? '595.28 x 841.89' : '841.89 x 595.28'));
    letterModel.pages.forEach((p, i) => expect(us.sizes[i]).toBe(p.orientation === 'portrait' ? '612 x 792' : '792 x 612'));
  });
});

/** The text of pages `first`–`last` as pdftotext lays it out (columns kept on their lines). */
const pagesText = (file: string, first: number, last: number) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });

describe('the demo PDF as leadership reads it (pdftotext)', () => {
  const pagesOf = (id: string) => {
    const index = demoA4Model.sections.findIndex((s) => s.id === id);
    const first = demoA4Model.sections[index]?.firstPage ?? 0;
    const next = demoA4Model.sections[index + 1]?.firstPage ?? demoA4Model.pages.length + 1;
    return [first, next - 1] as const;
  };

  it('puts the decisions to make right after the cover', () => {
    expect(pagesOf('decisions')).toEqual([2, 2]);
    const text = squash(pagesText(demoA4, 2, 2));
    expect(text).toContain('Decisions for leadership');
    expect(text).toMatch(/Open these \d+ requisitions in 2027-Q1/);
    for (const w of demoPlan.warnings.filter((w) => w.code === 'luxury-hire-early')) expect(text).toContain(squash(w.action));
  });

  it('has no "weeks N–M" and no week numbers on the pages leadership reads, and no role repeated in brackets anywhere', () => {
    const leadership = ['decisions', 'summary', 'pyramid', 'roadmap', 'timeline', 'hiring'].map((id) => pagesText(demoA4, ...pagesOf(id))).join('\n');
    expect(leadership).not.toMatch(/\bweeks? \d+\s*[–-]\s*\d+/);
    expect(leadership).not.toMatch(/\bweek \d+/);
    expect(pdftotext(demoA4)).not.toMatch(/\([^()]*\)\s*\([^()]*\)/);
  });

  it('prints every "End of plan" value as the plan JSON has it at the horizon', () => {
    const [first] = pagesOf('summary');
    const lines = pagesText(demoA4, first, first).split('\n');
    const header = lines.find((l) => l.includes('End of plan'));
    expect(header).toBeDefined();
    let rows = 0;
    for (const layer of demoPlan.layers) {
      const row = new RegExp(`^\\s*${layer.name.replace(/[/]/g, '\\/')}\\s+(\\d+%)\\s+(\\d+%)`);
      const match = lines.map((l) => row.exec(l)).find((m) => m !== null) ?? null;
      expect(match, layer.name).not.toBeNull();
      expect(match?.[1], `${layer.name} now`).toBe(formatPercent(layer.readinessNow));
      expect(match?.[2], `${layer.name} at the end of the plan`).toBe(formatPercent(layer.readinessAtHorizon));
      rows += 1;
    }
    expect(rows).toBe(LAYERS.length);
  });
});

describe('a plan that misses its target (no hiring allowed)', () => {
  it('says every warning, the missed target first, and every item it could not place', async () => {
    const scenario = { ...defaultScenario(TODAY), name: 'No hiring', maxHiresPerQuarter: 0, hiringBudgetPerQuarter: 0 };
    const result = plan({ ...demo, workItems: [], scenario });
    const codes = new Set(result.warnings.map((w) => w.code));
    expect(codes).toContain('target-missed');
    expect(codes).toContain('hiring-limited');
    const zero = buildReportModel({ ...demo, plan: result, generatedOn: TODAY, paper: 'letter' });
    const file = join(output, 'demo-no-hiring-letter.pdf');
    await writeRoadmapPdf(zero, file);
    const text = pdftotext(file);
    for (const warning of result.warnings) expect(text).toContain(squash(warning.message));
    const unscheduled = result.items.filter((i) => i.start === null);
    expect(unscheduled.length).toBeGreaterThan(0);
    expect(text).toContain(`Not scheduled (${unscheduled.length})`);
    for (const item of unscheduled) expect(text).toContain(squash(item.placement.text));
    const summary = squash(zero.pages.find((p) => p.section === 'summary')?.texts.map((t) => t.text).join(' ') ?? '');
    const target = result.layers.find((l) => l.layer === scenario.targetLayer);
    expect(summary).toContain(target?.readyQuarter ?? 'not reached');
    expect(summary.indexOf('target-missed')).toBeLessThan(summary.indexOf('gate-unreachable'));
  });
});

describe('writeRoadmapPdf', () => {
  it('reports progress, fetches nothing, and writes nothing when rendering fails', async () => {
    expect(fetched).toEqual([]);
    expect(stages[0]).toMatch(/^0 /);
    expect(stages[stages.length - 1]).toBe('1 done');
    expect(readFileSync(demoA4).subarray(0, 5).toString()).toBe('%PDF-');

    const target = join(dir, 'failed.pdf');
    const failing = writeRoadmapPdf(demoA4Model, target, {
      onProgress: (_fraction, stage) => {
        if (stage.startsWith('rendering')) throw new Error('disk on fire');
      },
    });
    await expect(failing).rejects.toThrow('disk on fire');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file only once the new one is complete', async () => {
    const target = join(dir, 'existing.pdf');
    writeFileSync(target, 'old');
    await writeRoadmapPdf(demoA4Model, target);
    expect(pdfinfo(target).pages).toBe(demoA4Model.pages.length);
    expect(readdirSync(dir)).toEqual(['existing.pdf']);
  });
});

describe('a 500-item workspace as a PDF', () => {
  it('exports every page the model laid out', async () => {
    const input = largePlanInput(500, TODAY);
    const result = plan(input);
    const large = buildReportModel({ ...input, plan: result, generatedOn: TODAY, paper: 'a4' });
    const file = join(output, 'large-500-a4.pdf');
    const pdf = await renderRoadmapPdf(large);
    expect(Buffer.isBuffer(pdf)).toBe(true);
    writeFileSync(file, pdf);
    expect(pdfinfo(file).pages).toBe(large.pages.length);
    const text = pdftotext(file);
    // Spot-check the timeline: the last initiative of each layer is on a page.
    const initiatives = initiativesOf(result, input.capabilities);
    for (const layer of LAYERS) {
      const last = initiatives.filter((i) => i.layer === layer.id).at(-1);
      if (last) expect(text).toContain(squash(last.title).slice(0, 40));
    }
  });
});
