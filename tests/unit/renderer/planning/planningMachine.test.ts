import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import type { WorkItem } from '../../../../src/core/domain/planning';
import type { PlannedItem, PlanResult } from '../../../../src/core/planner/types';
import { pinCall } from '../../../../src/renderer/planning/machine/actors';
import { planningMachine, REPLAN_DELAY_MS, type AcceptRequest, type PinRequest, type PlanTarget } from '../../../../src/renderer/planning/machine/planningMachine';

function fakePlan(label: string): PlanResult {
  return { version: 2, organisation: label } as unknown as PlanResult;
}

const proposal: PlannedItem = {
  id: 'proposal:warehouse:3',
  title: 'Warehouse: maturity 2 → 3',
  source: 'proposal',
  status: 'proposed',
  capabilityId: 'warehouse',
  layer: 'move_store',
  goal: 'analytics',
  fromMaturity: 2,
  toMaturity: 3,
  durationWeeks: 5,
  demand: { 'data-engineer': 1 },
  scheduledWeeks: 5,
  assignments: [{ forRoleId: 'data-engineer', roleId: 'data-engineer', people: 1, efficiency: 1 }],
  staffing: '',
  predecessors: ['proposal:warehouse:2', 'mine'],
  pinned: false,
  start: 20,
  finish: 25,
  startQuarter: '2027-Q2',
  finishQuarter: '2027-Q2',
  startDate: '2027-05-21',
  finishDate: '2027-06-24',
  actualStart: null,
  actualFinish: null,
  placement: { kind: 'resource', text: 'waits for a data engineer' },
};

interface Fakes {
  plans: Array<string | null>;
  pins: PinRequest[];
  accepts: Array<string | null>;
  acceptRequests: AcceptRequest[];
  targets: PlanTarget[];
}

/** The machine with fake actors that record their calls; delays are zero, so tests need no clock. */
function start(options: { failPlan?: boolean; failPin?: boolean; planDelayMs?: number } = {}) {
  const fakes: Fakes = { plans: [], pins: [], accepts: [], acceptRequests: [], targets: [] };
  const machine = planningMachine.provide({
    delays: { replanDelay: 0 },
    actors: {
      runPlan: fromPromise<PlanResult, PlanTarget>(async ({ input }) => {
        fakes.plans.push(input.scenarioId);
        fakes.targets.push(input);
        if (options.planDelayMs) await new Promise((r) => setTimeout(r, options.planDelayMs));
        if (options.failPlan) throw new Error('dependency cycle');
        return fakePlan(`plan ${fakes.plans.length} of ${input.scenarioId ?? 'default'}`);
      }),
      savePin: fromPromise<void, PinRequest>(async ({ input }) => {
        fakes.pins.push(input);
        if (options.failPin) throw new Error('pin refused');
      }),
      acceptPlan: fromPromise<void, AcceptRequest>(async ({ input }) => {
        fakes.accepts.push(input.scenarioId);
        fakes.acceptRequests.push(input);
      }),
    },
  });
  const actor = createActor(machine, { input: {} });
  actor.start();
  // The provider sends the first change when a planning view is shown.
  actor.send({ type: 'snapshot.changed' });
  return { actor, fakes };
}

