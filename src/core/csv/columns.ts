import { LIMITS, loneSurrogateAt, quoteForMessage } from '../input/limits';

/** A header as compared: lower case, letters and digits only (`Start date` → `startdate`). */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface FieldSpec<F extends string> {
  readonly field: F;
  /** What the column is called in the preview. */
  readonly label: string;
  /** Header spellings it is recognised by (normalised). */
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export interface ColumnMapping<F extends string> {
  /** 0-based position in the file. */
  readonly index: number;
  readonly header: string;
  /** The field it fills, or null when it is not imported. */
  readonly field: F | null;
}

/**
 * Maps a header row to fields by name (ignoring case, spaces and punctuation; each field has its
 * aliases). `overrides` (header position → field or null) lets the user change the guess.
 * Returns the mapping and the problems that stop an import: a required field without a column,
 * two columns for one field.
 */
export function mapColumns<F extends string>(
  headers: readonly string[],
  specs: readonly FieldSpec<F>[],
  overrides: ReadonlyMap<number, F | null> = new Map(),
): { columns: ColumnMapping<F>[]; problems: string[] } {
  const byAlias = new Map<string, F>();
  for (const spec of specs) for (const alias of spec.aliases) byAlias.set(alias, spec.field);
  const columns = headers.map((header, index) => ({
    index,
    header,
    field: overrides.has(index) ? (overrides.get(index) ?? null) : (byAlias.get(normaliseHeader(header)) ?? null),
  }));
  const problems: string[] = [];
  for (const spec of specs) {
    const using = columns.filter((c) => c.field === spec.field);
    if (using.length === 0 && spec.required) problems.push(`no column for "${spec.label}" (name one of the columns ${spec.aliases.slice(0, 3).map((a) => `"${a}"`).join(', ')}…)`);
    if (using.length > 1) problems.push(`"${spec.label}" comes from ${using.length} columns (${using.map((c) => quoteForMessage(c.header, 40)).join(', ')}); keep one`);
  }
  return { columns, problems };
}

/** A problem with one cell, as the preview shows it: spreadsheet row number (the header is row 1) and column header. */
export interface CellProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export function cellProblemText(problem: CellProblem): string {
  return `row ${problem.row}, column ${quoteForMessage(problem.column, 40)}: ${problem.message}`;
}

/** Checks a cell's text against the input limits; returns a problem or null. */
export function cellTextProblem(text: string, max: number = LIMITS.stringChars): string | null {
  if (text.length > max) return `${text.length.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')}`;
  if (loneSurrogateAt(text) >= 0) return 'not valid Unicode text';
  return null;
}
