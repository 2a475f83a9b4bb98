import type { Box, Orientation, Paper } from './types';

/** The layers' colours are the app's (core/palette.ts): one palette for the screen and the page. */
export { LAYER_COLORS, OTHER_COLOR } from '../palette';

/** The same colours mixed with white, for backgrounds behind dark text. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

export const INK = '#1f2933';
export const MUTED = '#52606d';
export const FAINT = '#9aa5b1';
export const RULE = '#d9dee3';
export const PANEL = '#f4f6f8';
export const ACCENT = '#1d4e89';
export const GOOD = '#2f7d4f';
export const SEVERITY_COLORS = { critical: '#b42318', warning: '#b54708', info: '#52606d' } as const;

/**
 * Type sizes in points. The smallest is 8 pt, readable when printed; the report never shrinks
 * type to fit: content that does not fit goes on to the next page.
 */
export const TYPE = {
  coverTitle: 30,
  coverSubtitle: 16,
  h1: 17,
  h2: 12,
  body: 9.5,
  small: 8.5,
  tiny: 8,
} as const;
export const MIN_FONT_SIZE = 8;
export const LEADING = 1.32;

/** Paper sizes in points (1/72 in). */
const PAPER: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export interface PageFrame {
  readonly orientation: Orientation;
  readonly width: number;
  readonly height: number;
  readonly content: Box;
  /** Baselines' boxes of the running header and the footer, in the margins. */
  readonly headerY: number;
  readonly footerY: number;
}

/** Generous margins: 0.8 in at the sides, room above and below for the running header and footer. */
export function pageFrame(paper: Paper, orientation: Orientation): PageFrame {
  const size = PAPER[paper];
  const width = orientation === 'portrait' ? size.width : size.height;
  const height = orientation === 'portrait' ? size.height : size.width;
  const side = orientation === 'portrait' ? 58 : 50;
  const top = 66;
  const bottom = 58;
  return {
    orientation,
    width,
    height,
    content: { x: side, y: top, width: width - 2 * side, height: height - top - bottom },
    headerY: 30,
    footerY: height - 40,
  };
}
