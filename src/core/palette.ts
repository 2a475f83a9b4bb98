import type { LayerId } from './domain/layers';

/*
 * One colour per pyramid layer, wherever a layer is drawn: the app's roadmap, timeline and
 * pyramid, and the PDF. Earthy at the bottom (the foundations) and brighter towards the top.
 * `LAYER_COLORS` is for light backgrounds and print; `LAYER_COLORS_DARK` the same hues lightened
 * for the dark theme. Layer colour is always paired with the layer's name: it is never the only
 * sign of which layer something belongs to.
 */
export const LAYER_COLORS: Readonly<Record<LayerId, string>> = {
  collect: '#8a6a43',
  move_store: '#2f6fa3',
  explore_transform: '#24877c',
  aggregate_label: '#6b8f2a',
  learn_optimize: '#c7861f',
  ai: '#a83e6a',
};

export const LAYER_COLORS_DARK: Readonly<Record<LayerId, string>> = {
  collect: '#c9a57a',
  move_store: '#7fb2de',
  explore_transform: '#6cc7bb',
  aggregate_label: '#a8cc69',
  learn_optimize: '#ebb65e',
  ai: '#e386ad',
};

/** Work on no capability. */
export const OTHER_COLOR = '#6b7280';
export const OTHER_COLOR_DARK = '#a3acb9';
