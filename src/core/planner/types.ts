import type { PlanQuarter } from '../domain/calendar';
import type { Goal } from '../domain/goals';
import type { LayerId } from '../domain/layers';
import type { Maturity } from '../domain/maturity';
import type { Scenario, WorkItem, WorkItemStatus } from '../domain/planning';
import type { WorkspaceSettings } from '../domain/settings';
import type { Capability, Organisation, Person, Role } from '../domain/types';

export interface PlanInput {
  readonly organisation: Organisation;
  readonly capabilities: readonly Capability[];
  readonly roles: readonly Role[];
  readonly people: readonly Person[];
  readonly workItems: readonly WorkItem[];
  readonly scenario: Scenario;
  /**
   * The status date the plan is made as of (`YYYY-MM-DD`; default: the scenario's start). Done
   * work lies before it, in-progress work needs only its remaining weeks, nothing new starts
   * before it.
   */
  readonly asOf?: string;
  readonly settings?: Partial<WorkspaceSettings>;
  /** Schedules the engine evaluates per layer pass (default PLANNER_EFFORT); fixed, so plans are reproducible. */
  readonly effort?: number;
  /**
   * Ids of people counted on top of the scenario's hiring limits (budget, hires per quarter): the
   * "one more hire" a marginal value asks about is extra headcount, not a swap for a hire the plan
   * would make anyway.
   */
  readonly beyondLimits?: readonly string[];
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
  /** Work that nobody in the team (nor a stand-in) can do and no allowed hire covers: it needs a borrowed or contracted person. */
  'unstaffed-work',
  /** An item finishes after the horizon ends. */
  'beyond-horizon',
  /** The engine refused a user's constraint (a pin it cannot keep, a pin in the past). */
  'constraint-conflict',
  /** A hire the plan needs is held back: hiring is off, or the budget or the hiring limits are used up. */
  'hiring-limited',
  /** Work on layers above the scenario's target: scheduled with the team there is, no hire planned for it. */
  'above-target',
] as const;
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

export type Severity = 'critical' | 'warning' | 'info';

export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly summary: string;
  /** What to do about it, e.g. "Move the ML engineer requisition to 2028-Q2". */
  readonly action: string;
  /** The full reason, from the plan's data. */
  readonly message: string;
  readonly itemId?: string;
  /** Every item the warning is about, when it covers several (e.g. all of a layer's work past the horizon). */
  readonly itemIds?: readonly string[];
  readonly personId?: string;
  readonly hireId?: string;
  readonly roleId?: string;
  readonly layer?: LayerId;
  /** A week the warning is about (e.g. when the foundations will be ready); null when never within the horizon. */
  readonly week?: number | null;
  /** The same week as a date. */
  readonly date?: string | null;
}

export type PlacementKind =
  | 'start'
  | 'status'
  | 'release'
  | 'gate'
  | 'predecessor'
  | 'resource'
  | 'capacity'
  | 'pin'
  | 'in-progress'
  | 'done'
  | 'dropped'
  | 'unstaffed'
  | 'unscheduled';

/** Why an item starts when it does, built from the schedule's data. */
export interface Placement {
  readonly kind: PlacementKind;
  readonly text: string;
  readonly week?: number;
  readonly itemIds?: readonly string[];
  readonly roleId?: string;
  readonly layer?: LayerId;
  /** For `gate`: the maturity level of the layer below the item waits for (absent: the full gate). */
  readonly level?: number;
  readonly hireIds?: readonly string[];
}

/** Who does one role's share of an item. */
export interface Assignment {
  /** The role whose work it is (from the item's demand). */
  readonly forRoleId: string;
  /** The role of the people who do it: the same, or a stand-in. */
  readonly roleId: string;
  readonly people: number;
  /** Share of the specialist's speed (1 for the role itself). */
  readonly efficiency: number;
}