describe('planning workflow machine', () => {
  it('waits idle until a change asks for a plan', () => {
    const actor = createActor(planningMachine, { input: {} }).start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'plan.accept' });
    expect(actor.getSnapshot().value).toBe('idle');
    actor.stop();
  });

  it('starts editing, plans the default scenario, then shows the plan for review', async () => {
    const { actor, fakes } = start();
    expect(actor.getSnapshot().value).toBe('editing');
    const reviewing = await waitFor(actor, (s) => s.matches('reviewing'));
    expect(fakes.plans).toEqual([null]);
    expect(reviewing.context.plan?.organisation).toBe('plan 1 of default');
    expect(reviewing.context.planCount).toBe(1);
  });

  it('re-plans after an edit, and a burst of edits plans once', async () => {
    const { actor, fakes } = start();
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'snapshot.changed' });
    actor.send({ type: 'snapshot.changed' });
    actor.send({ type: 'snapshot.changed' });
    expect(actor.getSnapshot().value).toBe('editing');
    const again = await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 2);
    expect(fakes.plans).toHaveLength(2);
    expect(again.context.plan?.organisation).toBe('plan 2 of default');
  });

  it('drops a plan that an edit overtook', async () => {
    const { actor, fakes } = start({ planDelayMs: 20 });
    await waitFor(actor, (s) => s.matches('planning'));
    actor.send({ type: 'snapshot.changed' });
    const done = await waitFor(actor, (s) => s.matches('reviewing'));
    expect(fakes.plans).toHaveLength(2);
    expect(done.context.planCount).toBe(1);
    expect(done.context.plan?.organisation).toBe('plan 2 of default');
  });

  it('plans as of the status date the user picks, and as of today again when it is cleared', async () => {
    const { actor, fakes } = start();
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'asOf.select', asOf: '2027-04-01' });
    expect(actor.getSnapshot().value).toBe('editing');
    await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 2);
    actor.send({ type: 'asOf.select', asOf: null });
    await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 3);
    expect(fakes.targets).toEqual([
      { scenarioId: null, asOf: null },
      { scenarioId: null, asOf: '2027-04-01' },
      { scenarioId: null, asOf: null },
    ]);
  });

  it('accepts the plan under the baseline name given, for the scenario and status date shown', async () => {
    const { actor, fakes } = start();
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'scenario.select', scenarioId: 'lean' });
    actor.send({ type: 'asOf.select', asOf: '2027-01-04' });
    await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 2);
    actor.send({ type: 'plan.accept', baselineName: '2027-Q1 plan as approved' });
    await waitFor(actor, () => fakes.acceptRequests.length === 1);
    expect(fakes.acceptRequests).toEqual([{ scenarioId: 'lean', asOf: '2027-01-04', baselineName: '2027-Q1 plan as approved' }]);
    await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 3);
    actor.send({ type: 'plan.accept' });
    await waitFor(actor, () => fakes.acceptRequests.length === 2);
    expect(fakes.acceptRequests[1]!.baselineName).toBeNull();
  });

  it('plans the scenario the user picks', async () => {
    const { actor, fakes } = start();
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'scenario.select', scenarioId: 'lean' });
    const done = await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 2);
    expect(fakes.plans).toEqual([null, 'lean']);
    expect(done.context.scenarioId).toBe('lean');
  });

  it('saves a pin, shows the card in its new quarter meanwhile, then re-plans', async () => {
    const { actor, fakes } = start();
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'item.pin', request: { item: proposal, pinnedStart: '2027-07-02', quarterIndex: 2 } });
    expect(actor.getSnapshot().value).toBe('pinning');
    expect(actor.getSnapshot().context.moving).toEqual({ itemId: proposal.id, quarterIndex: 2 });
    // The saved pin changes the snapshot while the pin is still being answered.
    actor.send({ type: 'snapshot.changed' });
    expect(actor.getSnapshot().value).toBe('pinning');
    const done = await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 2);
    expect(fakes.pins.map((p) => p.pinnedStart)).toEqual(['2027-07-02']);
    expect(done.context.moving).toBeNull();
  });

  it('shows a refused pin as an error and keeps the plan', async () => {
    const { actor } = start({ failPin: true });
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'item.pin', request: { item: proposal, pinnedStart: '2027-07-02', quarterIndex: 2 } });
    const back = await waitFor(actor, (s) => s.matches('reviewing') && s.context.error !== null);
    expect(back.context.error).toBe('pin refused');
    expect(back.context.moving).toBeNull();
    expect(back.context.plan).not.toBeNull();
    actor.send({ type: 'error.dismiss' });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('accepts the plan of the chosen scenario, then plans again', async () => {
    const { actor, fakes } = start();
    await waitFor(actor, (s) => s.matches('reviewing'));
    actor.send({ type: 'scenario.select', scenarioId: 'fast' });
    await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 2);
    actor.send({ type: 'plan.accept' });
    expect(actor.getSnapshot().value).toBe('accepting');
    await waitFor(actor, (s) => s.matches('reviewing') && s.context.planCount === 3);
    expect(fakes.accepts).toEqual(['fast']);
  });

  it('ignores accept and pins until there is a plan to review', () => {
    const { actor, fakes } = start();
    actor.send({ type: 'plan.accept' });
    actor.send({ type: 'item.pin', request: { item: proposal, pinnedStart: null, quarterIndex: null } });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(fakes.accepts).toEqual([]);
    expect(fakes.pins).toEqual([]);
  });

  it('shows a failed plan, and the next edit tries again', async () => {
    const { actor, fakes } = start({ failPlan: true });
    const failed = await waitFor(actor, (s) => s.matches('failed'));
    expect(failed.context.error).toBe('dependency cycle');
    actor.send({ type: 'snapshot.changed' });
    await waitFor(actor, (s) => s.matches('failed') && fakes.plans.length === 2);
    actor.send({ type: 'plan.request' });
    expect(actor.getSnapshot().value).toBe('planning');
  });
});

describe('the re-plan debounce', () => {
  it('waits for a quiet period of at most 150 ms after the last edit, and each edit restarts it', () => {
    expect(REPLAN_DELAY_MS).toBeLessThanOrEqual(150);
    const clock = new SimulatedClock();
    const plans: Array<string | null> = [];
    const machine = planningMachine.provide({
      actors: {
        runPlan: fromPromise<PlanResult, PlanTarget>(({ input }) => {
          plans.push(input.scenarioId);
          return new Promise<PlanResult>(() => undefined);
        }),
      },
    });
    const actor = createActor(machine, { input: {}, clock }).start();
    actor.send({ type: 'snapshot.changed' });
    clock.increment(REPLAN_DELAY_MS - 10);
    actor.send({ type: 'snapshot.changed' });
    clock.increment(REPLAN_DELAY_MS - 10);
    expect(actor.getSnapshot().value).toBe('editing');
    expect(plans).toEqual([]);
    clock.increment(10);
    expect(actor.getSnapshot().value).toBe('planning');
    expect(plans).toEqual([null]);
    actor.stop();
  });
});

describe('pinCall', () => {
  const stored = [{ id: 'mine' } as WorkItem];

  it("updates the user's own item", () => {
    expect(pinCall({ ...proposal, id: 'mine', source: 'user' }, '2027-07-02', stored)).toEqual({
      method: 'workItem.update',
      id: 'mine',
      patch: { pinnedStart: '2027-07-02' },
    });
  });

  it("turns a proposal into the user's planned item, pinned, keeping only stored predecessors", () => {
    const result = pinCall(proposal, '2027-07-02', stored);
    expect(result).toEqual({
      method: 'workItem.create',
      fields: {
        title: proposal.title,
        capabilityId: 'warehouse',
        fromMaturity: 2,
        toMaturity: 3,
        durationWeeks: 5,
        demand: { 'data-engineer': 1 },
        predecessors: ['mine'],
        releaseDate: null,
        pinnedStart: '2027-07-02',
        status: 'planned',
        actualStart: null,
        actualFinish: null,
        notes: '',
      },
    });
  });
});
