import { LAYERS, layerLevel, type LayerId } from '../domain/layers';
import { expectedStartWeek } from './capacity';
import type { PlannerContext } from './context';
import { foundationsWeek, helpsBuild, LUXURY_SLACK_WEEKS } from './foundations';
import { askKind, startDateOf } from './hiring';
import { isActive, type PlanItem } from './items';
import { clockOf, decide, isLater, pinsInPast, rampUpOf } from './layers';
import type { PlanAsk, PlanWarning } from './types';
import { dateLabel, formatNumber, layerName, listing, percent, personLabel, plural, quoteTitles, roleNoun, withArticle } from './texts';
import { warning } from './warnings';

/** What the final schedule says about pins and gates: pins kept before their gate, pins that could not be kept, layers not ready in time. */
function scheduleWarnings(ctx: PlannerContext): PlanWarning[] {
  const cal = ctx.calendar;
  const out: PlanWarning[] = [];
  const title = (id: string) => ctx.itemsById.get(id)?.title ?? id;
  for (const item of pinsInPast(ctx)) {
    out.push(
      warning('constraint-conflict', {
        summary: `“${item.title}” is pinned to ${item.pinDate}, before the status date.`,
        action: `Mark it in progress with its real start, or pin it to a date from ${ctx.asOf} on.`,
        message: `“${item.title}” is pinned to ${item.pinDate}, before the status date ${ctx.asOf}: nothing new starts in the past, so it is scheduled freely from the status date on.`,
        itemId: item.id,
        layer: item.hasCapability ? item.layer : undefined,
      }),
    );
  }
  for (const [id, p] of ctx.placed) {
    const item = ctx.itemsById.get(id);
    if (!item || item.pin === null || item.status === 'in_progress' || ctx.droppedPins.has(id) || !item.hasCapability || layerLevel(item.layer) === 0) continue;
    const belowLayer = LAYERS[layerLevel(item.layer) - 1]!.id;
    const level = item.toMaturity === null ? 4 : Math.min(4, item.toMaturity);
    const gate = ctx.levelGates.get(belowLayer)?.[level] ?? null;
    if (gate !== null && p.start >= gate) continue;
    out.push(
      warning('pinned-before-gate', {
        summary: `“${item.title}” is pinned before ${layerName(belowLayer)} is ready for it.`,
        action: gate === null ? `Unpin it, or check why ${layerName(belowLayer)} never gets there.` : `Move it to ${cal.dateOfWeek(gate)} or later, or keep it knowingly.`,
        message: `“${item.title}” is pinned to ${item.pinDate}, before ${layerName(belowLayer)} reaches maturity ${level} at the gate (${
          gate === null ? 'not within the plan' : dateLabel(cal, gate)
        }): its foundations may not be ready.`,
        itemId: id,
        layer: item.layer,
        week: gate,
        date: gate === null ? null : cal.dateOfWeek(gate),
      }),
    );
  }
  for (const [id, message] of ctx.droppedPins) {
    out.push(
      warning('constraint-conflict', {
        summary: `The pin of “${title(id)}” cannot be kept.`,
        action: 'Move the pin, or remove the constraint that conflicts with it.',
        message: `The pin of “${title(id)}” cannot be kept, so it is scheduled freely: ${message}`,
        itemId: id,
      }),
    );
  }
  for (const layer of LAYERS.slice(0, ctx.targetLevel + 1)) {
    const gate = ctx.gates.get(layer.id) ?? null;
    const gatesSomething = [...ctx.gated.values()].some((g) => g.layer === layer.id);
    if (!gatesSomething || (gate !== null && gate <= ctx.horizonWeeks)) continue;
    out.push(
      warning('gate-unreachable', {
        summary: `${layer.name} is not ready within the plan.`,
        action: gate === null ? `Look at what blocks ${layer.name}'s work.` : `Add people to ${layer.name}'s work, lengthen the horizon, or lower its targets.`,
        message: `${layer.name} does not reach its gate (${percent(ctx.scenario.gateThreshold)}) within the plan (${ctx.scenario.horizonQuarters} quarters, to ${cal.endDate})${
          gate === null ? '' : `: it gets there on ${cal.dateOfWeek(gate)}`
        }, so the work of the layers above starts late or not at all.`,
        layer: layer.id,
        week: gate,
        date: gate === null ? null : cal.dateOfWeek(gate),
      }),
    );
  }
  return out;
}

