import { describe, expect, it } from 'vitest';
import { PlanCalendar } from '../../../../src/core/domain/calendar';
import { borrowedChanges, capacitySteps, earliestRun, expectedStartWeek, peakFrom, personChanges, unitsAt, type TeamClock } from '../../../../src/core/planner/capacity';
import type { PlanItem } from '../../../../src/core/planner/items';
import { focusWeeks, isAdapted, staffItem, standInsFor } from '../../../../src/core/planner/staffing';
import { formatNumber, listing, people, percent, personLabel, plural, quoteTitles, roleNoun, withArticle } from '../../../../src/core/planner/texts';
import type { Person } from '../../../../src/core/domain/types';

describe('wording', () => {
  it('puts the right article before a role, initialisms by sound', () => {
    expect(withArticle('data engineer')).toBe('a data engineer');
    expect(withArticle('analytics engineer')).toBe('an analytics engineer');
    expect(withArticle('ML engineer')).toBe('an ML engineer');
    expect(withArticle('UX designer')).toBe('a UX designer');
    expect(withArticle('SQL expert')).toBe('an SQL expert');
    expect(withArticle('  engineer ')).toBe('an engineer');
  });

  it('lower-cases a role name inside a sentence but keeps initialisms', () => {
    expect(roleNoun('Data engineer')).toBe('data engineer');
    expect(roleNoun('ML engineer')).toBe('ML engineer');
    expect(roleNoun('Platform / DevOps engineer')).toBe('platform / DevOps engineer');
  });

  it('lists, counts and quotes', () => {
    expect(listing([])).toBe('');
    expect(listing(['a'])).toBe('a');
    expect(listing(['a', 'b'])).toBe('a and b');
    expect(listing(['a', 'b', 'c'])).toBe('a, b and c');
    expect(plural(1, 'week')).toBe('1 week');
    expect(plural(2, 'week')).toBe('2 weeks');
    expect(plural(0, 'capability', 'capabilities')).toBe('0 capabilities');
    expect(plural(2.25, 'week')).toBe('2.3 weeks');
    expect(formatNumber(3.04)).toBe('3');
    expect(quoteTitles(['A'])).toBe('“A”');
    expect(quoteTitles(['A', 'B', 'C'])).toBe('“A”, “B” and “C”');
    expect(quoteTitles(['A', 'B', 'C', 'D', 'E'])).toBe('“A”, “B”, “C” and 2 more');
    expect(people(10)).toBe('1 person');
    expect(people(15)).toBe('1.5 people');
    expect(percent(0.754)).toBe('75%');
  });

  it('does not repeat what a person’s name says', () => {
    expect(personLabel('Ada', 'Data engineer', 'planned hire')).toBe('Ada (data engineer, planned hire)');
    expect(personLabel('ML engineer (open requisition)', 'ML engineer', 'open requisition')).toBe('ML engineer (open requisition)');
    expect(personLabel('Data engineer hire', 'Data engineer', 'planned hire')).toBe('Data engineer hire (planned hire)');
  });
});

const cal = new PlanCalendar('2027-01-01', 8);
const clock: TeamClock = { calendar: cal, statusWeek: 2, leadTimeWeeks: 10, rampUpOf: () => 6 };
const person = (fields: Partial<Person>): Person => ({ id: 'p', name: 'P', roleId: 'data-engineer', fte: 1, status: 'on_staff', startDate: null, endDate: null, ...fields });

