import { addDaysIso, daysBetween, quarterOf, type MonthNumber } from '../domain/calendar';
import { LAYERS, layerById, layerLevel, type LayerId } from '../domain/layers';
import type { WorkItem } from '../domain/planning';
import type { Capability, Person } from '../domain/types';
import { personLabel, roleNoun } from '../planner/texts';
import type { PlanResult } from '../planner/types';
import type { Baseline, BaselineSnapshot } from './baseline';

/*
 * Progress against a baseline: what moved since the plan was committed (slips of items, hires and
 * layer gates, in days), why each gate that moved later did (causes ranked by days, all from the
 * data), and the series the Progress view and the PDF chart: readiness over time (actual from the
 * history table, planned from the baseline), a burn-up of the baseline's work, and headcount by
 * role planned against actual. `groundwork progress --json` prints this object (docs/progress-json.md).
 */

/** A row of the history table, as storage lists it (only capability rows are read here). */
export interface HistoryRow {
  readonly at: string;
  readonly entity: string;
  readonly entityId: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export interface ProgressInput {
  readonly baseline: Baseline;
  /** The current plan, made as of `asOf`. */
  readonly plan: PlanResult;
  /** The workspace now: work items with their actual dates, the headcount, the inventory. */
  readonly workItems: readonly WorkItem[];
  readonly people: readonly Person[];
  readonly capabilities: readonly Capability[];
  readonly history: readonly HistoryRow[];
  readonly asOf: string;
}

export type ItemChange = 'done' | 'on-time' | 'earlier' | 'later' | 'added' | 'removed';

export interface ItemSlip {
  readonly id: string;
  readonly title: string;
  readonly layer: LayerId | null;
  readonly change: ItemChange;
  readonly baselineStart: string | null;
  readonly baselineFinish: string | null;
  /** The current plan's dates, or the actual ones for work that is done. */
  readonly currentStart: string | null;
  readonly currentFinish: string | null;
  /** Finish now minus finish planned, in days (positive: later); null for added and removed work. */
  readonly days: number | null;
  readonly text: string;
}

export type HireChange = 'joined' | 'on-time' | 'earlier' | 'later' | 'added' | 'removed';

export interface HireSlip {
  readonly id: string;
  readonly roleId: string;
  readonly roleName: string;
  readonly personName: string | null;
  readonly change: HireChange;
  readonly baselineStart: string | null;
  /** The real start for someone who joined; the expected one otherwise. */
  readonly currentStart: string | null;
  readonly days: number | null;
  readonly text: string;
}

export interface GateSlip {
  readonly layer: LayerId;
  readonly name: string;
  readonly baselineDate: string | null;
  readonly currentDate: string | null;
  /** Positive: the layer is ready later than planned; null when one side never gets there. */
  readonly days: number | null;
  readonly change: 'earlier' | 'later' | 'on-time' | 'reached' | 'lost';
  readonly text: string;
}

export type CauseKind = 'item-late' | 'item-overran' | 'hire-late' | 'hire-missing' | 'work-added' | 'leaver' | 'scenario-change';

export interface SlipCause {
  readonly kind: CauseKind;
  /** How many days this cause accounts for by itself (what the text says); null when it cannot be put in days. */
  readonly days: number | null;
  readonly text: string;
  readonly itemIds?: readonly string[];
  readonly personId?: string;
  readonly roleId?: string;
}

export interface GateCauses {
  readonly layer: LayerId;
  readonly name: string;
  readonly days: number | null;
  /** Biggest first; causes without days last. */
  readonly causes: readonly SlipCause[];
}

export interface Point {
  readonly date: string;
  readonly value: number | null;
}

export interface LayerSeries {
  readonly layer: LayerId;
  readonly name: string;
  readonly actual: readonly Point[];
  readonly planned: readonly Point[];
}

export interface RoleSeries {
  readonly roleId: string;
  readonly roleName: string;
  readonly planned: readonly { readonly date: string; readonly people: number }[];
  readonly actual: readonly { readonly date: string; readonly people: number }[];
}

export interface ProgressReport {
  readonly version: 1;
  readonly baseline: { readonly id: string; readonly name: string; readonly asOf: string; readonly createdAt: string; readonly scenarioName: string };
  readonly asOf: string;
  readonly summary: {
    readonly itemsDone: number;
    readonly itemsLate: number;
    readonly itemsAdded: number;
    readonly itemsRemoved: number;
    readonly hiresLate: number;
    readonly gatesLater: number;
    readonly gatesEarlier: number;
  };
  readonly slips: { readonly items: readonly ItemSlip[]; readonly hires: readonly HireSlip[]; readonly gates: readonly GateSlip[] };
  readonly causes: readonly GateCauses[];
  /** Work finished in the quarter of the status date. */
  readonly finishedThisQuarter: readonly ItemSlip[];
  readonly readiness: readonly LayerSeries[];
  readonly burnUp: {
    readonly total: number;
    readonly planned: readonly { readonly date: string; readonly count: number }[];
    readonly actual: readonly { readonly date: string; readonly count: number }[];
  };
  readonly headcount: readonly RoleSeries[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${Math.abs(n) === 1 ? one : many}`;
const daysText = (days: number) => plural(Math.abs(days), 'day');

/**
 * How each of the baseline's items moved (and what was added since), from the current plan and the
 * stored items' actual dates. Exported for the views that mark moved work (the roadmap's slip
 * badges) without making the whole report.
 */
export function itemSlips(b: BaselineSnapshot, input: Pick<ProgressInput, 'plan' | 'workItems'>): ItemSlip[] {
  const current = new Map(input.plan.items.map((i) => [i.id, i]));
  const stored = new Map(input.workItems.map((w) => [w.id, w]));
  const out: ItemSlip[] = [];
  for (const was of b.items) {
    const now = current.get(was.id);
    const own = stored.get(was.id);
    const done = own?.status === 'done' || now?.status === 'done';
    if (!now || now.status === 'dropped' || (own?.status === 'dropped' && !done)) {
      out.push({ id: was.id, title: was.title, layer: was.layer, change: 'removed', baselineStart: was.startDate, baselineFinish: was.finishDate, currentStart: null, currentFinish: null, days: null, text: `“${was.title}” is no longer in the plan (it was due ${was.finishDate ?? 'after the horizon'}).` });
      continue;
    }
    const finish = done ? (own?.actualFinish ?? now.actualFinish ?? now.finishDate) : now.finishDate;
    const start = done ? (own?.actualStart ?? now.actualStart ?? now.startDate) : (now.actualStart ?? now.startDate);
    const days = finish !== null && was.finishDate !== null ? daysBetween(was.finishDate, finish) : null;
    const change: ItemChange = done ? 'done' : days === null ? 'later' : days > 0 ? 'later' : days < 0 ? 'earlier' : 'on-time';
    const text = done
      ? `“${was.title}” was done on ${finish ?? '?'}${days === null ? '' : days > 0 ? `, ${daysText(days)} after its planned finish (${was.finishDate})` : days < 0 ? `, ${daysText(days)} before its planned finish (${was.finishDate})` : ', as planned'}.`
      : days === null
        ? `“${was.title}” has no finish within the plan now (it was due ${was.finishDate ?? 'after the horizon'}).`
        : days === 0
          ? `“${was.title}” is on time (due ${finish}).`
          : `“${was.title}” is now due ${finish}, ${daysText(days)} ${days > 0 ? 'later' : 'earlier'} than planned (${was.finishDate}).`;
    out.push({ id: was.id, title: was.title, layer: was.layer, change, baselineStart: was.startDate, baselineFinish: was.finishDate, currentStart: start, currentFinish: finish, days, text });
  }
  const known = new Set(b.items.map((i) => i.id));
  for (const now of input.plan.items) {
    if (known.has(now.id) || now.source === 'proposal' || now.status === 'dropped') continue;
    out.push({
      id: now.id,
      title: now.title,
      layer: now.layer,
      change: 'added',
      baselineStart: null,
      baselineFinish: null,
      currentStart: now.actualStart ?? now.startDate,
      currentFinish: now.status === 'done' ? (now.actualFinish ?? now.finishDate) : now.finishDate,
      days: null,
      text: `“${now.title}” was added since the baseline (${now.durationWeeks} weeks of work${now.finishDate ? `, due ${now.finishDate}` : ''}).`,
    });
  }
  return out;
}

function hireSlips(b: BaselineSnapshot, input: ProgressInput): HireSlip[] {
  const people = new Map(input.people.map((p) => [p.id, p]));
  const currentByPerson = new Map(input.plan.hires.filter((h) => h.personId !== null).map((h) => [h.personId!, h]));
  const proposedNow = input.plan.hires.filter((h) => h.source === 'proposed');
  const used = new Set<string>();
  const out: HireSlip[] = [];
  // A person is named with their role unless the name says it already ("ML engineer (open requisition)").
  const who = (roleName: string, personName: string | null) => (personName ? personLabel(personName, roleName, '') : `The ${roleNoun(roleName)} hire`);
  for (const was of b.hires) {
    const person = was.personId ? people.get(was.personId) : undefined;
    let start: string | null = null;
    let change: HireChange;
    if (was.personId) {
      if (!person) change = 'removed';
      else if (person.status === 'on_staff') {
        start = person.startDate;
        change = 'joined';
      } else {
        start = currentByPerson.get(person.id)?.startDate ?? person.startDate;
        change = 'later';
      }
    } else {
      const match = proposedNow.find((h) => h.roleId === was.roleId && !used.has(h.id));
      if (match) {
        used.add(match.id);
        start = match.startDate;
      }
      change = match ? 'later' : 'removed';
    }
    const days = start !== null ? daysBetween(was.startDate, start) : null;
    if (change === 'later' && days !== null) change = days > 0 ? 'later' : days < 0 ? 'earlier' : 'on-time';
    const name = who(was.roleName, person?.name ?? was.personName);
    const text =
      change === 'removed'
        ? `${name} planned to start on ${was.startDate} is no longer planned.`
        : change === 'joined'
          ? `${name} joined on ${start ?? '?'}${days === null ? '' : days > 0 ? `, ${daysText(days)} later than planned (${was.startDate})` : days < 0 ? `, ${daysText(days)} earlier than planned` : ', as planned'}.`
          : days === 0
            ? `${name} still starts on ${start}, as planned.`
            : `${name} now starts on ${start ?? '?'}, ${days === null ? '' : `${daysText(days)} ${days > 0 ? 'later' : 'earlier'} than `}planned (${was.startDate}).`;
    out.push({ id: was.id, roleId: was.roleId, roleName: was.roleName, personName: person?.name ?? was.personName, change, baselineStart: was.startDate, currentStart: start, days, text });
  }
  const planned = new Set(b.hires.map((h) => h.personId).filter((id): id is string => id !== null));
  for (const h of input.plan.hires) {
    if ((h.personId && planned.has(h.personId)) || used.has(h.id)) continue;
    out.push({ id: h.id, roleId: h.roleId, roleName: h.roleName, personName: h.personName, change: 'added', baselineStart: null, currentStart: h.startDate, days: null, text: `${who(h.roleName, h.personName)} starting ${h.startDate} is new since the baseline.` });
  }
  return out;
}

function gateSlips(b: BaselineSnapshot, plan: PlanResult): GateSlip[] {
  return LAYERS.map((layer) => {
    const was = b.layers.find((l) => l.layer === layer.id)?.readyDate ?? null;
    const now = plan.layers.find((l) => l.layer === layer.id)?.readyDate ?? null;
    const days = was !== null && now !== null ? daysBetween(was, now) : null;
    const change: GateSlip['change'] = was === null ? (now === null ? 'on-time' : 'reached') : now === null ? 'lost' : days! > 0 ? 'later' : days! < 0 ? 'earlier' : 'on-time';
    const text =
      change === 'reached'
        ? `${layer.name} now gets ready (${now}); in the baseline it did not.`
        : change === 'lost'
          ? `${layer.name} no longer gets ready within the plan (the baseline had ${was}).`
          : change === 'on-time'
            ? `${layer.name} is ready ${now ?? 'not within the plan'}, as planned.`
            : `${layer.name} is ready ${now}, ${daysText(days!)} ${days! > 0 ? 'later' : 'earlier'} than planned (${was}).`;
    return { layer: layer.id, name: layer.name, baselineDate: was, currentDate: now, days, change, text };
  });
}

/** What a scenario change looks like in words, one parameter at a time. */
function scenarioChanges(was: BaselineSnapshot['scenario'], now: PlanResult['scenario']): string[] {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const out: string[] = [];
  const check = (label: string, a: unknown, b: unknown, show: (v: never) => string = (v) => String(v)) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${label} ${show(a as never)} → ${show(b as never)}`);
  };
  check('gate threshold', was.gateThreshold, now.gateThreshold, pct);
  check('run-work share', was.runShare, now.runShare, pct);
  check('hiring budget per quarter', was.hiringBudgetPerQuarter, now.hiringBudgetPerQuarter, (v: number | null) => (v === null ? 'no limit' : String(v)));
  check('hires per quarter', was.maxHiresPerQuarter, now.maxHiresPerQuarter);
  check('lead time', was.leadTimeWeeks, now.leadTimeWeeks, (v: number) => `${v} weeks`);
  check('ramp-up', was.rampUpWeeks, now.rampUpWeeks, (v: number | null) => (v === null ? "each role's own" : `${v} weeks`));
  check('target layer', was.targetLayer, now.targetLayer, (v: LayerId) => layerById(v).name);
  check('target date', was.targetDate, now.targetDate, (v: string | null) => v ?? 'end of horizon');
  check('start date', was.startDate, now.startDate);
  check('borrowed people', was.borrowed, now.borrowed, (v: readonly unknown[]) => plural(v.length, 'loan'));
  return out;
}

