import type { MethodInput } from '../../shared/contract';

type Patch<M extends 'capability.update' | 'person.update' | 'role.update'> = MethodInput<M>['patch'];

/** A work item's progress as `workItem.progress` sends it, without the item's id. */
export type ProgressValues = Omit<MethodInput<'workItem.progress'>, 'id'>;

/**
 * One edit, kept with the values before and after so it can be undone by sending the inverse
 * update. Creates and deletes are not undoable: deletes are confirmed instead.
 */
export type FieldEdit =
  | { readonly kind: 'capability'; readonly id: string; readonly label: string; readonly before: Patch<'capability.update'>; readonly after: Patch<'capability.update'> }
  | { readonly kind: 'person'; readonly id: string; readonly label: string; readonly before: Patch<'person.update'>; readonly after: Patch<'person.update'> }
  | { readonly kind: 'role'; readonly id: string; readonly label: string; readonly before: Patch<'role.update'>; readonly after: Patch<'role.update'> }
  | { readonly kind: 'organisation'; readonly label: string; readonly before: { readonly name: string }; readonly after: { readonly name: string } }
  /** A status change (with its dates and the maturity it raised): undone by sending the values from before. */
  | { readonly kind: 'progress'; readonly id: string; readonly label: string; readonly before: ProgressValues; readonly after: ProgressValues }
  /** A requisition or planned hire who joined (`person.join`): undone by giving back their status and start date. */
  | { readonly kind: 'join'; readonly id: string; readonly label: string; readonly before: Patch<'person.update'>; readonly after: { readonly startDate: string } };

export interface UndoHistory {
  readonly past: readonly FieldEdit[];
  readonly future: readonly FieldEdit[];
}

/** Enough to take back a slip or two; a longer history would mostly replay stale edits. */
export const UNDO_LIMIT = 50;

export const emptyHistory: UndoHistory = { past: [], future: [] };

export function recorded(history: UndoHistory, edit: FieldEdit): UndoHistory {
  return { past: [...history.past, edit].slice(-UNDO_LIMIT), future: [] };
}

export function undone(history: UndoHistory): UndoHistory {
  const edit = history.past.at(-1);
  if (!edit) return history;
  return { past: history.past.slice(0, -1), future: [...history.future, edit] };
}

export function redone(history: UndoHistory): UndoHistory {
  const edit = history.future.at(-1);
  if (!edit) return history;
  return { past: [...history.past, edit], future: history.future.slice(0, -1) };
}
