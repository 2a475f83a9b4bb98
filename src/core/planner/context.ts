import type { LayerId } from '../domain/layers';
import type { Scenario } from '../domain/planning';
import type { Capability, Role } from '../domain/types';
import type { CapacityChange } from './capacity';
import type { PlanItem } from './items';
import type { BlockCause, PassResult, Placed } from './pass';
import type { Projection } from './projection';
import type { PlanDecision, PlanInput, PlanWarning } from './types';

/** A hire the planner proposes (or is weighing). */
export interface HireDraft {
  readonly id: string;
  readonly roleId: string;
  readonly requisitionWeek: number;
  readonly startWeek: number;
  readonly productiveWeek: number;
  readonly layer: LayerId;
  readonly annualSalary: number | null;
  /** Why: filled in when the hire is accepted. */
  readonly reason: string;
  readonly prerequisitesReadyWeek: number | null;
}

export interface PlannerContext {
  readonly input: PlanInput;
  readonly scenario: Scenario;
  readonly horizonWeeks: number;
  readonly targetWeek: number;
  readonly targetLevel: number;
  readonly effort: number;
  readonly rolesById: ReadonlyMap<string, Role>;
  readonly capabilitiesById: ReadonlyMap<string, Capability>;
  /** Every item of the plan, in a stable order. */
  readonly items: readonly PlanItem[];
  /** The layer pass that schedules each active item (its own layer or a predecessor's above it). */
  readonly passOf: ReadonlyMap<string, number>;
  readonly peopleChanges: readonly CapacityChange[];
  readonly hires: readonly HireDraft[];
  /** Index into LAYERS of the layer being climbed. */
  readonly level: number;
  readonly placed: ReadonlyMap<string, Placed>;
  readonly blocked: ReadonlyMap<string, BlockCause>;
  readonly droppedPins: ReadonlyMap<string, string>;
  /** Week each climbed layer reaches its gate (null: not within the plan). */
  readonly gates: ReadonlyMap<LayerId, number | null>;
  /** The current layer's pass, before it is committed. */
  readonly pass: PassResult | null;
  readonly passGate: number | null;
  /** A hire being tried for the current layer, with the gate week it must beat. */
  readonly candidate: { readonly hire: HireDraft; readonly before: number | null; readonly beforeBlocked: number; readonly why: string } | null;
  /** Hires accepted for the current layer. */
  readonly hireAttempts: number;
  /** Roles tried for the current layer that did not help. */
  readonly rejectedRoles: ReadonlySet<string>;
  readonly projection: Projection;
  readonly warnings: readonly PlanWarning[];
  readonly decisions: readonly PlanDecision[];
}
