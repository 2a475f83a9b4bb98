import { layerById, LAYERS } from '../domain/layers';
import { columns, Flow, lineHeightOf, PageDraft, round, type TableRow } from './flow';
import { formatDateRange, formatMoney, formatPercent as percent } from '../format';
import { fitText, measureText, wrapText } from './metrics';
import { ACCENT, FAINT, GOOD, INK, LAYER_COLORS, MUTED, OTHER_COLOR, PANEL, RULE, SEVERITY_COLORS, tint, TYPE, type PageFrame } from './theme';
import type { LayerStanding, ReportContent, ReportWarning, SectionId } from './types';

/** "mean 47% · 0 of 9 steps now, 9 by the end": the progress inside a layer that its weakest capability hides. */
export function insideLayer(l: LayerStanding): string {
  if (l.capabilityCount === 0) return '—';
  if (l.notNeeded) return `mean ${percent(l.meanNow)}`;
  if (l.stepsNeeded === 0) return `mean ${percent(l.meanNow)} · at target`;
  return `mean ${percent(l.meanNow)} · ${l.stepsDoneAtEnd} of ${l.stepsNeeded} steps done by the end`;
}

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  cover: 'Cover',
  decisions: 'Decisions for leadership',
  summary: 'Summary',
  progress: 'Progress since the baseline',
  pyramid: 'The pyramid, now and at the end of the plan',
  roadmap: 'Roadmap, quarter by quarter',
  timeline: 'Timeline',
  hiring: 'Hiring plan',
  comparison: 'Scenario comparison',
  warnings: 'Warnings and assumptions',
  appendix: 'Appendix: inventory and headcount',
};

/** A section's pages start with its title; pages it runs on to say "(continued)". */
export function sectionFlow(section: SectionId, frame: PageFrame): Flow {
  return new Flow(section, frame, (page, index) => {
    const { x, y, width } = frame.content;
    if (index === 0) {
      const h = page.text(SECTION_TITLES[section], x, y, width, { fontSize: TYPE.h1, weight: 600, color: ACCENT });
      page.line(x, y + h + 4, x + width, y + h + 4, ACCENT, 1);
      return h + 14;
    }
    const h = page.text(`${SECTION_TITLES[section]} (continued)`, x, y, width, { fontSize: TYPE.h2, weight: 600, color: MUTED });
    return h + 8;
  });
}

export const SEVERITY_LABEL = { critical: 'Critical', warning: 'Warning', info: 'Info' } as const;

/** The severity's mark beside its label: a filled triangle (critical), a filled circle (warning), an outlined circle (info). */
export function severityMark(page: PageDraft, severity: ReportWarning['severity'], x: number, y: number): void {
  const color = SEVERITY_COLORS[severity];
  if (severity === 'critical') page.shape({ kind: 'polygon', points: [[round(x + 3.5), round(y)], [round(x + 7), round(y + 6.5)], [round(x), round(y + 6.5)]], fill: color, stroke: null });
  else if (severity === 'warning') page.rect(x, y, 7, 7, color, null, { radius: 3.5 });
  else page.rect(x + 0.5, y + 0.5, 6, 6, null, color, { radius: 3, strokeWidth: 1 });
}

/**
 * A warning as a row: severity (mark, word) and code on the left; beside them the one-line
 * summary, what to do, and — when `full` — the whole reason.
 */