/** Why each layer gate that moved later did, from the data: late and long work, late or missing hires, added work, leavers, scenario changes. */
function causesOf(b: BaselineSnapshot, input: ProgressInput, items: readonly ItemSlip[], hires: readonly HireSlip[], gates: readonly GateSlip[]): GateCauses[] {
  const stored = new Map(input.workItems.map((w) => [w.id, w]));
  const baselineItems = new Map(b.items.map((i) => [i.id, i]));
  const out: GateCauses[] = [];
  for (const gate of gates) {
    if (!(gate.change === 'later' || gate.change === 'lost')) continue;
    const level = layerLevel(gate.layer);
    const onOrBelow = (layer: LayerId | null) => layer === null || layerLevel(layer) <= level;
    const causes: SlipCause[] = [];
    for (const s of items) {
      if (!onOrBelow(s.layer) || s.days === null || s.days <= 0) continue;
      const was = baselineItems.get(s.id);
      const own = stored.get(s.id);
      // Done work: say whether it started late or ran over its estimate, whichever it was.
      if (s.change === 'done' && was?.startDate && was.finishDate && own?.actualStart && own.actualFinish) {
        const planned = daysBetween(was.startDate, was.finishDate);
        const took = daysBetween(own.actualStart, own.actualFinish);
        const over = took - planned;
        const late = daysBetween(was.startDate, own.actualStart);
        if (over > 0) causes.push({ kind: 'item-overran', days: over, itemIds: [s.id], text: `“${s.title}” ran ${daysText(over)} over its estimate (${took + 1} days instead of ${planned + 1}).` });
        if (late > 0) causes.push({ kind: 'item-late', days: late, itemIds: [s.id], text: `“${s.title}” started ${daysText(late)} late (${own.actualStart} instead of ${was.startDate}).` });
        continue;
      }
      causes.push({ kind: 'item-late', days: s.days, itemIds: [s.id], text: s.text });
    }
    const workOn = (roleId: string) => b.items.some((i) => onOrBelow(i.layer) && (i.demand[roleId] ?? 0) > 0);
    for (const h of hires) {
      if (!workOn(h.roleId)) continue;
      if (h.change === 'removed') causes.push({ kind: 'hire-missing', days: null, roleId: h.roleId, text: h.text });
      else if ((h.change === 'later' || h.change === 'joined') && h.days !== null && h.days > 0) causes.push({ kind: 'hire-late', days: h.days, roleId: h.roleId, text: h.text });
    }
    const added = items.filter((s) => s.change === 'added' && onOrBelow(s.layer));
    if (added.length > 0) {
      const weeks = added.reduce((sum, s) => sum + (stored.get(s.id)?.durationWeeks ?? 0), 0);
      causes.push({
        kind: 'work-added',
        days: weeks * 7,
        itemIds: added.map((s) => s.id),
        text: `${plural(added.length, 'item')} added since the baseline (${plural(weeks, 'week')} of work): ${added.slice(0, 3).map((s) => `“${s.title}”`).join(', ')}${added.length > 3 ? ` and ${added.length - 3} more` : ''}.`,
      });
    }
    const plannedLeave = new Set(b.headcount.flatMap((r) => r.steps.map((s) => `${r.roleId}@${s.date}`)));
    for (const p of input.people) {
      if (p.status !== 'on_staff' || p.endDate === null || p.endDate < b.asOf || plannedLeave.has(`${p.roleId}@${p.endDate}`) || !workOn(p.roleId)) continue;
      const due = gate.baselineDate;
      const days = due !== null && p.endDate < due ? daysBetween(p.endDate, due) : null;
      causes.push({
        kind: 'leaver',
        days,
        personId: p.id,
        roleId: p.roleId,
        text: `${p.name} leaves on ${p.endDate}, which the baseline did not know${days === null ? '' : ` (${daysText(days)} before ${gate.name} was due to be ready)`}.`,
      });
    }
    const changes = scenarioChanges(b.scenario, input.plan.scenario);
    if (changes.length > 0) causes.push({ kind: 'scenario-change', days: null, text: `The scenario changed: ${changes.join('; ')}.` });
    causes.sort((x, y) => (y.days ?? -1) - (x.days ?? -1));
    out.push({ layer: gate.layer, name: gate.name, days: gate.days, causes });
  }
  return out;
}

