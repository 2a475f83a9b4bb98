import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { LAYERS } from '../../../../src/core/domain/layers';
import { defaultScenario } from '../../../../src/core/domain/planning';
import { formatPercent } from '../../../../src/core/format';
import { plan, type PlanResult } from '../../../../src/core/planner';
import { snapshotOf, type Baseline } from '../../../../src/core/progress/baseline';
import { progressReport } from '../../../../src/core/progress/progress';
import { buildReportModel, type ReportModel, type ReportPage, type SectionId } from '../../../../src/core/report';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const salaries = { 'data-engineer': 110000, 'platform-engineer': 120000, 'analytics-engineer': 100000, 'data-scientist': 130000, 'ml-engineer': 140000 };
const scenario = { ...defaultScenario(TODAY), salaries };
const demoPlan = plan({ ...demo, workItems: [], scenario });
const model = buildReportModel({ ...demo, plan: demoPlan, generatedOn: TODAY, paper: 'a4' });

/** The pages a leader reads (the appendix, the assumptions and the planner's reasoning are reference). */
const LEADERSHIP: readonly SectionId[] = ['decisions', 'summary', 'progress', 'pyramid', 'roadmap', 'timeline', 'hiring', 'comparison'];
const textOf = (pages: readonly ReportPage[]) => pages.flatMap((p) => p.texts.map((t) => t.text)).join('\n');

/**
 * Every value printed under a heading that starts with "End of plan", paired with the layer named
 * on the same line: the summary's and the pyramid page's table columns and the pyramid's right panel.
 */
function endOfPlanValues(model: ReportModel): { page: number; layer: string; value: string }[] {
  const names = new Set(LAYERS.map((l) => l.name));
  const found: { page: number; layer: string; value: string }[] = [];
  for (const page of model.pages) {
    for (const head of page.texts.filter((t) => t.text.startsWith('End of plan'))) {
      const values = page.texts.filter((t) => {
        const centre = t.x + t.width / 2;
        return t.y > head.y + 1 && centre >= head.x - 1 && centre <= head.x + head.width + 1 && /^(\d+%|—|n\/a)$/.test(t.text);
      });
      for (const v of values) {
        const layer = page.texts.find((t) => names.has(t.text) && Math.abs(t.y - v.y) < 0.5);
        if (layer) found.push({ page: page.number, layer: layer.text, value: v.text });
      }
    }
  }
  return found;
}

