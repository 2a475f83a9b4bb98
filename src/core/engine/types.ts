/** A step of a resource's capacity: `units` are available from week `from` on (until the next step). */
export interface CapacityStep {
  readonly from: number;
  readonly units: number;
}

export interface Resource {
  readonly id: string;
  /** A constant number of units, or steps sorted by `from` (0 units before the first step). */
  readonly capacity: number | readonly CapacityStep[];
}

export interface Task {
  readonly id: string;
  /** Whole weeks, ≥ 0. */
  readonly duration: number;
  /** Resource id → units held for the whole duration. */
  readonly demand: Readonly<Record<string, number>>;
  /** Finish-to-start predecessors (task ids). */
  readonly predecessors: readonly string[];
  /** Earliest start week. */
  readonly release?: number;
  /** Fixed start week: in progress, or placed by hand. */
  readonly pin?: number;
  readonly layer?: string;
  readonly title?: string;
}

/** Schedule JSON v1 input (SCHEDULE-JSON.md), after validation. */
export interface Problem {
  readonly version: 1;
  readonly resources: readonly Resource[];
  readonly tasks: readonly Task[];
}

export interface ScheduleOptions {
  /** Seed of the search's pseudo-random generator (default 1). */
  readonly seed?: number;
  /**
   * Wall-clock budget of the whole call in milliseconds (default DEFAULT_TIME_LIMIT_MS); the
   * first, constructive schedule is always completed. The clock is read between evaluations,
   * so the result can depend on the machine's speed and load; use `maxSchedules` for
   * bit-for-bit reproducible results.
   */
  readonly timeLimitMs?: number;
  /** Budget in evaluated schedules (one serial SGS pass or one justification pass each). */
  readonly maxSchedules?: number;
  /** Attach a `reason` to every task. */
  readonly explain?: boolean;
  /** Millisecond clock, injectable for tests (default `performance.now`). */
  readonly clock?: () => number;
}

export type ReasonKind = 'start' | 'release' | 'predecessor' | 'resource' | 'capacity' | 'pin';

/** Why a task starts when it does: the constraint that stops it from starting one week earlier. */
export type Reason =
  | { readonly kind: 'start'; readonly text: string }
  | { readonly kind: 'release'; readonly week: number; readonly text: string }
  | { readonly kind: 'pin'; readonly week: number; readonly text: string }
  | {
      readonly kind: 'predecessor';
      /** The predecessors that finish exactly when this task starts. */
      readonly taskIds: readonly string[];
      readonly week: number;
      readonly text: string;
    }
  | {
      readonly kind: 'resource';
      readonly resourceId: string;
      /** The start week: the resource is too busy in the week before it. */
      readonly week: number;
      /** The tasks holding the resource in the week before the start. */
      readonly taskIds: readonly string[];
      readonly text: string;
    }
  | {
      readonly kind: 'capacity';
      readonly resourceId: string;
      /** The week from which the resource has enough capacity (e.g. a hire starts). */
      readonly week: number;
      /** Capacity in the week before `week`, and the units the task needs. */
      readonly unitsBefore: number;
      readonly needed: number;
      readonly text: string;
    };

export interface ScheduledTask {
  readonly id: string;
  readonly start: number;
  readonly finish: number;
  readonly reason?: Reason;
}

export type StopReason = 'lower-bound' | 'time-limit' | 'max-schedules' | 'trivial';

export interface ScheduleStats {
  /** Schedules evaluated: serial SGS passes plus justification passes. */
  readonly schedulesEvaluated: number;
  readonly generations: number;
  /** Makespan of the first (constructive, LFT-priority) schedule. */
  readonly constructiveMakespan: number;
  /** Max of the critical-path bound (with releases and pins) and the resource bound. */
  readonly lowerBound: number;
  readonly constructiveMs: number;
  readonly elapsedMs: number;
  readonly stoppedBy: StopReason;
}

export interface ScheduleResult {
  readonly makespan: number;
  /** In input order. */
  readonly tasks: readonly ScheduledTask[];
  readonly stats: ScheduleStats;
}

export type ScheduleErrorCode =
  | 'invalid-json'
  | 'bad-version'
  | 'bad-shape'
  | 'missing-field'
  | 'bad-number'
  | 'duplicate-id'
  | 'unknown-id'
  | 'cycle'
  | 'infeasible-demand'
  | 'pin-conflict'
  | 'no-room'
  | 'too-large';

export interface ScheduleErrorDetails {
  readonly code: ScheduleErrorCode;
  readonly message: string;
  readonly taskId?: string;
  readonly resourceId?: string;
  readonly field?: string;
}

/** Invalid or infeasible input. Nothing is scheduled. */
export class ScheduleError extends Error {
  readonly code: ScheduleErrorCode;
  readonly taskId?: string;
  readonly resourceId?: string;
  readonly field?: string;

  constructor(details: ScheduleErrorDetails) {
    super(details.message);
    this.name = 'ScheduleError';
    this.code = details.code;
    if (details.taskId !== undefined) this.taskId = details.taskId;
    if (details.resourceId !== undefined) this.resourceId = details.resourceId;
    if (details.field !== undefined) this.field = details.field;
  }
}
