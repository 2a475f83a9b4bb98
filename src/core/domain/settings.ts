import { isMonthNumber, type MonthNumber } from './calendar';

/** Workspace-wide settings that change how dates and amounts read everywhere (app, CLI, JSON, PDF). */
export interface WorkspaceSettings {
  /** Month the fiscal year starts in; 1 = calendar quarters. */
  readonly fiscalYearStartMonth: MonthNumber;
  /** ISO 4217 code of the currency salaries and budgets are in (e.g. `EUR`); '' when not set. */
  readonly currency: string;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { fiscalYearStartMonth: 1, currency: '' };

/** Three capital letters, as ISO 4217 writes currency codes; '' for none. */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || /^[A-Z]{3}$/.test(value));
}

export function isWorkspaceSettings(value: unknown): value is WorkspaceSettings {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isMonthNumber(v['fiscalYearStartMonth']) && isCurrencyCode(v['currency']);
}
