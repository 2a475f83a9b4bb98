import type { LayerId } from '../domain/layers';
import type { Maturity } from '../domain/maturity';
import type { WorkItemStatus, Scenario } from '../domain/planning';
import type { Capability, Organisation, Person, Role } from '../domain/types';
import type { WorkItem } from '../domain/planning';

export interface PlanInput {
  readonly organisation: Organisation;
  readonly capabilities: readonly Capability[];
  readonly roles: readonly Role[];
  readonly people: readonly Person[];
  readonly workItems: readonly WorkItem[];
  readonly scenario: Scenario;
  /** Schedules the engine evaluates per layer pass (default PLANNER_EFFORT); fixed, so plans are reproducible. */
  readonly effort?: number;
}

export const PLAN_WARNING_CODES = [
  /** An open requisition or planned hire of a role that needs foundations starts before they are ready. */
  'luxury-hire-early',
  /** A user pinned an item of a layer before the layer below reaches its gate. */
  'pinned-before-gate',
  /** A layer does not reach its gate within the horizon, so the layers above it cannot start. */
  'gate-unreachable',
  /** The target layer is not ready by the target date. */
  'target-missed',
  /** Work needs a role that has no capacity and may not be hired. */
  'no-capacity',
  /** An item finishes after the horizon ends. */
  'beyond-horizon',
  /** The engine refused a user's constraint (a pin it cannot keep, a predecessor that cannot finish). */
  'constraint-conflict',
  /** A role the planner would hire to meet the target is held back by the budget or the hiring limits. */
  'hiring-limited',
] as const;
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly message: string;
  readonly itemId?: string;
  readonly personId?: string;
  readonly hireId?: string;
  readonly roleId?: string;
  readonly layer?: LayerId;
  /** A week the warning is about (e.g. when the foundations will be ready); null when never within the horizon. */
  readonly week?: number | null;
}

export type PlacementKind =
  | 'start'
  | 'release'
  | 'gate'
  | 'predecessor'
  | 'resource'
  | 'capacity'
  | 'pin'
  | 'done'
  | 'dropped'
  | 'unscheduled';

/** Why an item starts when it does, built from the schedule's data. */
export interface Placement {
  readonly kind: PlacementKind;
  readonly text: string;
  readonly week?: number;
  readonly itemIds?: readonly string[];
  readonly roleId?: string;
  readonly layer?: LayerId;
  readonly hireIds?: readonly string[];
}

export interface PlannedItem {
  readonly id: string;
  readonly title: string;
  /** `user`: stored in the workspace; `proposal`: proposed by the planner from the catalog's estimates. */
  readonly source: 'user' | 'proposal';
  readonly status: WorkItemStatus;
  readonly capabilityId: string | null;
  readonly layer: LayerId | null;
  readonly fromMaturity: Maturity | null;
  readonly toMaturity: Maturity | null;
  readonly durationWeeks: number;
  readonly demand: Readonly<Record<string, number>>;
  readonly predecessors: readonly string[];
  readonly pinned: boolean;
  /** Null when the item is not scheduled (done, dropped, or blocked: see `placement`). */
  readonly start: number | null;
  readonly finish: number | null;
  readonly startQuarter: string | null;
  readonly finishQuarter: string | null;
  readonly startDate: string | null;
  readonly finishDate: string | null;
  readonly placement: Placement;
}

export interface PlannedHire {
  readonly id: string;
  readonly roleId: string;
  readonly roleName: string;
  /** `proposed` by this plan, or an `existing` open requisition / planned hire from the headcount. */
  readonly source: 'proposed' | 'existing';
  readonly status: 'proposed' | 'open_req' | 'planned';
  readonly personId: string | null;
  readonly personName: string | null;
  /** Week the requisition opens (null for existing ones: already open or planned). */
  readonly requisitionWeek: number | null;
  readonly startWeek: number;
  readonly startDate: string;
  readonly quarter: string;
  /** Start plus ramp-up: from this week the hire counts as capacity. */
  readonly productiveWeek: number;
  /** The layer whose work motivated the hire. */
  readonly layer: LayerId | null;
  /** When the role's prerequisites are in place in this plan (null: not within the horizon). */
  readonly prerequisitesReadyWeek: number | null;
  readonly annualSalary: number | null;
  readonly reason: string;
}

export interface LayerProjection {
  readonly layer: LayerId;
  readonly name: string;
  readonly readinessNow: number | null;
  readonly readinessAtEnd: number | null;
  /** First week the layer's projected readiness reaches the gate; 0 when it already does; null: not within the horizon. */
  readonly readyWeek: number | null;
  readonly readyQuarter: string | null;
  readonly readyDate: string | null;
}

export interface PlanQuarter {
  readonly index: number;
  readonly label: string;
  readonly startWeek: number;
  readonly startDate: string;
}

/** A role's capacity over the plan, in people (FTE): from each `from` week on, until the next step. */
export interface RoleCapacity {
  readonly roleId: string;
  readonly roleName: string;
  readonly steps: readonly { readonly from: number; readonly people: number }[];
}

/** One step of the planner's reasoning, in the order it was taken. */
export interface PlanDecision {
  readonly step: number;
  readonly layer: LayerId | null;
  readonly kind: 'assess' | 'schedule' | 'gate' | 'hire' | 'no-hire' | 'review';
  readonly text: string;
}

/** `groundwork plan --json` (docs/plan-json.md). */
export interface PlanResult {
  readonly version: 1;
  readonly organisation: string;
  readonly scenario: Scenario & { readonly horizonWeeks: number; readonly targetWeek: number };
  readonly quarters: readonly PlanQuarter[];
  readonly items: readonly PlannedItem[];
  readonly hires: readonly PlannedHire[];
  readonly layers: readonly LayerProjection[];
  readonly warnings: readonly PlanWarning[];
  readonly decisions: readonly PlanDecision[];
  /** Capacity per role with the plan's hires (people from their productive week on). */
  readonly capacity: readonly RoleCapacity[];
  /** Last finish week of the scheduled items (0 when nothing is scheduled). */
  readonly makespan: number;
}
