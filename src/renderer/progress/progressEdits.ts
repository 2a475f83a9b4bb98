import { addDaysIso } from '../../core/domain/calendar';
import { MATURITY_RUBRIC } from '../../core/domain/maturity';
import type { WorkItem, WorkItemStatus } from '../../core/domain/planning';
import type { Capability, Person } from '../../core/domain/types';
import { raisedMaturity, statusChange } from '../../core/progress/status';
import { isoDateSchema } from '../../shared/schemas';
import type { FieldEdit, ProgressValues } from '../workspace/undo';

/*
 * The renderer's side of "done that counts": what the Mark done and Joined dialogs start with,
 * the edits they send (kept with the values from before, so undo puts everything back), and
 * their checks. What a status change records and whether it raises a capability are core's rules
 * (statusChange, raisedMaturity); this only prefills and words them.
 */

/** A date the lead typed: `YYYY-MM-DD`, a real date, not after `today` (work done is in the past). */
export function pastDateError(text: string, today: string, required: boolean): string | undefined {
  const value = text.trim();
  if (value === '') return required ? 'required' : undefined;
  const parsed = isoDateSchema.safeParse(value);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a date (use YYYY-MM-DD)';
  if (value > today) return `must not be after today (${today})`;
  return undefined;
}

export interface DoneDefaults {
  readonly start: string;
  readonly finish: string;
  /** The maturity marking the item done gives its capability; null when it raises nothing. */
  readonly raise: number | null;
}

/**
 * What the Mark done dialog starts with: the finish the status change would record (the one known,
 * else today), the start known, else the planned start when it lies before the finish, else the
 * finish less the estimate.
 */
export function doneDefaults(item: WorkItem, capability: Capability | null, today: string, plannedStart: string | null): DoneDefaults {
  const change = statusChange(item, capability, 'done', today);
  const finish = change.actualFinish ?? today;
  const start = change.actualStart ?? (plannedStart !== null && plannedStart <= finish ? plannedStart : addDaysIso(finish, -7 * Math.max(1, item.durationWeeks) + 1));
  return { start: start > finish ? finish : start, finish, raise: raisedMaturity(item, capability) };
}

/** "Mark done — raise Warehouse to Managed?" when it raises a capability; otherwise about the item. */
export function doneQuestion(item: Pick<WorkItem, 'title'>, capability: Pick<Capability, 'name'> | null, raise: number | null): string {
  if (raise !== null && capability !== null) return `Mark done — raise ${capability.name} to ${MATURITY_RUBRIC[raise]?.name ?? raise}?`;
  return `Mark “${item.title}” done?`;
}

/** The values a work item has now, as `workItem.progress` would set them (and so what undo sends back). */
export function progressNow(item: WorkItem, capability: Capability | null, withMaturity: boolean): ProgressValues {
  return {
    status: item.status,
    actualStart: item.actualStart,
    actualFinish: item.actualFinish,
    ...(withMaturity && capability !== null ? { capabilityMaturity: capability.currentMaturity } : {}),
  };
}

const STATUS_WORDS: Readonly<Record<WorkItemStatus, string>> = {
  proposed: 'proposed',
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** A progress edit of `item`, undoable: `after` is what is sent, `before` what the item (and its capability) has now. */
export function progressEdit(item: WorkItem, capability: Capability | null, after: ProgressValues): FieldEdit {
  const raised = after.capabilityMaturity !== undefined && capability !== null && after.capabilityMaturity !== capability.currentMaturity;
  return {
    kind: 'progress',
    id: item.id,
    label: `“${item.title}” ${STATUS_WORDS[after.status]}${raised ? `, ${capability.name} at ${MATURITY_RUBRIC[after.capabilityMaturity!]?.name ?? after.capabilityMaturity}` : ''}`,
    before: progressNow(item, capability, after.capabilityMaturity !== undefined),
    after,
  };
}

/** What marking done sends: the dates the lead confirmed, and the raise when they kept it. */
export function doneValues(start: string, finish: string, raise: number | null): ProgressValues {
  return { status: 'done', actualStart: start.trim() === '' ? null : start.trim(), actualFinish: finish.trim(), ...(raise === null ? {} : { capabilityMaturity: raise }) };
}

/** Going in progress: the start the status change records (the one known, else today). */
export function startValues(item: WorkItem, today: string): ProgressValues {
  const change = statusChange(item, null, 'in_progress', today);
  return { status: 'in_progress', actualStart: change.actualStart, actualFinish: null };
}

/** Who can be marked as joined: an open requisition or a planned hire. */
export function canJoin(person: Pick<Person, 'status'>): boolean {
  return person.status === 'open_req' || person.status === 'planned';
}

/** The start the Joined dialog offers: the planned start when it has come, else today. */
export function joinDefault(person: Pick<Person, 'startDate'>, today: string): string {
  return person.startDate !== null && person.startDate <= today ? person.startDate : today;
}

/** A join, undoable: back to the status and start date from before. */
export function joinEdit(person: Person, startDate: string): FieldEdit {
  return {
    kind: 'join',
    id: person.id,
    label: `${person.name} joined`,
    before: { status: person.status, startDate: person.startDate },
    after: { startDate },
  };
}
