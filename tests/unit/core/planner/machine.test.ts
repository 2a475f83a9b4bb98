import { createActor, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import { defaultScenario } from '../../../../src/core/domain/planning';
import { MIN_HIRE_WORK_WEEKS, PLAN_DECISION_KINDS, PLAN_WARNING_CODES, plan, plannerMachine, type PlanInput, type PlanResult } from '../../../../src/core/planner';
import { loadOrganisation } from './organisations';
import { DEFERRED_THEN_PRUNED, inputOf, LUXURY_DEFERRED, PRUNED_HIRE_ORGANISATION } from './random-organisation';

/** Runs the planner machine through createActor and records every state change (from → to). */
function transitions(input: PlanInput): { steps: string[]; result: PlanResult } {
  const steps: string[] = [];
  // Eventless transitions are microsteps of one macrostep: each is inspected, re-entries included.
  let previous = JSON.stringify('assessing');
  const actor = createActor(plannerMachine, {
    input,
    inspect: (event: InspectionEvent) => {
      if (event.type !== '@xstate.microstep') return;
      const value = JSON.stringify((event.snapshot as { value?: unknown }).value ?? '');
      steps.push(`${previous} -> ${value}`);
      previous = value;
    },
  });
  actor.start();
  const snapshot = actor.getSnapshot();
  actor.stop();
  if (snapshot.status !== 'done' || !snapshot.output) throw new Error('the planner did not finish');
  return { steps, result: snapshot.output };
}

const s = (value: string) => JSON.stringify(value.includes('.') ? { [value.split('.')[0]!]: value.split('.')[1] } : value);
const step = (from: string, to: string) => `${s(from)} -> ${s(to)}`;

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const demoRun = transitions({ ...demo, workItems: [], scenario: defaultScenario(TODAY), asOf: TODAY });
const leaverRun = transitions(loadOrganisation('leaver.json'));
const zeroBudgetRun = transitions(loadOrganisation('zero-budget-two-engineers.json'));
const matureRun = transitions(loadOrganisation('ai-ready-ml-requisition.json'));
const requisitionsRun = transitions(loadOrganisation('existing-requisitions.json'));
const prunedRun = transitions(inputOf(PRUNED_HIRE_ORGANISATION));
const deferredRun = transitions(inputOf(DEFERRED_THEN_PRUNED));
const luxuryRun = transitions(inputOf(LUXURY_DEFERRED));

describe('planner machine transitions, each guard both ways (driven with createActor)', () => {
  it('assessing: hasLeavers → backfilling, else straight to climbing', () => {
    expect(leaverRun.steps).toContain(step('assessing', 'backfilling'));
    expect(leaverRun.steps).toContain(step('backfilling', 'climbing.scheduling'));
    expect(demoRun.steps).not.toContain(step('assessing', 'backfilling'));
    expect(demoRun.steps).toContain(step('assessing', 'climbing.scheduling'));
  });

  it('scheduling: layerNeedsHelp → hiring, else gated', () => {
    expect(demoRun.steps).toContain(step('climbing.scheduling', 'climbing.hiring'));
    expect(matureRun.steps).toContain(step('climbing.scheduling', 'climbing.gated'));
    expect(matureRun.steps).not.toContain(step('climbing.scheduling', 'climbing.hiring'));
  });

  it('hiring: hasCandidate → tryingHire, else gated (no hire allowed)', () => {
    expect(demoRun.steps).toContain(step('climbing.hiring', 'climbing.tryingHire'));
    expect(zeroBudgetRun.steps).toContain(step('climbing.hiring', 'climbing.gated'));
    expect(zeroBudgetRun.steps).not.toContain(step('climbing.hiring', 'climbing.tryingHire'));
  });

  it('tryingHire: moreCandidates → tryingHire again, else choosing', () => {
    // Several candidates are scheduled in one after the other before one is chosen.
    expect(demoRun.steps).toContain(step('climbing.tryingHire', 'climbing.tryingHire'));
    expect(demoRun.steps).toContain(step('climbing.tryingHire', 'climbing.choosing'));
  });

  it('choosing: trialHelped → accept and schedule again, else reject and gate', () => {
    expect(demoRun.steps).toContain(step('climbing.choosing', 'climbing.scheduling'));
    expect(demoRun.result.decisions.some((d) => d.kind === 'hire')).toBe(true);
    expect(requisitionsRun.steps).toContain(step('climbing.choosing', 'climbing.gated'));
    expect(requisitionsRun.result.decisions.some((d) => d.kind === 'no-hire' && d.text.includes('none brings the gate'))).toBe(true);
  });

  it('gated: isTopLayer → pruning, else the next layer', () => {
    expect(demoRun.steps).toContain(step('climbing.gated', 'climbing.scheduling'));
    expect(demoRun.steps.filter((x) => x === step('climbing.gated', 'pruning'))).toHaveLength(1);
    expect(demoRun.steps.at(-1)).toBe(step('reviewing', 'done'));
  });

  it('pruning: hasWeakHire → drop it and prune again, else on to deferring', () => {
    expect(demoRun.steps).toContain(step('pruning', 'deferring'));
    expect(demoRun.steps).not.toContain(step('pruning', 'pruning'));
    expect(prunedRun.steps).toContain(step('pruning', 'pruning'));
    const dropped = prunedRun.result.decisions.filter((d) => d.text.startsWith('Dropped the'));
    expect(dropped.length).toBeGreaterThanOrEqual(2);
    // What is left is worth a permanent hire: busy at least MIN_HIRE_WORK_WEEKS each in the plan.
    for (const h of prunedRun.result.hires.filter((x) => x.source === 'proposed')) expect(h.busyWeeks).toBeGreaterThanOrEqual(MIN_HIRE_WORK_WEEKS);
    for (const d of dropped) expect(d.text).toMatch(/busy (\d+|\d+\.\d) weeks? from \d{4}-\d{2}-\d{2} on .*fewer than the 6 /);
  });

  it('deferring: hasEarlyLuxury → count the luxury requisition from when the finished plan has its foundations, else review', () => {
    // The demo's ML engineer has no foundations within the plan: not counted while climbing, nor after.
    expect(demoRun.steps).toContain(step('deferring', 'reviewing'));
    expect(demoRun.steps).not.toContain(step('deferring', 'deferring'));
    const mle = demoRun.result.warnings.find((w) => w.code === 'luxury-hire-early')!;
    expect(mle.message).toContain('The plan does not count on them');
    // Ready for AI: the requisition set aside at the start counts again once the layers climbed so
    // far have its foundations (scheduling's second entry action), so nothing is left to defer.
    expect(matureRun.steps).not.toContain(step('deferring', 'deferring'));
    expect(matureRun.steps.at(-2)).toBe(step('deferring', 'reviewing'));
    expect(matureRun.result.hires.find((h) => h.roleId === 'ml-engineer')!.busyWeeks).toBeGreaterThan(0);
    // Where the finished plan moves a luxury requisition's foundations, it is counted again from then.
    expect(luxuryRun.steps).toContain(step('deferring', 'deferring'));
    // Counting a deferred requisition again can leave a hire idle: back to pruning.
    expect(deferredRun.steps).toContain(step('deferring', 'pruning'));
  });

  it('outputs the same plan as plan()', () => {
    expect(demoRun.result).toEqual(plan({ ...demo, workItems: [], scenario: defaultScenario(TODAY), asOf: TODAY }));
  });
});

describe('every warning code and decision kind is produced by some organisation', () => {
  const runs = [demoRun, leaverRun, zeroBudgetRun, matureRun].map((r) => r.result);
  // What the fixtures do not produce on their own: a pin in the past, a pin before the gate, work above the target.
  const pinned = plan({
    ...demo,
    scenario: { ...defaultScenario(TODAY), targetLayer: 'aggregate_label' },
    asOf: '2027-02-01',
    workItems: [
      { id: 'old-pin', title: 'Old pin', capabilityId: null, fromMaturity: null, toMaturity: null, durationWeeks: 2, demand: { 'data-engineer': 1 }, predecessors: [], releaseDate: null, pinnedStart: '2027-01-04', status: 'planned', actualStart: null, actualFinish: null, notes: '' },
      { id: 'early', title: 'Early dashboards', capabilityId: 'bi-dashboards', fromMaturity: 2, toMaturity: 3, durationWeeks: 2, demand: { 'data-analyst': 1 }, predecessors: [], releaseDate: null, pinnedStart: '2027-02-05', status: 'planned', actualStart: null, actualFinish: null, notes: '' },
      // Experimentation is beyond an analytics target, and nobody in the demo can do a statistician's work.
      { id: 'experiments', title: 'An experiment review board', capabilityId: 'ab-testing', fromMaturity: 1, toMaturity: 2, durationWeeks: 6, demand: { statistician: 1 }, predecessors: [], releaseDate: null, pinnedStart: null, status: 'planned', actualStart: null, actualFinish: null, notes: '' },
    ],
  });
  const all = [...runs, requisitionsRun.result, pinned];

  it.each(PLAN_WARNING_CODES)('%s', (code) => {
    expect(all.some((r) => r.warnings.some((w) => w.code === code))).toBe(true);
  });

  it.each(PLAN_DECISION_KINDS)('decision %s', (kind) => {
    expect(all.some((r) => r.decisions.some((d) => d.kind === kind))).toBe(true);
  });

  it('says each warning’s severity, one-line summary and action', () => {
    for (const r of all) {
      for (const w of r.warnings) {
        expect(['critical', 'warning', 'info']).toContain(w.severity);
        expect(w.summary.length).toBeGreaterThan(10);
        expect(w.summary).not.toContain('\n');
        expect(w.action.length).toBeGreaterThan(10);
      }
    }
    const above = pinned.warnings.find((w) => w.code === 'above-target')!;
    expect(above.severity).toBe('info');
    expect(above.message).toContain('An experiment review board');
  });
});
