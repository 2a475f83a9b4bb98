import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../../src/core/domain/planning';
import type { Capability, Person } from '../../../../src/core/domain/types';
import {
  canJoin,
  doneDefaults,
  doneQuestion,
  doneValues,
  joinDefault,
  joinEdit,
  pastDateError,
  progressEdit,
  startValues,
} from '../../../../src/renderer/progress/progressEdits';

const TODAY = '2026-11-27';

const item = (over: Partial<WorkItem> = {}): WorkItem => ({
  id: 'w1',
  title: 'Warehouse: maturity 2 → 3',
  capabilityId: 'warehouse',
  fromMaturity: 2,
  toMaturity: 3,
  durationWeeks: 5,
  demand: { 'data-engineer': 1 },
  predecessors: [],
  releaseDate: null,
  pinnedStart: null,
  status: 'planned',
  actualStart: null,
  actualFinish: null,
  notes: '',
  ...over,
});

const warehouse: Capability = {
  id: 'warehouse',
  name: 'Warehouse',
  layer: 'move_store',
  description: '',
  currentMaturity: 2,
  targetMaturity: 3,
  owner: '',
  tools: '',
  notes: '',
  fromCatalog: true,
} as Capability;

describe('pastDateError', () => {
  it('takes a real date up to today, and empty only when not required', () => {
    expect(pastDateError('2026-11-27', TODAY, true)).toBeUndefined();
    expect(pastDateError(' 2026-01-05 ', TODAY, true)).toBeUndefined();
    expect(pastDateError('', TODAY, false)).toBeUndefined();
    expect(pastDateError('', TODAY, true)).toBe('required');
    expect(pastDateError('2026-02-30', TODAY, true)).toBe('not a date (use YYYY-MM-DD)');
    expect(pastDateError('27/11/2026', TODAY, true)).toBe('not a date (use YYYY-MM-DD)');
    expect(pastDateError('2026-11-28', TODAY, true)).toBe('must not be after today (2026-11-27)');
  });
});

describe('doneDefaults', () => {
  it('finishes today, starts at the planned start when it has come, and raises the capability to the step', () => {
    expect(doneDefaults(item(), warehouse, TODAY, '2026-10-01')).toEqual({ start: '2026-10-01', finish: TODAY, raise: 3 });
  });

  it('starts the estimate before the finish when the planned start lies ahead', () => {
    // 5 weeks ending on the 27th (inclusive): from the 24th of October.
    expect(doneDefaults(item(), warehouse, TODAY, '2027-04-01')).toMatchObject({ start: '2026-10-24', finish: TODAY });
    expect(doneDefaults(item(), warehouse, TODAY, null).start).toBe('2026-10-24');
  });

  it('keeps the dates already recorded', () => {
    expect(doneDefaults(item({ status: 'in_progress', actualStart: '2026-11-02' }), warehouse, TODAY, null)).toMatchObject({ start: '2026-11-02', finish: TODAY });
    expect(doneDefaults(item({ actualStart: '2026-09-01', actualFinish: '2026-10-15' }), warehouse, TODAY, null)).toMatchObject({ start: '2026-09-01', finish: '2026-10-15' });
  });

  it('raises nothing when the capability is already there, or the item raises none', () => {
    expect(doneDefaults(item(), { ...warehouse, currentMaturity: 3 } as Capability, TODAY, null).raise).toBeNull();
    expect(doneDefaults(item({ capabilityId: null, fromMaturity: null, toMaturity: null }), null, TODAY, null).raise).toBeNull();
  });
});

describe('the questions and the edits', () => {
  it('asks to raise the capability by its maturity name, or about the item', () => {
    expect(doneQuestion(item(), warehouse, 3)).toBe('Mark done — raise Warehouse to Managed?');
    expect(doneQuestion({ title: 'Tidy the wiki' }, null, null)).toBe('Mark “Tidy the wiki” done?');
  });

  it('keeps the values from before with a progress edit, the maturity only when it is set', () => {
    const edit = progressEdit(item(), warehouse, doneValues('2026-10-01', '2026-11-20', 3));
    expect(edit).toEqual({
      kind: 'progress',
      id: 'w1',
      label: '“Warehouse: maturity 2 → 3” done, Warehouse at Managed',
      before: { status: 'planned', actualStart: null, actualFinish: null, capabilityMaturity: 2 },
      after: { status: 'done', actualStart: '2026-10-01', actualFinish: '2026-11-20', capabilityMaturity: 3 },
    });
    const noRaise = progressEdit(item(), warehouse, doneValues('', '2026-11-20', null));
    expect(noRaise.before).toEqual({ status: 'planned', actualStart: null, actualFinish: null });
    expect(noRaise.after).toEqual({ status: 'done', actualStart: null, actualFinish: '2026-11-20' });
    expect(noRaise.label).toBe('“Warehouse: maturity 2 → 3” done');
  });

  it('starts work today unless its start is known', () => {
    expect(startValues(item(), TODAY)).toEqual({ status: 'in_progress', actualStart: TODAY, actualFinish: null });
    expect(startValues(item({ actualStart: '2026-11-02' }), TODAY).actualStart).toBe('2026-11-02');
  });
});

describe('joining', () => {
  const req: Person = { id: 'p1', name: 'Mo', roleId: 'ml-engineer', fte: 1, status: 'open_req', startDate: '2027-01-08', endDate: null };

  it('is for open requisitions and planned hires', () => {
    expect(canJoin(req)).toBe(true);
    expect(canJoin({ status: 'planned' })).toBe(true);
    expect(canJoin({ status: 'on_staff' })).toBe(false);
  });

  it('offers the planned start once it has come, else today, and undoes to the status and start from before', () => {
    expect(joinDefault(req, TODAY)).toBe(TODAY);
    expect(joinDefault({ startDate: '2026-11-02' }, TODAY)).toBe('2026-11-02');
    expect(joinDefault({ startDate: null }, TODAY)).toBe(TODAY);
    expect(joinEdit(req, '2026-11-23')).toEqual({ kind: 'join', id: 'p1', label: 'Mo joined', before: { status: 'open_req', startDate: '2027-01-08' }, after: { startDate: '2026-11-23' } });
  });
});
