import { assertEvent, assign, fromPromise, setup } from 'xstate';
import type { PlannedItem, PlanResult } from '../../../core/planner/types';

/**
 * The planning workflow of the UI: edit → plan → review → accept.
 *
 * - `idle`: nothing asked for a plan yet (no planning view has been shown).
 * - `editing`: something changed (or nothing is planned yet); a re-plan is queued and runs after a
 *   short quiet period, so a burst of edits (typing, several drags) plans once.
 * - `planning`: `plan.run` for the chosen scenario. An edit arriving meanwhile drops the answer
 *   (leaving the state stops the actor) and queues a fresh plan.
 * - `reviewing`: the plan is shown; cards can be pinned, the plan accepted.
 * - `pinning`: a card was moved; the pin is saved, and the snapshot change that follows re-plans.
 * - `accepting`: `plan.accept`; afterwards the accepted items and hires are the user's, and the
 *   workflow plans again to show the result.
 * - `failed`: the last plan could not be made; the error is shown until the next edit or retry.
 *
 * Side effects are actors with placeholder implementations here; the app provides real ones made
 * from the IPC client (actors.ts), and the unit tests provide fakes.
 */

/** Debounce between the last edit and the re-plan (the brief: ≤ 150 ms). */
export const REPLAN_DELAY_MS = 120;

export interface PinRequest {
  readonly item: PlannedItem;
  /** `YYYY-MM-DD`, or null to unpin. */
  readonly pinnedStart: string | null;
  /** The quarter the card was moved to, shown while the re-plan runs. */
  readonly quarterIndex: number | null;
}

/** What a plan is made for: a scenario (null: the default one) as of a status date (null: today). */
export interface PlanTarget {
  readonly scenarioId: string | null;
  readonly asOf: string | null;
}

/** Accepting the plan also saves it as a baseline, under this name (null: the default name). */
export interface AcceptRequest extends PlanTarget {
  readonly baselineName: string | null;
}

export interface PlanningContext {
  readonly scenarioId: string | null;
  /** The status date plans are made as of; null: today. */
  readonly asOf: string | null;
  readonly plan: PlanResult | null;
  readonly error: string | null;
  /** A card moved but not yet re-planned: the roadmap shows it in its new column meanwhile. */
  readonly moving: { readonly itemId: string; readonly quarterIndex: number } | null;
  /** How many plans were received; lets views tell a fresh plan from the one before. */
  readonly planCount: number;
}

export type PlanningEvent =
  | { readonly type: 'snapshot.changed' }
  | { readonly type: 'scenario.select'; readonly scenarioId: string | null }
  | { readonly type: 'asOf.select'; readonly asOf: string | null }
  | { readonly type: 'plan.request' }
  | { readonly type: 'item.pin'; readonly request: PinRequest }
  | { readonly type: 'plan.accept'; readonly baselineName?: string | null }
  | { readonly type: 'error.dismiss' };

export interface PlanningInput {
  readonly scenarioId?: string | null;
  readonly asOf?: string | null;
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Something went wrong.';
}

const notProvided = (name: string) => () => Promise.reject(new Error(`the planning machine's ${name} actor was not provided`));

export const planningMachine = setup({
  types: {
    context: {} as PlanningContext,
    events: {} as PlanningEvent,
    input: {} as PlanningInput,
  },
  actors: {
    runPlan: fromPromise<PlanResult, PlanTarget>(notProvided('runPlan')),
    acceptPlan: fromPromise<void, AcceptRequest>(notProvided('acceptPlan')),
    savePin: fromPromise<void, PinRequest>(notProvided('savePin')),
  },
  delays: {
    replanDelay: REPLAN_DELAY_MS,
  },
  actions: {
    selectScenario: assign(({ event }) => {
      assertEvent(event, 'scenario.select');
      return { scenarioId: event.scenarioId, error: null };
    }),
    selectAsOf: assign(({ event }) => {
      assertEvent(event, 'asOf.select');
      return { asOf: event.asOf, error: null };
    }),
    startMove: assign(({ event }) => {
      assertEvent(event, 'item.pin');
      const { item, quarterIndex } = event.request;
      return { moving: quarterIndex === null ? null : { itemId: item.id, quarterIndex }, error: null };
    }),
    clearMove: assign({ moving: null }),
    clearError: assign({ error: null }),
  },
}).createMachine({
  id: 'planning',
  context: ({ input }) => ({
    scenarioId: input.scenarioId ?? null,
    asOf: input.asOf ?? null,
    plan: null,
    error: null,
    moving: null,
    planCount: 0,
  }),
  initial: 'idle',
  on: {
    'snapshot.changed': { target: '.editing', reenter: true },
    'scenario.select': { target: '.editing', reenter: true, actions: 'selectScenario' },
    'asOf.select': { target: '.editing', reenter: true, actions: 'selectAsOf' },
    'plan.request': { target: '.planning' },
  },
  states: {
    idle: {},
    editing: {
      after: { replanDelay: { target: 'planning' } },
    },
    planning: {
      invoke: {
        src: 'runPlan',
        input: ({ context }) => ({ scenarioId: context.scenarioId, asOf: context.asOf }),
        onDone: {
          target: 'reviewing',
          actions: assign(({ event, context }) => ({
            plan: event.output,
            error: null,
            moving: null,
            planCount: context.planCount + 1,
          })),
        },
        onError: {
          target: 'failed',
          actions: assign(({ event }) => ({ error: message(event.error), moving: null })),
        },
      },
    },
    reviewing: {
      on: {
        'item.pin': { target: 'pinning', actions: 'startMove' },
        'plan.accept': { target: 'accepting', actions: 'clearError' },
        'error.dismiss': { actions: 'clearError' },
      },
    },
    pinning: {
      // The snapshot changes when the pin is saved, which re-plans; the global handler takes it.
      invoke: {
        src: 'savePin',
        input: ({ event }) => {
          assertEvent(event, 'item.pin');
          return event.request;
        },
        onDone: { target: 'editing' },
        onError: {
          target: 'reviewing',
          actions: assign(({ event }) => ({ error: message(event.error), moving: null })),
        },
      },
      on: {
        // Saving the pin changes the snapshot before the actor is done: stay until it answers.
        'snapshot.changed': {},
      },
    },
    accepting: {
      invoke: {
        src: 'acceptPlan',
        input: ({ context, event }) => {
          assertEvent(event, 'plan.accept');
          return { scenarioId: context.scenarioId, asOf: context.asOf, baselineName: event.baselineName ?? null };
        },
        onDone: { target: 'editing' },
        onError: {
          target: 'reviewing',
          actions: assign(({ event }) => ({ error: message(event.error) })),
        },
      },
      on: {
        'snapshot.changed': {},
      },
    },
    failed: {
      on: {
        'error.dismiss': { actions: 'clearError' },
      },
    },
  },
});

export type PlanningMachine = typeof planningMachine;
export type PlanningStateValue = 'idle' | 'editing' | 'planning' | 'reviewing' | 'pinning' | 'accepting' | 'failed';
