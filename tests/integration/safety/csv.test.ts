import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventoryTable, headcountTable } from '../../../src/core/csv';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { applyCsvImport, CsvError, parseCsv, previewCsvImport, StorageError, tableToCsv } from '../../../src/storage';
import { everything, open, tempDir } from '../storage/helpers';

function demo() {
  const ws = open(join(tempDir(), 'csv.groundwork'));
  ws.seed(buildDemoOrganisation('2026-11-27'));
  return ws;
}

describe('parseCsv', () => {
  it('reads CRLF, quoted separators, doubled quotes and line breaks in fields', () => {
    const parsed = parseCsv(Buffer.from('Name,Role\r\n"Berg, ""Jonas""\nthe second",Data analyst\r\n'));
    expect(parsed.headers).toEqual(['Name', 'Role']);
    expect(parsed.records).toEqual([['Berg, "Jonas"\nthe second', 'Data analyst']]);
  });

  it('refuses an unbalanced quote, an empty file, too many rows and too many columns, before building them all', () => {
    expect(() => parseCsv(Buffer.from('Name\r\n"Ada\r\n'))).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => parseCsv(Buffer.from(''))).toThrow(expect.objectContaining({ code: 'empty' }));
    expect(() => parseCsv(Buffer.from('Name\r\n' + 'x\r\n'.repeat(5_001)))).toThrow(expect.objectContaining({ code: 'too-many-rows' }));
    expect(() => parseCsv(Buffer.from(`${'c,'.repeat(70)}c\r\n`))).toThrow(expect.objectContaining({ code: 'too-many-columns' }));
    expect(() => parseCsv(Buffer.alloc(9 * 1024 * 1024, 0x41))).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});

describe('CSV import into a workspace', () => {
  it('previews without writing, then imports every row in one transaction', () => {
    const ws = demo();
    const before = everything(ws);
    const bytes = Buffer.from('Name;Role;FTE;Start date\r\nAda;Data engineer;50%;2027-01-04\r\nBob;Data analyst;1;\r\n');
    const preview = previewCsvImport(ws, 'people', bytes);
    expect(preview.counts).toMatchObject({ add: 2, invalid: 0 });
    expect(everything(ws)).toEqual(before);
    expect(applyCsvImport(ws, 'people', bytes)).toMatchObject({ created: 2, updated: 0 });
    expect(ws.listPeople().map((p) => p.name)).toEqual([...before.people.map((p) => p.name), 'Ada', 'Bob']);
  });

  it('writes nothing when one row has a problem, and says which row and column', () => {
    const ws = demo();
    const before = everything(ws);
    let caught: unknown;
    try {
      applyCsvImport(ws, 'people', Buffer.from('Name,Role,Start date\r\nAda,Data engineer,2027-01-04\r\nBob,Data analyst,2027-02-30\r\n'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvError);
    expect((caught as CsvError).problems).toEqual(['row 3, column "Start date": 2027-02-30 is not a calendar date']);
    expect(everything(ws)).toEqual(before);
  });

  it('is one transaction: a row the storage refuses rolls back the rows before it, and the error names the row', () => {
    const ws = demo();
    const before = everything(ws);
    let caught: unknown;
    try {
      ws.importRows([
        { row: 2, kind: 'person-create', input: { name: 'Ada', roleId: 'data-engineer', fte: 1, status: 'on_staff' } },
        { row: 3, kind: 'capability-create', input: { name: 'Feature store', layer: 'aggregate_label', currentMaturity: 0, targetMaturity: 2 } },
        { row: 4, kind: 'person-create', input: { name: 'Bob', roleId: 'no-such-role', fte: 1, status: 'on_staff' } },
      ]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorageError);
    expect((caught as StorageError).message).toMatch(/^row 4: /);
    expect((caught as StorageError).field).toBe('roleId');
    expect(everything(ws)).toEqual(before);
  });

  it('exports the inventory and headcount so that importing them back changes nothing', () => {
    const ws = demo();
    for (const [kind, table] of [
      ['capabilities', inventoryTable(ws.listCapabilities())],
      ['people', headcountTable(ws.listPeople(), ws.listRoles())],
    ] as const) {
      const preview = previewCsvImport(ws, kind, Buffer.from(tableToCsv(table), 'utf8'));
      expect(preview.encoding).toBe('utf-8 (with BOM)');
      expect(preview.counts).toMatchObject({ add: 0, update: 0, invalid: 0, unchanged: table.rows.length });
    }
  });

  it('export neutralises formulas and quotes what needs quoting', () => {
    const text = tableToCsv({ header: ['Name', 'Notes'], rows: [['=1+1', 'a, "b"\nc'], ['@x', ' pad ']] });
    expect(text).toBe('\ufeffName,Notes\r\n\'=1+1,"a, ""b""\nc"\r\n\'@x," pad "\r\n');
  });

});
