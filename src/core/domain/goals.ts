import { catalogCapability } from './catalog/capabilities';
import { layerLevel, type LayerId } from './layers';
import type { Capability } from './types';

/**
 * What an organisation wants its data for. A capability is needed by one goal (CATALOG.md):
 * analytics (collect, move/store, explore/transform, metrics, dashboards, segments),
 * experimentation (an A/B testing platform, on top of analytics), ML (features, training data,
 * experiment tracking, baselines, validation, CI for ML) and AI (the top layer).
 */
export const GOALS = ['analytics', 'experimentation', 'ml', 'ai'] as const;
export type Goal = (typeof GOALS)[number];

export const GOAL_NAMES: Readonly<Record<Goal, string>> = {
  analytics: 'analytics',
  experimentation: 'experimentation',
  ml: 'machine learning',
  ai: 'AI',
};

/**
 * The goals a scenario's target layer stands for: up to Aggregate/Label it is analytics; a
 * Learn/Optimize target adds experimentation and ML; an AI target adds AI.
 */
export function goalsOfTarget(targetLayer: LayerId): ReadonlySet<Goal> {
  const level = layerLevel(targetLayer);
  if (level <= layerLevel('aggregate_label')) return new Set<Goal>(['analytics']);
  if (level === layerLevel('learn_optimize')) return new Set<Goal>(['analytics', 'experimentation', 'ml']);
  return new Set<Goal>(GOALS);
}

/** The goal that needs a capability: the catalog's, or for a capability of the lead's own, its layer's. */
export function goalOfCapability(capability: Pick<Capability, 'id' | 'layer'>): Goal {
  const entry = catalogCapability(capability.id);
  if (entry) return entry.goal;
  const level = layerLevel(capability.layer);
  if (level <= layerLevel('aggregate_label')) return 'analytics';
  return level === layerLevel('learn_optimize') ? 'ml' : 'ai';
}

/**
 * Whether a scenario aiming at `targetLayer` needs the capability: its goal is one the target
 * stands for, and it is not above the target layer. The planner proposes work and gates layers only
 * on capabilities it needs.
 */
export function isNeededForTarget(capability: Pick<Capability, 'id' | 'layer'>, targetLayer: LayerId): boolean {
  return layerLevel(capability.layer) <= layerLevel(targetLayer) && goalsOfTarget(targetLayer).has(goalOfCapability(capability));
}
