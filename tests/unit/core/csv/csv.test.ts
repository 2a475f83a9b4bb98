import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectDelimiter, neutraliseFormula, previewCapabilities, previewPeople } from '../../../../src/core/csv';
import { buildDemoOrganisation } from '../../../../src/core/domain/demo';
import type { Capability, Person, Role } from '../../../../src/core/domain/types';

const demo = buildDemoOrganisation('2026-11-27');
const roles = demo.roles.map((r) => ({ ...r, id: r.id ?? r.name })) as unknown as Role[];
const people = demo.people.map((p, i) => ({ ...p, id: p.id ?? `p${i}`, startDate: p.startDate ?? null, endDate: p.endDate ?? null })) as unknown as Person[];
const capabilities = demo.capabilities.map((c) => ({ ...c, id: c.id ?? c.name, description: '', owner: '', tools: '', notes: '', fromCatalog: true })) as unknown as Capability[];

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM, and falls back to Windows-1252', () => {
    expect(decodeCsvBytes(Buffer.from('\ufeffZoë', 'utf8'))).toEqual({ text: 'Zoë', encoding: 'utf-8 (with BOM)' });
    expect(decodeCsvBytes(Buffer.from('Zoë', 'utf8'))).toEqual({ text: 'Zoë', encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë', 'utf16le')]))).toEqual({ text: 'Zoë', encoding: 'utf-16le (with BOM)' });
    // 0x80 is € in Windows-1252 (not in Latin-1).
    expect(decodeCsvBytes(Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x80]))).toEqual({ text: 'Zoë €', encoding: 'windows-1252' });
  });

  it('detects the separator from the header row, ignoring quoted ones', () => {
    expect(detectDelimiter('Name;Role;FTE\r\nA,B;C;1')).toBe(';');
    expect(detectDelimiter('"a;b;c",Role\n')).toBe(',');
    expect(detectDelimiter('Name\tRole\n')).toBe('\t');
  });
});

describe('neutraliseFormula', () => {
  it('prefixes the cells a spreadsheet would run, and nothing else', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Warehouse', '0.5', '', ' =1']) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('previewPeople', () => {
  it('maps headers by name and alias, adds and updates, and names each problem by row and column', () => {
    const existing = people[0] as Person;
    const preview = previewPeople(
      ['Full name', 'Position', 'FTE', 'Status', 'Start', 'Id', 'Salary'],
      [
        ['Ada Lovelace', 'data engineer', '50%', 'open requisition', '2027-01-04', '', '90000'],
        ['', '', '0,8', '', '', existing.id, ''],
        ['Bob', 'Wizard', '2', 'retired', '2027-02-30', '', ''],
        ['', '', '', '', '', '', ''],
      ],
      { roles, people },
    );
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'role', 'fte', 'status', 'startDate', 'id', null]);
    expect(preview.rows[0]).toMatchObject({ row: 2, action: 'add', values: { name: 'Ada Lovelace', fte: 0.5, status: 'open_req', startDate: '2027-01-04' }, problems: [] });
    expect(preview.rows[1]).toMatchObject({ row: 3, action: 'update', targetId: existing.id, values: { name: existing.name, fte: 0.8 } });
    expect(preview.rows[2]?.problems.map((p) => `${p.row} ${p.column}`)).toEqual(['4 Position', '4 FTE', '4 Status', '4 Start']);
    expect(preview.rows[3]).toMatchObject({ row: 5, action: 'skip' });
    expect(preview.counts).toEqual({ add: 1, update: 1, unchanged: 0, skip: 1, invalid: 1 });
  });

  it('reports a missing required column and a field mapped twice as problems of the file', () => {
    expect(previewPeople(['Who', 'Role'], [], { roles, people }).fileProblems).toEqual([expect.stringContaining('no column for "Name"')]);
    expect(previewPeople(['Name', 'Full name', 'Role'], [], { roles, people }).fileProblems).toEqual([expect.stringContaining('"Name" comes from 2 columns')]);
  });

  it('lets the user map a column by hand', () => {
    const preview = previewPeople(['Who', 'Job'], [['Ada', 'Data engineer']], { roles, people }, new Map([[0, 'name'], [1, 'role']]));
    expect(preview.fileProblems).toEqual([]);
    expect(preview.rows[0]?.action).toBe('add');
  });

  it('refuses reserved and repeated ids', () => {
    const preview = previewPeople(['Id', 'Name', 'Role'], [['__proto__', 'A', 'Data engineer'], ['x', 'B', 'Data engineer'], ['x', 'C', 'Data engineer']], { roles, people });
    expect(preview.rows.map((r) => r.problems.map((p) => p.message))).toEqual([['"__proto__" is not allowed as an id'], [], ['"x" is already used by row 3']]);
  });
});

describe('previewCapabilities', () => {
  it('matches existing capabilities by name ignoring case, reads maturity names, and refuses out-of-range values', () => {
    const existing = capabilities[0] as Capability;
    const preview = previewCapabilities(
      ['Name', 'Layer', 'Current maturity', 'Target maturity'],
      [
        [existing.name.toUpperCase(), '', 'managed', '4'],
        ['Feature store', 'Aggregate/Label', 'none', 'repeatable'],
        ['Bad', 'Basement', '-1', '5'],
        ['New without layer', '', '0', '2'],
      ],
      { capabilities },
    );
    expect(preview.rows[0]).toMatchObject({ action: 'update', targetId: existing.id, values: { currentMaturity: 3, targetMaturity: 4, layer: existing.layer } });
    expect(preview.rows[1]).toMatchObject({ action: 'add', values: { layer: 'aggregate_label', currentMaturity: 0, targetMaturity: 2 } });
    expect(preview.rows[2]?.problems.map((p) => p.column)).toEqual(['Layer', 'Current maturity', 'Target maturity']);
    expect(preview.rows[3]?.problems.map((p) => p.message)).toEqual(['required for a new capability']);
  });
});
