import { planStartFor, type MonthNumber } from './calendar';
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
  /** Placed by hand: starts exactly in the week of this date. */
  readonly pinnedStart: string | null;
  readonly status: WorkItemStatus;
  /** When the work really started (set when it goes in progress; editable). */
  readonly actualStart: string | null;
  /** When it really finished (set when it is marked done; editable). */
  readonly actualFinish: string | null;
  readonly notes: string;
}

/**
 * People lent to the team for a while, e.g. half a software engineer from a product team for six
 * weeks to instrument checkout. The planner counts them as capacity of `roleId`.
 */
export interface BorrowedCapacity {
  readonly roleId: string;
  /** Full-time equivalents, e.g. 0.5. */
  readonly fte: number;
  /** First day (null: the plan's status date). */
  readonly startDate: string | null;
  readonly weeks: number;
  /** Where they come from, e.g. "Checkout squad". */
  readonly note: string;
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
  /**
   * Share of everyone's time kept for run work (on-call, support, ad-hoc requests, maintenance),
   * in [0, 0.9]. Roadmap work takes longer by 1 / (1 − share): planning 100 % of people's time on
   * the roadmap is a classic reason plans slip.
   */
  readonly runShare: number;
  readonly borrowed: readonly BorrowedCapacity[];
}

/** Most data teams keep 20–40 % of their time for run work; 20 % is the optimistic end. */
export const DEFAULT_RUN_SHARE = 0.2;

export { planStartFor };

/**
 * The scenario every workspace starts with: two years from the next quarter, aiming at Learn/Optimize
 * (experimentation and first models) by the end, at most two hires a quarter, a layer counting as
 * ready at 75 %, ten weeks from requisition to first day, and the catalog's ramp-up per role.
 */
export function defaultScenario(today: string, id = 'default', fiscalStartMonth: MonthNumber = 1): Scenario {
  return {
    id,
    name: 'Baseline',
    isDefault: true,
    startDate: planStartFor(today, fiscalStartMonth),
    horizonQuarters: 8,
    targetLayer: 'learn_optimize',
    targetDate: null,
    hiringBudgetPerQuarter: null,
    maxHiresPerQuarter: 2,
    gateThreshold: 0.75,
    leadTimeWeeks: 10,
    rampUpWeeks: null,
    salaries: {},
    runShare: DEFAULT_RUN_SHARE,
    borrowed: [],
  };
}
