import type { MethodInput } from '../../shared/contract';

type Patch<M extends 'capability.update' | 'person.update' | 'role.update'> = MethodInput<M>['patch'];

/**
 * One field edit, kept with the value before and after so it can be undone by sending the
 * inverse update. Creates and deletes are not undoable: deletes are confirmed instead.
 */
export type FieldEdit =
  | { readonly kind: 'capability'; readonly id: string; readonly label: string; readonly before: Patch<'capability.update'>; readonly after: Patch<'capability.update'> }
  | { readonly kind: 'person'; readonly id: string; readonly label: string; readonly before: Patch<'person.update'>; readonly after: Patch<'person.update'> }
  | { readonly kind: 'role'; readonly id: string; readonly label: string; readonly before: Patch<'role.update'>; readonly after: Patch<'role.update'> }
  | { readonly kind: 'organisation'; readonly label: string; readonly before: { readonly name: string }; readonly after: { readonly name: string } };

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
