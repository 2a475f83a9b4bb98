import { catalogRole } from '../domain/catalog/roles';
import { PlanCalendar, type MonthNumber } from '../domain/calendar';
import { DEFAULT_SETTINGS } from '../domain/settings';
import type { Capability, Person } from '../domain/types';
import { foundationsWeek } from './foundations';
import { effectiveCapabilities } from './items';
import { Projection, type MaturityEvent } from './projection';
import { plan } from './machine';
import { plural, roleNoun, withArticle } from './texts';
import type { MarginalHireValue, PlanInput, PlanResult } from './types';

/**
 * What one more hire of each role, starting as early as the lead time allows, does to the target
 * layer's gate: the plan is made again with that person added as a planned hire (the planner may
 * then hire differently), and the gates are compared. A role whose foundations would not be ready
 * for that start is "not yet" — the same rule the planner applies to its own hires. Leads ask for
 * exactly this figure when they argue for headcount.
 */
export function marginalHireValues(input: PlanInput, base: PlanResult = plan(input)): MarginalHireValue[] {
  const target = base.layers.find((l) => l.layer === base.scenario.targetLayer);
  const gateBefore = target?.readyWeek ?? null;
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const calendar = new PlanCalendar(input.scenario.startDate, input.scenario.horizonQuarters, settings.fiscalYearStartMonth as MonthNumber);
  const startWeek = base.statusWeek + input.scenario.leadTimeWeeks;
  const startDate = calendar.dateOfWeek(startWeek);
  const { projection, capabilitiesById } = projectionOfPlan(input, base);
  return input.roles.map((role): MarginalHireValue => {
    const noun = roleNoun(role.name);
    const ramp = input.scenario.rampUpWeeks ?? catalogRole(role.id)?.rampUpWeeks ?? 8;
    if (role.needsFoundations) {
      const ready = foundationsWeek(projection, role, capabilitiesById);
      if (ready === null || ready > startWeek + ramp) {
        return {
          roleId: role.id,
          roleName: role.name,
          outcome: 'not-yet',
          weeksEarlier: null,
          startDate,
          gateDate: null,
          text: `Not yet: ${withArticle(noun)} starting ${startDate} would be productive before the foundations are ready (${ready === null ? 'not within this plan' : calendar.dateOfWeek(ready)}).`,
        };
      }
    }
    const extra: Person = { id: `marginal:${role.id}`, name: `One more ${noun}`, roleId: role.id, fte: 1, status: 'planned', startDate, endDate: null };
    const result = plan({ ...input, people: [...input.people, extra], beyondLimits: [...(input.beyondLimits ?? []), extra.id] });
    const planned = result.layers.find((l) => l.layer === base.scenario.targetLayer)?.readyWeek ?? null;
    // One more person can always be left out of the work, so the base plan's date still holds: a
    // later date with the hire is the planner's heuristics, not the hire's effect.
    const after = gateBefore !== null && (planned === null || planned > gateBefore) ? gateBefore : planned;
    const far = Number.POSITIVE_INFINITY;
    const weeks = gateBefore === null && after === null ? null : (gateBefore ?? far) - (after ?? far);
    const gateDate = after === null ? null : calendar.dateOfWeek(after);
    if (weeks === null || weeks <= 0 || !Number.isFinite(weeks)) {
      const earlierFromNever = gateBefore === null && after !== null;
      if (earlierFromNever) {
        return { roleId: role.id, roleName: role.name, outcome: 'earlier', weeksEarlier: null, startDate, gateDate, text: `The target layer gets ready within the plan (${gateDate}); without the hire it does not.` };
      }
      return {
        roleId: role.id,
        roleName: role.name,
        outcome: 'none',
        weeksEarlier: weeks === null || !Number.isFinite(weeks) ? null : weeks,
        startDate,
        gateDate,
        text: `No gain: with ${withArticle(noun)} starting ${startDate} the target layer ${gateDate === null ? 'is still not ready within the plan' : `is still ready on ${gateDate}`}.`,
      };
    }
    return {
      roleId: role.id,
      roleName: role.name,
      outcome: 'earlier',
      weeksEarlier: weeks,
      startDate,
      gateDate,
      text: `${plural(weeks, 'week')} earlier: ${withArticle(noun)} starting ${startDate} brings the target layer's gate to ${gateDate}.`,
    };
  });
}

/** The inventory week by week as the plan raises it. */
function projectionOfPlan(input: PlanInput, base: PlanResult): { projection: Projection; capabilitiesById: Map<string, Capability> } {
  const capabilities = effectiveCapabilities(input.capabilities, input.workItems);
  const events: MaturityEvent[] = [];
  for (const item of base.items) {
    if (item.finish !== null && item.capabilityId !== null && item.toMaturity !== null) events.push({ capabilityId: item.capabilityId, week: item.finish, maturity: item.toMaturity });
  }
  return { projection: new Projection(capabilities, events), capabilitiesById: new Map(capabilities.map((c) => [c.id, c])) };
}