/**
 * Entry of `reviewing`: existing requisitions through the luxury-hire guard; work nobody can staff
 * as asks; the target; the horizon; work beyond the target in one line.
 */
export function review(ctx: PlannerContext): Partial<PlannerContext> {
  const cal = ctx.calendar;
  const warnings: PlanWarning[] = [...ctx.warnings, ...scheduleWarnings(ctx)];
  const projection = ctx.projection;
  const clock = clockOf(ctx);

  for (const person of ctx.input.people) {
    if (person.status === 'on_staff') continue;
    const role = ctx.rolesById.get(person.roleId);
    if (!role?.needsFoundations) continue;
    const startWeek = expectedStartWeek(person, clock);
    const productive = startWeek + rampUpOf(ctx, role.id);
    const ready = foundationsWeek(projection, role, ctx.capabilitiesById);
    if (ready !== null && ready <= productive) continue;
    // What is missing when they would be productive; prerequisites the role helps build may lag by the slack.
    const unmet = projection.prerequisitesAt(role, productive).unmet.filter((u) => {
      const p = u.prerequisite;
      if (p.kind !== 'capability' || !helpsBuild(role, ctx.capabilitiesById.get(p.capabilityId))) return true;
      return !projection.prerequisitesAt({ prerequisites: [p] }, productive + LUXURY_SLACK_WEEKS).met;
    });
    const startDate = startDateOf(ctx, person, startWeek);
    const moveTo = ready === null ? null : Math.max(ctx.statusWeek, ready - rampUpOf(ctx, role.id));
    const kind = person.status === 'open_req' ? 'open requisition' : 'planned hire';
    warnings.push(
      warning('luxury-hire-early', {
        summary: `${personLabel(person.name, role.name, kind)} would start before the foundations are ready.`,
        action:
          moveTo === null
            ? `Pause the ${roleNoun(role.name)} ${kind}: its foundations are not ready within this plan.`
            : `Move the ${roleNoun(role.name)} ${kind} to ${cal.quarterOfWeek(moveTo).label} (a start on ${cal.dateOfWeek(moveTo)} or later).`,
        message:
          `${personLabel(person.name, role.name, kind)} starts on ${startDate} and would be productive from ${cal.dateOfWeek(productive)}, ` +
          `but the foundations are not ready then: ${unmet.map((u) => u.text).join('; ')}. ` +
          (ready === null ? 'They are not ready within this plan.' : `They will be ready on ${dateLabel(cal, ready)}.`) +
          (ctx.deferred.has(person.id)
            ? ctx.deferred.get(person.id) === null
              ? ' The plan does not count on them: their work is planned without them.'
              : ` The plan counts them from ${cal.dateOfWeek(ctx.deferred.get(person.id)!)}, as if the requisition were moved; until then they would have nothing to build on.`
            : ''),
        personId: person.id,
        roleId: role.id,
        week: ready,
        date: ready === null ? null : cal.dateOfWeek(ready),
      }),
    );
  }

  // Work nobody can staff: one ask per role, one warning per item, and the layers above go on without it.
  const asks: PlanAsk[] = [...ctx.asks];
  const byRole = new Map<string, { weeks: number; people: number; items: string[]; layer: PlanAsk['layer'] }>();
  for (const [id, cause] of ctx.blocked) {
    const item = ctx.itemsById.get(id);
    if (!item || cause.kind !== 'unstaffed') continue;
    for (const share of cause.shares) {
      const entry = byRole.get(share.roleId) ?? { weeks: 0, people: 0, items: [], layer: item.hasCapability ? item.layer : null };
      entry.weeks += share.weeks * share.people;
      entry.people = Math.max(entry.people, share.people);
      entry.items.push(id);
      byRole.set(share.roleId, entry);
    }
    const roles = cause.shares.map((s) => withArticle(roleNoun(ctx.rolesById.get(s.roleId)?.name ?? s.roleId)));
    const weeks = Math.max(...cause.shares.map((s) => s.weeks));
    const after = [...ctx.blocked].filter(([, c]) => c.kind === 'blocked-predecessor' && c.itemId === id).map(([other]) => ctx.itemsById.get(other)?.title ?? other);
    warnings.push(
      warning('unstaffed-work', {
        summary: `Nobody in the team can do “${item.title}”.`,
        action: `Borrow or contract ${listing(roles)} for ${plural(weeks, 'week')}${item.needed ? '' : ', or drop it: the target does not need it'}.`,
        message:
          `“${item.title}” needs ${listing(roles)}; the team has none from ${cal.dateOfWeek(Math.max(ctx.statusWeek, 0))} on and no stand-in can do it, ` +
          `and no hire covers it in this scenario. ` +
          (after.length ? `${quoteTitles(after)} wait${after.length === 1 ? 's' : ''} for it. ` : '') +
          (item.needed && item.hasCapability ? `${layerName(item.layer)}'s gate leaves it out, so the layers above go on without it.` : ''),
        itemId: id,
        roleId: cause.shares[0]?.roleId,
        layer: item.hasCapability ? item.layer : undefined,
      }),
    );
  }
  for (const [roleId, e] of byRole) {
    if (asks.some((a) => a.roleId === roleId && a.itemIds.length > 0)) continue;
    const weeks = Math.ceil(e.weeks / Math.max(1, e.people) - 1e-9);
    const kind = askKind(weeks);
    const name = ctx.rolesById.get(roleId)?.name ?? roleId;
    const who = e.people === 1 ? withArticle(roleNoun(name)) : `${formatNumber(e.people)} ${roleNoun(name)}s`;
    const titles = e.items.map((id) => ctx.itemsById.get(id)?.title ?? id);
    asks.push({
      id: `ask:${asks.length + 1}`,
      kind,
      roleId,
      roleName: name,
      people: e.people,
      weeks,
      itemIds: e.items,
      layer: e.layer,
      text: `${kind === 'borrow' ? 'Borrow' : 'Contract'} ${who} for ${plural(weeks, 'week')}: ${quoteTitles(titles)} ${titles.length === 1 ? 'needs' : 'need'} one and nobody in the team can do it.`,
      reason: `${quoteTitles(titles)}: ${plural(Math.round(e.weeks), 'week')} of ${roleNoun(name)} work at full focus; the team has no ${roleNoun(name)} nor anyone who can stand in, and no hire covers it in this scenario.`,
    });
  }

  const targetGate = ctx.gates.get(ctx.scenario.targetLayer) ?? null;
  if (isLater(targetGate, ctx.targetWeek)) {
    const late = targetGate === null ? null : targetGate - ctx.targetWeek;
    warnings.push(
      warning('target-missed', {
        summary: `${layerName(ctx.scenario.targetLayer)} is ready ${targetGate === null ? 'not within the plan' : `on ${cal.dateOfWeek(targetGate)}`}, after the target ${cal.dateOfWeek(ctx.targetWeek)}.`,
        action:
          late === null
            ? 'Look at the gate warnings below the target, or lower the target.'
            : `Move the target to ${cal.quarterOfWeek(targetGate!).label}, or add people (see the marginal value of a hire per role).`,
        message: `${layerName(ctx.scenario.targetLayer)} reaches its gate ${targetGate === null ? 'not within the plan' : `on ${dateLabel(cal, targetGate)}`}, after the target ${dateLabel(cal, ctx.targetWeek)}${
          late === null ? '' : ` (${plural(late, 'week')} late)`
        }.`,
        layer: ctx.scenario.targetLayer,
        week: targetGate,
        date: targetGate === null ? null : cal.dateOfWeek(targetGate),
      }),
    );
  }

  const beyond: string[] = [];
  const beyondUnscheduled: string[] = [];
  // Needed work past the horizon: one warning per layer, not one per item.
  const late = new Map<string, { items: PlanItem[]; last: number }>();
  for (const item of ctx.items) {
    if (!isActive(item.status)) continue;
    const p = ctx.placed.get(item.id);
    if (!item.needed) {
      if (!p) beyondUnscheduled.push(item.title);
      else if (p.finish > ctx.horizonWeeks) beyond.push(item.title);
      continue;
    }
    if (p && p.finish > ctx.horizonWeeks) {
      const key = item.hasCapability ? item.layer : '';
      const entry = late.get(key) ?? { items: [], last: 0 };
      entry.items.push(item);
      entry.last = Math.max(entry.last, p.finish);
      late.set(key, entry);
    }
  }
  for (const [layer, { items, last }] of late) {
    const where = layer === '' ? 'work on no capability' : `${layerName(layer as LayerId)} work`;
    warnings.push(
      warning('beyond-horizon', {
        summary: `${plural(items.length, 'item')} of ${where} finish${items.length === 1 ? 'es' : ''} after the plan's end (${cal.endDate}).`,
        action: 'Lengthen the horizon, or bring the work earlier with more people (see the marginal value of a hire).',
        message: `${quoteTitles(items.map((i) => i.title))} finish${items.length === 1 ? 'es' : ''} after the plan's horizon (${ctx.scenario.horizonQuarters} quarters, to ${cal.endDate}); the last on ${cal.dateOfWeek(last)}.`,
        // The first item named: where "show on roadmap" leads.
        itemId: items[0]!.id,
        itemIds: items.map((i) => i.id),
        ...(layer === '' ? {} : { layer: layer as LayerId }),
        week: last,
        date: cal.dateOfWeek(last),
      }),
    );
  }
  const above = ctx.items.filter((i) => isActive(i.status) && !i.needed);
  if (above.length > 0) {
    const layers = [...new Set(above.map((i) => i.layer))].sort((a, b) => layerLevel(a) - layerLevel(b)).map(layerName);
    const text =
      `${plural(above.length, 'item')} of yours ${above.length === 1 ? 'is' : 'are'} beyond the target (${layerName(ctx.scenario.targetLayer)}) on ${listing(layers)}: ` +
      `scheduled with the team there is, no hire is planned for ${above.length === 1 ? 'it' : 'them'}` +
      (beyondUnscheduled.length ? `; ${beyondUnscheduled.length} cannot be scheduled (${quoteTitles(beyondUnscheduled)})` : '') +
      (beyond.length ? `; ${beyond.length} finish${beyond.length === 1 ? 'es' : ''} after the horizon (${quoteTitles(beyond)})` : '') +
      '.';
    if (beyondUnscheduled.length || beyond.length) {
      warnings.push(
        warning('above-target', {
          summary: `${plural(beyondUnscheduled.length + beyond.length, 'item')} beyond the target ${beyondUnscheduled.length ? 'cannot be scheduled or ' : ''}finish late.`,
          action: `Raise the target if this work matters now, or leave it for a later plan.`,
          message: text,
        }),
      );
    }
  }

  const reqs = ctx.input.people.filter((p) => p.status !== 'on_staff').length;
  const layersAbove = LAYERS.filter((l) => l.level > ctx.targetLevel).map((l) => l.name);
  const text =
    `Reviewed ${plural(reqs, 'open requisition or planned hire', 'open requisitions and planned hires')} against their roles' foundations` +
    (layersAbove.length ? `; ${listing(layersAbove)} ${layersAbove.length === 1 ? 'is above the target and gets' : 'are above the target and get'} no hires` : '') +
    `; ${plural(warnings.length, 'warning')} and ${plural(asks.length, 'ask')} in all.`;
  let decisions = ctx.decisions;
  for (const ask of asks.slice(ctx.asks.length)) decisions = decide({ ...ctx, decisions }, 'ask', ask.text, ask.layer);
  return { warnings, asks, decisions: decide({ ...ctx, decisions }, 'review', text, null) };
}
