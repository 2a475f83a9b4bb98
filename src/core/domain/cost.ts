import { daysBetween, type Quarter } from './calendar';

/*
 * Hire cost, in one place. Two different questions, two names:
 * - the hiring budget of a quarter counts the *annual salaries* of the hires starting in it (the
 *   run-rate a quarter's hiring adds), whether proposed by the plan or already open/planned;
 * - the *spend* of a quarter is what those hires cost in it: each salary pro rata for the days
 *   from the hire's first day (or the quarter's first day) to the quarter's last day.
 * The planner, the app's comparison, the CSV export and the PDF all call these.
 */

/** A hire as cost sees it: when the person starts and what they earn a year (null: no salary given). */
export interface CostedHire {
  readonly startDate: string;
  readonly annualSalary: number | null;
}

/** Annual salaries of the hires that start within the quarter: what the quarter's hiring budget limits. */
export function budgetCounted(hires: readonly CostedHire[], quarter: Pick<Quarter, 'firstDay' | 'lastDay'>): number {
  let sum = 0;
  for (const h of hires) if (h.startDate >= quarter.firstDay && h.startDate <= quarter.lastDay) sum += h.annualSalary ?? 0;
  return sum;
}

/** Whether adding `salary` to what the quarter already counts stays within the budget (null: no limit). */
export function withinHiringBudget(counted: number, salary: number | null, budget: number | null): boolean {
  if (budget === null) return true;
  return counted + (salary ?? 0) <= budget;
}

const DAYS_PER_YEAR = 365;

/** What the hires cost within one quarter: each annual salary pro rata for the days they are on the payroll in it. */
export function quarterSpend(hires: readonly CostedHire[], quarter: Pick<Quarter, 'firstDay' | 'lastDay'>): number {
  let sum = 0;
  for (const h of hires) {
    if (h.annualSalary === null || h.startDate > quarter.lastDay) continue;
    const from = h.startDate > quarter.firstDay ? h.startDate : quarter.firstDay;
    const days = daysBetween(from, quarter.lastDay) + 1;
    sum += (h.annualSalary * days) / DAYS_PER_YEAR;
  }
  return sum;
}

export interface SpendRow {
  readonly quarter: string;
  /** Spend in the quarter. */
  readonly spend: number;
  /** Spend from the first quarter through this one. */
  readonly cumulative: number;
}

/** Spend per quarter with its running total; the last row's cumulative is the plan's total. */
export function spendByQuarter(hires: readonly CostedHire[], quarters: readonly Pick<Quarter, 'label' | 'firstDay' | 'lastDay'>[]): SpendRow[] {
  let cumulative = 0;
  return quarters.map((q) => {
    const spend = quarterSpend(hires, q);
    cumulative += spend;
    return { quarter: q.label, spend, cumulative };
  });
}
