import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../../src/core/domain/planning';
import type { Capability } from '../../../../src/core/domain/types';
import { raisedMaturity, statusChange } from '../../../../src/core/progress/status';

const item: WorkItem = {
  id: 'w',
  title: 'Warehouse to managed',
  capabilityId: 'warehouse',
  fromMaturity: 2,
  toMaturity: 3,
  durationWeeks: 5,
  demand: {},
  predecessors: [],
  releaseDate: null,
  pinnedStart: null,
  status: 'planned',
  actualStart: null,
  actualFinish: null,
  notes: '',
};
const warehouse = { id: 'warehouse', currentMaturity: 2 } as Capability;

describe('a status change records what happened', () => {
  it('sets the actual start when work goes in progress, keeping one already known', () => {
    expect(statusChange(item, warehouse, 'in_progress', '2027-03-01')).toEqual({ status: 'in_progress', actualStart: '2027-03-01', actualFinish: null });
    expect(statusChange({ ...item, actualStart: '2027-02-20' }, warehouse, 'in_progress', '2027-03-01').actualStart).toBe('2027-02-20');
  });

  it('marks done with the finish (today unless given) and raises the capability to the step’s target', () => {
    expect(statusChange({ ...item, actualStart: '2027-02-20' }, warehouse, 'done', '2027-04-01')).toEqual({ status: 'done', actualStart: '2027-02-20', actualFinish: '2027-04-01', capabilityMaturity: 3 });
    expect(statusChange(item, warehouse, 'done', '2027-04-01', { start: '2027-03-01', finish: '2027-03-28' })).toEqual({ status: 'done', actualStart: '2027-03-01', actualFinish: '2027-03-28', capabilityMaturity: 3 });
    // Already there (or beyond): nothing to raise.
    expect(statusChange(item, { ...warehouse, currentMaturity: 3 }, 'done', '2027-04-01')).not.toHaveProperty('capabilityMaturity');
    expect(statusChange({ ...item, capabilityId: null, toMaturity: null }, null, 'done', '2027-04-01')).not.toHaveProperty('capabilityMaturity');
  });

  it('clears the dates when work is planned again, and keeps the start of dropped work', () => {
    expect(statusChange({ ...item, actualStart: '2027-02-20', actualFinish: '2027-03-01' }, warehouse, 'planned', '2027-04-01')).toEqual({ status: 'planned', actualStart: null, actualFinish: null });
    expect(statusChange({ ...item, actualStart: '2027-02-20' }, warehouse, 'dropped', '2027-04-01')).toEqual({ status: 'dropped', actualStart: '2027-02-20', actualFinish: null });
  });

  it('raises only the item’s own capability, and only upwards', () => {
    expect(raisedMaturity(item, warehouse)).toBe(3);
    expect(raisedMaturity(item, { id: 'other', currentMaturity: 0 })).toBeNull();
    expect(raisedMaturity(item, { id: 'warehouse', currentMaturity: 4 })).toBeNull();
    expect(raisedMaturity(item, null)).toBeNull();
  });
});