function warningBlock(flow: Flow, warning: ReportWarning, full: boolean): void {
  const tag = 92;
  const lh = lineHeightOf(TYPE.body);
  const slh = lineHeightOf(TYPE.small);
  const width = flow.width - tag;
  const summary = wrapText(warning.summary, width, TYPE.body, 600);
  const action = warning.action ? wrapText(`→ ${warning.action}`, width, TYPE.body) : [];
  const reason = full ? wrapText(`Why: ${warning.message}`, width, TYPE.small) : [];
  const height = Math.max(2 * lh, summary.length * lh + action.length * lh + reason.length * slh) + 6;
  if (!flow.fits(height)) flow.newPage();
  const color = SEVERITY_COLORS[warning.severity];
  flow.page.rect(flow.left, flow.y + 2, 3, height - 6, color);
  severityMark(flow.page, warning.severity, flow.left + 9, flow.y + 3);
  flow.page.text(SEVERITY_LABEL[warning.severity], flow.left + 20, flow.y, tag - 22, { fontSize: TYPE.small, weight: 600, color });
  flow.page.text(warning.code, flow.left + 9, flow.y + lh, tag - 12, { fontSize: TYPE.tiny, color: MUTED });
  let y = flow.y;
  for (const line of summary) y += flow.page.text(line, flow.left + tag, y, width, { weight: 600 });
  for (const line of action) y += flow.page.text(line, flow.left + tag, y, width, { color: ACCENT });
  for (const line of reason) y += flow.page.text(line, flow.left + tag, y, width, { fontSize: TYPE.small, color: MUTED });
  flow.y += height;
}

