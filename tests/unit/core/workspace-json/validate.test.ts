import { describe, expect, it } from 'vitest';
import {
  WorkspaceJsonError,
  parseWorkspaceJson,
  validateWorkspaceJson,
  type WorkspaceJson,
} from '../../../../src/core/workspace-json';

/** A small valid document; each test breaks one thing in a copy. */
function valid(): WorkspaceJson {
  return {
    format: 'groundwork-workspace',
    version: 2,
    exportedAt: '2027-01-04T09:00:00.000Z',
    organisation: { name: 'Acme' },
    settings: { fiscalYearStartMonth: 4, currency: 'EUR' },
    capabilities: [
      { id: 'warehouse', name: 'Warehouse', layer: 'move_store', description: '', currentMaturity: 1, targetMaturity: 3, owner: '', tools: '', notes: '', fromCatalog: true },
    ],
    roles: [
      { id: 'de', name: 'Data engineer', description: '', builds: ['move_store'], prerequisites: [], needsFoundations: false, fromCatalog: false },
      {
        id: 'ds',
        name: 'Data scientist',
        description: '',
        builds: ['learn_optimize'],
        // A prerequisite may name a deleted capability.
        prerequisites: [{ kind: 'capability', capabilityId: 'gone', minMaturity: 2 }],
        needsFoundations: true,
        fromCatalog: false,
      },
    ],
    people: [
      { id: 'ada', name: 'Ada', roleId: 'de', fte: 1, status: 'on_staff', startDate: '2024-01-01', endDate: null },
      { id: 'bo', name: 'Bo', roleId: 'de', fte: 0.5, status: 'planned', startDate: '2027-03-01', endDate: null },
    ],
    workItems: [
      { id: 'a', title: 'Loads', capabilityId: 'warehouse', fromMaturity: 1, toMaturity: 2, durationWeeks: 4, demand: { de: 1 }, predecessors: [], releaseDate: null, pinnedStart: null, status: 'planned', actualStart: '2027-01-11', actualFinish: null, notes: '' },
      { id: 'b', title: 'Models', capabilityId: null, fromMaturity: null, toMaturity: null, durationWeeks: 2, demand: {}, predecessors: ['a'], releaseDate: '2027-02-01', pinnedStart: null, status: 'proposed', actualStart: null, actualFinish: null, notes: '' },
      { id: 'c', title: 'Serving', capabilityId: null, fromMaturity: null, toMaturity: null, durationWeeks: 2, demand: {}, predecessors: ['b'], releaseDate: null, pinnedStart: null, status: 'proposed', actualStart: null, actualFinish: null, notes: '' },
    ],
    scenarios: [
      { id: 'base', name: 'Baseline', isDefault: true, startDate: '2027-01-01', horizonQuarters: 8, targetLayer: 'learn_optimize', targetDate: null, hiringBudgetPerQuarter: null, maxHiresPerQuarter: 2, gateThreshold: 0.75, leadTimeWeeks: 10, rampUpWeeks: null, salaries: { ghost: 1 }, runShare: 0.2, borrowed: [] },
      { id: 'lean', name: 'Lean', isDefault: false, startDate: '2027-01-01', horizonQuarters: 4, targetLayer: 'move_store', targetDate: '2027-12-31', hiringBudgetPerQuarter: 0, maxHiresPerQuarter: 0, gateThreshold: 0.5, leadTimeWeeks: 8, rampUpWeeks: 4, salaries: {}, runShare: 0.3, borrowed: [{ roleId: 'de', fte: 0.5, startDate: null, weeks: 6, note: 'Platform team' }] },
    ],
    history: [{ at: '2027-01-04T09:00:00.000Z', entity: 'person', entityId: 'gone', field: 'deleted', oldValue: 'Gone', newValue: null }],
    baselines: [],
  };
}

/** The same document as version 1 wrote it: without what version 2 added. */
function asV1(): Record<string, unknown> {
  const doc = structuredClone(valid()) as unknown as Record<string, unknown> & { workItems: Record<string, unknown>[]; scenarios: Record<string, unknown>[] };
  delete doc['settings'];
  delete doc['baselines'];
  doc['version'] = 1;
  for (const w of doc.workItems) {
    delete w['actualStart'];
    delete w['actualFinish'];
  }
  for (const s of doc.scenarios) {
    delete s['runShare'];
    delete s['borrowed'];
  }
  return doc;
}

