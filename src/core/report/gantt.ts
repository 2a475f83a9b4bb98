import { LAYERS } from '../domain/layers';
import { calendarOf } from '../domain/calendar';
import type { PlannedHire, PlanResult } from '../planner/types';
import type { Initiative } from '../planner/initiatives';
import { hireLabel } from './content';
import { lineHeightOf, round, type PageDraft } from './flow';
import { fitText, measureText, wrapText } from './metrics';
import { ACCENT, FAINT, INK, LAYER_COLORS, MUTED, OTHER_COLOR, PANEL, RULE, SEVERITY_COLORS, tint, TYPE, type PageFrame } from './theme';
import type { GanttPageLayout, GanttRowLayout } from './types';

/** The timeline's fixed measures (points). Type is never smaller than TYPE.small for labels. */
export const GANTT = {
  labelWidth: 230,
  labelGap: 10,
  /** A quarter narrower than this would cramp the scale's labels: more quarters go to another page instead. */
  minQuarterWidth: 44,
  titleHeight: 24,
  scaleHeight: 28,
  /** Two lines: the legend wraps on narrow paper. */
  legendHeight: 28,
  groupHeight: 16,
  rowPadding: 4,
  maxLabelLines: 2,
  barHeight: 8,
  fontSize: TYPE.small,
} as const;

interface RowSpec {
  readonly kind: GanttRowLayout['kind'];
  readonly id: string;
  readonly label: readonly string[];
  readonly height: number;
  readonly group: string;
  readonly groupLabel: string;
  readonly color: string;
  readonly initiative?: Initiative;
  readonly hire?: PlannedHire;
}

function labelLines(text: string, width: number): string[] {
  const lines = wrapText(text, width, GANTT.fontSize);
  if (lines.length <= GANTT.maxLabelLines) return lines;
  const kept = lines.slice(0, GANTT.maxLabelLines);
  kept[GANTT.maxLabelLines - 1] = fitText(`${kept[GANTT.maxLabelLines - 1] ?? ''} ${lines.slice(GANTT.maxLabelLines).join(' ')}`, width, GANTT.fontSize);
  return kept;
}

function rowHeight(lines: number): number {
  return round(Math.max(lines, 1) * lineHeightOf(GANTT.fontSize) + GANTT.rowPadding);
}

/** Hires first (the milestones leadership asks about), then the initiatives layer by layer, bottom to top. */
function rowSpecs(plan: PlanResult, initiatives: readonly Initiative[]): RowSpec[] {
  const indent = 10;
  const labelWidth = GANTT.labelWidth - indent;
  const rows: RowSpec[] = [];
  const group = (id: string, label: string, color: string) =>
    rows.push({ kind: 'group', id, label: [label], height: GANTT.groupHeight, group: id, groupLabel: label, color });

  if (plan.hires.length > 0) {
    group('hires', 'Hires', ACCENT);
    for (const hire of [...plan.hires].sort((a, b) => a.startWeek - b.startWeek || a.id.localeCompare(b.id))) {
      const label = labelLines(hireLabel(hire), labelWidth);
      rows.push({ kind: 'hire', id: hire.id, label, height: rowHeight(label.length), group: 'hires', groupLabel: 'Hires', color: hire.layer ? LAYER_COLORS[hire.layer] : ACCENT, hire });
    }
  }
  const order = (a: Initiative, b: Initiative) =>
    (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) || (a.finish ?? 0) - (b.finish ?? 0) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  const groups = [
    ...LAYERS.map((l) => ({ id: `layer:${l.id}`, name: l.name, color: LAYER_COLORS[l.id], items: initiatives.filter((i) => i.layer === l.id) })),
    { id: 'other', name: 'Other work', color: OTHER_COLOR, items: initiatives.filter((i) => i.layer === null) },
  ];
  for (const g of groups) {
    if (g.items.length === 0) continue;
    group(g.id, g.name, g.color);
    for (const initiative of [...g.items].sort(order)) {
      const label = labelLines(initiative.title, labelWidth);
      rows.push({ kind: 'initiative', id: initiative.id, label, height: rowHeight(label.length), group: g.id, groupLabel: g.name, color: g.color, initiative });
    }
  }
  return rows;
}