export function summaryPages(content: ReportContent, frame: PageFrame, firstPageOf: (id: SectionId) => string): PageDraft[] {
  const flow = sectionFlow('summary', frame);
  const { summary } = content;
  flow.paragraph(summary.headline, { fontSize: 11, color: INK });
  flow.gap(10);
  // Four figures a reader takes in at a glance.
  const tileGap = 10;
  const tileWidth = (flow.width - 3 * tileGap) / 4;
  const tileHeight = 62;
  summary.figures.forEach((figure, i) => {
    const x = flow.left + i * (tileWidth + tileGap);
    const color = figure.tone === 'good' ? GOOD : figure.tone === 'bad' ? SEVERITY_COLORS.critical : ACCENT;
    flow.page.rect(x, flow.y, tileWidth, tileHeight, PANEL, null, { radius: 3 });
    flow.page.rect(x, flow.y, 3, tileHeight, color);
    flow.page.text(fitText(figure.value, tileWidth - 18, 18, 600), x + 11, flow.y + 6, tileWidth - 16, { fontSize: 18, weight: 600, color });
    flow.page.text(fitText(figure.label, tileWidth - 18, TYPE.small, 600), x + 11, flow.y + 30, tileWidth - 16, { fontSize: TYPE.small, weight: 600 });
    flow.page.text(fitText(figure.note, tileWidth - 18, TYPE.tiny), x + 11, flow.y + 44, tileWidth - 16, { fontSize: TYPE.tiny, color: MUTED });
  });
  flow.y += tileHeight + 6;

  flow.heading('Where each layer stands');
  const cols = columns(flow.width, [
    { header: 'Layer', width: 88, weight: 600 },
    { header: 'Ready now', width: 38, align: 'right' },
    { header: 'End of plan', width: 44, align: 'right' },
    { header: 'Progress', width: 56 },
    { header: 'Inside the layer', width: 100 },
    { header: 'Reaches its gate', width: null },
  ], 8, 10);
  const progress = cols[3];
  const rows: TableRow[] = [...summary.layers].reverse().map((l) => ({
    swatch: l.color,
    cells: [l.name, percent(l.readinessNow), percent(l.readinessAtEnd), '', insideLayer(l), l.status],
    muted: l.capabilityCount === 0 || l.notNeeded,
  }));
  const placed = flow.table(cols, rows);
  // Progress bars drawn into the empty column: pale for the end of the plan, solid for now.
  if (progress) {
    const x = flow.left + 10 + cols.slice(0, 3).reduce((s, c) => s + c.width + 8, 0);
    const barTop = 3.5 + (lineHeightOf(TYPE.small) - 7) / 2;
    [...summary.layers].reverse().forEach((l, i) => {
      const row = placed[i];
      if (!row) return;
      const y = row.y + barTop;
      row.page.rect(x, y, progress.width, 7, PANEL, RULE, { strokeWidth: 0.4, radius: 1.5 });
      if (l.readinessAtEnd) row.page.rect(x, y, progress.width * l.readinessAtEnd, 7, tint(l.color, 0.6), null, { radius: 1.5 });
      if (l.readinessNow) row.page.rect(x, y, progress.width * l.readinessNow, 7, l.color, null, { radius: 1.5 });
    });
  }
  flow.gap(4);
  flow.paragraph(
    'Readiness is the weakest capability’s maturity against its target (solid: now; pale: at the end of the plan). “Inside the layer” shows the effort the weakest link hides: the mean over the layer’s capabilities, and the maturity steps done by the end of the plan of those the targets need.',
    { fontSize: TYPE.tiny, color: MUTED },
  );

  flow.heading('Hires by quarter');
  if (summary.hiresByQuarter.length === 0) flow.paragraph('No hires in this plan.', { color: MUTED });
  // Leaves room for the warnings below; quarters that do not fit are counted, not dropped silently.
  const reserve = 4 * lineHeightOf(TYPE.body) + 60;
  const lh = lineHeightOf(TYPE.body);
  for (const [index, q] of summary.hiresByQuarter.entries()) {
    const lines = wrapText(q.hires.map((h) => (h.statusLabel === 'Proposed' ? h.roleName : `${h.roleName} (${h.statusLabel.toLowerCase()})`)).join(', '), flow.width - 70, TYPE.body);
    if (!flow.fits(lines.length * lh + reserve)) {
      const left = summary.hiresByQuarter.slice(index);
      const count = left.reduce((n, l) => n + l.hires.length, 0);
      flow.paragraph(`${count} more hire${count === 1 ? '' : 's'} from ${left[0]?.quarter ?? ''} on: see the hiring plan, ${firstPageOf('hiring')}.`, { color: MUTED, italic: true });
      break;
    }
    flow.page.text(q.quarter, flow.left, flow.y, 64, { weight: 600 });
    lines.forEach((line, i) => flow.page.text(line, flow.left + 70, flow.y + i * lh, flow.width - 70));
    flow.y += lines.length * lh + 2;
  }

  flow.heading('Most important warnings');
  if (summary.warnings.length === 0) flow.paragraph('The planner raised no warnings.', { color: MUTED });
  // At most five, critical and warning ones first; info ones only while nothing more serious is left.
  const noteHeight = 2 * lineHeightOf(TYPE.body) + 4;
  const shown: ReportWarning[] = [];
  for (const w of summary.warnings) {
    if (shown.length >= 5 || (w.severity === 'info' && shown.some((s) => s.severity !== 'info') && shown.length >= 3)) break;
    const lines = wrapText(w.summary, flow.width - 92, TYPE.body, 600).length + wrapText(`→ ${w.action}`, flow.width - 92, TYPE.body).length;
    if (!flow.fits(Math.max(2, lines) * lineHeightOf(TYPE.body) + 6 + noteHeight)) break;
    warningBlock(flow, w, false);
    shown.push(w);
  }
  const rest = summary.warnings.slice(shown.length);
  if (rest.length > 0) {
    const byCode = new Map<string, number>();
    for (const w of rest) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
    const list = [...byCode].map(([code, n]) => `${n} ${code}`).join(', ');
    flow.gap(2);
    flow.paragraph(`${rest.length} more warning${rest.length === 1 ? '' : 's'} (${list}): see ${SECTION_TITLES.warnings.toLowerCase()}, ${firstPageOf('warnings')}.`, { color: MUTED, italic: true });
  }
  if (shown.length > 0) flow.paragraph(`Each warning’s full reason: ${SECTION_TITLES.warnings.toLowerCase()}, ${firstPageOf('warnings')}.`, { fontSize: TYPE.tiny, color: MUTED });
  // The summary is one page by design: it shows what fits and points to the rest.
  return flow.pages.slice(0, 1);
}

