import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createElement as h, type ReactElement } from 'react';
import { Canvas, Document, Line, Page, Polygon, Polyline, Rect, renderToBuffer, Svg } from './react-pdf';
import { measureText } from '../core/report/metrics';
import type { ComparisonReport, ReportModel, ReportPage, Shape, TextLine } from '../core/report/types';

/** Anything laid out page by page by the core: the roadmap report, or a comparison of scenarios on its own. */
export type PaintableReport = ReportModel | ComparisonReport;

function documentInfo(model: PaintableReport): { author: string; subject: string } {
  if ('content' in model) return { author: model.content.cover.organisation, subject: `Roadmap, scenario ${model.content.cover.scenarioName}` };
  return { author: model.title.split(' — ')[0] ?? '', subject: `Scenario comparison: ${model.comparison.scenarios.map((s) => s.name).join(', ')}` };
}
import { FONT_BOX, reportFontFiles, type ReportFontFiles } from './fonts';

export interface RenderOptions {
  /** Called as rendering goes on, with a fraction in [0, 1] and what is being done. */
  readonly onProgress?: (fraction: number, stage: string) => void;
  /** writeRoadmapPdf: once aborted, nothing is written (checked after the render, before the file). */
  readonly signal?: AbortSignal;
}

function shape(s: Shape, key: number): ReactElement {
  switch (s.kind) {
    case 'rect':
      return h(Rect, {
        key,
        x: s.x,
        y: s.y,
        width: s.width,
        height: s.height,
        rx: s.radius ?? 0,
        ry: s.radius ?? 0,
        fill: s.fill ?? 'none',
        stroke: s.stroke ?? 'none',
        strokeWidth: s.strokeWidth ?? (s.stroke ? 0.75 : 0),
        ...(s.opacity !== undefined ? { fillOpacity: s.opacity } : {}),
      });
    case 'line':
      return h(Line, {
        key,
        x1: s.x1,
        y1: s.y1,
        x2: s.x2,
        y2: s.y2,
        stroke: s.stroke,
        strokeWidth: s.strokeWidth,
        ...(s.dash ? { strokeDasharray: s.dash.join(',') } : {}),
      });
    case 'polyline':
      return h(Polyline, {
        key,
        points: s.points.map(([x, y]) => `${x},${y}`).join(' '),
        fill: 'none',
        stroke: s.stroke,
        strokeWidth: s.strokeWidth,
        ...(s.dash ? { strokeDasharray: s.dash.join(',') } : {}),
      });
    case 'polygon':
      return h(Polygon, {
        key,
        points: s.points.map(([x, y]) => `${x},${y}`).join(' '),
        fill: s.fill ?? 'none',
        stroke: s.stroke ?? 'none',
        strokeWidth: s.strokeWidth ?? (s.stroke ? 0.75 : 0),
        ...(s.opacity !== undefined ? { fillOpacity: s.opacity } : {}),
      });
  }
}

/** The part of the pdfkit document react-pdf's Canvas hands to `paint`, as used here. */
interface Painter {
  font(src: string): Painter;
  fontSize(size: number): Painter;
  fillColor(color: string): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: boolean }): Painter;
}

function isPainter(value: unknown): value is Painter {
  return typeof value === 'object' && value !== null && 'text' in value && 'font' in value && 'fontSize' in value && 'fillColor' in value;
}

/**
 * Text is painted line by line at the model's positions through react-pdf's Canvas, straight into
 * the PDF: every line was measured and broken by the model already, and going through a <Text>
 * element per line (layout engine, line breaker, bidi) cost a millisecond or more per line — too
 * slow for a 500-item roadmap. pdfkit shapes word by word with a cache, so the font's OpenType
 * tables are walked once per distinct word. The line box is `lineHeight` tall; the glyphs sit
 * centred in it. Kerning can make a line a hair narrower than the model measured (which ignores
 * kerning), never wider.
 */
function paintTexts(texts: readonly TextLine[], fonts: ReportFontFiles, onPainted: () => void) {
  return (painter: unknown) => {
    if (!isPainter(painter)) throw new Error('react-pdf Canvas painter lacks text drawing');
    onPainted();
    // Font, size and colour are set only when they change: most lines share them with the previous one.
    let file = '';
    let size = 0;
    let color = '';
    for (const t of texts) {
      const face = t.italic ? fonts.italic : t.weight === 700 ? fonts.bold : t.weight === 600 ? fonts.semibold : fonts.regular;
      if (face !== file) painter.font((file = face));
      if (t.fontSize !== size) painter.fontSize((size = t.fontSize));
      if (t.color !== color) painter.fillColor((color = t.color));
      const width = measureText(t.text, t.fontSize, t.weight);
      const x = t.align === 'right' ? t.x + t.width - width : t.align === 'center' ? t.x + (t.width - width) / 2 : t.x;
      const y = t.y + (t.lineHeight - t.fontSize * FONT_BOX) / 2;
      painter.text(t.text, x, y, { lineBreak: false });
    }
    return null;
  };
}

function page(p: ReportPage, fonts: ReportFontFiles, onPainted: () => void): ReactElement {
  // Every position comes from the model, so nothing flows on to another page. (`wrap: false` would
  // say so, but react-pdf 4.9 then gives the page a height of 0; and a drawing as tall as the page
  // counts as "too tall", so it stops a point short: no shape reaches the bottom margin anyway.)
  return h(
    Page,
    { key: p.number, size: [p.width, p.height], style: { backgroundColor: '#ffffff' } },
    h(Svg, { width: p.width, height: p.height - 1, viewBox: `0 0 ${p.width} ${p.height - 1}`, style: { position: 'absolute', left: 0, top: 0 } }, ...p.shapes.map(shape)),
    h(Canvas, { paint: paintTexts(p.texts, fonts, onPainted), style: { position: 'absolute', left: 0, top: 0, width: p.width, height: p.height - 1 } }),
  );
}

/**
 * The report as PDF bytes. Same code in plain Node (the CLI) and in the handler host's job worker.
 * Progress is reported as each page is painted (react-pdf paints them in order).
 */
export async function renderRoadmapPdf(model: PaintableReport, options: RenderOptions = {}): Promise<Buffer> {
  const progress = options.onProgress ?? (() => undefined);
  progress(0, 'fonts');
  const fonts = reportFontFiles();
  const total = model.pages.length;
  let painted = 0;
  const onPainted = () => {
    painted += 1;
    progress(0.1 + (0.85 * painted) / total, `page ${painted} of ${total}`);
  };
  const document = h(
    Document,
    { title: model.title, ...documentInfo(model), creator: 'Groundwork', producer: 'Groundwork', language: 'en' },
    ...model.pages.map((p) => page(p, fonts, onPainted)),
  );
  progress(0.1, `rendering ${total} pages`);
  const buffer = await renderToBuffer(document);
  progress(1, 'done');
  return buffer;
}

/**
 * Renders, then writes to a temporary file beside `file` and renames it into place: a failed
 * render or write leaves no file (and never a half-written one) at `file`.
 */
export async function writeRoadmapPdf(model: PaintableReport, file: string, options: RenderOptions = {}): Promise<void> {
  const buffer = await renderRoadmapPdf(model, options);
  options.signal?.throwIfAborted();
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, buffer, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
