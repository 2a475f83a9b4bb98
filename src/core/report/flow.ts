import { wrapText, type FontWeight } from './metrics';
import { INK, LEADING, MUTED, PANEL, RULE, TYPE, type PageFrame } from './theme';
import type { GanttPageLayout, SectionId, Shape, TextLine } from './types';

export interface TextStyle {
  readonly fontSize?: number;
  readonly weight?: FontWeight;
  readonly color?: string;
  readonly align?: TextLine['align'];
  readonly italic?: boolean;
}

/** One page being drawn: shapes and lines of text at absolute positions. */
export class PageDraft {
  readonly shapes: Shape[] = [];
  readonly texts: TextLine[] = [];
  gantt: GanttPageLayout | undefined;

  constructor(
    readonly section: SectionId,
    readonly frame: PageFrame,
  ) {}

  /** One line at (x, y) in a box `width` wide; returns the line height. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const fontSize = style.fontSize ?? TYPE.body;
    const lineHeight = round(fontSize * LEADING);
    this.texts.push({
      text,
      x: round(x),
      y: round(y),
      width: round(width),
      fontSize,
      lineHeight,
      weight: style.weight ?? 400,
      color: style.color ?? INK,
      align: style.align ?? 'left',
      ...(style.italic ? { italic: true } : {}),
    });
    return lineHeight;
  }

  shape(shape: Shape): void {
    this.shapes.push(shape);
  }

  rect(x: number, y: number, width: number, height: number, fill: string | null, stroke: string | null = null, extra: { radius?: number; strokeWidth?: number; opacity?: number } = {}): void {
    this.shapes.push({ kind: 'rect', x: round(x), y: round(y), width: round(width), height: round(height), fill, stroke, ...extra });
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 0.75, dash?: readonly number[]): void {
    this.shapes.push({ kind: 'line', x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), stroke, strokeWidth, ...(dash ? { dash } : {}) });
  }
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function lineHeightOf(fontSize: number): number {
  return round(fontSize * LEADING);
}

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
  readonly weight?: FontWeight;
}

export interface TableRow {
  readonly cells: readonly string[];
  /** A colour swatch drawn before the first cell (the row's layer). */
  readonly swatch?: string;
  readonly muted?: boolean;
}

/**
 * Content that runs down pages: a cursor, and a new page whenever the next piece does not fit.
 * Nothing is ever shrunk; a table continued on a new page repeats its header row.
 */
export class Flow {
  readonly pages: PageDraft[] = [];
  page: PageDraft;
  y: number;
  /** Where content starts on the current page, below what `startPage` drew. */
  private top = 0;

  constructor(
    readonly section: SectionId,
    readonly frame: PageFrame,
    /** Draws what each page of the section starts with (its title); returns the height used. */
    private readonly startPage: (page: PageDraft, index: number) => number,
  ) {
    this.page = this.addPage();
    this.y = this.top;
  }

  private addPage(): PageDraft {
    const page = new PageDraft(this.section, this.frame);
    this.pages.push(page);
    const used = this.startPage(page, this.pages.length - 1);
    this.top = this.frame.content.y + used;
    return page;
  }

  get left(): number {
    return this.frame.content.x;
  }

  get width(): number {
    return this.frame.content.width;
  }

  get bottom(): number {
    return this.frame.content.y + this.frame.content.height;
  }

  fits(height: number): boolean {
    return this.y + height <= this.bottom + 0.01;
  }

