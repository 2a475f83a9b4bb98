import { calendarOf } from '../../../../src/core/domain/calendar';
import { spendByQuarter } from '../../../../src/core/domain/cost';
import { warning } from '../../../../src/core/planner/warnings';
import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { LAYERS } from '../../../../src/core/domain/layers';
import { defaultScenario } from '../../../../src/core/domain/planning';
import { initiativesOf, plan } from '../../../../src/core/planner';
import type { PlanResult, PlanWarning } from '../../../../src/core/planner/types';
import {
  buildReportModel,
  GANTT,
  MIN_FONT_SIZE,
  orderWarnings,
  quarterWindows,
  severityOf,
  type Box,
  type Paper,
  type ReportModel,
  type ReportPage,
} from '../../../../src/core/report';
import { largePlanInput } from '../../../integration/report/large-workspace';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const demoPlan = plan({ ...demo, workItems: [], scenario: defaultScenario(TODAY) });
const demoModel = (paper: Paper = 'a4') => buildReportModel({ ...demo, plan: demoPlan, generatedOn: TODAY, paper });

const large = largePlanInput(500, TODAY);
const largePlan = plan(large);
const largeModel = buildReportModel({ ...large, plan: largePlan, generatedOn: TODAY, paper: 'a4' });

const EPS = 0.01;
/** Tests that plan or lay out a large report inside the test: generous, for a loaded machine. */
const SLOW = 20_000;
const inside = (outer: Box, y: number, height: number) => y >= outer.y - EPS && y + height <= outer.y + outer.height + EPS;

/** Every line of text and every shape but the running header and footer lies in the content box. */
function expectInsideContent(page: ReportPage): void {
  const { content } = page;
  const body = page.texts.filter((t) => t.y >= content.y - EPS && t.y < content.y + content.height);
  const margins = page.texts.filter((t) => !body.includes(t));
  // Only the running header (title, section) and the footer (prepared on, page N of M) sit in the margins.
  expect(margins).toHaveLength(4);
  for (const t of body) {
    expect(t.y + t.lineHeight, `"${t.text}" on page ${page.number}`).toBeLessThanOrEqual(content.y + content.height + EPS);
    expect(t.x).toBeGreaterThanOrEqual(content.x - EPS);
    expect(t.x + t.width, `"${t.text}" on page ${page.number}`).toBeLessThanOrEqual(content.x + content.width + EPS);
  }
  for (const s of page.shapes) {
    if (s.kind === 'rect') {
      expect(s.y + s.height, `rect on page ${page.number}`).toBeLessThanOrEqual(content.y + content.height + EPS);
      expect(s.x + s.width).toBeLessThanOrEqual(content.x + content.width + EPS);
    }
  }
}

function timeline(model: ReportModel): ReportPage[] {
  return model.pages.filter((p) => p.section === 'timeline');
}