export interface PlannedItem {
  readonly id: string;
  readonly title: string;
  /** `user`: stored in the workspace; `proposal`: proposed by the planner from the catalog's estimates. */
  readonly source: 'user' | 'proposal';
  readonly status: WorkItemStatus;
  readonly capabilityId: string | null;
  readonly layer: LayerId | null;
  /** The goal that needs the item's capability (null for work on none). */
  readonly goal: Goal | null;
  readonly fromMaturity: Maturity | null;
  readonly toMaturity: Maturity | null;
  /** The estimate: weeks of work at full focus, by the roles of `demand`. */
  readonly durationWeeks: number;
  readonly demand: Readonly<Record<string, number>>;
  /** Weeks the item runs in this plan: the estimate stretched by the run-work share and by who does it. */
  readonly scheduledWeeks: number;
  /** Who does the work (stand-ins where the role is missing or busy); empty when not scheduled. */
  readonly assignments: readonly Assignment[];
  /** How it is staffed, in words ('' when by the roles it names). */
  readonly staffing: string;
  readonly predecessors: readonly string[];
  readonly pinned: boolean;
  /** Plan weeks; null when the item is not scheduled (dropped, or blocked: see `placement`). Done items keep their actual weeks. */
  readonly start: number | null;
  readonly finish: number | null;
  readonly startQuarter: string | null;
  readonly finishQuarter: string | null;
  /** Real dates: a pinned or actual start as entered; otherwise the first day of the start week. */
  readonly startDate: string | null;
  /** The last day of the work (inclusive). */
  readonly finishDate: string | null;
  readonly actualStart: string | null;
  readonly actualFinish: string | null;
  readonly placement: Placement;
}

export interface PlannedHire {
  readonly id: string;
  readonly roleId: string;
  readonly roleName: string;
  /** `proposed` by this plan, or an `existing` open requisition / planned hire from the headcount. */
  readonly source: 'proposed' | 'existing';
  readonly status: 'proposed' | 'open_req' | 'planned';
  /** `backfill`: replaces someone who leaves while their role still has work. */
  readonly kind: 'new' | 'backfill';
  /** The leaver a backfill replaces. */
  readonly backfillFor: { readonly personId: string; readonly name: string; readonly endDate: string } | null;
  readonly personId: string | null;
  readonly personName: string | null;
  /** Week the requisition opens (null for existing ones: already open or planned). */
  readonly requisitionWeek: number | null;
  readonly requisitionDate: string | null;
  readonly startWeek: number;
  readonly startDate: string;
  readonly quarter: string;
  /** Start plus ramp-up: from this week the hire counts as capacity. */
  readonly productiveWeek: number;
  readonly productiveDate: string;
  /** The layer whose work motivated the hire. */
  readonly layer: LayerId | null;
  /** When the role's prerequisites are in place in this plan (null: not within the horizon). */
  readonly prerequisitesReadyWeek: number | null;
  readonly annualSalary: number | null;
  /** Weeks of work for the role in the plan from the hire's productive week on (shared with the role's other people). */
  readonly workWeeks: number;
  /**
   * Weeks (of one person's time) this hire is busy in the scheduled plan from its productive week
   * on: the role's load above what the role has without it. A proposed hire has at least
   * MIN_HIRE_WORK_WEEKS, or it becomes a borrow or contract ask.
   */
  readonly busyWeeks: number;
  readonly reason: string;
}

/** Work the team cannot do itself and should borrow or contract, with how much. */
export interface PlanAsk {
  readonly id: string;
  readonly kind: 'borrow' | 'contract';
  readonly roleId: string;
  readonly roleName: string;
  readonly people: number;
  readonly weeks: number;
  readonly itemIds: readonly string[];
  readonly layer: LayerId | null;
  /** One line for a decision list: "Borrow a software engineer for 4 weeks (…)". */
  readonly text: string;
  readonly reason: string;
}

