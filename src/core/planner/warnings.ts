import type { PlanWarning, PlanWarningCode, Severity } from './types';

/**
 * How much each warning matters to a lead, in one place for the app, the CLI and the PDF:
 * critical — the plan's advice fails (the target is missed, a layer never gets ready, a luxury hire
 * is already on its way too early); warning — the plan needs a decision (a hire held back, work
 * nobody can staff, a constraint dropped); info — worth knowing.
 */
export const WARNING_SEVERITY: Readonly<Record<PlanWarningCode, Severity>> = {
  'luxury-hire-early': 'critical',
  'target-missed': 'critical',
  'gate-unreachable': 'critical',
  'unstaffed-work': 'warning',
  'hiring-limited': 'warning',
  'pinned-before-gate': 'warning',
  'constraint-conflict': 'warning',
  'beyond-horizon': 'info',
  'above-target': 'info',
};

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'info'];

type WarningFields = Omit<PlanWarning, 'code' | 'severity'>;

export function warning(code: PlanWarningCode, fields: WarningFields): PlanWarning {
  return { code, severity: WARNING_SEVERITY[code], ...fields };
}

/** Within a severity, what a lead reads first: the target, money at risk, then what blocks the pyramid. */
const CODE_ORDER: readonly PlanWarningCode[] = [
  'target-missed',
  'luxury-hire-early',
  'gate-unreachable',
  'unstaffed-work',
  'hiring-limited',
  'constraint-conflict',
  'pinned-before-gate',
  'beyond-horizon',
  'above-target',
];

/** Warnings most severe first, then by code as CODE_ORDER reads, then the earliest week, then the planner's order. */
export function bySeverity(warnings: readonly PlanWarning[]): PlanWarning[] {
  const week = (w: PlanWarning) => w.week ?? Number.MAX_SAFE_INTEGER;
  return warnings
    .map((w, i) => ({ w, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.w.severity) - SEVERITY_ORDER.indexOf(b.w.severity) ||
        CODE_ORDER.indexOf(a.w.code) - CODE_ORDER.indexOf(b.w.code) ||
        week(a.w) - week(b.w) ||
        a.i - b.i,
    )
    .map(({ w }) => w);
}
