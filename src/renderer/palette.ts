import { LAYER_IDS } from '../core/domain/layers';
import { LAYER_COLORS, LAYER_COLORS_DARK, OTHER_COLOR, OTHER_COLOR_DARK } from '../core/palette';

/**
 * The layers' colours come from core/palette.ts, the same the PDF paints with: set once on the
 * root as custom properties (`--layer-collect-light`, `--layer-collect-dark`, …), which the
 * stylesheets pick by theme. (Set through the CSSOM, which the Content-Security-Policy allows.)
 */
export function applyLayerPalette(root: HTMLElement = document.documentElement): void {
  for (const id of LAYER_IDS) {
    root.style.setProperty(`--layer-${id}-light`, LAYER_COLORS[id]);
    root.style.setProperty(`--layer-${id}-dark`, LAYER_COLORS_DARK[id]);
  }
  root.style.setProperty('--layer-none-light', OTHER_COLOR);
  root.style.setProperty('--layer-none-dark', OTHER_COLOR_DARK);
}
