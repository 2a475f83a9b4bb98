import { assign, createActor, setup } from 'xstate';
import type { PlannerContext } from './context';
import { acceptHire, countReadyLuxury, deferLuxury, hasEarlyLuxury, hasLeavers, hasWeakHire, layerNeedsHelp, proposeBackfills, proposeCandidates, pruneHires, rejectTrials, trialHelped, tryCandidate } from './hiring';
import { commitLayer, initialContext, isTopLayer, nextLayer, scheduleLayer } from './layers';
import { buildResult } from './result';
import { review } from './review';
import type { PlanInput, PlanResult } from './types';

/**
 * The planner: assess the workspace and backfill leavers whose work outlasts them, then climb the
 * pyramid one layer at a time. In each layer it staffs and schedules the layer's work on the
 * capacity it has (stand-ins where a role is missing or busy), decides whether the layer needs help
 * (work nobody can staff, or late for the target) and may get a hire, schedules the strongest
 * candidate roles in, keeps the one that helps most, and moves up once the layer is settled; its
 * gate becomes the earliest start of the layer above. Once every layer is scheduled, it drops a hire
 * the whole plan leaves with too little work (the climb weighed it on one layer only), and counts a
 * luxury requisition that would come before its foundations only from when they are ready (its
 * own advice to move it). Finally it reviews existing requisitions
 * against their foundations, turns work nobody can staff into asks, and checks target and horizon.
 * Every step records its reason.
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
    proposeBackfills: assign(({ context }) => proposeBackfills(context)),
    scheduleLayer: assign(({ context }) => scheduleLayer(context)),
    proposeCandidates: assign(({ context }) => proposeCandidates(context)),
    tryCandidate: assign(({ context }) => tryCandidate(context)),
    acceptHire: assign(({ context }) => acceptHire(context)),
    rejectTrials: assign(({ context }) => rejectTrials(context)),
    commitLayer: assign(({ context }) => commitLayer(context)),
    nextLayer: assign(({ context }) => nextLayer(context)),
    countReadyLuxury: assign(({ context }) => countReadyLuxury(context)),
    pruneHires: assign(({ context }) => pruneHires(context)),
    deferLuxury: assign(({ context }) => deferLuxury(context)),
    review: assign(({ context }) => review(context)),
  },
  guards: {
    hasLeavers: ({ context }) => hasLeavers(context),
    layerNeedsHelp: ({ context }) => layerNeedsHelp(context),
    hasCandidate: ({ context }) => context.candidates.length > 0,
    moreCandidates: ({ context }) => context.candidates.length > 0,
    trialHelped: ({ context }) => trialHelped(context),
    isTopLayer: ({ context }) => isTopLayer(context),
    hasWeakHire: ({ context }) => hasWeakHire(context),
    hasEarlyLuxury: ({ context }) => hasEarlyLuxury(context),
  },
}).createMachine({
  id: 'planner',
  context: ({ input }) => initialContext(input),
  initial: 'assessing',
  states: {
    assessing: {
      always: [{ guard: 'hasLeavers', target: 'backfilling' }, { target: 'climbing' }],
    },
    backfilling: {
      entry: 'proposeBackfills',
      always: 'climbing',
    },
    climbing: {
      initial: 'scheduling',
      states: {
        scheduling: {
          entry: ['scheduleLayer', 'countReadyLuxury'],
          always: [{ guard: 'layerNeedsHelp', target: 'hiring' }, { target: 'gated' }],
        },
        hiring: {
          entry: 'proposeCandidates',
          always: [{ guard: 'hasCandidate', target: 'tryingHire' }, { target: 'gated' }],
        },
        tryingHire: {
          entry: 'tryCandidate',
          always: [{ guard: 'moreCandidates', target: 'tryingHire', reenter: true }, { target: 'choosing' }],
        },
        choosing: {
          always: [
            { guard: 'trialHelped', actions: 'acceptHire', target: 'scheduling' },
            { actions: 'rejectTrials', target: 'gated' },
          ],
        },
        gated: {
          entry: 'commitLayer',
          always: [{ guard: 'isTopLayer', target: '#planner.pruning' }, { actions: 'nextLayer', target: 'scheduling' }],
        },
      },
    },
    pruning: {
      always: [{ guard: 'hasWeakHire', actions: 'pruneHires', target: 'pruning', reenter: true }, { target: 'deferring' }],
    },
    deferring: {
      always: [
        { guard: 'hasEarlyLuxury', actions: 'deferLuxury', target: 'deferring', reenter: true },
        // Counting a deferred requisition again can leave a hire with too little work.
        { guard: 'hasWeakHire', target: 'pruning' },
        { target: 'reviewing' },
      ],
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