/** Clips a convex polygon to x ≤ limit (one Sutherland–Hodgman step). */
function clipLeft(points: readonly (readonly [number, number])[], limit: number): [number, number][] {
  const out: [number, number][] = [];
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length] ?? p;
    const pin = p[0] <= limit;
    const qin = q[0] <= limit;
    if (pin) out.push([p[0], p[1]]);
    if (pin !== qin) {
      const t = (limit - p[0]) / (q[0] - p[0]);
      out.push([limit, p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

export function pyramidPages(content: ReportContent, frame: PageFrame, endLabel: string): PageDraft[] {
  const flow = sectionFlow('pyramid', frame);
  flow.paragraph(
    'Each band is a layer of the data pyramid of needs, bottom to top. The filled part of a band is the layer’s readiness: the weakest capability’s maturity against its target. Work on a layer starts once the layer below reaches the gate.',
    { color: MUTED },
  );
  flow.gap(14);
  const layers = content.summary.layers;
  const bandHeight = 40;
  const height = bandHeight * layers.length;
  const base = 200;
  const apex = 36;
  const nameColumn = 100;
  const gap = (flow.width - 2 * base - nameColumn) / 2;
  const panels = [
    { title: 'Now', x: flow.left, value: (i: number) => layers[i]?.readinessNow ?? null },
    { title: endLabel, x: flow.left + base + gap + nameColumn + gap, value: (i: number) => layers[i]?.readinessAtEnd ?? null },
  ];
  const top = flow.y + lineHeightOf(TYPE.h2) + 6;
  for (const panel of panels) {
    flow.page.text(panel.title, panel.x, flow.y, base, { fontSize: TYPE.h2, weight: 600, align: 'center' });
    const cx = panel.x + base / 2;
    const widthAt = (y: number) => apex + ((base - apex) * (y - top)) / height;
    layers.forEach((layer, i) => {
      const y1 = top + height - (i + 1) * bandHeight;
      const y2 = y1 + bandHeight;
      const inset = 1.2;
      const w1 = widthAt(y1 + inset);
      const w2 = widthAt(y2 - inset);
      const band: [number, number][] = [
        [cx - w1 / 2, y1 + inset],
        [cx + w1 / 2, y1 + inset],
        [cx + w2 / 2, y2 - inset],
        [cx - w2 / 2, y2 - inset],
      ];
      const r = panel.value(i);
      const round2 = (pts: readonly (readonly [number, number])[]) => pts.map(([x, y]) => [round(x), round(y)] as const);
      flow.page.shape({ kind: 'polygon', points: round2(band), fill: tint(layer.color, 0.82), stroke: layer.color, strokeWidth: 0.6 });
      if (r !== null && r > 0) {
        // Measured along the band's wider, lower edge, so that 100% fills the whole band.
        const filled = clipLeft(band, cx - w2 / 2 + w2 * Math.min(1, r));
        flow.page.shape({ kind: 'polygon', points: round2(filled), fill: layer.color, stroke: null });
      }
      const label = r === null ? 'n/a' : percent(r);
      const textColor = r !== null && r >= 0.55 ? '#ffffff' : INK;
      flow.page.text(label, cx - 30, (y1 + y2) / 2 - lineHeightOf(TYPE.body) / 2, 60, { weight: 600, align: 'center', color: textColor });
    });
  }
  const nameX = flow.left + base + gap;
  layers.forEach((layer, i) => {
    const y1 = top + height - (i + 1) * bandHeight;
    flow.page.text(layer.name, nameX, y1 + bandHeight / 2 - lineHeightOf(TYPE.body) / 2, nameColumn, { weight: 600, align: 'center', color: layer.color });
  });
  flow.y = top + height + 20;

  flow.heading('Layer by layer');
  flow.table(
    columns(flow.width, [
      { header: 'Layer', width: 92, weight: 600 },
      { header: 'Now', width: 30, align: 'right' },
      { header: 'End of plan', width: 46, align: 'right' },
      { header: 'Mean now', width: 40, align: 'right' },
      { header: 'Reaches its gate', width: 96 },
      { header: 'Weakest now (maturity / target)', width: null },
    ], 8, 10),
    [...layers].reverse().map((l) => ({
      swatch: l.color,
      cells: [
        l.name,
        percent(l.readinessNow),
        percent(l.readinessAtEnd),
        percent(l.meanNow),
        l.status,
        l.capabilityCount === 0 ? 'no capabilities tracked' : l.weakest.length === 0 ? 'all at target' : l.weakest.join(', '),
      ],
      muted: l.capabilityCount === 0 || l.notNeeded,
    })),
  );
  flow.gap(3);
  flow.paragraph('A layer is as ready as its weakest capability: its readiness is the lowest ratio of current to target maturity among its capabilities. The mean over all of them shows the progress the weakest one hides.', {
    fontSize: TYPE.tiny,
    color: MUTED,
  });
  return flow.pages;
}

export function roadmapPages(content: ReportContent, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('roadmap', frame);
  const lh = lineHeightOf(TYPE.small);
  const datesWidth = 150;
  flow.paragraph('Each initiative raises one capability through one or more maturity steps; it is listed in the quarter its first step starts, with the dates from its first start to its last finish.', {
    fontSize: TYPE.small,
    color: MUTED,
  });
  flow.gap(4);
  for (const quarter of content.roadmap) {
    const count = quarter.layers.reduce((s, l) => s + l.items.length, 0);
    const head = `${quarter.label}${quarter.beyondHorizon ? ' · after the horizon' : ''}`;
    const sub = `from ${quarter.startDate} · ${count === 0 ? 'no initiative starts' : `${count} initiative${count === 1 ? '' : 's'} start${count === 1 ? 's' : ''}`}`;
    const headHeight = lineHeightOf(TYPE.h2) + 8;
    const drawHead = (continued: boolean) => {
      flow.page.rect(flow.left, flow.y, flow.width, headHeight - 2, quarter.beyondHorizon ? '#eceef1' : PANEL);
      flow.page.text(continued ? `${quarter.label} (continued)` : head, flow.left + 6, flow.y + 3, flow.width / 2, { fontSize: TYPE.h2, weight: 600 });
      flow.page.text(sub, flow.left + flow.width / 2, flow.y + 5, flow.width / 2 - 6, { fontSize: TYPE.small, color: MUTED, align: 'right' });
      flow.y += headHeight + 2;
    };
    flow.ensure(headHeight + 2 + 2 * lh);
    if (flow.y > flow.frame.content.y + 40) flow.gap(6);
    flow.ensure(headHeight + 2 + 2 * lh);
    drawHead(false);
    if (quarter.hires.length > 0) {
      const lines = wrapText(`Hires starting: ${quarter.hires.join(', ')}`, flow.width - 18, TYPE.small, 600);
      flow.ensure(lines.length * lh + 3);
      flow.page.shape({ kind: 'polygon', points: [[round(flow.left + 9.5), round(flow.y + 1.5)], [round(flow.left + 13), round(flow.y + 5)], [round(flow.left + 9.5), round(flow.y + 8.5)], [round(flow.left + 6), round(flow.y + 5)]], fill: ACCENT, stroke: null });
      lines.forEach((line, i) => flow.page.text(line, flow.left + 18, flow.y + i * lh, flow.width - 18, { fontSize: TYPE.small, weight: 600, color: ACCENT }));
      flow.y += lines.length * lh + 3;
    }
    for (const group of quarter.layers) {
      const color = group.layer ? LAYER_COLORS[group.layer] : OTHER_COLOR;
      flow.ensure(2 * lh + 2);
      flow.page.rect(flow.left + 6, flow.y + 2, 7, 7, color, null, { radius: 1 });
      flow.page.text(group.name, flow.left + 18, flow.y, 200, { fontSize: TYPE.small, weight: 600, color });
      flow.y += lh;
      for (const item of group.items) {
        const titleWidth = flow.width - 18 - datesWidth - 8;
        const lines = wrapText(item.title, titleWidth, TYPE.small, 600);
        const detail = wrapText(
          [item.capability, `${item.steps} step${item.steps === 1 ? '' : 's'}`, item.finishesAfterHorizon ? 'ends after the horizon' : ''].filter((p) => p !== '').join(' · '),
          titleWidth,
          TYPE.tiny,
        );
        const height = lines.length * lh + detail.length * lineHeightOf(TYPE.tiny) + 2;
        if (!flow.fits(height)) {
          flow.newPage();
          drawHead(true);
        }
        lines.forEach((line, i) => flow.page.text(line, flow.left + 18, flow.y + i * lh, titleWidth, { fontSize: TYPE.small, weight: 600 }));
        detail.forEach((line, i) => flow.page.text(line, flow.left + 18, flow.y + lines.length * lh + i * lineHeightOf(TYPE.tiny), titleWidth, { fontSize: TYPE.tiny, color: MUTED }));
        flow.page.text(formatDateRange(item.startDate, item.finishDate), flow.left + flow.width - datesWidth, flow.y, datesWidth, { fontSize: TYPE.small, color: MUTED, align: 'right' });
        flow.y += height;
      }
      flow.y += 3;
    }
  }
  if (content.unscheduled.length > 0) {
    flow.heading(`Not scheduled (${content.unscheduled.length})`, TYPE.h2, 50);
    for (const item of content.unscheduled) {
      const color = item.layer ? LAYER_COLORS[item.layer] : OTHER_COLOR;
      const title = wrapText(item.title, flow.width - 18, TYPE.small, 600);
      const reason = wrapText(item.reason, flow.width - 18, TYPE.small);
      const height = (title.length + reason.length) * lh + 4;
      flow.ensure(height);
      flow.page.rect(flow.left + 6, flow.y + 2, 7, 7, color, null, { radius: 1 });
      title.forEach((line, i) => flow.page.text(line, flow.left + 18, flow.y + i * lh, flow.width - 18, { fontSize: TYPE.small, weight: 600 }));
      reason.forEach((line, i) => flow.page.text(line, flow.left + 18, flow.y + (title.length + i) * lh, flow.width - 18, { fontSize: TYPE.small, color: MUTED }));
      flow.y += height;
    }
  }
  return flow.pages;
}

export function hiringPages(content: ReportContent, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('hiring', frame);
  const currency = content.currency;
  if (content.hires.length === 0) {
    flow.paragraph('This plan proposes no hires, and the headcount has no open requisitions or planned hires.', { color: MUTED });
    return flow.pages;
  }
  flow.paragraph(
    'Proposed hires come from the planner; open requisitions and planned hires come from the headcount and pass the same checks.',
    { color: MUTED },
  );
  flow.gap(6);
  const lh = lineHeightOf(TYPE.body);
  for (const hire of content.hires) {
    const reason = wrapText(hire.reason, flow.width - 12, TYPE.body);
    const detail = [
      hire.personName && hire.source === 'existing' && hire.label !== `${hire.roleName} (${hire.statusLabel.toLowerCase()})` ? hire.label : null,
      hire.requisitionDate !== null ? `open the requisition on ${hire.requisitionDate}` : null,
      `first day ${hire.startDate}`,
      `productive from ${hire.productiveDate}`,
      hire.layer ? `for ${layerById(hire.layer).name}` : null,
      hire.annualSalary !== null ? `salary ${formatMoney(hire.annualSalary, currency)} a year` : null,
    ]
      .filter((p): p is string => p !== null)
      .join(' · ');
    const detailLines = wrapText(detail, flow.width - 12, TYPE.small);
    const height = lineHeightOf(TYPE.h2) + detailLines.length * lineHeightOf(TYPE.small) + reason.length * lh + 14;
    if (!flow.fits(height)) flow.newPage();
    const color = hire.layer ? LAYER_COLORS[hire.layer] : ACCENT;
    const top = flow.y;
    flow.page.rect(flow.left, top + 1, 3, height - 10, color);
    const quarterWidth = measureText(hire.quarter, TYPE.h2, 600) + 10;
    flow.page.text(hire.quarter, flow.left + 12, flow.y, quarterWidth, { fontSize: TYPE.h2, weight: 600, color: MUTED });
    flow.page.text(hire.roleName, flow.left + 12 + quarterWidth, flow.y, flow.width - 12 - quarterWidth - 110, { fontSize: TYPE.h2, weight: 600 });
    const status = hire.statusLabel;
    flow.page.text(status, flow.left + flow.width - 110, flow.y + 2, 110, {
      fontSize: TYPE.small,
      weight: 600,
      align: 'right',
      color: hire.source === 'proposed' ? ACCENT : MUTED,
    });
    flow.y += lineHeightOf(TYPE.h2) + 1;
    detailLines.forEach((line) => {
      flow.y += flow.page.text(line, flow.left + 12, flow.y, flow.width - 12, { fontSize: TYPE.small, color: MUTED });
    });
    flow.y += 2;
    reason.forEach((line) => {
      flow.y += flow.page.text(line, flow.left + 12, flow.y, flow.width - 12);
    });
    flow.y = top + height;
  }
  return flow.pages;
}

export function warningPages(content: ReportContent, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('warnings', frame);
  const warnings = content.summary.warnings;
  flow.heading(`Warnings (${warnings.length})`, TYPE.h2);
  if (warnings.length === 0) flow.paragraph('The planner raised no warnings.', { color: MUTED });
  else flow.paragraph('Most important first: critical warnings change what the plan delivers or spend money too early; info ones are worth knowing. Each says what is wrong, what to do, and why.', { color: MUTED, fontSize: TYPE.small });
  flow.gap(4);
  for (const w of warnings) warningBlock(flow, w, true);

  flow.heading('Assumptions (scenario parameters)', TYPE.h2, 60);
  flow.table(columns(flow.width, [{ header: 'Parameter', width: 140, weight: 600 }, { header: 'Value', width: null }]), content.assumptions.map((a) => ({ cells: [a.label, a.value] })), { fontSize: TYPE.body });

  flow.heading('How the planner reasoned', TYPE.h2, 60);
  content.reasoning.forEach((text, i) => {
    const lines = wrapText(text, flow.width - 22, TYPE.small);
    const lh = lineHeightOf(TYPE.small);
    flow.ensure(lines.length * lh);
    flow.page.text(`${i + 1}.`, flow.left, flow.y, 18, { fontSize: TYPE.small, color: MUTED, align: 'right' });
    lines.forEach((line, l) => flow.page.text(line, flow.left + 22, flow.y + l * lh, flow.width - 22, { fontSize: TYPE.small }));
    flow.y += lines.length * lh + 3;
  });
  return flow.pages;
}

export function appendixPages(content: ReportContent, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('appendix', frame);
  flow.heading('Inventory', TYPE.h2);
  const inventoryColumns = columns(flow.width, [
    { header: 'Capability', width: 180 },
    { header: 'Maturity', width: 48, align: 'right' },
    { header: 'Owner', width: 90 },
    { header: 'Tools', width: null },
  ], 8, 10);
  for (const layer of LAYERS) {
    const rows = content.inventory.filter((c) => c.layer === layer.id);
    if (rows.length === 0) continue;
    flow.heading(layer.name, TYPE.body, 50, LAYER_COLORS[layer.id]);
    flow.table(
      inventoryColumns,
      rows.map((c) => ({ swatch: LAYER_COLORS[c.layer], cells: [c.name, `${c.currentMaturity} → ${c.targetMaturity}`, c.owner || '—', c.tools || '—'] })),
      { zebra: true, caption: { text: layer.name, color: LAYER_COLORS[layer.id] } },
    );
  }
  flow.paragraph('Maturity: current → target, from 0 (none) to 4 (optimised).', { fontSize: TYPE.tiny, color: MUTED });

  flow.heading('Headcount by role', TYPE.h2, 60);
  if (content.headcount.length === 0) flow.paragraph('Nobody is recorded yet.', { color: MUTED });
  else
    flow.table(
      columns(flow.width, [{ header: 'Role', width: null, weight: 600 }, { header: 'On staff', width: 90, align: 'right' }, { header: 'Open requisitions', width: 90, align: 'right' }, { header: 'Planned hires', width: 90, align: 'right' }]),
      content.headcount.map((h) => ({ cells: [h.roleName, h.onStaff, h.openReq, h.planned] })),
    );

  if (content.people.length > 0) {
    flow.heading('People', TYPE.h2, 60);
    flow.table(
      columns(flow.width, [{ header: 'Name', width: 150 }, { header: 'Role', width: 130 }, { header: 'Status', width: 90 }, { header: 'FTE', width: 30, align: 'right' }, { header: 'Start', width: null, align: 'right' }]),
      content.people.map((p) => ({ cells: [p.name, p.role, p.status, p.fte, p.start] })),
      { zebra: true },
    );
  }
  return flow.pages;
}

/** The cover: who, which scenario, when, the horizon, and the contents with page numbers. */
export function coverPage(content: ReportContent, frame: PageFrame, contents: readonly { title: string; page: number }[]): PageDraft {
  const page = new PageDraft('cover', frame);
  const { x, y, width, height } = frame.content;
  const { cover } = content;
  // A small pyramid as the cover's mark, one band per layer in its colour.
  const markWidth = 120;
  const band = 14;
  LAYERS.forEach((layer, i) => {
    const w1 = 24 + ((markWidth - 24) * (LAYERS.length - i - 1)) / LAYERS.length;
    const w2 = 24 + ((markWidth - 24) * (LAYERS.length - i)) / LAYERS.length;
    const y2 = y + 40 + band * LAYERS.length - i * band;
    const y1 = y2 - band + 1.5;
    const cx = x + markWidth / 2;
    page.shape({ kind: 'polygon', points: [[round(cx - w1 / 2), round(y1)], [round(cx + w1 / 2), round(y1)], [round(cx + w2 / 2), round(y2)], [round(cx - w2 / 2), round(y2)]], fill: LAYER_COLORS[layer.id], stroke: null });
  });
  let cursor = y + 40 + band * LAYERS.length + 40;
  page.text('DATA ROADMAP', x, cursor, width, { fontSize: TYPE.h2, weight: 600, color: ACCENT });
  cursor += lineHeightOf(TYPE.h2) + 6;
  for (const line of wrapText(cover.organisation, width, TYPE.coverTitle, 700)) {
    cursor += page.text(line, x, cursor, width, { fontSize: TYPE.coverTitle, weight: 700 });
  }
  cursor += 4;
  cursor += page.text(`Scenario: ${cover.scenarioName}`, x, cursor, width, { fontSize: TYPE.coverSubtitle, color: MUTED });
  cursor += 18;
  page.line(x, cursor, x + width, cursor, RULE, 1);
  cursor += 14;
  const facts = [
    ['Horizon', `${cover.horizon.firstQuarter} to ${cover.horizon.lastQuarter} · ${cover.horizon.quarters} quarters · ${cover.horizon.startDate} to ${cover.horizon.endDate}`],
    ['Target', cover.target],
    ['Prepared on', cover.generatedOn],
  ] as const;
  for (const [label, value] of facts) {
    page.text(label, x, cursor, 100, { fontSize: 11, weight: 600, color: MUTED });
    const lines = wrapText(value, width - 110, 11);
    lines.forEach((line, i) => page.text(line, x + 110, cursor + i * lineHeightOf(11), width - 110, { fontSize: 11 }));
    cursor += lines.length * lineHeightOf(11) + 6;
  }
  cursor += 26;
  page.text('Contents', x, cursor, width, { fontSize: TYPE.h2, weight: 600 });
  cursor += lineHeightOf(TYPE.h2) + 4;
  for (const entry of contents) {
    page.text(entry.title, x, cursor, width - 60, { fontSize: TYPE.body });
    page.text(String(entry.page), x + width - 60, cursor, 60, { fontSize: TYPE.body, align: 'right', color: MUTED });
    page.line(x, cursor + lineHeightOf(TYPE.body) + 1.5, x + width, cursor + lineHeightOf(TYPE.body) + 1.5, '#eef0f2', 0.5);
    cursor += lineHeightOf(TYPE.body) + 5;
  }
  page.text('Made with Groundwork from the workspace’s inventory, headcount and plan. Every date and reason in it is computed from that data.', x, y + height - lineHeightOf(TYPE.small), width, {
    fontSize: TYPE.small,
    color: FAINT,
  });
  return page;
}
