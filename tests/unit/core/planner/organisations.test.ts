import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../../../src/core/domain/calendar';
import { plan, type PlanInput, type PlanResult } from '../../../../src/core/planner';
import {
  expectAsksHold,
  expectExplanationsGrounded,
  expectGatesRespected,
  expectHireReasonsHold,
  expectHiringLimitsHeld,
  expectNoLuxuryHireEarly,
  proposedRoles,
} from './helpers';
import { loadOrganisation, organisationFiles } from './organisations';
import { planAcceptance } from '../../../../src/core/planner/acceptance';

/*
 * Organisations of many shapes (tests/fixtures/organisations, made by scripts/make-org-fixtures.ts),
 * each planned as of 2026-12-01, and the advice a head of data would give them.
 */

const plans = new Map<string, { input: PlanInput; result: PlanResult }>();
function planned(file: string): { input: PlanInput; result: PlanResult } {
  let entry = plans.get(file);
  if (!entry) {
    const input = loadOrganisation(file);
    entry = { input, result: plan(input) };
    plans.set(file, entry);
  }
  return entry;
}

const LUXURY = ['data-scientist', 'ml-engineer'];

describe.each(organisationFiles())('%s: what holds for every organisation', (file) => {
  it('keeps the gates and the hiring limits, grounds every reason, and hires no luxury role before its foundations', () => {
    const { input, result } = planned(file);
    expectGatesRespected(result);
    expectHiringLimitsHeld(result, input);
    expectHireReasonsHold(result, input);
    expectNoLuxuryHireEarly(result, input);
    expectExplanationsGrounded(result, input);
    expectAsksHold(result, input);
  });

  it('says nothing in week numbers and no wrong article', () => {
    const { result } = planned(file);
    const texts = [...result.decisions.map((d) => d.text), ...result.warnings.flatMap((w) => [w.summary, w.action, w.message]), ...result.hires.map((h) => h.reason), ...result.asks.map((a) => a.text)];
    for (const t of texts) {
      expect(t).not.toMatch(/\bweek \d/);
      expect(t, t).not.toMatch(/\ba (analytics|ML|engineer|analyst|open)\b/);
    }
  });
});