/**
 * Splits rows into pages of at most `available` points. A group heading never ends a page, and a
 * group that runs on to a new page gets its heading again, marked "(continued)".
 */
function paginateRows(rows: readonly RowSpec[], available: number): RowSpec[][] {
  const pages: RowSpec[][] = [];
  let page: RowSpec[] = [];
  let used = 0;
  let current: RowSpec | undefined;
  const open = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  rows.forEach((row, i) => {
    if (row.kind === 'group') {
      current = row;
      const next = rows[i + 1];
      if (used + row.height + (next && next.kind !== 'group' ? next.height : 0) > available) open();
      page.push(row);
      used += row.height;
      return;
    }
    if (used + row.height > available) {
      open();
      if (current) {
        const continued = { ...current, label: [`${current.groupLabel} (continued)`] };
        page.push(continued);
        used += continued.height;
      }
    }
    page.push(row);
    used += row.height;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

export interface GanttWindow {
  readonly index: number;
  readonly firstQuarter: number;
  /** Exclusive. */
  readonly endQuarter: number;
}

/** How far past the plan's horizon the timeline pages go. */
export const WEEKS_SHOWN_PAST_HORIZON = 104;

/** Quarters split into page-wide windows of equal size (the last one may be shorter). */
export function quarterWindows(quarterCount: number, plotWidth: number): GanttWindow[] {
  const perPage = Math.max(1, Math.floor(plotWidth / GANTT.minQuarterWidth));
  const count = Math.max(1, Math.ceil(quarterCount / perPage));
  const size = Math.ceil(quarterCount / count);
  return Array.from({ length: count }, (_, index) => ({ index, firstQuarter: index * size, endQuarter: Math.min(quarterCount, (index + 1) * size) }));
}

/** Every timeline page: rows paginated down, quarters paginated across, scale and legend repeated. */
export function ganttPages(plan: PlanResult, initiatives: readonly Initiative[], frame: PageFrame, newPage: () => PageDraft): PageDraft[] {
  const { content } = frame;
  const s = plan.scenario;
  const cal = calendarOf(plan);
  // A pin or a hire decades out (dates run to 2199) would stretch the timeline over hundreds of
  // pages: it stops two years past the horizon, and later bars show as running off its last page.
  const lastWeek = Math.min(cal.horizonWeeks + WEEKS_SHOWN_PAST_HORIZON, Math.max(cal.horizonWeeks, plan.makespan, ...plan.hires.map((h) => h.productiveWeek)));
  const quarterCount = Math.max(cal.quarters.length, cal.quarterIndexOfWeek(Math.max(0, lastWeek - 1)) + 1);
  const plotX = content.x + GANTT.labelWidth + GANTT.labelGap;
  const plotWidth = content.x + content.width - plotX;
  const windows = quarterWindows(quarterCount, plotWidth);
  const weeksOf = (w: GanttWindow) => cal.quarterAt(w.endQuarter).startWeek - cal.quarterAt(w.firstQuarter).startWeek;
  const pointsPerWeek = plotWidth / Math.max(1, ...windows.map(weeksOf));

  const scaleY = content.y + GANTT.titleHeight;
  const rowsTop = scaleY + GANTT.scaleHeight;
  const rowsBottom = content.y + content.height - GANTT.legendHeight;
  const specs = rowSpecs(plan, initiatives);
  const totalRows = specs.filter((r) => r.kind !== 'group').length;
  const paginated = paginateRows(specs, rowsBottom - rowsTop);
  // Nothing to draw still gets its page (with the scale), so the contents never point nowhere.
  const rowPages = paginated.length > 0 ? paginated : [[]];

  const pages: PageDraft[] = [];
  for (const window of windows) {
    const startWeek = cal.quarterAt(window.firstQuarter).startWeek;
    const endWeek = cal.quarterAt(window.endQuarter).startWeek;
    const xOf = (week: number) => plotX + (week - startWeek) * pointsPerWeek;
    const windowRight = xOf(endWeek);
    rowPages.forEach((rows, rowPageIndex) => {
      const page = newPage();
      const first = cal.quarterAt(window.firstQuarter).label;
      const last = cal.quarterAt(window.endQuarter - 1).label;
      page.text(`Timeline ${first} – ${last}`, content.x, content.y, content.width, { fontSize: TYPE.h2, weight: 600 });
      const counted = rows.filter((r) => r.kind !== 'group');
      const before = rowPages.slice(0, rowPageIndex).reduce((n, p) => n + p.filter((r) => r.kind !== 'group').length, 0);
      const parts = [
        windows.length > 1 ? `quarters: part ${window.index + 1} of ${windows.length}` : '',
        rowPages.length > 1 && counted.length > 0 ? `rows ${before + 1}–${before + counted.length} of ${totalRows}` : '',
      ].filter((p) => p !== '');
      if (parts.length > 0) page.text(parts.join(' · '), content.x, content.y + 3, content.width, { fontSize: TYPE.small, color: MUTED, align: 'right' });

      // Quarter columns: alternate shading, past-the-horizon in grey, the scale on top.
      for (let q = window.firstQuarter; q < window.endQuarter; q++) {
        const quarter = cal.quarterAt(q);
        const x = xOf(quarter.startWeek);
        const w = (quarter.endWeek - quarter.startWeek) * pointsPerWeek;
        const beyond = q >= cal.quarters.length;
        if (beyond) page.rect(x, scaleY, w, rowsBottom - scaleY, '#eceef1');
        else if (q % 2 === 1) page.rect(x, scaleY, w, rowsBottom - scaleY, PANEL);
        page.line(x, scaleY, x, rowsBottom, RULE, 0.5);
        page.text(quarter.label, x, scaleY + 2, w, { fontSize: TYPE.small, weight: 600, align: 'center', color: beyond ? MUTED : INK });
        const date = quarter.firstDay;
        if (measureText(date, TYPE.tiny) + 4 <= w) page.text(date, x, scaleY + 13, w, { fontSize: TYPE.tiny, align: 'center', color: MUTED });
      }
      page.line(windowRight, scaleY, windowRight, rowsBottom, RULE, 0.5);
      page.line(content.x, rowsTop - 1, windowRight, rowsTop - 1, FAINT, 0.75);

      // Rows.
      const layouts: GanttRowLayout[] = [];
      const mids = new Map<string, number>();
      let y = rowsTop;
      for (const row of rows) {
        let bar: GanttRowLayout['bar'] = null;
        let outside: GanttRowLayout['outside'] = null;
        let steps: { id: string; x: number; width: number }[] | undefined;
        const mid = y + row.height / 2;
        if (row.kind === 'group') {
          page.rect(content.x, y + 1, windowRight - content.x, row.height - 2, tint(row.color, 0.86));
          page.rect(content.x, y + 1, 3, row.height - 2, row.color);
          page.text(row.label[0] ?? '', content.x + 8, y + (row.height - lineHeightOf(GANTT.fontSize)) / 2, GANTT.labelWidth, { fontSize: GANTT.fontSize, weight: 600, color: INK });
        } else {
          row.label.forEach((line, l) => page.text(line, content.x + 10, y + GANTT.rowPadding / 2 + l * lineHeightOf(GANTT.fontSize), GANTT.labelWidth - 10, { fontSize: GANTT.fontSize }));
          const span = spanOf(row);
          mids.set(row.id, mid);
          if (span === null) {
            page.text('not scheduled (see the warnings)', plotX + 4, mid - lineHeightOf(TYPE.tiny) / 2, plotWidth - 8, { fontSize: TYPE.tiny, color: MUTED, italic: true });
          } else if (span.to <= startWeek || span.from >= endWeek) {
            // Outside this window: a chevron at the window's edge points to where it is.
            outside = span.to <= startWeek ? 'before' : 'after';
            const edge = outside === 'before' ? plotX + 2 : windowRight - 2;
            const dir = outside === 'before' ? -1 : 1;
            page.shape({ kind: 'polygon', points: [[round(edge - dir * 5), round(mid - 3.5)], [round(edge), round(mid)], [round(edge - dir * 5), round(mid + 3.5)]], fill: tint(row.color, 0.35), stroke: null });
          } else {
            const from = Math.max(span.from, startWeek);
            const to = Math.min(span.to, endWeek);
            const x = xOf(from);
            const width = Math.max(1.5, (to - from) * pointsPerWeek);
            bar = { x: round(x), width: round(width), clippedStart: span.from < startWeek, clippedEnd: span.to > endWeek };
            if (row.kind === 'hire' && row.hire) drawHire(page, row.hire, xOf, startWeek, endWeek, mid, row.color);
            else if (row.initiative) steps = drawInitiative(page, row.initiative, xOf, startWeek, endWeek, mid, row.color);
          }
          page.line(content.x + 10, y + row.height, windowRight, y + row.height, '#eef0f2', 0.4);
        }
        layouts.push({ kind: row.kind, id: row.id, label: row.label, fontSize: GANTT.fontSize, y: round(y), height: row.height, bar, outside, ...(steps ? { steps } : {}) });
        y += row.height;
      }
      const arrows = drawDependencies(page, rows, mids, xOf, startWeek, endWeek, plan);

      if (rows.length === 0) page.text('Nothing to schedule: no work items and no hires in this plan.', plotX + 6, rowsTop + 8, plotWidth - 12, { color: MUTED, italic: true });

      // The horizon's end and the target, then the legend.
      const markers: { week: number; label: string; color: string }[] = [{ week: s.horizonWeeks, label: 'end of horizon', color: SEVERITY_COLORS.critical }];
      if (s.targetWeek !== s.horizonWeeks) markers.push({ week: s.targetWeek, label: 'target date', color: ACCENT });
      for (const m of markers) {
        if (m.week < startWeek || m.week > endWeek) continue;
        page.line(xOf(m.week), scaleY + GANTT.scaleHeight - 4, xOf(m.week), rowsBottom, m.color, 0.9, [3, 2]);
      }
      drawLegend(page, content.x, rowsBottom + 4, content.x + content.width, markers);

      const layout: GanttPageLayout = {
        window: { index: window.index, count: windows.length, firstQuarter: first, lastQuarter: last, startWeek, endWeek },
        rowPage: { index: rowPageIndex, count: rowPages.length },
        plot: { x: round(plotX), y: round(rowsTop), width: round(windowRight - plotX), height: round(rowsBottom - rowsTop) },
        pointsPerWeek,
        scale: { x: round(plotX), y: round(scaleY), width: round(windowRight - plotX), height: GANTT.scaleHeight },
        rows: layouts,
        arrows,
      };
      page.gantt = layout;
      pages.push(page);
    });
  }
  return pages;
}

function spanOf(row: RowSpec): { from: number; to: number } | null {
  if (row.hire) return { from: row.hire.requisitionWeek ?? row.hire.startWeek, to: Math.max(row.hire.productiveWeek, row.hire.startWeek + 1) };
  const i = row.initiative;
  if (i && i.start !== null && i.finish !== null) return { from: i.start, to: Math.max(i.finish, i.start + 1) };
  return null;
}

/**
 * An initiative's steps as bars on one row, joined by a thin line where the work pauses between
 * two steps (it waits for a gate or for people), so the row reads as one piece of work.
 */
function drawInitiative(page: PageDraft, initiative: Initiative, xOf: (week: number) => number, startWeek: number, endWeek: number, mid: number, color: string): { id: string; x: number; width: number }[] {
  const drawn: { id: string; x: number; width: number }[] = [];
  const steps = initiative.steps.filter((s) => s.start !== null && s.finish !== null).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const start = initiative.start ?? 0;
  const finish = initiative.finish ?? 0;
  const from = Math.max(start, startWeek);
  const to = Math.min(finish, endWeek);
  if (to > from) page.line(xOf(from), mid, xOf(to), mid, tint(color, 0.45), 1.2);
  for (const step of steps) {
    const a = Math.max(step.start ?? 0, startWeek);
    const b = Math.min(Math.max(step.finish ?? 0, (step.start ?? 0) + 1), endWeek);
    if (b <= a) continue;
    const x = xOf(a);
    const width = Math.max(1.5, (b - a) * (xOf(1) - xOf(0)));
    page.rect(x, mid - GANTT.barHeight / 2, width, GANTT.barHeight, color, null, { radius: 1.5 });
    drawn.push({ id: step.id, x: round(x), width: round(width) });
  }
  return drawn;
}

/** Arrows from the step an initiative waits for to the step that waits, where both rows are on the page and both ends in the window. */
function drawDependencies(
  page: PageDraft,
  rows: readonly RowSpec[],
  mids: ReadonlyMap<string, number>,
  xOf: (week: number) => number,
  startWeek: number,
  endWeek: number,
  plan: PlanResult,
): { from: string; to: string; points: (readonly [number, number])[] }[] {
  const items = new Map(plan.items.map((i) => [i.id, i]));
  const arrows: { from: string; to: string; points: (readonly [number, number])[] }[] = [];
  for (const row of rows) {
    const initiative = row.initiative;
    const y2 = mids.get(row.id);
    if (!initiative || y2 === undefined) continue;
    for (const dep of initiative.dependsOn) {
      const y1 = mids.get(dep.initiativeId);
      const waitedFor = items.get(dep.fromItemId);
      const waiting = items.get(dep.toItemId);
      if (y1 === undefined || waitedFor?.finish == null || waiting?.start == null) continue;
      if (waitedFor.finish < startWeek || waitedFor.finish > endWeek || waiting.start < startWeek || waiting.start > endWeek) continue;
      const x1 = xOf(waitedFor.finish);
      const x2 = xOf(waiting.start);
      // Out of the waited-for step's end, down (or up) to the waiting row, then into its step's start;
      // when the waiting step starts right there, straight down onto it.
      const dir = y2 > y1 ? 1 : -1;
      const half = GANTT.barHeight / 2;
      let points: (readonly [number, number])[];
      let head: [number, number][];
      if (x2 - x1 >= 6) {
        points = [
          [round(x1), round(y1 + dir * half)],
          [round(x1), round(y2)],
          [round(x2 - 3.5), round(y2)],
        ];
        head = [[x2 - 4, y2 - 2], [x2, y2], [x2 - 4, y2 + 2]];
      } else {
        const x = x2 + 2;
        const tip = y2 - dir * (half + 0.3);
        points = [
          [round(x), round(y1 + dir * half)],
          [round(x), round(tip - dir * 3.5)],
        ];
        head = [[x - 2, tip - dir * 4], [x + 2, tip - dir * 4], [x, tip]];
      }
      page.shape({ kind: 'polyline', points, stroke: MUTED, strokeWidth: 0.7 });
      page.shape({ kind: 'polygon', points: head.map(([hx, hy]) => [round(hx), round(hy)] as const), fill: MUTED, stroke: null });
      arrows.push({ from: dep.fromItemId, to: dep.toItemId, points });
    }
  }
  return arrows;
}

/** Requisition → first day as a thin line, the first day as a diamond, ramp-up as a pale bar. */
function drawHire(page: PageDraft, hire: PlannedHire, xOf: (week: number) => number, startWeek: number, endWeek: number, mid: number, color: string): void {
  const clamp = (week: number) => Math.min(Math.max(week, startWeek), endWeek);
  if (hire.requisitionWeek !== null && hire.requisitionWeek < hire.startWeek) {
    page.line(xOf(clamp(hire.requisitionWeek)), mid, xOf(clamp(hire.startWeek)), mid, MUTED, 1);
    if (hire.requisitionWeek >= startWeek) page.line(xOf(hire.requisitionWeek), mid - 3, xOf(hire.requisitionWeek), mid + 3, MUTED, 1);
  }
  if (hire.productiveWeek > hire.startWeek) {
    const from = clamp(hire.startWeek);
    const to = clamp(hire.productiveWeek);
    if (to > from) page.rect(xOf(from), mid - GANTT.barHeight / 2, xOf(to) - xOf(from), GANTT.barHeight, tint(color, 0.6), color, { strokeWidth: 0.5, radius: 1.5 });
  }
  if (hire.startWeek >= startWeek && hire.startWeek <= endWeek) {
    const x = xOf(hire.startWeek);
    const r = 4.5;
    page.shape({ kind: 'polygon', points: [[round(x), round(mid - r)], [round(x + r), round(mid)], [round(x), round(mid + r)], [round(x - r), round(mid)]], fill: color, stroke: '#ffffff', strokeWidth: 0.6 });
  }
}

function drawLegend(page: PageDraft, x0: number, top: number, right: number, markers: readonly { label: string; color: string }[]): void {
  let x = x0;
  let y = top;
  const lh = lineHeightOf(TYPE.tiny);
  const entry = (label: string, draw: (x: number) => number, symbolWidth: number) => {
    if (x + symbolWidth + 3 + measureText(label, TYPE.tiny) + 2 > right) {
      x = x0;
      y += lh + 2;
    }
    const used = draw(x);
    page.text(label, x + used + 3, y, measureText(label, TYPE.tiny) + 2, { fontSize: TYPE.tiny, color: MUTED });
    x += used + 3 + measureText(label, TYPE.tiny) + 7;
  };
  for (const layer of LAYERS) {
    entry(layer.name, (at) => {
      page.rect(at, y + lh / 2 - 3.5, 10, 7, LAYER_COLORS[layer.id], null, { radius: 1.5 });
      return 10;
    }, 10);
  }
  entry('waits for', (at) => {
    const mid = y + lh / 2;
    page.shape({ kind: 'polyline', points: [[round(at), round(mid - 3)], [round(at + 6), round(mid - 3)], [round(at + 6), round(mid + 2)]], stroke: MUTED, strokeWidth: 0.6 });
    page.shape({ kind: 'polygon', points: [[round(at + 4), round(mid + 1)], [round(at + 8), round(mid + 1)], [round(at + 6), round(mid + 4)]], fill: MUTED, stroke: null });
    return 9;
  }, 9);
  entry('hire: requisition, first day, ramp-up', (at) => {
    const mid = y + lh / 2;
    page.line(at, mid, at + 10, mid, MUTED, 1);
    page.shape({ kind: 'polygon', points: [[round(at + 10), round(mid - 4)], [round(at + 14), round(mid)], [round(at + 10), round(mid + 4)], [round(at + 6), round(mid)]], fill: ACCENT, stroke: null });
    page.rect(at + 14, mid - 3.5, 10, 7, tint(ACCENT, 0.6), ACCENT, { strokeWidth: 0.5, radius: 1.5 });
    return 24;
  }, 24);
  for (const m of markers) {
    entry(m.label, (at) => {
      page.line(at + 4, y, at + 4, y + lh, m.color, 0.9, [3, 2]);
      return 8;
    }, 8);
  }
}