export interface LayerProjection {
  readonly layer: LayerId;
  readonly name: string;
  /** Weakest-link readiness over the capabilities the plan gates on (null: none). */
  readonly readinessNow: number | null;
  /** The same at the end of the horizon (what the plan really reaches within it). */
  readonly readinessAtHorizon: number | null;
  /** Mean capability score now and at the horizon: effort the weakest link hides. */
  readonly meanNow: number | null;
  readonly meanAtHorizon: number | null;
  /** Maturity steps done (reached) and needed (to reach every gated capability's target). */
  readonly stepsNeeded: number;
  readonly stepsDoneAtHorizon: number;
  /** First week the layer (and every layer below it) reaches the gate; 0 when it already does; null: not within the horizon. */
  readonly readyWeek: number | null;
  readonly readyQuarter: string | null;
  readonly readyDate: string | null;
  /** When the layer (and the ones below) is at each maturity level 1–4: a step to level k of the layer above waits for level k here. */
  readonly levelGates: readonly { readonly level: number; readonly week: number | null; readonly date: string | null }[];
  /** Capabilities of the layer the gate counts. */
  readonly gatedCapabilityIds: readonly string[];
  /** Capabilities left out of the gate because no one can do their work (see `unstaffed-work`). */
  readonly waivedCapabilityIds: readonly string[];
  /** Capabilities left out because the scenario's target does not need them. */
  readonly notNeededCapabilityIds: readonly string[];
}

/** A role's capacity over the plan, in people (FTE): from each `from` week on, until the next step. */
export interface RoleCapacity {
  readonly roleId: string;
  readonly roleName: string;
  readonly steps: readonly { readonly from: number; readonly date: string; readonly people: number; readonly borrowed: number }[];
}

export const PLAN_DECISION_KINDS = ['assess', 'stand-in', 'gate', 'waive', 'hire', 'backfill', 'no-hire', 'ask', 'review'] as const;
export type PlanDecisionKind = (typeof PLAN_DECISION_KINDS)[number];

/** One step of the planner's reasoning, in the order it was taken. */
export interface PlanDecision {
  readonly step: number;
  readonly layer: LayerId | null;
  readonly kind: PlanDecisionKind;
  readonly text: string;
}

/** What one more hire of a role, starting as early as it can, does to the target layer's gate. */
export interface MarginalHireValue {
  readonly roleId: string;
  readonly roleName: string;
  /** `earlier`: the gate moves `weeksEarlier` weeks; `none`: it does not move; `not-yet`: the role's foundations are not ready for a hire now. */
  readonly outcome: 'earlier' | 'none' | 'not-yet';
  /** Weeks the target gate moves earlier (null when it is not reached either way, or not-yet). */
  readonly weeksEarlier: number | null;
  /** The hire's first day as tried. */
  readonly startDate: string;
  /** The target gate with the extra hire (null: not within the horizon). */
  readonly gateDate: string | null;
  readonly text: string;
}

/** `groundwork plan --json` (docs/plan-json.md). */
export interface PlanResult {
  readonly version: 2;
  readonly organisation: string;
  readonly asOf: string;
  /** Week of the status date: nothing new starts before it. */
  readonly statusWeek: number;
  readonly scenario: Scenario & { readonly horizonWeeks: number; readonly targetWeek: number; readonly endDate: string };
  readonly settings: WorkspaceSettings;
  readonly quarters: readonly PlanQuarter[];
  readonly items: readonly PlannedItem[];
  readonly hires: readonly PlannedHire[];
  readonly asks: readonly PlanAsk[];
  readonly layers: readonly LayerProjection[];
  readonly warnings: readonly PlanWarning[];
  readonly decisions: readonly PlanDecision[];
  /** Capacity per role with the plan's hires (people from their productive week on) and borrowed people. */
  readonly capacity: readonly RoleCapacity[];
  /** Last finish week of the scheduled items (0 when nothing is scheduled). */
  readonly makespan: number;
  /** Per role, what one more hire now does to the target gate; present when asked for (`plan --json` computes it). */
  readonly marginal?: readonly MarginalHireValue[];
}