/** Every 7 days from `from`, and `to` itself: the sample dates of a series. */
function weeklyDates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDaysIso(d, 7)) out.push(d);
  if (out[out.length - 1] !== to) out.push(to);
  return out;
}

interface CapState {
  current: number | null;
  target: number | null;
}

/** Weakest-link readiness of a layer over the given capabilities' states. */
function weakest(ids: readonly string[], state: ReadonlyMap<string, CapState>): number | null {
  let min: number | null = null;
  for (const id of ids) {
    const s = state.get(id);
    if (!s || s.current === null || s.target === null) continue;
    const score = s.target === 0 || s.current >= s.target ? 1 : s.current / s.target;
    min = min === null ? score : Math.min(min, score);
  }
  return min;
}

function readinessSeries(b: BaselineSnapshot, input: ProgressInput): LayerSeries[] {
  const reportedIds = new Map(
    LAYERS.map((l) => {
      const own = b.capabilities.filter((c) => c.layer === l.id);
      const needed = own.filter((c) => c.needed);
      return [l.id, (needed.length ? needed : own).map((c) => c.id)] as const;
    }),
  );
  const reported = (layer: LayerId) => reportedIds.get(layer) ?? [];
  // Actual: replay the history's maturity rows up to each sample date.
  const rows = input.history.filter((r) => r.entity === 'capability' && (r.field === 'currentMaturity' || r.field === 'targetMaturity' || r.field === 'deleted'));
  // Storage lists history oldest first; sort only what is not.
  if (rows.some((r, i) => i > 0 && r.at < rows[i - 1]!.at)) rows.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  const first = rows[0]?.at.slice(0, 10) ?? b.asOf;
  const from = first < b.asOf ? (daysBetween(first, b.asOf) > 366 * 5 ? addDaysIso(b.asOf, -366 * 5) : first) : b.asOf;
  const dates = weeklyDates(from, input.asOf);
  const state = new Map<string, CapState>();
  let next = 0;
  const actual = new Map<LayerId, Point[]>(LAYERS.map((l) => [l.id, []]));
  for (const date of dates) {
    const end = `${date}T23:59:59.999Z`;
    for (; next < rows.length && rows[next]!.at <= end; next++) {
      const r = rows[next]!;
      const s = state.get(r.entityId) ?? { current: null, target: null };
      if (r.field === 'deleted') state.delete(r.entityId);
      else if (r.field === 'currentMaturity') state.set(r.entityId, { ...s, current: r.newValue === null ? null : Number(r.newValue) });
      else state.set(r.entityId, { ...s, target: r.newValue === null ? null : Number(r.newValue) });
    }
    for (const layer of LAYERS) actual.get(layer.id)!.push({ date, value: weakest(reported(layer.id), state) });
  }
  // Planned: the baseline's inventory, raised as its items finish.
  const plannedDates = weeklyDates(b.asOf, b.endDate);
  const finishes = b.items.filter((i) => i.capabilityId !== null && i.toMaturity !== null && i.finishDate !== null).sort((x, y) => x.finishDate!.localeCompare(y.finishDate!));
  const plannedState = new Map<string, CapState>(b.capabilities.map((c) => [c.id, { current: c.currentMaturity, target: c.targetMaturity }]));
  let k = 0;
  const planned = new Map<LayerId, Point[]>(LAYERS.map((l) => [l.id, []]));
  for (const date of plannedDates) {
    for (; k < finishes.length && finishes[k]!.finishDate! <= date; k++) {
      const i = finishes[k]!;
      const s = plannedState.get(i.capabilityId!);
      if (s && (s.current ?? 0) < i.toMaturity!) plannedState.set(i.capabilityId!, { ...s, current: i.toMaturity });
    }
    for (const layer of LAYERS) planned.get(layer.id)!.push({ date, value: weakest(reported(layer.id), plannedState) });
  }
  return LAYERS.map((l) => ({ layer: l.id, name: l.name, actual: actual.get(l.id)!, planned: planned.get(l.id)! }));
}

