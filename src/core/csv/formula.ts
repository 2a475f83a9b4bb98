/**
 * CSV injection ("formula injection", OWASP): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|…`), and some also after a tab or carriage
 * return. A cell of ours starting with one of them gets a leading apostrophe, which spreadsheets
 * show as text and do not display. The exported numbers are never negative, so no number is
 * changed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
