import { LAYERS, layerById, type LayerId } from './domain/layers';
import { PERSON_STATUS_LABELS } from './domain/types';
import type { Scenario } from './domain/planning';
import type { ScenarioParameterKey } from './domain/scenarios';
import type { PlannedHire } from './planner/types';

/*
 * How values read, wherever they are shown: the screens, the CLI and the PDF use these, so the
 * same number never reads differently in two places.
 */

/**
 * A fraction (readiness, a gate threshold) as a whole percentage, rounded down so that a layer
 * 99.6 % ready never reads "100%" — a view should not claim a foundation is complete when it is
 * not. `none` is what an untracked value (null) reads.
 */
export function formatPercent(value: number | null, none = '—'): string {
  return value === null ? none : `${Math.floor(value * 100 + 1e-9)}%`;
}

/** A raise of maturity, as a tag: `2→3`; null when the work raises no maturity. */
export function maturityStepLabel(from: number | null, to: number | null): string | null {
  return from === null || to === null ? null : `${from}→${to}`;
}

/**
 * The title the planner gives the work of raising a capability one level ("Warehouse: maturity
 * 2 → 3"); the roadmap shows such a title as the capability's name and a step tag.
 */
export function maturityStepTitle(capabilityName: string, from: number, to: number): string {
  return `${capabilityName}: maturity ${from} → ${to}`;
}

/** A layer's name; null (work that raises no capability) reads "No capability". */
export function layerLabel(layer: LayerId | null): string {
  return layer === null ? 'No capability' : layerById(layer).name;
}

/** The layers top to bottom, as the pyramid is drawn and as tables list them. */
export const LAYERS_TOP_DOWN = [...LAYERS].reverse();

/** A hire's status: a proposal of the plan, or the headcount's own status of an existing one. */
export const HIRE_STATUS_LABELS: Readonly<Record<PlannedHire['status'], string>> = {
  proposed: 'Proposed',
  open_req: PERSON_STATUS_LABELS.open_req,
  planned: PERSON_STATUS_LABELS.planned,
};

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * An amount of money, whole units with thousands separators, followed by the workspace's currency
 * code when one is set ("120,000 EUR"): salaries and budgets are planning figures, not invoices.
 */
export function formatMoney(value: number, currency = ''): string {
  // `+ 0` turns a -0 (a rounded tiny negative) into 0.
  const amount = WHOLE.format(Math.round(value) + 0);
  return currency ? `${amount} ${currency}` : amount;
}

/** "2027-03-05 – 2027-04-08": a span of dates as people read it; '' when either end is unknown. */
export function formatDateRange(start: string | null, finish: string | null): string {
  return start && finish ? `${start} – ${finish}` : '';
}

/** How each scenario parameter is called where people read it (the PDF's assumptions, Compare). */
export const SCENARIO_PARAMETER_LABELS: Readonly<Record<ScenarioParameterKey, string>> = {
  name: 'Scenario',
  startDate: 'Plan starts',
  horizonQuarters: 'Horizon',
  targetLayer: 'Target layer',
  targetDate: 'Target date',
  hiringBudgetPerQuarter: 'Hiring budget per quarter',
  maxHiresPerQuarter: 'Hires per quarter at most',
  gateThreshold: 'Gate threshold',
  leadTimeWeeks: 'Hiring lead time',
  rampUpWeeks: 'Ramp-up',
  salaries: 'Salaries',
  runShare: 'Run work',
  borrowed: 'Borrowed people',
};

export interface ParameterContext {
  /** A role's name by id (salaries, borrowed people). */
  readonly roleName: (roleId: string) => string;
  readonly currency: string;
}

/** One scenario parameter's value in words: "75%", "no limit", "Data engineer 95,000 EUR; …". */
export function scenarioParameterText(scenario: Scenario, key: ScenarioParameterKey, ctx: ParameterContext): string {
  switch (key) {
    case 'name':
      return scenario.name;
    case 'startDate':
      return scenario.startDate;
    case 'horizonQuarters':
      return `${scenario.horizonQuarters} quarter${scenario.horizonQuarters === 1 ? '' : 's'}`;
    case 'targetLayer':
      return layerById(scenario.targetLayer).name;
    case 'targetDate':
      return scenario.targetDate ?? 'end of the horizon';
    case 'hiringBudgetPerQuarter':
      return scenario.hiringBudgetPerQuarter === null ? 'no limit' : scenario.hiringBudgetPerQuarter === 0 ? 'no hiring' : formatMoney(scenario.hiringBudgetPerQuarter, ctx.currency);
    case 'maxHiresPerQuarter':
      return String(scenario.maxHiresPerQuarter);
    case 'gateThreshold':
      return formatPercent(scenario.gateThreshold);
    case 'leadTimeWeeks':
      return `${scenario.leadTimeWeeks} weeks`;
    case 'rampUpWeeks':
      return scenario.rampUpWeeks === null ? "each role's own" : `${scenario.rampUpWeeks} weeks`;
    case 'salaries': {
      const entries = Object.entries(scenario.salaries);
      return entries.length === 0 ? 'none given' : entries.map(([id, n]) => `${ctx.roleName(id)} ${formatMoney(n, ctx.currency)}`).join('; ');
    }
    case 'runShare':
      return formatPercent(scenario.runShare);
    case 'borrowed':
      return scenario.borrowed.length === 0
        ? 'none'
        : scenario.borrowed.map((b) => `${ctx.roleName(b.roleId)} ${b.fte} FTE for ${b.weeks} weeks${b.startDate ? ` from ${b.startDate}` : ''}`).join('; ');
  }
}