function burnUp(b: BaselineSnapshot, input: ProgressInput): ProgressReport['burnUp'] {
  const stored = new Map(input.workItems.map((w) => [w.id, w]));
  const end = b.endDate > input.asOf ? b.endDate : input.asOf;
  const dates = weeklyDates(b.asOf, end);
  const plannedFinishes = b.items.map((i) => i.finishDate).filter((d): d is string => d !== null).sort();
  const actualFinishes = b.items
    .map((i) => stored.get(i.id))
    .filter((w): w is WorkItem => w !== undefined && w.status === 'done' && w.actualFinish !== null)
    .map((w) => w.actualFinish!)
    .sort();
  const count = (list: readonly string[], date: string) => {
    let n = 0;
    while (n < list.length && list[n]! <= date) n++;
    return n;
  };
  return {
    total: b.items.length,
    planned: dates.map((date) => ({ date, count: count(plannedFinishes, date) })),
    actual: dates.filter((d) => d <= input.asOf).map((date) => ({ date, count: count(actualFinishes, date) })),
  };
}

function headcountSeries(b: BaselineSnapshot, input: ProgressInput): RoleSeries[] {
  const roles = new Map<string, string>(b.headcount.map((r) => [r.roleId, r.roleName]));
  const actual = new Map<string, Map<string, number>>();
  for (const p of input.people) {
    if (p.status !== 'on_staff') continue;
    const steps = actual.get(p.roleId) ?? new Map<string, number>();
    const start = p.startDate === null || p.startDate < b.asOf ? b.asOf : p.startDate;
    steps.set(start, (steps.get(start) ?? 0) + p.fte);
    if (p.endDate !== null && p.endDate >= b.asOf) steps.set(addDaysIso(p.endDate, 1), (steps.get(addDaysIso(p.endDate, 1)) ?? 0) - p.fte);
    actual.set(p.roleId, steps);
    if (!roles.has(p.roleId)) roles.set(p.roleId, p.roleId);
  }
  return [...roles.entries()].map(([roleId, roleName]) => {
    let level = 0;
    const steps = [...(actual.get(roleId) ?? new Map<string, number>()).entries()]
      .sort(([a], [c]) => a.localeCompare(c))
      .filter(([date]) => date <= input.asOf)
      .map(([date, delta]) => {
        level = Math.round((level + delta) * 100) / 100;
        return { date, people: level };
      });
    return { roleId, roleName, planned: b.headcount.find((r) => r.roleId === roleId)?.steps ?? [], actual: steps };
  });
}