describe('capacity over time', () => {
  it('counts staff from week 0, recent joiners after their ramp-up, requisitions from their start or a full lead time', () => {
    expect(personChanges(person({ startDate: '2020-01-01' }), clock)).toEqual([{ roleId: 'data-engineer', week: 0, units: 10, source: 'staff', ref: 'p' }]);
    expect(personChanges(person({ startDate: '2027-01-15' }), clock)[0]).toMatchObject({ week: 8, source: 'joiner' });
    expect(expectedStartWeek(person({ status: 'open_req' }), clock)).toBe(12);
    expect(expectedStartWeek(person({ status: 'open_req', startDate: '2027-03-05' }), clock)).toBe(9);
    // A requisition whose date has passed is expected from the status date, not in the past.
    expect(expectedStartWeek(person({ status: 'planned', startDate: '2026-11-01' }), clock)).toBe(2);
    expect(personChanges(person({ fte: 0.5, status: 'open_req' }), clock)).toEqual([{ roleId: 'data-engineer', week: 18, units: 5, source: 'joiner', ref: 'p' }]);
  });

  it('takes leavers away from the week after their last day, and forgets one gone before they count', () => {
    const changes = personChanges(person({ endDate: '2027-03-31' }), clock);
    expect(changes).toEqual([
      { roleId: 'data-engineer', week: 0, units: 10, source: 'staff', ref: 'p' },
      { roleId: 'data-engineer', week: 13, units: -10, source: 'leaver', ref: 'p' },
    ]);
    expect(personChanges(person({ startDate: '2027-01-15', endDate: '2027-01-20' }), clock)).toEqual([]);
    expect(personChanges(person({ fte: 0.04 }), clock)).toEqual([]);
  });

  it('lends borrowed people from their first day (not before the status date) for the weeks agreed', () => {
    expect(borrowedChanges({ roleId: 'software-engineer', fte: 0.5, startDate: null, weeks: 6, note: '' }, 0, clock)).toEqual([
      { roleId: 'software-engineer', week: 2, units: 5, source: 'borrowed', ref: 'borrowed:1' },
      { roleId: 'software-engineer', week: 8, units: -5, source: 'borrowed', ref: 'borrowed:1' },
    ]);
    expect(borrowedChanges({ roleId: 'software-engineer', fte: 1, startDate: '2027-03-01', weeks: 2, note: '' }, 1, clock)[0]).toMatchObject({ week: 9, ref: 'borrowed:2' });
    expect(borrowedChanges({ roleId: 'x', fte: 1, startDate: null, weeks: 0, note: '' }, 0, clock)).toEqual([]);
  });

  it('sums changes into step lists, never below zero, and answers units at, peak from and earliest run', () => {
    const steps = capacitySteps(
      [
        { roleId: 'de', week: 0, units: 10, source: 'staff', ref: 'a' },
        { roleId: 'de', week: 5, units: 10, source: 'joiner', ref: 'b' },
        { roleId: 'de', week: 10, units: -20, source: 'leaver', ref: 'a' },
        { roleId: 'de', week: 20, units: 10, source: 'hire', ref: 'h' },
      ],
      ['de', 'ds'],
    );
    expect(steps.get('de')).toEqual([
      { from: 0, units: 10 },
      { from: 5, units: 20 },
      { from: 10, units: 0 },
      { from: 20, units: 10 },
    ]);
    expect(steps.get('ds')).toEqual([{ from: 0, units: 0 }]);
    const de = steps.get('de')!;
    expect(unitsAt(de, 4)).toBe(10);
    expect(unitsAt(de, 5)).toBe(20);
    expect(unitsAt(de, 15)).toBe(0);
    expect(peakFrom(de, 0)).toBe(20);
    expect(peakFrom(de, 11)).toBe(10);
    expect(earliestRun(de, 0, 20, 3)).toBe(5);
    expect(earliestRun(de, 0, 20, 6)).toBeNull();
    expect(earliestRun(de, 8, 10, 4)).toBe(20);
    expect(earliestRun(de, 3, 0, 4)).toBe(3);
  });
});

const item = (fields: Partial<PlanItem>): PlanItem => ({
  id: 'i',
  title: 'I',
  source: 'proposal',
  status: 'proposed',
  capabilityId: 'event-instrumentation',
  layer: 'collect',
  hasCapability: true,
  goal: 'analytics',
  needed: true,
  fromMaturity: 0,
  toMaturity: 1,
  durationWeeks: 4,
  demand: { 'software-engineer': 1, 'data-engineer': 1 },
  predecessors: [],
  release: null,
  pin: null,
  pinDate: null,
  actualStart: null,
  actualFinish: null,
  ...fields,
});
const ctxOf = (capacity: Record<string, { from: number; units: number }[]>, runShare = 0) => ({
  capacity: new Map(Object.entries(capacity)),
  runShare,
  roleIds: new Set(['software-engineer', 'data-engineer', 'platform-engineer', 'analytics-engineer', 'data-analyst']),
});

