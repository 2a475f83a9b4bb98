import { createContext, useContext } from 'react';
import type { CsvKind } from '../../core/csv';

/** What screens can ask the shell for: the CSV import dialog. */
export interface SafetyActions {
  importCsv(kind: CsvKind): void;
}

export const SafetyActionsContext = createContext<SafetyActions>({ importCsv: () => undefined });

export function useSafetyActions(): SafetyActions {
  return useContext(SafetyActionsContext);
}
