import { resolve } from 'node:path';
import { CAPABILITY_FIELDS, cellProblemText, CSV_KINDS, PEOPLE_FIELDS, type CsvKind } from '../../core/csv';
import { LIMITS } from '../../core/input/limits';
import { applyCsvImport, backupFolderFor, createBackup, CsvError, openWorkspace, openWorkspaceReadOnly, previewCsvImport, readInputFile, type CsvImportPreview, type WritableWorkspace } from '../../storage';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';

const USAGE = 'groundwork import-csv people|capabilities FILE --into WORKSPACE [--dry-run]';

/** The preview as text: encoding, columns, counts, and every problem with its row and column. */
export function formatPreview(name: string, preview: CsvImportPreview): string {
  const specs: readonly { field: string; label: string }[] = preview.kind === 'people' ? PEOPLE_FIELDS : CAPABILITY_FIELDS;
  const label = (field: string | null) => (field === null ? '(not imported)' : (specs.find((s) => s.field === field)?.label ?? field));
  const c = preview.counts;
  const lines = [
    `${name}: ${preview.encoding}, delimiter "${preview.delimiter}", ${preview.rows.length} data row${preview.rows.length === 1 ? '' : 's'}: ` +
      `${c.add} to add, ${c.update} to update, ${c.unchanged} unchanged, ${c.skip} blank, ${c.invalid} with problems`,
    `Columns: ${preview.columns.map((col) => `${JSON.stringify(col.header)} → ${label(col.field)}`).join(', ')}`,
  ];
  for (const problem of preview.fileProblems) lines.push(`${name}: ${problem}`);
  for (const row of preview.rows) for (const problem of row.problems) lines.push(`${name}: ${cellProblemText(problem)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `groundwork import-csv`: people or capabilities from a spreadsheet's CSV into a workspace. The
 * whole file is checked first; with any problem nothing is written (exit 2, every problem with
 * its row and column). Otherwise the workspace is backed up, then every row is written in one
 * transaction. `--dry-run` only shows what would happen.
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { into: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    { min: 2, max: 2, usage: USAGE },
  );
  const kind = positionals[0] as string;
  if (!(CSV_KINDS as readonly string[]).includes(kind)) throw new CliError(`the first argument must be ${CSV_KINDS.join(' or ')}, got "${kind.slice(0, 40)}" (usage: ${USAGE})`);
  if (!values.into) throw new CliError(`--into WORKSPACE is required (usage: ${USAGE})`);
  const file = positionals[1] as string;
  const bytes = readInputFile(file, LIMITS.csvBytes, 'CSV file');
  const target = resolve(values.into);
  const dryRun = values['dry-run'];
  // A dry run opens read-only: it must not create side files or take a write lock.
  const writable: WritableWorkspace | null = dryRun ? null : openWorkspace(target, { create: false });
  const workspace = writable ?? openWorkspaceReadOnly(target);
  try {
    let preview: CsvImportPreview;
    try {
      preview = previewCsvImport(workspace, kind as CsvKind, bytes);
    } catch (error) {
      if (error instanceof CsvError) throw new CliError(`${file}: ${error.message}; nothing was written`);
      throw error;
    }
    io.stdout(formatPreview(file, preview));
    if (preview.fileProblems.length > 0 || preview.counts.invalid > 0) {
      io.stderr(`groundwork import-csv: ${file} has problems; nothing was written\n`);
      return 2;
    }
    if (writable === null) return 0;
    const backup = await createBackup(workspace, 'csv-import', { folder: backupFolderFor(target), skipIfUnchanged: false });
    const result = applyCsvImport(writable, kind as CsvKind, bytes);
    io.stdout(`Imported into ${target}: ${result.created} added, ${result.updated} updated (backup before the import: ${backup?.path ?? 'none'})\n`);
    return 0;
  } finally {
    workspace.close();
  }
}