describe('report model of the demo', () => {
  const model = demoModel();

  it('has the sections in order, a one-page cover and summary, and numbers every page', () => {
    expect(model.title).toBe('Northwind Commerce — Baseline — Roadmap');
    expect(model.sections.map((s) => s.id)).toEqual(['decisions', 'summary', 'pyramid', 'roadmap', 'timeline', 'hiring', 'warnings', 'appendix']);
    expect(model.pages[0]?.section).toBe('cover');
    expect(model.pages[1]?.section).toBe('decisions');
    expect(model.pages[2]?.section).toBe('summary');
    expect(model.pages[3]?.section).toBe('pyramid');
    for (const s of model.sections) expect(model.pages[s.firstPage - 1]?.section).toBe(s.id);
    model.pages.forEach((page, i) => {
      expect(page.number).toBe(i + 1);
      expect(page.texts.some((t) => t.text === `page ${i + 1} of ${model.pages.length}`)).toBe(true);
      expect(page.texts.some((t) => t.text === model.title)).toBe(true);
    });
  });

  it('keeps everything inside the content box and no type under 8 pt', () => {
    expect(model.minFontSize).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    for (const page of model.pages) expectInsideContent(page);
  });

  it('says where each layer stands, every hire and every warning, most important first', () => {
    expect(model.content.summary.layers.map((l) => l.name)).toEqual(LAYERS.map((l) => l.name));
    expect(model.content.hires.map((h) => h.id).sort()).toEqual(demoPlan.hires.map((h) => h.id).sort());
    expect(model.content.summary.warnings).toHaveLength(demoPlan.warnings.length);
    expect(model.content.summary.warnings[0]?.code).toBe('luxury-hire-early');
    const ranks = model.content.summary.warnings.map((w) => ['critical', 'warning', 'info'].indexOf(w.severity));
    expect(ranks).not.toContain(-1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('is the same for the same input (pure) and survives JSON', () => {
    expect(JSON.parse(JSON.stringify(demoModel()))).toEqual(JSON.parse(JSON.stringify(model)));
  });

  it('uses the paper asked for: A4 595×842 pt, US Letter 612×792 pt, timeline pages landscape', () => {
    const letter = demoModel('letter');
    for (const page of model.pages) expect(page.orientation === 'portrait' ? [page.width, page.height] : [page.height, page.width]).toEqual([595.28, 841.89]);
    for (const page of letter.pages) expect(page.orientation === 'portrait' ? [page.width, page.height] : [page.height, page.width]).toEqual([612, 792]);
    for (const page of timeline(letter)) expect(page.orientation).toBe('landscape');
    for (const page of letter.pages) expectInsideContent(page);
  });

  it('keeps the summary to one page, counting what does not fit instead of dropping it', () => {
    const template = demoPlan.hires[1];
    if (!template) throw new Error('the demo plan has hires');
    const hires = Array.from({ length: 60 }, (_, i) => ({ ...template, id: `hire:x${i}`, quarter: `2027-Q${(i % 4) + 1}-${Math.floor(i / 4)}`, startWeek: i }));
    const busy = buildReportModel({ ...demo, plan: { ...demoPlan, hires }, generatedOn: TODAY, paper: 'letter' });
    const first = busy.sections.find((s) => s.id === 'summary')?.firstPage ?? 0;
    expect(busy.pages[first - 1]?.section).toBe('summary');
    expect(busy.pages[first]?.section).toBe('pyramid');
    const summary = busy.pages[first - 1];
    if (!summary) throw new Error('no summary page');
    expectInsideContent(summary);
    const text = summary.texts.map((t) => t.text).join(' ');
    expect(text).toMatch(/\d+ more hires from .* on: see the hiring plan, page \d+/);
    expect(text).toContain('Most important warnings');
  });

  it('costs the proposed hires when the scenario gives salaries', () => {
    const scenario = { ...defaultScenario(TODAY), salaries: { 'platform-engineer': 120000, 'data-engineer': 110000 } };
    const result = plan({ ...demo, workItems: [], scenario });
    const costed = result.hires.filter((h) => h.source === 'proposed' && h.annualSalary !== null);
    expect(costed.length).toBeGreaterThan(0);
    const total = costed.reduce((sum, h) => sum + (h.annualSalary ?? 0), 0);
    const model = buildReportModel({ ...demo, plan: result, generatedOn: TODAY, paper: 'a4' });
    expect(model.content.summary.headline).toContain(`${total.toLocaleString('en-US')} a year in salaries`);
    const hiring = model.pages.filter((p) => p.section === 'hiring').flatMap((p) => p.texts.map((t) => t.text)).join(' ');
    expect(hiring).toContain('salary 120,000 a year');
    // What leadership approves: the run-rate of the proposed hires, and the spend of each year, by the one cost rule.
    expect(model.content.decisions.budget.costed).toBe(true);
    expect(model.content.decisions.budget.lines.join(' ')).toContain(`${total.toLocaleString('en-US')} a year once all have started`);
    const spend = spendByQuarter(costed, calendarOf(result).quarters);
    const byYear = new Map<string, number>();
    calendarOf(result).quarters.forEach((q, i) => byYear.set(String(q.year), (byYear.get(String(q.year)) ?? 0) + (spend[i]?.spend ?? 0)));
    expect(model.content.decisions.budget.byYear).toEqual([...byYear].map(([label, value]) => ({ label, value: Math.round(value).toLocaleString('en-US') })));
    expect(model.content.assumptions.find((a) => a.label === 'Salaries')?.value).toContain('120,000');
  }, SLOW);

  it('refuses a bad date or paper', () => {
    expect(() => buildReportModel({ ...demo, plan: demoPlan, generatedOn: '27/11/2026', paper: 'a4' })).toThrow(/generatedOn/);
    expect(() => buildReportModel({ ...demo, plan: demoPlan, generatedOn: TODAY, paper: 'a5' as Paper })).toThrow(/paper/);
  });
});

describe('report model of an empty workspace', () => {
  it('still has every section, a timeline page saying there is nothing to schedule, and no hires', () => {
    const empty = { organisation: { name: 'Empty Co' }, capabilities: [], roles: demo.roles, people: [], workItems: [], scenario: defaultScenario(TODAY) };
    const result = plan(empty);
    const model = buildReportModel({ ...empty, plan: result, generatedOn: TODAY, paper: 'a4' });
    for (const s of model.sections) expect(model.pages[s.firstPage - 1]?.section).toBe(s.id);
    const timelinePage = model.pages.find((p) => p.section === 'timeline');
    expect(timelinePage?.gantt?.rows).toEqual([]);
    expect(timelinePage?.texts.some((t) => t.text.startsWith('Nothing to schedule'))).toBe(true);
    expect(model.content.summary.figures[0]?.value).toBe('not tracked');
    expect(model.content.summary.headline).toContain('no capabilities in the inventory');
    for (const page of model.pages) expectInsideContent(page);
  }, SLOW);
});

describe('warning severity', () => {
  it('puts a missed target and a luxury hire before capacity problems, and items past the horizon last', () => {
    expect(severityOf('target-missed')).toBe('critical');
    expect(severityOf('luxury-hire-early')).toBe('critical');
    expect(severityOf('unstaffed-work')).toBe('warning');
    expect(severityOf('beyond-horizon')).toBe('info');
    const w = (code: PlanWarning['code'], message: string, week: number | null): PlanWarning => warning(code, { summary: message, action: '', message, week });
    const warnings: PlanWarning[] = [w('beyond-horizon', 'a', 110), w('hiring-limited', 'b', 20), w('target-missed', 'c', null), w('beyond-horizon', 'd', 105), w('luxury-hire-early', 'e', 50)];
    expect(orderWarnings(warnings).map((w) => w.message)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});

describe('timeline of a 500-item plan', () => {
  const pages = timeline(largeModel);

  it('has 500 items to show', () => {
    expect(largePlan.items).toHaveLength(500);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('shows every initiative and every hire exactly once in each window of quarters, and every scheduled step as a bar', () => {
    const windows = new Set(pages.map((p) => p.gantt?.window.index));
    const initiatives = initiativesOf(largePlan, large.capabilities);
    expect(initiatives.length).toBeLessThan(largePlan.items.length);
    for (const window of windows) {
      const rows = pages.filter((p) => p.gantt?.window.index === window).flatMap((p) => p.gantt?.rows ?? []);
      const shown = rows.filter((r) => r.kind === 'initiative').map((r) => r.id);
      expect(shown).toHaveLength(initiatives.length);
      expect(new Set(shown)).toEqual(new Set(initiatives.map((i) => i.id)));
      expect(rows.filter((r) => r.kind === 'hire').map((r) => r.id).sort()).toEqual(largePlan.hires.map((h) => h.id).sort());
    }
  });

  it('cuts no row off and overlaps none: rows inside the plot area, one below the other, type ≥ 8 pt', () => {
    for (const page of pages) {
      const gantt = page.gantt;
      if (!gantt) throw new Error(`timeline page ${page.number} has no layout`);
      expect(gantt.rows.length).toBeGreaterThan(0);
      expect(inside(page.content, gantt.plot.y, gantt.plot.height)).toBe(true);
      // The quarter scale is on every page, above the rows.
      expect(gantt.scale.y + gantt.scale.height).toBeLessThanOrEqual(gantt.plot.y + EPS);
      const scaleLabels = page.texts.filter((t) => t.y >= gantt.scale.y - EPS && t.y < gantt.scale.y + gantt.scale.height && /^\d{4}-Q\d$/.test(t.text));
      const quarters = calendarOf(largePlan).quartersThrough(calendarOf(largePlan).dateOfWeek(gantt.window.endWeek)).filter((q) => q.startWeek >= gantt.window.startWeek && q.startWeek < gantt.window.endWeek);
      expect(scaleLabels.length).toBe(quarters.length);
      let previousBottom = -Infinity;
      for (const row of gantt.rows) {
        expect(inside(gantt.plot, row.y, row.height), `row ${row.id} on page ${page.number}`).toBe(true);
        expect(row.y).toBeGreaterThanOrEqual(previousBottom - EPS);
        previousBottom = row.y + row.height;
        expect(row.fontSize).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
        expect(row.label.length).toBeLessThanOrEqual(GANTT.maxLabelLines);
        expect(row.height).toBeGreaterThanOrEqual(row.label.length * row.fontSize);
        if (row.bar) {
          expect(row.bar.x).toBeGreaterThanOrEqual(gantt.plot.x - EPS);
          expect(row.bar.x + row.bar.width).toBeLessThanOrEqual(gantt.plot.x + gantt.plot.width + EPS);
        }
      }
      // A page never ends on a group heading.
      expect(gantt.rows[gantt.rows.length - 1]?.kind).not.toBe('group');
      for (const t of page.texts) expect(t.fontSize).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    }
  });

  it('draws each scheduled step where its weeks are, on its initiative’s row', () => {
    const byId = new Map(largePlan.items.map((i) => [i.id, i]));
    const drawn = new Set<string>();
    for (const page of pages) {
      const gantt = page.gantt;
      if (!gantt) continue;
      for (const row of gantt.rows) {
        for (const step of row.steps ?? []) {
          const item = byId.get(step.id);
          if (!item || item.start === null) throw new Error(`a bar for ${step.id}, which is not scheduled`);
          expect(`initiative:${item.capabilityId}`).toBe(row.id);
          drawn.add(step.id);
          if (item.start >= gantt.window.startWeek) expect(step.x).toBeCloseTo(gantt.plot.x + (item.start - gantt.window.startWeek) * gantt.pointsPerWeek, 0);
        }
      }
    }
    expect(drawn).toEqual(new Set(largePlan.items.filter((i) => i.start !== null).map((i) => i.id)));
  });

  it('draws dependency arrows from the step waited for to the step that waits, inside the plot', () => {
    const byId = new Map(largePlan.items.map((i) => [i.id, i]));
    const arrows = pages.flatMap((p) => (p.gantt?.arrows ?? []).map((a) => ({ a, plot: p.gantt?.plot })));
    expect(arrows.length).toBeGreaterThan(0);
    for (const { a, plot } of arrows) {
      const from = byId.get(a.from);
      const to = byId.get(a.to);
      expect(to?.predecessors.includes(a.from) || (to?.placement.kind === 'gate' && to.placement.itemIds?.includes(a.from))).toBe(true);
      expect(from?.finish ?? Infinity).toBeLessThanOrEqual(to?.start ?? -Infinity);
      for (const [x, y] of a.points) {
        expect(x).toBeGreaterThanOrEqual((plot?.x ?? 0) - EPS);
        expect(x).toBeLessThanOrEqual((plot?.x ?? 0) + (plot?.width ?? 0) + EPS);
        expect(inside(plot ?? { x: 0, y: 0, width: 0, height: 0 }, y, 0)).toBe(true);
      }
    }
  });

  it('keeps every page of the whole report inside its content box', () => {
    expect(largeModel.minFontSize).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    for (const page of largeModel.pages) expectInsideContent(page);
  }, SLOW);
});

describe('quarter windows', () => {
  it('splits many quarters into page-wide windows of equal size, never narrower than the minimum', () => {
    expect(quarterWindows(8, 500)).toEqual([{ index: 0, firstQuarter: 0, endQuarter: 8 }]);
    const windows = quarterWindows(30, 500);
    expect(windows.length).toBe(3);
    expect(windows.map((w) => w.endQuarter - w.firstQuarter)).toEqual([10, 10, 10]);
    for (const w of windows) expect(500 / (w.endQuarter - w.firstQuarter)).toBeGreaterThanOrEqual(GANTT.minQuarterWidth);
  });

  it('paginates a long horizon across as well as down, with the scale on every page', () => {
    const long = { ...large, scenario: { ...large.scenario, horizonQuarters: 28, targetDate: '2030-06-30' } };
    const result: PlanResult = plan(long);
    const model = buildReportModel({ ...long, plan: result, generatedOn: TODAY, paper: 'letter' });
    const pages = timeline(model);
    const windowCount = pages[0]?.gantt?.window.count ?? 0;
    expect(windowCount).toBeGreaterThan(1);
    const covered = new Set(pages.map((p) => `${p.gantt?.window.firstQuarter}–${p.gantt?.window.lastQuarter}`));
    expect(covered.size).toBe(windowCount);
    for (const page of pages) expectInsideContent(page);
  }, SLOW);
});
