import { describe, expect, it } from 'vitest';
import { isIsoDate, isMonthNumber, PlanCalendar, quarterOf } from '../../../../src/core/domain/calendar';
import { budgetCounted, quarterSpend, withinHiringBudget } from '../../../../src/core/domain/cost';
import { dependencyCycle, findCycle } from '../../../../src/core/domain/dependencies';
import { allPrerequisitesMet, capabilityScore, computeReadiness, prerequisitesMet, readinessOfLayer, readyUpTo } from '../../../../src/core/domain/readiness';
import { isCurrencyCode, isWorkspaceSettings } from '../../../../src/core/domain/settings';
import type { Capability, Role } from '../../../../src/core/domain/types';

/*
 * The domain's rules at their edges: the day a quarter ends, a salary that exactly fills the
 * budget, a capability exactly at its target, a gate of 0. Each of these was a one-character
 * change (`<` for `<=`) that no other test noticed (StrykerJS, npm run test:mutation).
 */

describe('calendar edges', () => {
  it('takes only strings that are real dates from year 1 on', () => {
    expect(isIsoDate(20270101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('0000-12-31')).toBe(false);
    expect(isIsoDate('2027-00-10')).toBe(false);
    expect(isIsoDate('2027-13-10')).toBe(false);
    expect(isIsoDate('2027-01-00')).toBe(false);
    expect(isMonthNumber(0)).toBe(false);
    expect(isMonthNumber(13)).toBe(false);
    expect(isMonthNumber(1.5)).toBe(false);
    expect(isMonthNumber('4')).toBe(false);
    expect(isMonthNumber(12)).toBe(true);
  });

  it('names a fiscal year that starts in December by the year it ends in', () => {
    // The year that starts on 2026-12-01 ends on 2027-11-30: FY2027, and January is in its Q1.
    expect(quarterOf('2027-01-15', 12)).toMatchObject({ label: 'FY2027-Q1', firstDay: '2026-12-01', lastDay: '2027-02-28' });
    expect(quarterOf('2027-12-01', 12)).toMatchObject({ label: 'FY2028-Q1' });
    expect(quarterOf('2027-11-30', 12)).toMatchObject({ label: 'FY2027-Q4' });
  });

  it('puts a quarter’s first and last day in that quarter, before, inside and past the horizon', () => {
    const calendar = new PlanCalendar('2027-01-01', 2);
    expect(calendar.quarterIndexOfDate('2026-12-31')).toBe(-1);
    expect(calendar.quarterIndexOfDate('2027-01-01')).toBe(0);
    expect(calendar.quarterIndexOfDate('2027-03-31')).toBe(0);
    expect(calendar.quarterIndexOfDate('2027-04-01')).toBe(1);
    expect(calendar.quarterIndexOfDate('2027-06-30')).toBe(1);
    // Past the horizon, counted on quarter by quarter; a quarter's last day is still in it.
    expect(calendar.quarterIndexOfDate('2027-07-01')).toBe(2);
    expect(calendar.quarterIndexOfDate('2027-09-30')).toBe(2);
    expect(calendar.quarterIndexOfDate('2027-10-01')).toBe(3);
    expect(calendar.quarterAt(3)).toMatchObject({ label: '2027-Q4', index: 3 });
    expect(calendar.quartersThrough(null).map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2']);
    expect(calendar.quartersThrough('2027-10-01').map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(calendar.quartersThrough('2027-02-01').map((q) => q.label)).toEqual(['2027-Q1', '2027-Q2']);
  });

  it('remembers the dates and quarters it worked out and gives the same answer again', () => {
    const calendar = new PlanCalendar('2027-01-04', 4, 4);
    const first = calendar.quarterOfWeek(10);
    expect(calendar.dateOfWeek(10)).toBe('2027-03-15');
    expect(calendar.quarterOfWeek(10)).toEqual(first);
    expect(first.label).toBe('FY2027-Q4');
    expect(calendar.quarterOfDate('2027-04-01').label).toBe('FY2028-Q1');
  });
});

describe('cost edges', () => {
  const q = { firstDay: '2027-01-01', lastDay: '2027-03-31' };

  it('counts a hire starting on a quarter’s first or last day against that quarter’s budget', () => {
    expect(budgetCounted([{ startDate: '2027-01-01', annualSalary: 100 }, { startDate: '2027-03-31', annualSalary: 10 }, { startDate: '2027-04-01', annualSalary: 1 }], q)).toBe(110);
  });

  it('allows a salary that exactly fills the budget, not one euro more', () => {
    expect(withinHiringBudget(25_000, 100_000, 125_000)).toBe(true);
    expect(withinHiringBudget(25_001, 100_000, 125_000)).toBe(false);
    expect(withinHiringBudget(125_000, null, 125_000)).toBe(true);
    expect(withinHiringBudget(10 ** 9, 1, null)).toBe(true);
  });

  it('pays a hire who starts on the quarter’s last day for that one day, and one who started earlier for the whole quarter', () => {
    expect(quarterSpend([{ startDate: '2027-03-31', annualSalary: 365_000 }], q)).toBeCloseTo(1_000, 6);
    expect(quarterSpend([{ startDate: '2027-01-01', annualSalary: 365_000 }], q)).toBeCloseTo(90_000, 6);
    expect(quarterSpend([{ startDate: '2026-06-01', annualSalary: 365_000 }], q)).toBeCloseTo(90_000, 6);
    expect(quarterSpend([{ startDate: '2027-01-02', annualSalary: 365_000 }], q)).toBeCloseTo(89_000, 6);
    expect(quarterSpend([{ startDate: '2027-04-01', annualSalary: 365_000 }, { startDate: '2027-01-01', annualSalary: null }], q)).toBe(0);
  });
});

describe('readiness edges', () => {
  const cap = (id: string, layer: Capability['layer'], current: number, target: number) => ({ id, name: id, layer, currentMaturity: current, targetMaturity: target }) as Capability;

  it('scores a capability at or above its target, or with no target, as complete', () => {
    expect(capabilityScore({ currentMaturity: 3, targetMaturity: 3 })).toBe(1);
    expect(capabilityScore({ currentMaturity: 4, targetMaturity: 3 })).toBe(1);
    expect(capabilityScore({ currentMaturity: 0, targetMaturity: 0 })).toBe(1);
    expect(capabilityScore({ currentMaturity: 1, targetMaturity: 4 })).toBe(0.25);
  });

  it('takes gates from 0 to 1 and refuses others; a layer exactly at the gate counts as ready', () => {
    const readiness = computeReadiness([cap('a', 'collect', 3, 4), cap('b', 'move_store', 1, 2)]);
    expect(readyUpTo(readiness, 0)).toBe('move_store');
    expect(readyUpTo(readiness, 0.5)).toBe('move_store');
    expect(readyUpTo(readiness, 0.75)).toBe('collect');
    expect(readyUpTo(readiness, 1)).toBeNull();
    expect(() => readyUpTo(readiness, -0.01)).toThrow(RangeError);
    expect(() => readyUpTo(readiness, 1.01)).toThrow(RangeError);
    expect(() => readyUpTo(readiness, Number.NaN)).toThrow(RangeError);
    expect(readinessOfLayer(readiness, 'ai')).toEqual({ layer: 'ai', readiness: null, mean: null, capabilityCount: 0, weakest: [], stepsReached: 0, stepsTargeted: 0 });
  });

  it('meets a prerequisite exactly at its level, and a missing capability only when nothing is needed', () => {
    const caps = [cap('warehouse', 'move_store', 2, 3), cap('events', 'collect', 1, 2)];
    const readiness = computeReadiness(caps);
    const role = (prerequisites: Role['prerequisites']) => ({ prerequisites }) as Pick<Role, 'prerequisites'>;
    const byId = new Map(caps.map((c) => [c.id, c]));
    const exactly = role([{ kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 }, { kind: 'layer', layer: 'collect', minReadiness: 0.5 }]);
    expect(prerequisitesMet(exactly, caps, readiness).met).toBe(true);
    expect(allPrerequisitesMet(exactly, byId, () => readiness)).toBe(true);
    const above = role([{ kind: 'layer', layer: 'collect', minReadiness: 0.51 }]);
    expect(prerequisitesMet(above, caps, readiness).met).toBe(false);
    expect(allPrerequisitesMet(above, byId, () => readiness)).toBe(false);
    // A capability that is not in the inventory counts as maturity 0.
    expect(prerequisitesMet(role([{ kind: 'capability', capabilityId: 'missing', minMaturity: 0 }]), caps, readiness).met).toBe(true);
    expect(prerequisitesMet(role([{ kind: 'capability', capabilityId: 'missing', minMaturity: 1 }]), caps, readiness).met).toBe(false);
    // A layer with nothing tracked meets no readiness prerequisite, not even 0.
    expect(prerequisitesMet(role([{ kind: 'layer', layer: 'ai', minReadiness: 0 }]), caps, readiness).met).toBe(false);
    // Capability prerequisites alone never compute the readiness.
    let asked = 0;
    expect(allPrerequisitesMet(role([{ kind: 'capability', capabilityId: 'warehouse', minMaturity: 3 }]), byId, () => (asked++, readiness))).toBe(false);
    expect(asked).toBe(0);
  });
});

describe('dependency edges', () => {
  it('finds a cycle reached from a later root, ignores unknown and self references, and tells it from the first item listed', () => {
    expect(findCycle(new Map([['a', []], ['b', ['c']], ['c', ['b']]]))).toEqual(['c', 'b', 'c']);
    expect(findCycle(new Map([['a', ['zzz', 'b']], ['b', []]]))).toBeNull();
    // Visited already from another root: no cycle is made up.
    expect(findCycle(new Map([['a', ['c']], ['b', ['c']], ['c', []]]))).toBeNull();
    expect(dependencyCycle([{ id: 'x', predecessors: ['x'] }])).toBeNull();
    const items = [
      { id: 'load', predecessors: ['model'] },
      { id: 'clean', predecessors: ['load'] },
      { id: 'model', predecessors: ['clean'] },
    ];
    expect(dependencyCycle(items)).toEqual(['load', 'clean', 'model', 'load']);
    expect(dependencyCycle([...items].reverse())).toEqual(['model', 'load', 'clean', 'model']);
    // A repeated id keeps its first predecessors and its first place.
    expect(dependencyCycle([{ id: 'a', predecessors: ['b'] }, { id: 'b', predecessors: ['a'] }, { id: 'a', predecessors: [] }])).toEqual(['a', 'b', 'a']);
  });
});

describe('settings edges', () => {
  it('takes three capital letters or nothing as a currency, and settings only as an object', () => {
    expect(isCurrencyCode('')).toBe(true);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(isCurrencyCode(978)).toBe(false);
    expect(isWorkspaceSettings({ fiscalYearStartMonth: 4, currency: 'GBP' })).toBe(true);
    expect(isWorkspaceSettings({ fiscalYearStartMonth: 4, currency: 'gbp' })).toBe(false);
    expect(isWorkspaceSettings({ fiscalYearStartMonth: 0, currency: '' })).toBe(false);
    expect(isWorkspaceSettings(null)).toBe(false);
    expect(isWorkspaceSettings('{"fiscalYearStartMonth":4}')).toBe(false);
  });
});
