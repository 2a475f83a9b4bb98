import { quarterOf, type MonthNumber } from '../domain/calendar';

/**
 * The name a baseline gets when the lead does not give one: the quarter of its status date, as the
 * workspace counts quarters, and what it is ("2027-Q1 plan as approved"). A name already taken
 * (ignoring case, as the storage compares them) gets the next free number: "… (2)".
 */
export function defaultBaselineName(asOf: string, fiscalStartMonth: MonthNumber, taken: readonly string[] = []): string {
  const base = `${quarterOf(asOf, fiscalStartMonth).label} plan as approved`;
  const used = new Set(taken.map((name) => name.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}
