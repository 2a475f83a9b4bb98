import type { LayerId } from '../core/domain/layers';
import type { Scenario, WorkItemStatus } from '../core/domain/planning';
import type { Organisation, PersonStatus } from '../core/domain/types';

/*
 * Inputs take plain numbers where the domain has Maturity: the storage checks ranges itself (the
 * schema's CHECK constraints) and answers a StorageError naming the field, so callers holding
 * validated-but-unbranded numbers (zod output, CSV) need no casts.
 */

/**
 * A new capability. `id` is optional: catalog capabilities pass their catalog key (so role
 * prerequisites can name them); without one a random UUID is generated, which stays valid when
 * the capability is renamed.
 */
export interface CapabilityInput {
  readonly id?: string;
  readonly name: string;
  readonly layer: LayerId;
  readonly description?: string;
  readonly currentMaturity: number;
  readonly targetMaturity: number;
  readonly owner?: string;
  readonly tools?: string;
  readonly notes?: string;
  readonly fromCatalog?: boolean;
}

export interface CapabilityPatch {
  readonly name?: string;
  readonly layer?: LayerId;
  readonly description?: string;
  readonly currentMaturity?: number;
  readonly targetMaturity?: number;
  readonly owner?: string;
  readonly tools?: string;
  readonly notes?: string;
}

/** A role prerequisite as accepted on input (see Prerequisite in src/core/domain/types.ts). */
export type PrerequisiteInput =
  | { readonly kind: 'capability'; readonly capabilityId: string; readonly minMaturity: number }
  | { readonly kind: 'layer'; readonly layer: LayerId; readonly minReadiness: number };

export interface RoleInput {
  readonly id?: string;
  readonly name: string;
  readonly description?: string;
  readonly builds?: readonly LayerId[];
  readonly prerequisites?: readonly PrerequisiteInput[];
  readonly needsFoundations?: boolean;
  readonly fromCatalog?: boolean;
}

export interface RolePatch {
  readonly name?: string;
  readonly description?: string;
  readonly builds?: readonly LayerId[];
  readonly prerequisites?: readonly PrerequisiteInput[];
  readonly needsFoundations?: boolean;
}

export interface PersonInput {
  readonly id?: string;
  readonly name: string;
  readonly roleId: string;
  readonly fte: number;
  readonly status: PersonStatus;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
}

export interface PersonPatch {
  readonly name?: string;
  readonly roleId?: string;
  readonly fte?: number;
  readonly status?: PersonStatus;
  /** `null` clears the date; a missing key leaves it. */
  readonly startDate?: string | null;
  readonly endDate?: string | null;
}

export type HistoryEntity = 'capability' | 'person' | 'work_item';

/**
 * The tracked fields. `created`/`deleted` bracket an entity's life (their value is its name);
 * the others carry the field's value before and after, as text (`null` = did not exist / empty).
 */
export type HistoryField =
  | 'created'
  | 'deleted'
  | 'currentMaturity'
  | 'targetMaturity'
  | 'roleId'
  | 'fte'
  | 'status'
  | 'startDate'
  | 'endDate'
  | 'pinnedStart'
  | 'actualStart'
  | 'actualFinish';

export interface HistoryEntry {
  readonly id: number;
  /** ISO timestamp (UTC) of the change; all rows of one write share it. */
  readonly at: string;
  readonly entity: HistoryEntity;
  readonly entityId: string;
  readonly field: HistoryField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export interface HistoryFilter {
  readonly entity?: HistoryEntity;
  readonly entityId?: string;
}

/** Everything "start from the catalog" or the demo puts into an empty workspace. */
export interface SeedData {
  readonly organisation: Organisation;
  readonly capabilities: readonly CapabilityInput[];
  readonly roles: readonly RoleInput[];
  readonly people: readonly PersonInput[];
}

/**
 * A new work item: WorkItem without its id (optional, a UUID by default). Only `title` and
 * `durationWeeks` are required; the rest default as in the IPC schema (no capability, no
 * maturities, no demand, no predecessors, no dates, status `planned`, no notes).
 */
export interface WorkItemInput {
  readonly id?: string;
  readonly title: string;
  readonly capabilityId?: string | null;
  readonly fromMaturity?: number | null;
  readonly toMaturity?: number | null;
  readonly durationWeeks: number;
  readonly demand?: Readonly<Record<string, number>>;
  readonly predecessors?: readonly string[];
  readonly releaseDate?: string | null;
  readonly pinnedStart?: string | null;
  readonly status?: WorkItemStatus;
  readonly actualStart?: string | null;
  readonly actualFinish?: string | null;
  readonly notes?: string;
}

/** Changes only the keys it contains; `null` clears a nullable field. */
export interface WorkItemPatch {
  readonly title?: string;
  readonly capabilityId?: string | null;
  readonly fromMaturity?: number | null;
  readonly toMaturity?: number | null;
  readonly durationWeeks?: number;
  readonly demand?: Readonly<Record<string, number>>;
  readonly predecessors?: readonly string[];
  readonly releaseDate?: string | null;
  readonly pinnedStart?: string | null;
  readonly status?: WorkItemStatus;
  readonly actualStart?: string | null;
  readonly actualFinish?: string | null;
  readonly notes?: string;
}

/**
 * A new scenario. `id` defaults to a UUID; `isDefault: true` makes it the default (the previous
 * default stops being one, in the same transaction).
 */
export type ScenarioInput = Omit<Scenario, 'id' | 'isDefault' | 'runShare' | 'borrowed'> & {
  readonly id?: string;
  readonly isDefault?: boolean;
  /** Default DEFAULT_RUN_SHARE. */
  readonly runShare?: number;
  readonly borrowed?: Scenario['borrowed'];
};

/** Changes only the keys it contains; `null` clears a nullable field. The default is changed with setDefaultScenario. */
export type ScenarioPatch = Partial<Omit<Scenario, 'id' | 'isDefault'>>;