describe('two data engineers and a hiring budget of 0', () => {
  const { result } = planned('zero-budget-two-engineers.json');

  it('puts both engineers to work from the start: instrumentation by a data engineer standing in for the missing software engineer', () => {
    expect(proposedRoles(result)).toEqual([]);
    const first = result.items.find((i) => i.id === 'proposal:event-instrumentation:1')!;
    expect(first.startDate).toBe(result.scenario.startDate);
    expect(first.assignments).toContainEqual({ forRoleId: 'software-engineer', roleId: 'data-engineer', people: 1, efficiency: 0.6 });
    expect(first.staffing).toContain('standing in for a software engineer');
  });

  it('builds ingestion and the warehouse without waiting for managed instrumentation: a repeatable step waits only for repeatable foundations', () => {
    const warehouse1 = result.items.find((i) => i.id === 'proposal:warehouse:1')!;
    const instrumentation3 = result.items.find((i) => i.id === 'proposal:event-instrumentation:3')!;
    expect(warehouse1.start!).toBeLessThan(instrumentation3.start!);
    expect(result.items.filter((i) => i.layer === 'move_store' && i.startDate! < '2028-01-01').length).toBeGreaterThan(0);
  });

  it('says hiring is what holds the plan back, and asks to contract what nobody can do', () => {
    const limited = result.warnings.filter((w) => w.code === 'hiring-limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.message).toContain('allows no hiring');
    const ask = result.asks.find((a) => a.roleId === 'data-analyst');
    expect(ask).toBeDefined();
    expect(ask!.itemIds.every((id) => result.items.find((i) => i.id === id)?.start === null)).toBe(true);
    expect(result.warnings.filter((w) => w.code === 'unstaffed-work').length).toBe(ask!.itemIds.length);
  });

  it('does not let dashboards nobody can build hold up the layer: they are waived from its gate, and said so', () => {
    const aggregate = result.layers.find((l) => l.layer === 'aggregate_label')!;
    expect(aggregate.waivedCapabilityIds).toEqual(expect.arrayContaining(['bi-dashboards']));
    expect(aggregate.readyWeek).not.toBeNull();
    expect(result.decisions.some((d) => d.kind === 'waive' && d.text.includes('BI dashboards'))).toBe(true);
  });
});

describe('a data engineer who leaves mid-plan', () => {
  const { input, result } = planned('leaver.json');
  const kai = input.people.find((p) => p.name === 'Kai')!;

  it('proposes a backfill from when they leave, with the reason in the plan’s own figures', () => {
    const backfill = result.hires.find((h) => h.kind === 'backfill');
    expect(backfill).toBeDefined();
    expect(backfill!.roleId).toBe('data-engineer');
    expect(backfill!.backfillFor).toEqual({ personId: kai.id, name: 'Kai', endDate: kai.endDate });
    expect(backfill!.startDate > kai.endDate!).toBe(true);
    expect(backfill!.reason).toContain('Kai (data engineer) leaves on 2027-05-31');
    expect(result.decisions.some((d) => d.kind === 'backfill' && d.text.includes('Kai'))).toBe(true);
  });

  it('leaves no data-engineer work unscheduled, and counts the leaver only until they go', () => {
    expect(result.items.filter((i) => i.start === null && (i.demand['data-engineer'] ?? 0) > 0)).toEqual([]);
    const de = result.capacity.find((c) => c.roleId === 'data-engineer')!;
    const cal = calendarOf(result);
    const after = cal.firstWeekOnOrAfter('2027-06-07');
    const at = (w: number) => de.steps.reduce((p, s) => (s.from <= w ? s.people : p), 0);
    expect(at(0)).toBe(2);
    expect(at(after)).toBeLessThan(2);
  });
  it('takes a data-engineer requisition that joins around the leaving date as the backfill, and proposes no second one', () => {
    const near = plan({ ...input, people: [...input.people, { id: 'req-de', name: 'DE requisition', roleId: 'data-engineer', fte: 1, status: 'open_req', startDate: '2027-05-10', endDate: null }] });
    expect(near.hires.filter((h) => h.source === 'proposed' && h.kind === 'backfill')).toEqual([]);
    const decision = near.decisions.find((d) => d.kind === 'backfill')!;
    expect(decision.text).toBe('Kai (data engineer) leaves on 2027-05-31; DE requisition, an open requisition for a data engineer starting 2027-05-10, replaces them: no further backfill.');
    // One that joins long before (or after) is growth, not the backfill.
    const early = plan({ ...input, people: [...input.people, { id: 'req-de', name: 'DE requisition', roleId: 'data-engineer', fte: 1, status: 'open_req', startDate: '2027-01-20', endDate: null }] });
    expect(early.decisions.some((d) => d.kind === 'backfill' && d.text.includes('replaces them'))).toBe(false);
  });
});

describe('an analytics team with a few weeks of instrumentation', () => {
  const { result } = planned('little-software-work.json');

  it('hires no permanent software engineer for it: a data engineer does it', () => {
    expect(proposedRoles(result)).not.toContain('software-engineer');
    const step = result.items.find((i) => i.id === 'proposal:event-instrumentation:3')!;
    expect(step.start).not.toBeNull();
    expect(step.assignments.some((a) => a.forRoleId === 'software-engineer' && a.roleId === 'data-engineer')).toBe(true);
  });
});

describe('two requisitions already open for the first quarter', () => {
  const { input, result } = planned('existing-requisitions.json');

  it('counts them against the quarter’s hire limit and budget: no new hire starts in 2027-Q1', () => {
    const q1 = result.quarters.find((q) => q.label === '2027-Q1')!;
    const starting = result.hires.filter((h) => h.startDate >= q1.firstDay && h.startDate <= q1.lastDay);
    expect(starting.map((h) => h.source)).toEqual(['existing', 'existing']);
    expect(result.hires.some((h) => h.source === 'proposed')).toBe(true);
    expectHiringLimitsHeld(result, input);
  });
});

describe('analytics as the goal', () => {
  const { result } = planned('analytics-only.json');

  it('neither proposes machine-learning work nor gates on it, and hires no data scientist or ML engineer', () => {
    expect(result.items.filter((i) => i.goal === 'ml' || i.goal === 'ai' || i.goal === 'experimentation')).toEqual([]);
    expect(result.items.some((i) => i.capabilityId === 'feature-store' || i.capabilityId === 'training-data')).toBe(false);
    const aggregate = result.layers.find((l) => l.layer === 'aggregate_label')!;
    expect(aggregate.notNeededCapabilityIds).toEqual(expect.arrayContaining(['feature-store', 'training-data']));
    expect(aggregate.gatedCapabilityIds).not.toContain('feature-store');
    for (const role of LUXURY) expect(proposedRoles(result)).not.toContain(role);
    expect(result.layers.find((l) => l.layer === 'aggregate_label')!.readyWeek).not.toBeNull();
  });
});

describe('an organisation ready for AI, with an ML engineer on the way', () => {
  const { result } = planned('ai-ready-ml-requisition.json');

  it('does not flag the ML engineer: the serving path they join to build is there within the slack', () => {
    expect(result.warnings.filter((w) => w.code === 'luxury-hire-early')).toEqual([]);
    expect(result.layers.find((l) => l.layer === 'ai')!.readyWeek).not.toBeNull();
  });
});

describe('analysts and a software engineer with time on their hands', () => {
  const { result } = planned('idle-roles.json');

  it('proposes no analytics engineer while the people there are can stand in', () => {
    expect(proposedRoles(result)).not.toContain('analytics-engineer');
    const standIns = result.items.flatMap((i) => i.assignments.filter((a) => a.roleId !== a.forRoleId));
    expect(standIns.length).toBeGreaterThan(0);
    expect(result.items.filter((i) => i.start === null && i.status !== 'done')).toEqual([]);
  });
});

describe('three data scientists and no foundations', () => {
  const { result } = planned('data-scientists-first.json');

  it('hires foundation roles first and no more data scientists', () => {
    const proposed = result.hires.filter((h) => h.source === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    const firstStart = proposed[0]!.startDate;
    for (const h of proposed.filter((x) => x.startDate === firstStart)) expect(['data-engineer', 'software-engineer', 'platform-engineer']).toContain(h.roleId);
    for (const role of LUXURY) expect(proposedRoles(result)).not.toContain(role);
  });
});

describe('a head of data alone', () => {
  const { result } = planned('empty-team.json');

  it('starts with the people who collect and move data', () => {
    const proposed = result.hires.filter((h) => h.source === 'proposed');
    expect(proposed.slice(0, 2).map((h) => h.roleId).sort()).toEqual(['data-engineer', 'software-engineer']);
    for (const role of LUXURY) expect(proposedRoles(result)).not.toContain(role);
  });
});

describe('a tight budget with salaries', () => {
  const { input, result } = planned('tight-budget.json');

  it('spreads hires so that no quarter spends more than its budget in new salaries', () => {
    expectHiringLimitsHeld(result, input);
    const byQuarter = new Map<string, number>();
    for (const h of result.hires) byQuarter.set(h.quarter, (byQuarter.get(h.quarter) ?? 0) + (h.annualSalary ?? 0));
    for (const total of byQuarter.values()) expect(total).toBeLessThanOrEqual(130_000);
    expect(result.hires.filter((h) => h.source === 'proposed').length).toBeGreaterThan(0);
  });
});

describe.each(organisationFiles())('%s: accepting the plan', (file) => {
  it('is a fixed point: planned again with its proposals and hires accepted, the plan proposes nothing new and keeps its gates', () => {
    const { input, result } = planned(file);
    const accepted = planAcceptance(result, input.asOf!);
    const again = plan({
      ...input,
      workItems: [...input.workItems, ...accepted.workItems],
      people: [...input.people, ...accepted.people.map((p, i) => ({ ...p, id: `accepted-${i}` }))],
    });
    expect(again.hires.filter((h) => h.source === 'proposed').map((h) => `${h.roleId} ${h.startDate}`)).toEqual([]);
    expect(again.items.filter((i) => i.source === 'proposal' && i.start !== null).map((i) => i.title)).toEqual([]);
    const gates = (r: PlanResult) => r.layers.map((l) => `${l.layer} ${l.readyWeek}`);
    expect(gates(again)).toEqual(gates(result));
    // Each accepted hire is there, busy as the plan had it.
    const busy = (r: PlanResult, source: 'proposed' | 'existing') => r.hires.filter((h) => h.source === source && !input.people.some((p) => p.id === h.personId)).map((h) => `${h.roleId} ${h.startDate}`).sort();
    expect(busy(again, 'existing')).toEqual(busy(result, 'proposed'));
  });
});
