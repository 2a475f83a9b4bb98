import { daysBetween } from '../domain/calendar';
import { LAYERS } from '../domain/layers';
import { formatMoney, formatPercent as percent } from '../format';
import type { ScenarioComparison } from '../planner/comparison';
import { columns, lineHeightOf, round, type Flow, type PageDraft, type TableRow } from './flow';
import { wrapText } from './metrics';
import { SEVERITY_LABEL, severityMark, sectionFlow } from './sections';
import { ACCENT, FAINT, INK, LAYER_COLORS, MUTED, PANEL, RULE, SEVERITY_COLORS, TYPE, type PageFrame } from './theme';
import type { DecisionHire, ProgressContent, ReportContent } from './types';

/*
 * The pages written for leadership: what to decide (after the cover), progress since a baseline,
 * and a comparison of scenarios. Dates, never plan weeks; every line from the plan's data.
 */

/** A block of text lines with a coloured rule on the left, kept on one page. */
function block(flow: Flow, lines: readonly { text: string; weight?: 400 | 600; color?: string; size?: number }[], rule: string, indent = 12): void {
  const wrapped = lines.map((l) => ({ ...l, lines: wrapText(l.text, flow.width - indent, l.size ?? TYPE.body, l.weight ?? 400) }));
  const height = wrapped.reduce((h, l) => h + l.lines.length * lineHeightOf(l.size ?? TYPE.body), 0) + 6;
  flow.ensure(height);
  flow.page.rect(flow.left, flow.y + 1, 3, height - 5, rule);
  let y = flow.y;
  for (const l of wrapped) {
    for (const line of l.lines) y += flow.page.text(line, flow.left + indent, y, flow.width - indent, { fontSize: l.size ?? TYPE.body, weight: l.weight ?? 400, color: l.color ?? INK });
  }
  flow.y += height;
}

function hireTable(flow: Flow, hires: readonly DecisionHire[], costed: boolean): void {
  flow.table(
    columns(flow.width, [
      { header: 'Role', width: 112, weight: 600 },
      { header: 'Requisition', width: 56 },
      { header: 'First day', width: 56 },
      { header: 'What for', width: null },
      ...(costed ? [{ header: 'Salary a year', width: 68, align: 'right' as const }] : []),
    ]),
    hires.map((h) => ({
      cells: [h.kind === 'backfill' ? `${h.roleName} (backfill)` : h.roleName, h.requisitionDate ?? '—', h.startDate, h.why, ...(costed ? [h.salary ?? '—'] : [])],
    })),
    { fontSize: TYPE.small },
  );
}

/** The spend on the proposed hires per (fiscal) year, in one line. */
function spendLine(byYear: readonly { label: string; value: string }[]): string {
  return `Salary spend on the proposed hires, pro rata from each first day: ${byYear.map((y) => `${y.label}: ${y.value}`).join(' · ')}.`;
}

/** The first page after the cover: requisitions to open, to pause or move, borrow and contract asks, other decisions, the budget. */
export function decisionsPages(content: ReportContent, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('decisions', frame);
  const d = content.decisions;
  flow.paragraph(
    `What the plan of scenario “${content.cover.scenarioName}” asks of leadership for ${d.quarter} (to ${d.quarterLastDay}). Every line comes from the plan; the hiring plan and the warnings give the full reasons.`,
    { color: MUTED },
  );

  flow.heading(`Open ${d.openNow.length === 0 ? 'no requisition' : d.openNow.length === 1 ? 'this requisition' : `these ${d.openNow.length} requisitions`} in ${d.quarter}`);
  if (d.openNow.length === 0) flow.paragraph(`No requisition of this plan needs opening by ${d.quarterLastDay}.`, { color: MUTED });
  else hireTable(flow, d.openNow, d.budget.costed);

  if (d.openLater.length > 0) {
    flow.heading(`Approve now, open later (${d.openLater.length})`);
    hireTable(flow, d.openLater, d.budget.costed);
  }

  flow.heading('Pause or move');
  if (d.pauseOrMove.length === 0) flow.paragraph('No open requisition or planned hire starts before its foundations are ready.', { color: MUTED });
  for (const p of d.pauseOrMove) {
    block(flow, [{ text: p.title, weight: 600 }, { text: `→ ${p.action}`, color: ACCENT }, { text: p.reason, size: TYPE.small, color: MUTED }], SEVERITY_COLORS.critical);
    flow.gap(3);
  }

  flow.heading('Borrow or contract');
  if (d.asks.length === 0) flow.paragraph('Nothing: the team, with the hires above, can do all the work.', { color: MUTED });
  for (const a of d.asks) {
    block(flow, [{ text: a.text, weight: 600 }, { text: a.reason, size: TYPE.small, color: MUTED }], SEVERITY_COLORS.warning);
    flow.gap(3);
  }

  if (d.otherActions.length > 0) {
    flow.heading('Other decisions');
    for (const o of d.otherActions) {
      const lh = lineHeightOf(TYPE.body);
      const tag = 70;
      const summary = wrapText(o.count > 1 ? `${o.summary} (and ${o.count - 1} more like it)` : o.summary, flow.width - tag, TYPE.body, 600);
      const action = wrapText(`→ ${o.action}`, flow.width - tag, TYPE.body);
      const height = (summary.length + action.length) * lh + 4;
      flow.ensure(height);
      severityMark(flow.page, o.severity, flow.left, flow.y + 3);
      flow.page.text(SEVERITY_LABEL[o.severity], flow.left + 11, flow.y, tag - 12, { fontSize: TYPE.small, weight: 600, color: SEVERITY_COLORS[o.severity] });
      summary.forEach((line, i) => flow.page.text(line, flow.left + tag, flow.y + i * lh, flow.width - tag, { weight: 600 }));
      action.forEach((line, i) => flow.page.text(line, flow.left + tag, flow.y + (summary.length + i) * lh, flow.width - tag, { color: ACCENT }));
      flow.y += height;
    }
  }

  flow.heading('Budget');
  for (const line of d.budget.lines) flow.paragraph(line);
  if (d.budget.byYear.length > 0) flow.paragraph(spendLine(d.budget.byYear));
  return flow.pages;
}

