/** CSV import (people, capabilities) and export (every table the app shows): the pure part. */
export { decodeCsvBytes, detectDelimiter, type CsvEncoding } from './decode';
export { neutraliseFormula } from './formula';
export { cellProblemText, mapColumns, normaliseHeader, type CellProblem, type ColumnMapping, type FieldSpec } from './columns';
export {
  CAPABILITY_FIELDS,
  CSV_KINDS,
  PEOPLE_FIELDS,
  previewCapabilities,
  previewPeople,
  type CapabilityField,
  type CapabilityValues,
  type CsvField,
  type CsvKind,
  type ImportPreview,
  type PeopleField,
  type PersonValues,
  type RowPreview,
} from './rows';
export { comparisonTable, CSV_TABLE_LABELS, CSV_TABLES, headcountTable, hiringTable, inventoryTable, roadmapTable, type CsvTable, type Table } from './tables';