function problemsOf(doc: unknown): readonly string[] {
  const result = validateWorkspaceJson(doc);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const copy = (): Mutable<WorkspaceJson> => structuredClone(valid()) as Mutable<WorkspaceJson>;

describe('validateWorkspaceJson', () => {
  it('accepts a valid document as it is', () => {
    expect(validateWorkspaceJson(valid())).toEqual({ ok: true, value: valid() });
  });

  it('refuses another format or version with that one problem', () => {
    expect(problemsOf([])).toEqual(['(document): must be a JSON object']);
    expect(problemsOf({ ...valid(), format: 'other' })[0]).toMatch(/^format: must be "groundwork-workspace"/);
    expect(problemsOf({ ...valid(), version: 3 })).toEqual([
      'version: 3 is not supported: this Groundwork reads Workspace JSON versions 1 and 2 (the file was written by a newer Groundwork; update to import it)',
    ]);
    expect(problemsOf({ ...valid(), version: '1' })[0]).toMatch(/^version: "1" is not supported/);
  });

  it('reads a version 1 document as version 2, filling in only what version 2 added', () => {
    const result = validateWorkspaceJson(asV1());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const v2 = result.value;
    expect(v2.version).toBe(2);
    expect(v2.settings).toEqual({ fiscalYearStartMonth: 1, currency: '' });
    expect(v2.baselines).toEqual([]);
    expect(v2.workItems.map((w) => [w.actualStart, w.actualFinish])).toEqual([[null, null], [null, null], [null, null]]);
    expect(v2.scenarios.map((s) => [s.runShare, s.borrowed])).toEqual([[0.2, []], [0.2, []]]);
    expect(v2.people).toEqual(valid().people);
    expect(v2.history).toEqual(valid().history);
  });

  it('keeps version 1 strict: a version 2 field in a version 1 document is a problem', () => {
    const doc = asV1() as { scenarios: Record<string, unknown>[] };
    doc.scenarios[0]!['runShare'] = 0.3;
    expect(problemsOf(doc)).toEqual(['scenarios[0]: unknown field "runShare"']);
  });

  it('checks the actual dates and the baselines', () => {
    const doc = copy();
    doc.workItems[0]!.actualFinish = '2027-01-04';
    expect(problemsOf(doc)).toEqual(['workItems[0].actualFinish: 2027-01-04 is before the actual start 2027-01-11']);
  });

  it('names the path of a bad value, a missing field and an unknown field', () => {
    const doc = copy();
    doc.people[1]!.startDate = '2027-02-30';
    const { name: _dropped, ...nameless } = doc.roles[0]!;
    doc.roles[0] = nameless as (typeof doc.roles)[0];
    (doc.capabilities[0] as Record<string, unknown>)['colour'] = 'red';
    doc.scenarios[1]!.gateThreshold = 0;
    expect(problemsOf(doc)).toEqual([
      'capabilities[0]: unknown field "colour"',
      'roles[0].name: required',
      'people[1].startDate: not a date (use YYYY-MM-DD)',
      'scenarios[1].gateThreshold: must be more than 0 and at most 1',
    ]);
  });

  it('reports unknown references', () => {
    const doc = copy();
    doc.people[0]!.roleId = 'ghost';
    doc.workItems[0]!.capabilityId = 'nowhere';
    doc.workItems[0]!.demand = { ml: 1 };
    doc.workItems[1]!.predecessors = ['a', 'zz', 'b', 'a'];
    expect(problemsOf(doc)).toEqual([
      'people[0].roleId: no role "ghost" in roles',
      'workItems[0].capabilityId: no capability "nowhere" in capabilities',
      'workItems[0].demand.ml: no role "ml" in roles',
      'workItems[1].predecessors[1]: no work item "zz" in workItems',
      'workItems[1].predecessors[2]: an item cannot be its own predecessor',
      'workItems[1].predecessors[3]: repeats "a"',
    ]);
  });

  it('names a dependency cycle by titles and ids', () => {
    const doc = copy();
    doc.workItems[0]!.predecessors = ['c'];
    expect(problemsOf(doc)).toEqual([
      'workItems[0].predecessors: dependency cycle "Loads" → "Models" → "Serving" → "Loads" (ids a → b → c → a)',
    ]);
  });

  it('reports duplicate ids and names, and anything but exactly one default scenario', () => {
    const doc = copy();
    doc.people[1]!.id = 'ada';
    doc.roles[1]!.name = 'DATA ENGINEER';
    doc.workItems[2]!.id = 'a';
    doc.scenarios[1]!.isDefault = true;
    expect(problemsOf(doc)).toEqual([
      'roles[1].name: "DATA ENGINEER" is already used by roles[0]',
      'people[1].id: "ada" is already used by people[0]',
      'workItems[2].id: "a" is already used by workItems[0]',
      'scenarios[1].isDefault: a second default scenario (scenarios[0] is already the default)',
    ]);
    const none = copy();
    none.scenarios[0]!.isDefault = false;
    expect(problemsOf(none)).toEqual(['scenarios: no default scenario (exactly one needs "isDefault": true)']);
    expect(problemsOf({ ...valid(), scenarios: [] })).toEqual([
      'scenarios: at least one scenario is needed (exactly one with "isDefault": true)',
    ]);
  });

  it('checks the order of dates and maturities', () => {
    const doc = copy();
    doc.people[0]!.endDate = '2023-12-31';
    doc.workItems[0]!.toMaturity = 1;
    doc.scenarios[1]!.targetDate = '2027-01-01';
    expect(problemsOf(doc)).toEqual([
      'people[0].endDate: 2023-12-31 is before the start date 2024-01-01',
      'workItems[0].toMaturity: must be higher than fromMaturity (1)',
      'scenarios[1].targetDate: 2027-01-01 must be after the start date 2027-01-01',
    ]);
  });

  it('parseWorkspaceJson throws the problems, showing the first ten', () => {
    const doc = copy();
    doc.people = Array.from({ length: 12 }, (_, i) => ({ ...valid().people[0]!, id: `p${i}`, roleId: 'ghost' }));
    let caught: unknown;
    try {
      parseWorkspaceJson(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkspaceJsonError);
    const error = caught as WorkspaceJsonError;
    expect(error.problems).toHaveLength(12);
    expect(error.message.split('\n')).toHaveLength(12);
    expect(error.message).toMatch(/12 problems[\s\S]*people\[9\][\s\S]*… and 2 more$/);
  });
});