/** Readiness over time, one small chart per layer: actual (solid) against the baseline's plan (dashed), the status date marked. */
function readinessCharts(flow: Flow, progress: ProgressContent): void {
  const perRow = 3;
  const gap = 12;
  const width = (flow.width - gap * (perRow - 1)) / perRow;
  const height = 78;
  const titleHeight = lineHeightOf(TYPE.small) + 2;
  const dates = progress.readiness.flatMap((l) => [...l.actual, ...l.planned].map((p) => p.date)).sort();
  const first = dates[0] ?? progress.baselineAsOf;
  const last = dates[dates.length - 1] ?? progress.asOf;
  const span = Math.max(1, daysBetween(first, last));
  const layers = LAYERS.map((l) => progress.readiness.find((r) => r.layer === l.id)).filter((l) => l !== undefined);
  for (let row = 0; row < Math.ceil(layers.length / perRow); row++) {
    flow.ensure(titleHeight + height + 10);
    const top = flow.y;
    layers.slice(row * perRow, row * perRow + perRow).forEach((series, col) => {
      const x0 = flow.left + col * (width + gap);
      const color = LAYER_COLORS[series.layer];
      flow.page.text(series.name, x0, top, width, { fontSize: TYPE.small, weight: 600, color });
      const box = { x: x0 + 22, y: top + titleHeight, width: width - 24, height: height - 12 };
      flow.page.rect(box.x, box.y, box.width, box.height, PANEL, RULE, { strokeWidth: 0.4 });
      for (const v of [0, 0.5, 1]) {
        const y = box.y + box.height * (1 - v);
        flow.page.line(box.x, y, box.x + box.width, y, RULE, 0.4);
        flow.page.text(percent(v), x0, y - lineHeightOf(TYPE.tiny) / 2, 20, { fontSize: TYPE.tiny, color: MUTED, align: 'right' });
      }
      const xOf = (date: string) => box.x + (daysBetween(first, date) / span) * box.width;
      const yOf = (value: number) => box.y + box.height * (1 - Math.max(0, Math.min(1, value)));
      const line = (points: readonly { date: string; value: number | null }[], stroke: string, dash?: readonly number[]) => {
        const known = points.filter((p): p is { date: string; value: number } => p.value !== null);
        if (known.length < 2) return;
        flow.page.shape({ kind: 'polyline', points: known.map((p) => [round(xOf(p.date)), round(yOf(p.value))] as const), stroke, strokeWidth: dash ? 0.9 : 1.4, ...(dash ? { dash } : {}) });
      };
      line(series.planned, FAINT, [3, 2]);
      line(series.actual, color);
      const today = xOf(progress.asOf);
      if (today >= box.x && today <= box.x + box.width) flow.page.line(today, box.y, today, box.y + box.height, SEVERITY_COLORS.critical, 0.6, [2, 1.5]);
      flow.page.text(first, box.x, box.y + box.height + 1, box.width / 2, { fontSize: TYPE.tiny, color: MUTED });
      flow.page.text(last, box.x + box.width / 2, box.y + box.height + 1, box.width / 2, { fontSize: TYPE.tiny, color: MUTED, align: 'right' });
    });
    flow.y = top + titleHeight + height + 10;
  }
  flow.paragraph(`Solid: readiness as it was (from the workspace’s history); dashed: as “${progress.baselineName}” planned it; red: the status date, ${progress.asOf}.`, {
    fontSize: TYPE.tiny,
    color: MUTED,
  });
}

