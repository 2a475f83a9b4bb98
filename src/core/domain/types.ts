import type { LayerId } from './layers';
import type { Maturity } from './maturity';

/**
 * A capability of the organisation's data infrastructure. Catalog capabilities keep their catalog
 * key as id (e.g. "warehouse") so that role prerequisites can refer to them; custom ones get a
 * generated id.
 */
export interface Capability {
  readonly id: string;
  readonly name: string;
  readonly layer: LayerId;
  readonly description: string;
  readonly currentMaturity: Maturity;
  readonly targetMaturity: Maturity;
  readonly owner: string;
  readonly tools: string;
  readonly notes: string;
  /** True when it came from the built-in catalog (its id is the catalog key). */
  readonly fromCatalog: boolean;
}

/** What must be in place before someone in a role can be productive. */
export type Prerequisite =
  | { readonly kind: 'capability'; readonly capabilityId: string; readonly minMaturity: Maturity }
  | { readonly kind: 'layer'; readonly layer: LayerId; readonly minReadiness: number };

export interface Role {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Layers whose work this role does, most important first. */
  readonly builds: readonly LayerId[];
  readonly prerequisites: readonly Prerequisite[];
  /**
   * A "luxury" role pays off only on top of foundations (data scientist, ML engineer): the planner
   * never proposes one whose prerequisites will not be ready by the hire's start plus ramp-up.
   */
  readonly needsFoundations: boolean;
  readonly fromCatalog: boolean;
}

export const PERSON_STATUSES = ['on_staff', 'open_req', 'planned'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  on_staff: 'On staff',
  open_req: 'Open requisition',
  planned: 'Planned hire',
};

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly roleId: string;
  /** Full-time equivalent, 0 < fte ≤ 1. */
  readonly fte: number;
  readonly status: PersonStatus;
  /** ISO calendar date `YYYY-MM-DD`, or null when unknown (e.g. an open requisition). */
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface Organisation {
  readonly name: string;
}
