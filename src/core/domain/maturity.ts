/** Capability maturity, 0–4, read the same way for every capability. */
export const MATURITY_LEVELS = [0, 1, 2, 3, 4] as const;
export type Maturity = (typeof MATURITY_LEVELS)[number];

export interface MaturityLevel {
  readonly level: Maturity;
  readonly name: string;
  /** One line a lead can hold a capability against. */
  readonly rubric: string;
}

export const MATURITY_RUBRIC: readonly MaturityLevel[] = [
  { level: 0, name: 'None', rubric: 'Does not exist; the need is unmet or met by hand each time it arises.' },
  { level: 1, name: 'Ad hoc', rubric: 'Exists in one place, built by one person, breaks silently and is undocumented.' },
  { level: 2, name: 'Repeatable', rubric: 'Runs the same way every time, with documentation and basic retries or checks.' },
  { level: 3, name: 'Managed', rubric: 'Owned, monitored and alerting; failures are noticed and fixed within agreed times.' },
  { level: 4, name: 'Optimised', rubric: 'Self-service for other teams, measured, and improved continuously.' },
];

export function isMaturity(value: unknown): value is Maturity {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4;
}
