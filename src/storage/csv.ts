import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  cellProblemText,
  decodeCsvBytes,
  detectDelimiter,
  neutraliseFormula,
  previewCapabilities,
  previewPeople,
  type CapabilityField,
  type CapabilityValues,
  type CsvEncoding,
  type CsvKind,
  type ImportPreview,
  type PeopleField,
  type PersonValues,
  type Table,
} from '../core/csv';
import { LIMITS, ROWS } from '../core/input/limits';
import { formatSize } from './input-file';
import type { ImportRow, ReadableWorkspace, WritableWorkspace } from './workspace';

export type CsvErrorCode = 'too-large' | 'too-many-rows' | 'too-many-columns' | 'malformed' | 'empty' | 'invalid';

/** A CSV file that cannot be imported; nothing was written. `problems` lists what is wrong (row and column). */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    readonly code: CsvErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}:\n${problems.slice(0, 10).join('\n')}${problems.length > 10 ? `\n… and ${problems.length - 10} more` : ''}` : message);
  }
}

export interface ParsedCsv {
  readonly encoding: CsvEncoding;
  readonly delimiter: ',' | ';' | '\t';
  readonly headers: readonly string[];
  /** Data rows (the header row excluded), as text cells. */
  readonly records: readonly (readonly string[])[];
}

/**
 * Reads a CSV file's bytes with csv-parse: UTF-8 with or without BOM, UTF-16 with BOM or
 * Windows-1252 (decodeCsvBytes), `,` `;` or tab (detectDelimiter), CRLF or LF, quoted fields with
 * doubled quotes and line breaks. The size, row and column limits (LIMITS) are checked before and
 * while parsing, never after building everything.
 */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  if (bytes.length > LIMITS.csvBytes) {
    throw new CsvError('too-large', `the file is ${formatSize(bytes.length)}; a CSV import may be at most ${formatSize(LIMITS.csvBytes)}`);
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  let all: string[][];
  try {
    all = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // One more than allowed, to tell "too many" from "exactly the limit".
      to: LIMITS.csvRows + 2,
      max_record_size: LIMITS.stringChars * 4,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
    throw new CsvError('malformed', `the file is not valid CSV (${message})`);
  }
  // A final line break leaves one empty record.
  while (all.length > 0 && (all.at(-1) as string[]).every((cell) => cell === '')) all.pop();
  const [headers, ...records] = all;
  if (headers === undefined || headers.every((h) => h.trim() === '')) throw new CsvError('empty', 'the file has no header row');
  if (records.length > LIMITS.csvRows) {
    throw new CsvError('too-many-rows', `the file has more than ${LIMITS.csvRows.toLocaleString('en-US')} data rows, the most one import takes`);
  }
  const widest = Math.max(headers.length, ...records.map((r) => r.length));
  if (widest > LIMITS.csvColumns) throw new CsvError('too-many-columns', `a row has ${widest} columns; at most ${LIMITS.csvColumns} are read`);
  return { encoding, delimiter, headers: headers.map((h) => h.trim()), records };
}

export type CsvImportPreview = (ImportPreview<PeopleField, PersonValues> | ImportPreview<CapabilityField, CapabilityValues>) & {
  readonly encoding: CsvEncoding;
  readonly delimiter: string;
};

/** Column position → field (or null: not imported), chosen by the user over the guess from the headers. */
export type ColumnOverrides = ReadonlyMap<number, string | null>;

/** What importing `bytes` would do to `workspace`, row by row. Writes nothing. */
export function previewCsvImport(workspace: ReadableWorkspace, kind: CsvKind, bytes: Uint8Array, overrides?: ColumnOverrides): CsvImportPreview {
  const parsed = parseCsv(bytes);
  const base =
    kind === 'people'
      ? previewPeople(parsed.headers, parsed.records, { roles: workspace.listRoles(), people: workspace.listPeople() }, overrides as ReadonlyMap<number, PeopleField | null> | undefined)
      : previewCapabilities(parsed.headers, parsed.records, { capabilities: workspace.listCapabilities() }, overrides as ReadonlyMap<number, CapabilityField | null> | undefined);
  const existing = kind === 'people' ? workspace.listPeople().length : workspace.listCapabilities().length;
  const limit = ROWS[kind] ?? Number.POSITIVE_INFINITY;
  const fileProblems =
    existing + base.counts.add > limit
      ? [...base.fileProblems, `a workspace holds at most ${limit.toLocaleString('en-US')} ${kind}; this one has ${existing} and the file adds ${base.counts.add}`]
      : base.fileProblems;
  return { ...base, fileProblems, encoding: parsed.encoding, delimiter: parsed.delimiter === '\t' ? 'tab' : parsed.delimiter };
}

/**
 * Imports `bytes` into `workspace`: the same preview, and only when no row has a problem, every
 * row written in one transaction. Otherwise CsvError 'invalid' with the problems (row and
 * column), and nothing is written.
 */
export function applyCsvImport(
  workspace: WritableWorkspace,
  kind: CsvKind,
  bytes: Uint8Array,
  overrides?: ColumnOverrides,
): { created: number; updated: number; preview: CsvImportPreview } {
  const preview = previewCsvImport(workspace, kind, bytes, overrides);
  const problems = [...preview.fileProblems, ...preview.rows.flatMap((r) => r.problems.map(cellProblemText))];
  if (problems.length > 0) throw new CsvError('invalid', `nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  const rows: ImportRow[] = [];
  for (const row of preview.rows) {
    if (row.action === 'skip' || row.action === 'unchanged' || row.values === null) continue;
    if (preview.kind === 'people') {
      const v = row.values as PersonValues;
      const fields = { name: v.name, roleId: v.roleId, fte: v.fte, status: v.status, startDate: v.startDate, endDate: v.endDate };
      rows.push(row.action === 'update' && row.targetId !== null ? { row: row.row, kind: 'person-update', id: row.targetId, patch: fields } : { row: row.row, kind: 'person-create', input: { ...(v.id === undefined ? {} : { id: v.id }), ...fields } });
    } else {
      const v = row.values as CapabilityValues;
      const fields = {
        name: v.name,
        layer: v.layer,
        currentMaturity: v.currentMaturity,
        targetMaturity: v.targetMaturity,
        owner: v.owner,
        tools: v.tools,
        description: v.description,
        notes: v.notes,
      };
      rows.push(
        row.action === 'update' && row.targetId !== null
          ? { row: row.row, kind: 'capability-update', id: row.targetId, patch: fields }
          : { row: row.row, kind: 'capability-create', input: { ...(v.id === undefined ? {} : { id: v.id }), ...fields } },
      );
    }
  }
  const { created, updated } = workspace.importRows(rows);
  return { created, updated, preview };
}

/**
 * A table as CSV text for spreadsheets: UTF-8 with a BOM (so Excel does not read it as
 * Windows-1252), CRLF line ends, quotes where needed, and every cell that a spreadsheet would
 * run as a formula neutralised (neutraliseFormula).
 */
export function tableToCsv(table: Table): string {
  const rows = [table.header, ...table.rows].map((row) => row.map(neutraliseFormula));
  return stringify(rows, { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}

