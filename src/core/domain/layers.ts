/**
 * The six layers of Monica Rogati's "AI hierarchy of needs", bottom to top. Order matters: the
 * planner climbs them in this order, and a layer's work waits for the layer below.
 */
export const LAYER_IDS = [
  'collect',
  'move_store',
  'explore_transform',
  'aggregate_label',
  'learn_optimize',
  'ai',
] as const;

export type LayerId = (typeof LAYER_IDS)[number];

export interface Layer {
  readonly id: LayerId;
  /** 0 = bottom of the pyramid. */
  readonly level: number;
  readonly name: string;
  readonly summary: string;
}

export const LAYERS: readonly Layer[] = [
  {
    id: 'collect',
    level: 0,
    name: 'Collect',
    summary: 'Instrumentation, logging, sensors, external data, user-generated content.',
  },
  {
    id: 'move_store',
    level: 1,
    name: 'Move/Store',
    summary: 'Reliable data flow, infrastructure, pipelines, ETL, structured and unstructured storage.',
  },
  {
    id: 'explore_transform',
    level: 2,
    name: 'Explore/Transform',
    summary: 'Cleaning, anomaly detection, preparation, access for analysis.',
  },
  {
    id: 'aggregate_label',
    level: 3,
    name: 'Aggregate/Label',
    summary: 'Analytics, metrics, segments, aggregates, features, training data.',
  },
  {
    id: 'learn_optimize',
    level: 4,
    name: 'Learn/Optimize',
    summary: 'A/B testing, experimentation, simple machine-learning algorithms.',
  },
  {
    id: 'ai',
    level: 5,
    name: 'AI/Deep learning',
    summary: 'Model serving, monitoring, continuous training and delivery of ML systems.',
  },
];

const BY_ID = new Map<LayerId, Layer>(LAYERS.map((l) => [l.id, l]));

export function isLayerId(value: unknown): value is LayerId {
  return typeof value === 'string' && BY_ID.has(value as LayerId);
}

export function layerById(id: LayerId): Layer {
  const layer = BY_ID.get(id);
  if (!layer) throw new RangeError(`unknown layer "${id}"`);
  return layer;
}

export function layerLevel(id: LayerId): number {
  return layerById(id).level;
}
