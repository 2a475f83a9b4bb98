import type { WorkItem, WorkItemStatus } from '../domain/planning';
import type { Capability } from '../domain/types';

/**
 * What changing a work item's status records, in one place for the app and the command line:
 * going in progress sets the actual start (today unless already known); marking it done sets the
 * actual finish and, when the item is a maturity step, raises its capability to the step's target
 * (the planner then never proposes that level again, and the gates move forward); reopening clears
 * the finish. The maturity is only raised, never lowered: undoing goes through the recorded
 * before-values instead.
 */
export interface StatusChange {
  readonly status: WorkItemStatus;
  readonly actualStart: string | null;
  readonly actualFinish: string | null;
  /** The capability's new current maturity, when marking done raises it. */
  readonly capabilityMaturity?: number;
}

export function statusChange(item: WorkItem, capability: Capability | null, status: WorkItemStatus, today: string, dates: { readonly start?: string | null; readonly finish?: string | null } = {}): StatusChange {
  const start = dates.start !== undefined ? dates.start : item.actualStart;
  switch (status) {
    case 'in_progress':
      return { status, actualStart: start ?? today, actualFinish: null };
    case 'done': {
      const finish = dates.finish !== undefined && dates.finish !== null ? dates.finish : (item.actualFinish ?? today);
      const raise = raisedMaturity(item, capability);
      return { status, actualStart: start, actualFinish: finish, ...(raise === null ? {} : { capabilityMaturity: raise }) };
    }
    default:
      return { status, actualStart: status === 'dropped' ? start : null, actualFinish: null };
  }
}

/** The maturity marking the item done gives its capability, or null when it raises nothing. */
export function raisedMaturity(item: Pick<WorkItem, 'capabilityId' | 'toMaturity'>, capability: Pick<Capability, 'id' | 'currentMaturity'> | null): number | null {
  if (item.capabilityId === null || item.toMaturity === null || capability === null || capability.id !== item.capabilityId) return null;
  return item.toMaturity > capability.currentMaturity ? item.toMaturity : null;
}