describe('who does the work', () => {
  it('lists stand-ins fastest first, some only on some capabilities', () => {
    expect(standInsFor('software-engineer', 'event-instrumentation').map((s) => s.roleId)).toEqual(['data-engineer', 'platform-engineer']);
    expect(standInsFor('software-engineer', 'model-serving')).toEqual([]);
    expect(standInsFor('analytics-engineer', 'metric-definitions').map((s) => [s.roleId, s.efficiency])).toEqual([['data-engineer', 0.7], ['data-analyst', 0.5]]);
    expect(standInsFor('analytics-engineer', null).map((s) => s.roleId)).toEqual(['data-engineer']);
    expect(standInsFor('not-in-catalog', null)).toEqual([]);
  });

  it('stretches the estimate by the run-work share', () => {
    expect(focusWeeks(4, 0.2)).toBeCloseTo(5);
    const s = staffItem(item({ demand: { 'data-engineer': 1 } }), 0, ctxOf({ 'data-engineer': [{ from: 0, units: 10 }] }, 0.2));
    expect(s.weeks).toBe(5);
    expect(s.units).toEqual({ 'data-engineer': 10 });
  });

  it('staffs a missing role with the stand-in that finishes first, and merges its shares', () => {
    const s = staffItem(item({}), 0, ctxOf({ 'data-engineer': [{ from: 0, units: 20 }] }));
    expect(s.assignments).toEqual([
      { forRoleId: 'software-engineer', roleId: 'data-engineer', people: 1, efficiency: 0.6 },
      { forRoleId: 'data-engineer', roleId: 'data-engineer', people: 1, efficiency: 1 },
    ]);
    expect(s.units).toEqual({ 'data-engineer': 20 });
    // 4 weeks at 60 % and 4 at 100 %, by two people: (4/0.6 + 4) / 2 ≈ 5.3 → 6.
    expect(s.weeks).toBe(6);
    expect(s.unstaffed).toEqual([]);
    expect(isAdapted(s, item({}))).toBe(true);
  });

  it('keeps the role itself when it is there, even if a stand-in would do as well', () => {
    const s = staffItem(item({}), 0, ctxOf({ 'software-engineer': [{ from: 0, units: 10 }], 'data-engineer': [{ from: 0, units: 30 }] }));
    expect(s.assignments.map((a) => a.roleId)).toEqual(['software-engineer', 'data-engineer']);
    expect(s.weeks).toBe(4);
    expect(isAdapted(s, item({}))).toBe(false);
  });

  it('lets fewer people do the work over more weeks, and leaves unstaffed what nobody can do', () => {
    const fewer = staffItem(item({ demand: { 'data-engineer': 2 }, capabilityId: 'warehouse' }), 0, ctxOf({ 'data-engineer': [{ from: 0, units: 10 }] }));
    expect(fewer.assignments).toEqual([{ forRoleId: 'data-engineer', roleId: 'data-engineer', people: 1, efficiency: 1 }]);
    expect(fewer.weeks).toBe(8);
    const none = staffItem(item({ demand: { 'data-analyst': 1 }, capabilityId: 'bi-dashboards' }), 0, ctxOf({}));
    expect(none.unstaffed).toEqual([{ roleId: 'data-analyst', people: 1, weeks: 4 }]);
    expect(none.assignments).toEqual([]);
  });

  it('does not count on someone who will be gone before the work could be done', () => {
    // The only software engineer leaves after week 10; from week 12 on the data engineer stands in.
    const s = staffItem(item({ demand: { 'software-engineer': 1 } }), 12, ctxOf({ 'software-engineer': [{ from: 0, units: 10 }, { from: 10, units: 0 }], 'data-engineer': [{ from: 0, units: 10 }] }));
    expect(s.assignments[0]).toMatchObject({ forRoleId: 'software-engineer', roleId: 'data-engineer' });
  });

  it('hands a share to the stand-in it is forced to (a busy role), and says until when the role was busy', () => {
    const s = staffItem(item({ demand: { 'software-engineer': 1 } }), 0, ctxOf({ 'software-engineer': [{ from: 0, units: 10 }], 'data-engineer': [{ from: 0, units: 10 }] }), new Map([['software-engineer', { standIn: 'data-engineer', busyUntil: 9 }]]));
    expect(s.assignments[0]).toMatchObject({ roleId: 'data-engineer', efficiency: 0.6 });
    expect(s.busy).toEqual({ 'software-engineer': 9 });
  });

  it('keeps a milestone at 0 weeks', () => {
    expect(staffItem(item({ durationWeeks: 0, demand: {} }), 0, ctxOf({})).weeks).toBe(0);
  });
});
