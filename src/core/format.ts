import { LAYERS, layerById, type LayerId } from './domain/layers';
import { PERSON_STATUS_LABELS } from './domain/types';
import type { PlannedHire } from './planner/types';

/*
 * How values read, wherever they are shown: the screens, the CLI and the PDF use these, so the
 * same number never reads differently in two places.
 */

/**
 * A fraction (readiness, a gate threshold) as a whole percentage, rounded down so that a layer
 * 99.6 % ready never reads "100%" — a view should not claim a foundation is complete when it is
 * not. `none` is what an untracked value (null) reads.
 */
export function formatPercent(value: number | null, none = '—'): string {
  return value === null ? none : `${Math.floor(value * 100 + 1e-9)}%`;
}

/** A raise of maturity, as a tag: `2→3`; null when the work raises no maturity. */
export function maturityStepLabel(from: number | null, to: number | null): string | null {
  return from === null || to === null ? null : `${from}→${to}`;
}

/**
 * The title the planner gives the work of raising a capability one level ("Warehouse: maturity
 * 2 → 3"); the roadmap shows such a title as the capability's name and a step tag.
 */
export function maturityStepTitle(capabilityName: string, from: number, to: number): string {
  return `${capabilityName}: maturity ${from} → ${to}`;
}

/** A layer's name; null (work that raises no capability) reads "No capability". */
export function layerLabel(layer: LayerId | null): string {
  return layer === null ? 'No capability' : layerById(layer).name;
}

/** The layers top to bottom, as the pyramid is drawn and as tables list them. */
export const LAYERS_TOP_DOWN = [...LAYERS].reverse();

/** A hire's status: a proposal of the plan, or the headcount's own status of an existing one. */
export const HIRE_STATUS_LABELS: Readonly<Record<PlannedHire['status'], string>> = {
  proposed: 'Proposed',
  open_req: PERSON_STATUS_LABELS.open_req,
  planned: PERSON_STATUS_LABELS.planned,
};
