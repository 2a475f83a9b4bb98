import { FONT_CHARS, WIDTHS_BOLD, WIDTHS_REGULAR, WIDTHS_SEMIBOLD } from './metrics-data';

export type FontWeight = 400 | 600 | 700;

/** A character outside the table is taken as wide as an "M": a guess that errs towards wrapping early. */
const FALLBACK_WIDTH = 900;

const TABLES: Record<FontWeight, Map<string, number>> = {
  400: table(WIDTHS_REGULAR),
  600: table(WIDTHS_SEMIBOLD),
  700: table(WIDTHS_BOLD),
};

function table(widths: readonly number[]): Map<string, number> {
  return new Map([...FONT_CHARS].map((c, i) => [c, widths[i] ?? FALLBACK_WIDTH]));
}

/** Width in points of `text` set at `fontSize` points. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 400): number {
  const widths = TABLES[weight];
  let total = 0;
  for (const c of text) total += widths.get(c) ?? FALLBACK_WIDTH;
  return (total * fontSize) / 1000;
}

/**
 * Greedy line breaking at spaces; a word wider than the line is broken between characters.
 * Lines are measured a point short of `width`, so the renderer never has a reason to wrap them.
 */
export function wrapText(text: string, width: number, fontSize: number, weight: FontWeight = 400): string[] {
  const limit = Math.max(width - 1, fontSize);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measureText(candidate, fontSize, weight) <= limit) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = word;
      while (measureText(rest, fontSize, weight) > limit) {
        let cut = 1;
        while (cut < rest.length && measureText(rest.slice(0, cut + 1), fontSize, weight) <= limit) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** `text` cut to fit `width`, ending with an ellipsis when cut. */
export function fitText(text: string, width: number, fontSize: number, weight: FontWeight = 400): string {
  if (measureText(text, fontSize, weight) <= width - 1) return text;
  let cut = text.length;
  while (cut > 0 && measureText(`${text.slice(0, cut).trimEnd()}…`, fontSize, weight) > width - 1) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}
