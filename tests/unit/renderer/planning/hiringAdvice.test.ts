import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../../src/core/domain/planning';
import type { RoleCapacity } from '../../../../src/core/planner/types';
import { scenarioFieldsSchema } from '../../../../src/shared/schemas';
import { baselineNameError, borrowedAt, borrowedDrafts, borrowedOf, borrowedRuns, outcomeLabel, overlaySummary } from '../../../../src/renderer/planning/hiringAdvice';
import { fieldErrors } from '../../../../src/renderer/validation';

describe('the borrowed-capacity editor', () => {
  const loan = { roleId: 'software-engineer', fte: 0.5, startDate: '2027-01-04', weeks: 6, note: 'Checkout squad' };

  it('round-trips loans through its text fields', () => {
    expect(borrowedDrafts([loan])).toEqual([{ roleId: 'software-engineer', fte: '0.5', startDate: '2027-01-04', weeks: '6', note: 'Checkout squad' }]);
    expect(borrowedOf(borrowedDrafts([loan, { ...loan, startDate: null, note: '' }]))).toEqual([loan, { ...loan, startDate: null, note: '' }]);
  });

  it('leaves bad text for the scenario schema, whose errors name the loan and its field', () => {
    const drafts = [{ roleId: 'software-engineer', fte: '0,5', startDate: '', weeks: '0', note: '' }, { roleId: 'data-engineer', fte: 'half', startDate: '2027-02-30', weeks: '4', note: '' }];
    const borrowed = borrowedOf(drafts);
    expect(borrowed[0]).toMatchObject({ fte: 0.5, startDate: null, weeks: 0 });
    const { id: _id, isDefault: _d, ...fields } = defaultScenario('2026-11-27');
    expect(fieldErrors(scenarioFieldsSchema, { ...fields, borrowed })).toEqual({
      'borrowed[0].weeks': 'must be a whole number of weeks from 1 to 520',
      'borrowed[1].fte': 'must be more than 0 and at most 10',
      'borrowed[1].startDate': 'not a date (use YYYY-MM-DD)',
    });
  });
});

describe('the capacity charts’ run work and loans', () => {
  const capacity: RoleCapacity = {
    roleId: 'software-engineer',
    roleName: 'Software engineer',
    steps: [
      { from: 0, date: '2027-01-01', people: 1.5, borrowed: 0 },
      { from: 1, date: '2027-01-08', people: 2, borrowed: 0.5 },
      { from: 13, date: '2027-04-02', people: 1.5, borrowed: 0 },
    ],
  };

  it('finds the weeks with borrowed people', () => {
    expect(borrowedAt(capacity, 0)).toBe(0);
    expect(borrowedAt(capacity, 12)).toBe(0.5);
    expect(borrowedRuns(capacity, 20)).toEqual([{ from: 1, to: 13, people: 0.5 }]);
  });

  it('says them with the dates as entered', () => {
    const scenario = { runShare: 0.2, borrowed: [{ roleId: 'software-engineer', fte: 0.5, startDate: '2027-01-04', weeks: 12, note: 'Checkout squad' }, { roleId: 'data-engineer', fte: 1, startDate: null, weeks: 1, note: '' }] };
    expect(overlaySummary('software-engineer', scenario)).toBe("; 20 % of the busy people's time is kept for run work; 0.5 borrowed from 2027-01-04 for 12 weeks (Checkout squad)");
    expect(overlaySummary('data-engineer', scenario)).toBe("; 20 % of the busy people's time is kept for run work; 1 borrowed from the status date for 1 week");
    expect(overlaySummary('statistician', { runShare: 0, borrowed: [] })).toBe('');
  });
});

describe('the hiring plan', () => {
  it('words the marginal value of a hire', () => {
    expect(outcomeLabel({ outcome: 'earlier', weeksEarlier: 6 })).toBe('6 weeks earlier');
    expect(outcomeLabel({ outcome: 'earlier', weeksEarlier: 1 })).toBe('1 week earlier');
    expect(outcomeLabel({ outcome: 'earlier', weeksEarlier: null })).toBe('Ready within the plan');
    expect(outcomeLabel({ outcome: 'none', weeksEarlier: 0 })).toBe('No gain');
    expect(outcomeLabel({ outcome: 'none', weeksEarlier: null })).toBe('No gain');
    expect(outcomeLabel({ outcome: 'not-yet', weeksEarlier: null })).toBe('Not yet');
  });

  it('refuses a baseline name that is empty, too long, or taken (ignoring case)', () => {
    expect(baselineNameError('2027-Q1 plan as approved', ['Other'])).toBeUndefined();
    expect(baselineNameError('  ', [])).toBe('required');
    expect(baselineNameError('x'.repeat(121), [])).toBe('at most 120 characters');
    expect(baselineNameError(' 2027-q1 PLAN as approved ', ['2027-Q1 plan as approved'])).toBe('a baseline named “2027-q1 PLAN as approved” already exists');
  });
});
