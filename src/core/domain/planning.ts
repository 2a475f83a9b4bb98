import type { LayerId } from './layers';
import type { Maturity } from './maturity';

export const WORK_ITEM_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'dropped'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export const WORK_ITEM_STATUS_LABELS: Record<WorkItemStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/**
 * A piece of work a lead plans: usually raising one capability from one maturity to the next.
 * Dates rather than weeks are stored, so that an item means the same in every scenario (each
 * scenario has its own start date; week 0 is that date).
 */
export interface WorkItem {
  readonly id: string;
  readonly title: string;
  /** The capability it raises; null for work that raises none (e.g. a migration). */
  readonly capabilityId: string | null;
  readonly fromMaturity: Maturity | null;
  readonly toMaturity: Maturity | null;
  readonly durationWeeks: number;
  /** Role id → people (whole numbers) held for the whole duration. */
  readonly demand: Readonly<Record<string, number>>;
  /** Work item ids that must finish before this one starts. */
  readonly predecessors: readonly string[];
  /** Not before this date (`YYYY-MM-DD`). */
  readonly releaseDate: string | null;
  /** Placed by hand (or in progress since): starts exactly in the week of this date. */
  readonly pinnedStart: string | null;
  readonly status: WorkItemStatus;
  readonly notes: string;
}

/** A named set of planning parameters. Several per workspace; one is the default. */
export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly isDefault: boolean;
  /** Week 0 of the plan. */
  readonly startDate: string;
  readonly horizonQuarters: number;
  /** The layer the organisation wants to reach… */
  readonly targetLayer: LayerId;
  /** …by this date (null: by the end of the horizon). */
  readonly targetDate: string | null;
  /**
   * Largest sum of annual salaries of hires starting in one quarter (null: no limit). Roles
   * without a salary cost nothing against it, but a budget of 0 allows no new hire at all.
   */
  readonly hiringBudgetPerQuarter: number | null;
  readonly maxHiresPerQuarter: number;
  /** Readiness a layer must reach before the work of the layer above starts, in [0, 1]. */
  readonly gateThreshold: number;
  /** Weeks from opening a requisition to the hire's first day. */
  readonly leadTimeWeeks: number;
  /** Weeks from first day to productive; null: each role's catalog ramp-up. */
  readonly rampUpWeeks: number | null;
  /** Annual salary per role id (optional). */
  readonly salaries: Readonly<Record<string, number>>;
}

/**
 * Where a new plan starts: the first day of the current calendar quarter during its first two
 * weeks, else of the next one. Quarterly roadmaps are made at quarter boundaries, and a start on
 * a quarter's first day makes the plan's 13-week quarters line up with calendar quarters.
 */
export function planStartFor(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const daysIn = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, quarterStartMonth - 1, 1)) / 86_400_000);
  if (daysIn < 14) return `${year}-${String(quarterStartMonth).padStart(2, '0')}-01`;
  const next = quarterStartMonth + 3;
  return next > 12 ? `${year + 1}-01-01` : `${year}-${String(next).padStart(2, '0')}-01`;
}

/**
 * The scenario every workspace starts with: two years from the next quarter, aiming at Learn/Optimize
 * (experimentation and first models) by the end, at most two hires a quarter, a layer counting as
 * ready at 75 %, ten weeks from requisition to first day, and the catalog's ramp-up per role.
 */
export function defaultScenario(today: string, id = 'default'): Scenario {
  return {
    id,
    name: 'Baseline',
    isDefault: true,
    startDate: planStartFor(today),
    horizonQuarters: 8,
    targetLayer: 'learn_optimize',
    targetDate: null,
    hiringBudgetPerQuarter: null,
    maxHiresPerQuarter: 2,
    gateThreshold: 0.75,
    leadTimeWeeks: 10,
    rampUpWeeks: null,
    salaries: {},
  };
}
