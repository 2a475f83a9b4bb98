import { describe, expect, it } from 'vitest';
import { defaultBaselineName } from '../../../../src/core/progress/names';

describe('defaultBaselineName', () => {
  it('names the quarter of the status date as the workspace counts quarters', () => {
    expect(defaultBaselineName('2027-01-04', 1)).toBe('2027-Q1 plan as approved');
    expect(defaultBaselineName('2027-01-04', 4)).toBe('FY2027-Q4 plan as approved');
  });

  it('takes the next free number when the name is taken, ignoring case', () => {
    expect(defaultBaselineName('2027-01-04', 1, ['2027-q1 PLAN as approved'])).toBe('2027-Q1 plan as approved (2)');
    expect(defaultBaselineName('2027-01-04', 1, ['2027-Q1 plan as approved', '2027-Q1 plan as approved (2)'])).toBe('2027-Q1 plan as approved (3)');
  });
});