/** Progress of the workspace against a baseline, as of `asOf`. */
export function progressReport(input: ProgressInput): ProgressReport {
  const b = input.baseline.snapshot;
  const items = itemSlips(b, input);
  const hires = hireSlips(b, input);
  const gates = gateSlips(b, input.plan);
  const quarter = quarterOf(input.asOf, input.plan.settings.fiscalYearStartMonth as MonthNumber);
  return {
    version: 1,
    baseline: { id: input.baseline.id, name: input.baseline.name, asOf: input.baseline.asOf, createdAt: input.baseline.createdAt, scenarioName: b.scenario.name },
    asOf: input.asOf,
    summary: {
      itemsDone: items.filter((s) => s.change === 'done').length,
      itemsLate: items.filter((s) => s.change === 'later' || (s.change === 'done' && (s.days ?? 0) > 0)).length,
      itemsAdded: items.filter((s) => s.change === 'added').length,
      itemsRemoved: items.filter((s) => s.change === 'removed').length,
      hiresLate: hires.filter((h) => (h.days ?? 0) > 0 || h.change === 'removed').length,
      gatesLater: gates.filter((g) => g.change === 'later' || g.change === 'lost').length,
      gatesEarlier: gates.filter((g) => g.change === 'earlier' || g.change === 'reached').length,
    },
    slips: { items, hires, gates },
    causes: causesOf(b, input, items, hires, gates),
    finishedThisQuarter: items.filter((s) => s.change === 'done' && s.currentFinish !== null && s.currentFinish >= quarter.firstDay && s.currentFinish <= quarter.lastDay),
    readiness: readinessSeries(b, input),
    burnUp: burnUp(b, input),
    headcount: headcountSeries(b, input),
  };
}
