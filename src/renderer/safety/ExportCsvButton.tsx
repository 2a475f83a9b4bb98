import { useState } from 'react';
import type { CsvTable } from '../../core/csv';
import { call, toApiError } from '../api';
import { useToasts } from '../workspace/toasts';

interface Props {
  readonly table: CsvTable;
  readonly scenarioId?: string | undefined;
  readonly scenarioIds?: readonly string[] | undefined;
  /** The status date the plan behind the table is made as of (the planning tables; default today). */
  readonly asOf?: string | null | undefined;
  readonly label?: string;
}

/** Saves the table the screen shows as CSV (the main process asks where). */
export function ExportCsvButton({ table, scenarioId, scenarioIds, asOf, label = 'Export CSV…' }: Props) {
  const { notify } = useToasts();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { path } = await call('csv.export', {
        table,
        ...(scenarioId === undefined ? {} : { scenarioId }),
        ...(scenarioIds === undefined ? {} : { scenarioIds: [...scenarioIds] }),
        ...(asOf ? { asOf } : {}),
      });
      if (path) notify(`Saved ${path}`);
    } catch (cause) {
      const error = toApiError(cause);
      notify(error.message, 'error', error.code);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" onClick={() => void run()} disabled={busy} data-testid={`export-csv-${table}`}>
      {busy ? 'Exporting…' : label}
    </button>
  );
}
