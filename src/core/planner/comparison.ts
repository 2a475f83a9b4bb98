import { calendarOf } from '../domain/calendar';
import { spendByQuarter } from '../domain/cost';
import { LAYERS, type LayerId } from '../domain/layers';
import { SCENARIO_PARAMETER_KEYS, type ScenarioParameterKey } from '../domain/scenarios';
import { formatPercent, HIRE_STATUS_LABELS, SCENARIO_PARAMETER_LABELS, scenarioParameterText, type ParameterContext } from '../format';
import type { PlanResult, Severity } from './types';

/*
 * Two or three scenarios side by side, in one model for the app's Compare dialog, the PDF's
 * comparison page and the CSV export: the parameters that differ (so a date is never compared
 * without the gate or budget that produced it), when each layer is ready, the hires by quarter,
 * and what the hires cost each quarter (core/domain/cost.ts's one spend rule).
 */

export interface ComparedParameter {
  readonly key: ScenarioParameterKey;
  readonly label: string;
  readonly values: readonly string[];
  readonly differs: boolean;
}

export interface ComparedLayer {
  readonly layer: LayerId;
  readonly name: string;
  readonly cells: readonly {
    /** "Ready now", "2028-Q2 (2028-04-07)", "Not within the horizon", "Not needed for the target". */
    readonly text: string;
    readonly date: string | null;
    readonly isTarget: boolean;
    /** Earliest of the scenarios (only marked when their gates are equal: a lower gate is reached sooner). */
    readonly earliest: boolean;
    /** Readiness at the end of the horizon. */
    readonly atHorizon: number | null;
  }[];
}

export interface ComparedQuarter {
  readonly label: string;
  /** Per scenario: who starts (role, and status for existing requisitions). */
  readonly hires: readonly (readonly string[])[];
  /** Per scenario: salary spend of the plan's hires in the quarter, and since the plan's first quarter (null: outside its horizon, or no salaries). */
  readonly spend: readonly (number | null)[];
  readonly cumulative: readonly (number | null)[];
}

export interface ScenarioComparison {
  readonly scenarios: readonly { readonly id: string; readonly name: string; readonly isDefault: boolean }[];
  readonly currency: string;
  /** Every planning parameter; `differs` for those not equal in all scenarios. */
  readonly parameters: readonly ComparedParameter[];
  readonly gatesDiffer: boolean;
  readonly layers: readonly ComparedLayer[];
  /** Calendar quarters of every scenario's horizon, in order (scenarios may start on different dates). */
  readonly quarters: readonly ComparedQuarter[];
  /** Whether any scenario gives salaries (otherwise spend is unknown, not zero). */
  readonly costed: boolean;
  readonly totals: readonly {
    readonly proposedHires: number;
    readonly existingHires: number;
    /** Salary spend over the horizon (null: no salaries given). */
    readonly spend: number | null;
    /** Annual salaries of the proposed hires, once all have started. */
    readonly annualRunRate: number | null;
    readonly warnings: Readonly<Record<Severity, number>>;
  }[];
}

function layerCell(plan: PlanResult, layer: LayerId): { text: string; date: string | null; atHorizon: number | null } {
  const projection = plan.layers.find((l) => l.layer === layer);
  if (!projection) return { text: 'Not tracked', date: null, atHorizon: null };
  const atHorizon = projection.readinessAtHorizon;
  if (projection.gatedCapabilityIds.length === 0 && projection.notNeededCapabilityIds.length > 0) return { text: 'Not needed for the target', date: null, atHorizon };
  if (projection.readyWeek !== null && projection.readyWeek <= plan.statusWeek) return { text: 'Ready now', date: null, atHorizon };
  if (projection.readyDate === null || projection.readyWeek === null || projection.readyWeek > plan.scenario.horizonWeeks) {
    return { text: `Not within the horizon (${formatPercent(atHorizon)} at its end)`, date: null, atHorizon };
  }
  return { text: `${projection.readyQuarter ?? ''} (${projection.readyDate})`, date: projection.readyDate, atHorizon };
}

export function compareScenarios(plans: readonly PlanResult[], roleName: (roleId: string) => string = (id) => id): ScenarioComparison {
  const currency = plans[0]?.settings.currency ?? '';
  const ctx: ParameterContext = { roleName, currency };
  const parameters = SCENARIO_PARAMETER_KEYS.map((key) => {
    const values = plans.map((p) => scenarioParameterText(p.scenario, key, ctx));
    return { key, label: SCENARIO_PARAMETER_LABELS[key], values, differs: new Set(values).size > 1 };
  });
  const gatesDiffer = new Set(plans.map((p) => p.scenario.gateThreshold)).size > 1;

  const layers = [...LAYERS].reverse().map((layer) => {
    const cells = plans.map((plan) => ({ ...layerCell(plan, layer.id), isTarget: plan.scenario.targetLayer === layer.id }));
    const dates = cells.map((c) => c.date);
    const known = dates.filter((d): d is string => d !== null).sort();
    // Earliest only where it means something: two or more dates that differ, and the same gate.
    const best = !gatesDiffer && known.length > 0 && new Set(dates).size > 1 ? known[0] : null;
    return { layer: layer.id, name: layer.name, cells: cells.map((c) => ({ ...c, earliest: best !== null && c.date === best })) };
  });

  const costed = plans.some((p) => p.hires.some((h) => h.annualSalary !== null));
  const perPlan = plans.map((plan) => {
    const cal = calendarOf(plan);
    const priced = plan.hires.filter((h) => h.annualSalary !== null);
    const rows = spendByQuarter(priced, cal.quarters);
    return new Map(rows.map((r) => [r.quarter, r]));
  });
  const labels = [...new Set(plans.flatMap((plan) => calendarOf(plan).quarters.map((q) => q.label)))];
  const firstDays = new Map(plans.flatMap((plan) => calendarOf(plan).quarters.map((q) => [q.label, q.firstDay] as const)));
  labels.sort((a, b) => (firstDays.get(a) ?? a).localeCompare(firstDays.get(b) ?? b));
  const quarters = labels.map((label) => ({
    label,
    hires: plans.map((plan) =>
      plan.hires
        .filter((h) => h.quarter === label)
        .map((h) => (h.source === 'proposed' ? (h.kind === 'backfill' ? `${h.roleName} (backfill)` : h.roleName) : `${h.roleName} (${HIRE_STATUS_LABELS[h.status].toLowerCase()})`)),
    ),
    spend: perPlan.map((rows) => (costed ? (rows.get(label)?.spend ?? null) : null)),
    cumulative: perPlan.map((rows) => (costed ? (rows.get(label)?.cumulative ?? null) : null)),
  }));

  const totals = plans.map((plan, i) => {
    const proposed = plan.hires.filter((h) => h.source === 'proposed');
    const rows = [...(perPlan[i]?.values() ?? [])];
    const warnings: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
    for (const w of plan.warnings) warnings[w.severity] += 1;
    const anySalary = plan.hires.some((h) => h.annualSalary !== null);
    return {
      proposedHires: proposed.length,
      existingHires: plan.hires.length - proposed.length,
      spend: anySalary ? (rows[rows.length - 1]?.cumulative ?? 0) : null,
      annualRunRate: proposed.some((h) => h.annualSalary !== null) ? proposed.reduce((sum, h) => sum + (h.annualSalary ?? 0), 0) : null,
      warnings,
    };
  });

  return {
    scenarios: plans.map((p) => ({ id: p.scenario.id, name: p.scenario.name, isDefault: p.scenario.isDefault })),
    currency,
    parameters,
    gatesDiffer,
    layers,
    quarters,
    costed,
    totals,
  };
}
