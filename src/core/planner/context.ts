import type { PlanCalendar } from '../domain/calendar';
import type { LayerId } from '../domain/layers';
import type { Scenario } from '../domain/planning';
import type { WorkspaceSettings } from '../domain/settings';
import type { Capability, Role } from '../domain/types';
import type { CapacityChange } from './capacity';
import type { PlanItem } from './items';
import type { BlockCause, PassResult, Placed } from './pass';
import type { GateSet, Projection } from './projection';
import type { PlanAsk, PlanDecision, PlanInput, PlanWarning } from './types';

/** A hire the planner proposes (or is weighing). */
export interface HireDraft {
  readonly id: string;
  readonly roleId: string;
  readonly kind: 'new' | 'backfill';
  /** The leaver a backfill replaces. */
  readonly backfillFor: string | null;
  readonly requisitionWeek: number;
  readonly startWeek: number;
  readonly productiveWeek: number;
  readonly layer: LayerId;
  readonly annualSalary: number | null;
  readonly prerequisitesReadyWeek: number | null;
  /** What motivated it, from the pass that proposed it. */
  readonly why: string;
  /** The layer's gate without and with the hire when it was decided (null: not reached). */
  readonly gateBefore: number | null;
  readonly gateAfter: number | null;
  /** Shares of work nobody could staff before the hire that it made possible. */
  readonly unblocked: number;
}

/** A role weighed as a hire for the current layer. */
export interface Candidate {
  readonly roleId: string;
  /** Person-weeks of the layer's work that nobody can staff without the role. */
  readonly blockedWeeks: number;
  /** Weeks the layer's items wait for the role, or run longer without it. */
  readonly waitingWeeks: number;
  readonly why: string;
  readonly hire: HireDraft;
}

/** A candidate hire scheduled into the layer: what the layer looks like with it. */
export interface Trial {
  readonly candidate: Candidate;
  readonly pass: PassResult;
  readonly gate: number | null;
  readonly unstaffedShares: number;
}

/** A scheduled layer pass, with the gate it reaches and what the gate counts. */
export interface LayerState {
  readonly pass: PassResult;
  /** The current layer's gate. */
  readonly gate: number | null;
  /** Every layer's gate so far, and at each maturity level 1–4 (index 0 unused). */
  readonly gates: ReadonlyMap<LayerId, number | null>;
  readonly levelGates: ReadonlyMap<LayerId, readonly (number | null)[]>;
  readonly gated: GateSet;
  /** Capability id → the level the plan can reach, for capabilities whose target it cannot. */
  readonly waived: ReadonlyMap<string, number>;
  readonly projection: Projection;
}

export interface PlannerContext {
  readonly input: PlanInput;
  readonly scenario: Scenario;
  readonly settings: WorkspaceSettings;
  readonly calendar: PlanCalendar;
  readonly asOf: string;
  readonly statusWeek: number;
  readonly horizonWeeks: number;
  readonly targetWeek: number;
  readonly targetLevel: number;
  readonly effort: number;
  readonly rolesById: ReadonlyMap<string, Role>;
  /** The inventory with done work counted (see effectiveCapabilities). */
  readonly capabilities: readonly Capability[];
  readonly capabilitiesById: ReadonlyMap<string, Capability>;
  /** The capabilities the scenario's target needs (isNeededForTarget), worked out once. */
  readonly neededIds: ReadonlySet<string>;
  /** Per layer level, the needed capabilities on the layers below it: what a step there is gated on. */
  readonly neededBelow: readonly (readonly Capability[])[];
  /** Every item of the plan, in a stable order. */
  readonly items: readonly PlanItem[];
  readonly itemsById: ReadonlyMap<string, PlanItem>;
  /** The layer pass that schedules each active item (its own layer or a predecessor's above it). */
  readonly passOf: ReadonlyMap<string, number>;
  /** Staff, joiners, leavers and borrowed people. */
  readonly teamChanges: readonly CapacityChange[];
  /**
   * Requisitions and planned hires of luxury roles that would start before their foundations:
   * person id → the week the plan counts them from (when the foundations are ready), or null when
   * they are not ready within the plan. The plan follows its own advice to move or pause them.
   */
  readonly deferred: ReadonlyMap<string, number | null>;
  readonly deferRounds: number;
  readonly hires: readonly HireDraft[];
  /** Index into LAYERS of the layer being climbed. */
  readonly level: number;
  readonly placed: ReadonlyMap<string, Placed>;
  readonly blocked: ReadonlyMap<string, BlockCause>;
  readonly droppedPins: ReadonlyMap<string, string>;
  /** Week each climbed layer reaches its gate (null: not within the plan). */
  readonly gates: ReadonlyMap<LayerId, number | null>;
  /** Per climbed layer, the week it reaches its gate at each maturity level (index = level, 1–4). */
  readonly levelGates: ReadonlyMap<LayerId, readonly (number | null)[]>;
  /** What the committed layers' gates count. */
  readonly gated: GateSet;
  readonly waived: ReadonlyMap<string, number>;
  /** The current layer's pass, before it is committed. */
  readonly current: LayerState | null;
  /** Hires being weighed for the current layer, best first, and the ones already scheduled in. */
  readonly candidates: readonly Candidate[];
  readonly trials: readonly Trial[];
  /** Hires accepted for the current layer. */
  readonly acceptedHires: number;
  /** Whether the current layer already said why it gets no (more) hires. */
  readonly noHireRecorded: boolean;
  readonly asks: readonly PlanAsk[];
  readonly projection: Projection;
  readonly warnings: readonly PlanWarning[];
  readonly decisions: readonly PlanDecision[];
}
