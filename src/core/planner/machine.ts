import { assign, createActor, setup } from 'xstate';
import type { PlannerContext } from './context';
import { buildResult } from './result';
import {
  acceptHire,
  commitLayer,
  hireHelped,
  initialContext,
  isTopLayer,
  layerNeedsHire,
  nextLayer,
  proposeHire,
  review,
  revertHire,
  scheduleLayer,
} from './steps';
import type { PlanInput, PlanResult } from './types';

/**
 * The planner: assess the workspace, then climb the pyramid one layer at a time. In each layer it
 * schedules the layer's work on the capacity it has, decides whether a hire is needed (and allowed)
 * to meet the target, tries it, keeps it only if it helps, and moves up once the layer's schedule
 * is settled; its gate week becomes the earliest start of the layer above. Finally it reviews
 * existing requisitions against their roles' foundations. Every step records its reason.
 *
 * The machine is pure logic over the core's data: it runs to completion synchronously through
 * eventless transitions, and its output is the plan.
 */
export const plannerMachine = setup({
  types: {
    context: {} as PlannerContext,
    input: {} as PlanInput,
    output: {} as PlanResult,
  },
  actions: {
    scheduleLayer: assign(({ context }) => scheduleLayer(context)),
    proposeHire: assign(({ context }) => proposeHire(context)),
    acceptHire: assign(({ context }) => acceptHire(context)),
    revertHire: assign(({ context }) => revertHire(context)),
    commitLayer: assign(({ context }) => commitLayer(context)),
    nextLayer: assign(({ context }) => nextLayer(context)),
    review: assign(({ context }) => review(context)),
  },
  guards: {
    layerNeedsHire: ({ context }) => layerNeedsHire(context),
    hasCandidate: ({ context }) => context.candidate !== null,
    hireHelped: ({ context }) => hireHelped(context),
    isTopLayer: ({ context }) => isTopLayer(context),
  },
}).createMachine({
  id: 'planner',
  context: ({ input }) => initialContext(input),
  initial: 'climbing',
  states: {
    climbing: {
      initial: 'scheduling',
      states: {
        scheduling: {
          entry: 'scheduleLayer',
          always: [{ guard: 'layerNeedsHire', target: 'hiring' }, { target: 'gated' }],
        },
        hiring: {
          entry: 'proposeHire',
          always: [{ guard: 'hasCandidate', target: 'tryingHire' }, { target: 'gated' }],
        },
        tryingHire: {
          entry: 'scheduleLayer',
          always: [
            { guard: 'hireHelped', actions: 'acceptHire', target: 'scheduling' },
            { actions: 'revertHire', target: 'scheduling' },
          ],
        },
        gated: {
          entry: 'commitLayer',
          always: [{ guard: 'isTopLayer', target: '#planner.reviewing' }, { actions: 'nextLayer', target: 'scheduling' }],
        },
      },
    },
    reviewing: {
      entry: 'review',
      always: 'done',
    },
    done: { type: 'final' },
  },
  output: ({ context }) => buildResult(context),
});

/** Plans a workspace: runs the planner machine to its final state and returns its output. */
export function plan(input: PlanInput): PlanResult {
  const actor = createActor(plannerMachine, { input });
  actor.start();
  const snapshot = actor.getSnapshot();
  actor.stop();
  if (snapshot.status === 'error') throw snapshot.error;
  if (snapshot.status !== 'done' || !snapshot.output) throw new Error(`internal: the planner stopped in ${JSON.stringify(snapshot.value)}`);
  return snapshot.output;
}