  newPage(): void {
    this.page = this.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor (and the cursor is not at the top already). */
  ensure(height: number): void {
    if (!this.fits(height) && this.y > this.top) this.newPage();
  }

  gap(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  /** A heading kept together with at least `keep` points of what follows it. */
  heading(text: string, fontSize: number = TYPE.h2, keep = 40, color = INK): void {
    const lh = lineHeightOf(fontSize);
    if (this.y > this.top) this.gap(fontSize * 0.6);
    this.ensure(lh + keep);
    this.y += this.page.text(text, this.left, this.y, this.width, { fontSize, weight: 600, color });
    this.y += 3;
  }

  /** Wrapped text, broken across pages between lines when needed. */
  paragraph(text: string, style: TextStyle & { indent?: number; width?: number } = {}): number {
    const fontSize = style.fontSize ?? TYPE.body;
    const x = this.left + (style.indent ?? 0);
    const width = style.width ?? this.width - (style.indent ?? 0);
    const lines = wrapText(text, width, fontSize, style.weight ?? 400);
    const lh = lineHeightOf(fontSize);
    for (const line of lines) {
      this.ensure(lh);
      this.y += this.page.text(line, x, this.y, width, style);
    }
    return lines.length;
  }

  /**
   * A table: each cell wrapped to its column, a row never split across pages, the header row
   * repeated at the top of every page the table runs onto.
   */
  table(
    columns: readonly Column[],
    rows: readonly TableRow[],
    options: { fontSize?: number; zebra?: boolean; /** Said again above the header on each page the table runs on to. */ caption?: { text: string; color: string } } = {},
  ): { page: PageDraft; y: number; height: number }[] {
    const placed: { page: PageDraft; y: number; height: number }[] = [];
    const fontSize = options.fontSize ?? TYPE.small;
    const lh = lineHeightOf(fontSize);
    const pad = 3.5;
    const gutter = 8;
    const swatch = rows.some((r) => r.swatch !== undefined) ? 10 : 0;
    const headerHeight = lh + 2 * pad;
    const drawHeader = () => {
      let x = this.left + swatch;
      this.page.rect(this.left, this.y, this.width, headerHeight, PANEL);
      for (const column of columns) {
        this.page.text(column.header, x, this.y + pad, column.width, { fontSize, weight: 600, color: MUTED, align: column.align ?? 'left' });
        x += column.width + gutter;
      }
      this.y += headerHeight;
    };
    const wrapped = rows.map((row) => columns.map((column, i) => wrapText(row.cells[i] ?? '', column.width, fontSize, column.weight ?? 400)));
    const heights = wrapped.map((cells) => Math.max(1, ...cells.map((c) => c.length)) * lh + 2 * pad);
    this.ensure(headerHeight + (heights[0] ?? 0));
    drawHeader();
    rows.forEach((row, r) => {
      const height = heights[r] ?? lh;
      if (!this.fits(height)) {
        this.newPage();
        if (options.caption) {
          this.y += this.page.text(`${options.caption.text} (continued)`, this.left, this.y, this.width, { fontSize: TYPE.body, weight: 600, color: options.caption.color });
          this.y += 3;
        }
        drawHeader();
      }
      if (options.zebra && r % 2 === 1) this.page.rect(this.left, this.y, this.width, height, '#fafbfc');
      if (row.swatch) this.page.rect(this.left, this.y + pad + 1, 6, lh - 3, row.swatch, null, { radius: 1 });
      let x = this.left + swatch;
      columns.forEach((column, i) => {
        (wrapped[r]?.[i] ?? []).forEach((line, l) => {
          this.page.text(line, x, this.y + pad + l * lh, column.width, {
            fontSize,
            weight: column.weight ?? 400,
            color: row.muted ? MUTED : INK,
            align: column.align ?? 'left',
          });
        });
        x += column.width + gutter;
      });
      placed.push({ page: this.page, y: this.y, height });
      this.y += height;
      this.page.line(this.left, this.y, this.left + this.width, this.y, RULE, 0.5);
    });
    return placed;
  }
}

/** Column widths: fixed ones as given, the `null` one takes what is left. */
export function columns(total: number, specs: readonly (Omit<Column, 'width'> & { width: number | null })[], gutter = 8, swatch = 0): Column[] {
  const fixed = specs.reduce((sum, s) => sum + (s.width ?? 0), 0);
  const rest = total - swatch - fixed - gutter * (specs.length - 1);
  return specs.map((s) => ({ ...s, width: s.width ?? rest }));
}