/** Progress since the baseline: the trend, what finished this quarter, gates that moved and why, hires against the plan. */
export function progressPages(content: ReportContent, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('progress', frame);
  const progress = content.progress;
  if (!progress) return flow.pages;
  flow.heading(`Since “${progress.baselineName}” (${progress.baselineAsOf}), as of ${progress.asOf}`, TYPE.h2);
  flow.paragraph(progress.headline);
  flow.heading('Readiness over time');
  readinessCharts(flow, progress);

  flow.heading('Finished this quarter');
  if (progress.finished.length === 0) flow.paragraph('Nothing of the baseline’s work finished this quarter.', { color: MUTED });
  else
    flow.table(
      columns(flow.width, [{ header: 'Work', width: null }, { header: 'Finished', width: 64 }, { header: 'Against the plan', width: 90 }]),
      progress.finished.map((f) => ({ cells: [f.title, f.date, f.note] })),
    );

  flow.heading('Layer gates that moved, and why');
  if (progress.gates.length === 0) flow.paragraph('Every layer reaches its gate when the baseline said.', { color: MUTED });
  for (const g of progress.gates) {
    block(flow, [{ text: g.text, weight: 600 }, ...g.causes.map((c) => ({ text: `• ${c}`, size: TYPE.small, color: MUTED }))], ACCENT);
    flow.gap(3);
  }

  flow.heading('Hires against the plan');
  if (progress.hires.length === 0) flow.paragraph('The baseline planned no hires.', { color: MUTED });
  else
    flow.table(
      columns(flow.width, [{ header: 'Hire', width: 130, weight: 600 }, { header: 'Planned start', width: 64 }, { header: 'Start now', width: 64 }, { header: 'What happened', width: null }]),
      progress.hires.map((h) => ({ cells: [h.role, h.planned, h.now, h.text] })),
    );
  return flow.pages;
}

/** Two or three scenarios side by side: what differs, when each layer is ready, hires and spend by quarter, totals. */
export function comparisonPages(comparison: ScenarioComparison, frame: PageFrame): PageDraft[] {
  const flow = sectionFlow('comparison', frame);
  const names = comparison.scenarios.map((s) => s.name);
  // `swatch`: room for the layer's colour before the first cell.
  const equalWidths = (first: string, firstWidth: number, swatch = 0) => {
    const rest = (flow.width - swatch - firstWidth - 8 * names.length) / names.length;
    return columns(flow.width, [{ header: first, width: firstWidth, weight: 600 }, ...names.map((n) => ({ header: n, width: rest }))], 8, swatch);
  };
  flow.paragraph(`${names.map((n) => `“${n}”`).join(' and ')}, each planned the same way from the same workspace.`, { color: MUTED });

  flow.heading('What differs');
  const differing = comparison.parameters.filter((p) => p.differs && p.key !== 'name');
  if (differing.length === 0) flow.paragraph('Only the names: the scenarios have the same parameters.', { color: MUTED });
  else flow.table(equalWidths('Parameter', 120), differing.map((p) => ({ cells: [p.label, ...p.values] })));

  flow.heading('When each layer is ready');
  flow.table(
    equalWidths('Layer', 100, 10),
    comparison.layers.map(
      (l): TableRow => ({
        swatch: LAYER_COLORS[l.layer],
        cells: [l.name, ...l.cells.map((c) => `${c.text}${c.isTarget ? ' · target' : ''}${c.earliest ? ' · earliest' : ''}`)],
      }),
    ),
  );
  if (comparison.gatesDiffer) {
    flow.gap(2);
    flow.paragraph('The gate thresholds differ: a lower gate counts a layer as ready sooner, so the dates are not like for like and none is marked earliest.', { fontSize: TYPE.tiny, color: MUTED });
  }

  const currency = comparison.currency;
  flow.heading(comparison.costed ? 'Hires and salary spend by quarter' : 'Hires by quarter');
  const rows = comparison.quarters.filter((q, i) => comparison.costed || q.hires.some((h) => h.length > 0) || i === 0);
  flow.table(
    equalWidths('Quarter', 60),
    rows.map((q) => ({
      cells: [
        q.label,
        ...q.hires.map((h, i) => {
          const who = h.length === 0 ? 'no hire starts' : h.join(', ');
          const spend = q.spend[i];
          return spend === null || spend === undefined ? who : `${who}\n${formatMoney(spend, currency)} · to date ${formatMoney(q.cumulative[i] ?? 0, currency)}`;
        }),
      ],
    })),
  );
  flow.gap(2);
  flow.paragraph(
    comparison.costed
      ? 'Spend: what the plan’s hires (proposed, open requisitions and planned hires) are paid in the quarter, each salary pro rata from the first day; “to date” adds up from the plan’s first quarter.'
      : 'No scenario gives salaries, so the hires are not costed.',
    { fontSize: TYPE.tiny, color: MUTED },
  );

  flow.heading('In all');
  flow.table(equalWidths('', 120), [
    { cells: ['New hires proposed', ...comparison.totals.map((t) => String(t.proposedHires))] },
    { cells: ['Open or planned already', ...comparison.totals.map((t) => String(t.existingHires))] },
    { cells: ['Salary spend over the horizon', ...comparison.totals.map((t) => (t.spend === null ? 'not costed' : formatMoney(t.spend, currency)))] },
    { cells: ['New hires a year, once started', ...comparison.totals.map((t) => (t.annualRunRate === null ? 'not costed' : formatMoney(t.annualRunRate, currency)))] },
    { cells: ['Warnings', ...comparison.totals.map((t) => `${t.warnings.critical} critical, ${t.warnings.warning} warning, ${t.warnings.info} info`)] },
  ]);
  return flow.pages;
}