describe('the report for leadership', () => {
  it('opens with the decisions to make: requisitions to open this quarter, to pause or move, asks, budget', () => {
    expect(model.pages[1]?.section).toBe('decisions');
    const d = model.content.decisions;
    expect(d.quarter).toBe('2027-Q1');
    const proposed = demoPlan.hires.filter((h) => h.source === 'proposed');
    expect(d.openNow.length + d.openLater.length).toBe(proposed.length);
    for (const h of d.openNow) expect((h.requisitionDate ?? '') <= '2027-03-31').toBe(true);
    for (const h of d.openLater) expect((h.requisitionDate ?? '') > '2027-03-31').toBe(true);
    expect(d.pauseOrMove.map((p) => p.action)).toEqual(demoPlan.warnings.filter((w) => w.code === 'luxury-hire-early').map((w) => w.action));
    const text = textOf(model.pages.filter((p) => p.section === 'decisions'));
    expect(text).toContain(`Open these ${d.openNow.length} requisitions in 2027-Q1`);
    expect(d.openNow.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Pause or move');
    expect(text).toContain('Borrow or contract');
    expect(text).toContain('Budget');
    for (const h of d.openNow) expect(text).toContain(h.requisitionDate ?? '?');
  });

  it('prints at the end of the plan what the plan reaches at its horizon, for every layer', () => {
    const values = endOfPlanValues(model);
    // The summary's table, the pyramid's right panel and its table: six layers each.
    expect(values).toHaveLength(3 * LAYERS.length);
    for (const v of values) {
      const layer = demoPlan.layers.find((l) => l.name === v.layer);
      expect(v.value, `${v.layer} on page ${v.page}`).toBe(formatPercent(layer?.readinessAtHorizon ?? null));
    }
    // The layer above the target is not planned: it does not read as done.
    expect(values.filter((v) => v.layer === 'AI/Deep learning').map((v) => v.value)).toEqual(['0%', '0%', '0%']);
  });

  it('reads in dates, never in plan weeks, on the pages leadership reads', () => {
    const text = textOf(model.pages.filter((p) => LEADERSHIP.includes(p.section)));
    expect(text).not.toMatch(/\bweeks? \d+\s*[–-]\s*\d+/);
    expect(text).not.toMatch(/\bweek \d+/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
  });

  it('never repeats a role in brackets after a name that already says it', () => {
    const text = textOf(model.pages);
    expect(text).not.toMatch(/\([^()]*\)\s*\([^()]*\)/);
    expect(text).toContain('ML engineer (open requisition)');
  });

  it('lists initiatives, not maturity steps, on the roadmap', () => {
    const roadmap = textOf(model.pages.filter((p) => p.section === 'roadmap'));
    expect(roadmap).toContain('Warehouse you can trust: repeatable → managed');
    expect(roadmap).not.toMatch(/: maturity \d → \d/);
  });
});

describe('the progress section', () => {
  it('is there when a progress report is given: the trend, what finished, gates that moved and why, hires', () => {
    const baseline: Baseline = { id: 'b1', name: '2027 plan as approved', scenarioId: scenario.id, asOf: TODAY, createdAt: `${TODAY}T10:00:00.000Z`, snapshot: snapshotOf(demoPlan, demo.people, demo.capabilities) };
    const later = '2027-05-20';
    const now = plan({ ...demo, workItems: [], scenario, asOf: later });
    const progress = progressReport({ baseline, plan: now, workItems: [], people: demo.people, capabilities: demo.capabilities, history: [], asOf: later });
    const withProgress = buildReportModel({ ...demo, plan: now, generatedOn: later, paper: 'a4', progress });
    const section = withProgress.sections.find((s) => s.id === 'progress');
    expect(section?.firstPage).toBe(withProgress.sections.find((s) => s.id === 'summary')!.firstPage + 1);
    const text = textOf(withProgress.pages.filter((p) => p.section === 'progress'));
    expect(text).toContain('Readiness over time');
    expect(text).toContain('Finished this quarter');
    expect(text).toContain('Layer gates that moved, and why');
    expect(text).toContain('Hires against the plan');
    const moved = progress.slips.gates.filter((g) => g.change !== 'on-time');
    expect(moved.length).toBeGreaterThan(0);
    for (const g of moved) expect(text.replace(/\n/g, ' ')).toContain(g.text.slice(0, 40));
    // One chart per layer: a polyline for the baseline's plan at least.
    const lines = withProgress.pages.filter((p) => p.section === 'progress').flatMap((p) => p.shapes.filter((s) => s.kind === 'polyline'));
    expect(lines.length).toBeGreaterThanOrEqual(LAYERS.length);
    expect(textOf(withProgress.pages.slice(0, 1))).toContain('Progress since “2027 plan as approved”');
    for (const page of withProgress.pages) {
      const { content } = page;
      for (const t of page.texts) expect(t.x + t.width, t.text).toBeLessThanOrEqual(content.x + content.width + 0.01);
      for (const sh of page.shapes) if (sh.kind === 'rect') expect(sh.y + sh.height).toBeLessThanOrEqual(content.y + content.height + 0.01);
    }
    expect(text).not.toMatch(/\([^()]*\)\s*\([^()]*\)/);
  });
});

describe('the comparison page', () => {
  it('is there when other plans are given: what differs, when layers are ready, hires and spend', () => {
    const lean: PlanResult = plan({ ...demo, workItems: [], scenario: { ...scenario, id: 'lean', name: 'Lean', isDefault: false, gateThreshold: 0.5, maxHiresPerQuarter: 1 } });
    const compared = buildReportModel({ ...demo, plan: demoPlan, generatedOn: TODAY, paper: 'a4', compareWith: [lean] });
    const text = textOf(compared.pages.filter((p) => p.section === 'comparison'));
    expect(text).toContain('What differs');
    expect(text).toContain('Gate threshold');
    expect(text).toContain('The gate thresholds differ');
    expect(text).toContain('Hires and salary spend by quarter');
    expect(text).not.toContain('· earliest');
    expect(compared.sections.map((s) => s.id)).toContain('comparison');
    for (const page of compared.pages.filter((p) => p.section === 'comparison')) {
      for (const t of page.texts) expect(t.x + t.width, t.text).toBeLessThanOrEqual(page.content.x + page.content.width + 0.01);
      for (const s of page.shapes) if (s.kind === 'rect') expect(s.x + s.width).toBeLessThanOrEqual(page.content.x + page.content.width + 0.01);
    }
  });
});
