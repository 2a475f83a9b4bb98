import { useState, type ChangeEvent } from 'react';
import { CAPABILITY_FIELDS, PEOPLE_FIELDS, type CsvField, type CsvKind } from '../../core/csv';
import { LIMITS } from '../../core/input/limits';
import type { CsvPreview } from '../../shared/contract';
import { call, fileAsBase64, toApiError } from '../api';
import { Modal } from '../components/Modal';
import { useToasts } from '../workspace/toasts';
import { useWorkspace } from '../workspace/WorkspaceProvider';

const SHOWN_ROWS = 200;

const ACTION_LABELS = { add: 'Add', update: 'Update', unchanged: 'No change', skip: 'Blank' } as const;

/** A short text of what a row holds, for the preview table. */
function rowSummary(values: Readonly<Record<string, unknown>> | null): string {
  if (values === null) return '';
  const parts = ['name', 'roleId', 'fte', 'status', 'startDate', 'layer', 'currentMaturity', 'targetMaturity']
    .filter((key) => values[key] !== undefined && values[key] !== null && values[key] !== '')
    .map((key) => String(values[key]));
  return parts.join(' · ');
}

/**
 * File ▸ Import CSV: pick a spreadsheet's CSV, see what each row would do (with every problem by
 * row and column), change which column fills which field, and import — nothing is written before
 * "Import", and then everything in one transaction after a backup.
 */
export function CsvImportDialog({ kind, onClose }: { readonly kind: CsvKind; readonly onClose: () => void }) {
  const { show } = useWorkspace();
  const { notify } = useToasts();
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [columns, setColumns] = useState<(CsvField | null)[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields: readonly { field: CsvField; label: string; required: boolean }[] = kind === 'people' ? PEOPLE_FIELDS : CAPABILITY_FIELDS;
  const what = kind === 'people' ? 'people' : 'capabilities';

  const load = async (next: { name: string; data: string }, mapping: (CsvField | null)[] | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await call('csv.preview', { kind, data: next.data, ...(mapping === undefined ? {} : { columns: mapping }) });
      setPreview(answer);
      setColumns(answer.columns.map((c) => c.field));
    } catch (cause) {
      setPreview(null);
      setError(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > LIMITS.csvBytes) {
      setError(`${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MiB; a CSV import may be at most ${LIMITS.csvBytes / 1024 / 1024} MiB.`);
      setPreview(null);
      return;
    }
    const next = { name: chosen.name, data: await fileAsBase64(chosen) };
    setFile(next);
    await load(next, undefined);
  };

  const remap = (index: number, field: CsvField | null) => {
    if (!file || !columns) return;
    const next = columns.map((f, i) => (i === index ? field : f));
    void load(file, next);
  };

  const importRows = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const answer = await call('csv.import', { kind, data: file.data, ...(columns === undefined ? {} : { columns }) });
      show(answer.snapshot);
      notify(`Imported ${what} from ${file.name}: ${answer.created} added, ${answer.updated} updated. The workspace was backed up first (File ▸ Restore from backup).`);
      onClose();
    } catch (cause) {
      setError(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const problems = preview ? preview.fileProblems.length + preview.counts.invalid : 0;
  const writes = preview ? preview.counts.add + preview.counts.update : 0;
  const problemRows = preview?.rows.filter((r) => r.problems.length > 0) ?? [];

  return (
    <Modal title={`Import ${what} from CSV`} onClose={onClose} className="modal-wide modal-csv" description="Nothing is written until you choose Import; then every row is written at once, after a backup.">
      <div className="field">
        <label htmlFor="csv-file" className="field-label">
          CSV file
        </label>
        <input id="csv-file" type="file" accept=".csv,.txt,text/csv" className="field-input" onChange={(e) => void pick(e)} data-autofocus />
        <p className="field-hint">UTF-8 or Windows-1252, comma, semicolon or tab separated, the first row naming the columns. At most {LIMITS.csvRows.toLocaleString('en-US')} rows.</p>
      </div>
      {error && (
        <p className="inline-alert" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="csv-preview" data-testid="csv-preview">
          <p role="status">
            {file?.name}: {preview.encoding}, separated by “{preview.delimiter}”. {preview.counts.add} to add, {preview.counts.update} to update, {preview.counts.unchanged} unchanged, {preview.counts.skip} blank
            {problems > 0 ? `, ${preview.counts.invalid} with problems` : ''}.
          </p>
          <table className="grid-table csv-columns">
            <caption>Columns</caption>
            <thead>
              <tr>
                <th scope="col">Column in the file</th>
                <th scope="col">Imported as</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column) => (
                <tr key={column.index}>
                  <th scope="row">{column.header || `(column ${column.index + 1})`}</th>
                  <td>
                    <select
                      className="field-input field-select"
                      aria-label={`Import column ${column.header || column.index + 1} as`}
                      value={columns?.[column.index] ?? ''}
                      onChange={(e) => remap(column.index, e.target.value === '' ? null : (e.target.value as CsvField))}
                    >
                      <option value="">Not imported</option>
                      {fields.map((f) => (
                        <option key={f.field} value={f.field}>
                          {f.label}
                          {f.required ? ' (required)' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {(preview.fileProblems.length > 0 || problemRows.length > 0) && (
            <div role="alert" className="csv-problems" data-testid="csv-problems">
              <h3>Problems — fix them in the file and pick it again</h3>
              <ul>
                {preview.fileProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
                {problemRows.slice(0, SHOWN_ROWS).flatMap((row) =>
                  row.problems.map((p, i) => (
                    <li key={`${row.row}-${i}`}>
                      Row {p.row}, column “{p.column}”: {p.message}
                    </li>
                  )),
                )}
              </ul>
            </div>
          )}
          <table className="grid-table csv-rows">
            <caption>
              Rows{preview.rows.length > SHOWN_ROWS ? ` (the first ${SHOWN_ROWS} of ${preview.rows.length})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Action</th>
                <th scope="col">Values</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
                <tr key={row.row} className={row.problems.length > 0 ? 'has-problem' : undefined}>
                  <td>{row.row}</td>
                  <td>{row.problems.length > 0 ? 'Problem' : ACTION_LABELS[row.action]}</td>
                  <td>{rowSummary(row.values as Readonly<Record<string, unknown>> | null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => void importRows()} disabled={!preview || problems > 0 || writes === 0 || busy}>
          {busy ? 'Working…' : `Import ${writes} row${writes === 1 ? '' : 's'}`}
        </button>
      </div>
    </Modal>
  );
}
