import { buildContent } from './content';
import { PageDraft } from './flow';
import { ganttPages } from './gantt';
import { fitText } from './metrics';
import { initiativesOf } from '../planner/initiatives';
import { comparisonPages, decisionsPages, progressPages } from './leadership';
import { appendixPages, coverPage, hiringPages, pyramidPages, roadmapPages, SECTION_TITLES, summaryPages, warningPages } from './sections';
import { FAINT, MUTED, pageFrame, RULE, TYPE } from './theme';
import type { PlanInput, PlanResult } from '../planner/types';
import { compareScenarios } from '../planner/comparison';
import type { Role } from '../domain/types';
import type { ProgressReport } from '../progress/progress';
import type { ComparisonReport, Paper, ReportInput, ReportModel, ReportPage, SectionId } from './types';

/**
 * The roadmap report: what it says (`content`) and every page laid out (`pages`), so that the
 * renderer only paints and the page count, the running header's "page N of M" and the Gantt
 * layout are known — and testable — before any PDF exists. Pure: same input, same model.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.generatedOn)) throw new RangeError(`generatedOn: "${input.generatedOn}" is not an ISO date (YYYY-MM-DD)`);
  if (input.paper !== 'a4' && input.paper !== 'letter') throw new RangeError(`paper: must be "a4" or "letter", got "${String(input.paper)}"`);
  const content = buildContent(input);
  const portrait = pageFrame(input.paper, 'portrait');
  const landscape = pageFrame(input.paper, 'landscape');
  const title = `${content.cover.organisation} — ${content.cover.scenarioName} — Roadmap`;

  // Every section but the cover and the summary first: the summary and the cover refer to their page numbers.
  const decisions = decisionsPages(content, portrait);
  const progress = content.progress ? progressPages(content, portrait) : [];
  const pyramid = pyramidPages(content, portrait, `End of plan (${content.cover.horizon.lastQuarter})`);
  const roadmap = roadmapPages(content, portrait);
  const timeline = ganttPages(input.plan, initiativesOf(input.plan, input.capabilities), landscape, () => new PageDraft('timeline', landscape));
  const hiring = hiringPages(content, portrait);
  const comparison = content.comparison ? comparisonPages(content.comparison, portrait) : [];
  const warnings = warningPages(content, portrait);
  const appendix = appendixPages(content, portrait);
  // The summary is one page by construction (it counts what does not fit and points to it).
  const order: { id: SectionId; pages: readonly PageDraft[] | null }[] = [
    { id: 'decisions', pages: decisions },
    { id: 'summary', pages: null },
    { id: 'progress', pages: progress },
    { id: 'pyramid', pages: pyramid },
    { id: 'roadmap', pages: roadmap },
    { id: 'timeline', pages: timeline },
    { id: 'hiring', pages: hiring },
    { id: 'comparison', pages: comparison },
    { id: 'warnings', pages: warnings },
    { id: 'appendix', pages: appendix },
  ];
  const firstPage = new Map<SectionId, number>([['cover', 1]]);
  let next = 2;
  for (const entry of order) {
    const count = entry.pages === null ? 1 : entry.pages.length;
    if (count === 0) continue;
    firstPage.set(entry.id, next);
    next += count;
  }
  const pageOf = (id: SectionId) => `page ${firstPage.get(id) ?? 1}`;
  const summary = summaryPages(content, portrait, pageOf);
  const sections = order.filter((e) => firstPage.has(e.id)).map(({ id }) => ({ id, title: SECTION_TITLES[id], firstPage: firstPage.get(id) ?? 1 }));
  const cover = coverPage(content, portrait, sections.map((s) => ({ title: s.id === 'progress' && content.progress ? `Progress since “${content.progress.baselineName}”` : s.title, page: s.firstPage })));

  const drafts = [cover, ...order.flatMap((e) => (e.pages === null ? summary : e.pages))];
  const { pages, minFontSize } = finishPages(drafts, title, input.generatedOn);
  return { version: 1, paper: input.paper, title, generatedOn: input.generatedOn, content, sections, pages, minFontSize };
}

/** Numbers the pages and puts the running header and the footer in every page's margins. */
function finishPages(drafts: readonly PageDraft[], title: string, generatedOn: string): { pages: ReportPage[]; minFontSize: number } {
  const total = drafts.length;
  const pages: ReportPage[] = drafts.map((draft, i) => {
    const { frame } = draft;
    const { x, width } = frame.content;
    draft.text(fitText(title, width * 0.7, TYPE.tiny), x, frame.headerY, width * 0.7, { fontSize: TYPE.tiny, color: MUTED });
    draft.text(SECTION_TITLES[draft.section], x + width * 0.7, frame.headerY, width * 0.3, { fontSize: TYPE.tiny, color: FAINT, align: 'right' });
    draft.line(x, frame.headerY + 14, x + width, frame.headerY + 14, RULE, 0.5);
    draft.text(`Prepared on ${generatedOn} with Groundwork`, x, frame.footerY, width / 2, { fontSize: TYPE.tiny, color: FAINT });
    draft.text(`page ${i + 1} of ${total}`, x + width / 2, frame.footerY, width / 2, { fontSize: TYPE.tiny, color: MUTED, align: 'right' });
    return {
      number: i + 1,
      section: draft.section,
      orientation: frame.orientation,
      width: frame.width,
      height: frame.height,
      content: frame.content,
      shapes: draft.shapes,
      texts: draft.texts,
      ...(draft.gantt ? { gantt: draft.gantt } : {}),
    };
  });
  const minFontSize = Math.min(...pages.flatMap((p) => p.texts.map((t) => t.fontSize)));
  return { pages, minFontSize };
}

/**
 * Two or three scenarios' plans compared on their own page(s): what the app's Compare dialog
 * exports as PDF (the same page the roadmap report gets with `--compare`).
 */
export function buildComparisonReport(
  plans: readonly PlanResult[],
  options: { readonly organisation: string; readonly roles: readonly Role[]; readonly generatedOn: string; readonly paper: Paper },
): ComparisonReport {
  if (plans.length < 2 || plans.length > 3) throw new RangeError(`plans: compare two or three, got ${plans.length}`);
  const comparison = compareScenarios(plans, (id) => options.roles.find((r) => r.id === id)?.name ?? id);
  const title = `${options.organisation.trim() || 'Roadmap'} — ${comparison.scenarios.map((s) => s.name).join(' vs ')}`;
  const drafts = comparisonPages(comparison, pageFrame(options.paper, 'portrait'));
  const { pages, minFontSize } = finishPages(drafts, title, options.generatedOn);
  return { version: 1, paper: options.paper, title, generatedOn: options.generatedOn, comparison, pages, minFontSize };
}

/**
 * The roadmap report of a plan, from the same input the plan was made from: what the CLI's
 * `export-pdf` and the app's File → Export Roadmap PDF both print. An organisation without a name
 * yet is called "Roadmap" on the cover.
 */
export function buildRoadmapReport(
  input: PlanInput,
  plan: PlanResult,
  options: { readonly generatedOn: string; readonly paper: Paper; readonly progress?: ProgressReport | null; readonly compareWith?: readonly PlanResult[] },
): ReportModel {
  return buildReportModel({
    progress: options.progress ?? null,
    compareWith: options.compareWith ?? [],
    organisation: { name: input.organisation.name.trim() || 'Roadmap' },
    capabilities: input.capabilities,
    people: input.people,
    roles: input.roles,
    plan,
    generatedOn: options.generatedOn,
    paper: options.paper,
  });
}
