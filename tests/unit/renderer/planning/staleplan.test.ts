import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { PlanResult } from '../../../../src/core/planner/types';
import { createRunPlanActor, type PlanningApi } from '../../../../src/renderer/planning/machine/actors';
import { planningMachine, type AcceptRequest, type PinRequest } from '../../../../src/renderer/planning/machine/planningMachine';

/*
 * A plan an edit has made stale is not only ignored but cancelled: the run-plan actor hands its
 * signal to the API call (call(..., { signal }) cancels the handler host's job), and the machine
 * stops the actor when a new edit arrives.
 */
describe('a stale plan', () => {
  it('is cancelled when an edit arrives while it is being made', async () => {
    const signals: AbortSignal[] = [];
    const api: PlanningApi = {
      runPlan: (_target, signal) => {
        signals.push(signal);
        // The second plan answers; the first would only answer when cancelled.
        if (signals.length > 1) return Promise.resolve({ version: 2 } as unknown as PlanResult);
        return new Promise<PlanResult>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled'))));
      },
      acceptPlan: async () => undefined,
      createWorkItem: async () => undefined,
      updateWorkItem: async () => undefined,
      workItems: () => [],
    };
    const machine = planningMachine.provide({
      delays: { replanDelay: 0 },
      actors: {
        runPlan: createRunPlanActor(api),
        savePin: fromPromise<void, PinRequest>(async () => undefined),
        acceptPlan: fromPromise<void, AcceptRequest>(async () => undefined),
      },
    });
    const actor = createActor(machine, { input: {} }).start();
    actor.send({ type: 'snapshot.changed' });
    await waitFor(actor, () => signals.length === 1);
    expect(signals[0]?.aborted).toBe(false);

    actor.send({ type: 'snapshot.changed' });
    expect(signals[0]?.aborted).toBe(true);
    await waitFor(actor, (s) => s.value === 'reviewing');
    expect(signals).toHaveLength(2);
    expect(signals[1]?.aborted).toBe(false);
    actor.stop();
  });
});
