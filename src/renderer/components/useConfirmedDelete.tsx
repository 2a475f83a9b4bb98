import { useState, type ReactNode } from 'react';
import { ConfirmDialog, useFocusAfterDelete } from './Modal';

export interface ConfirmedDelete<T> {
  /** Opens the confirmation for `item`. */
  ask(item: T): void;
  /** The dialog while one is open (render it), else null. */
  readonly confirmation: ReactNode;
}

/**
 * A delete the user confirms first: the dialog (Cancel focused), then the delete, and after it the
 * focus back on the screen's heading (the row is gone). `remove` says what to call, with its own
 * toasts; a refusal leaves the focus where it was.
 */
export function useConfirmedDelete<T>(options: {
  readonly dialog: (item: T) => { readonly title: string; readonly message: ReactNode; readonly confirmLabel: string };
  /** Deletes; resolves true when done, false when refused. */
  readonly remove: (item: T) => Promise<boolean>;
}): ConfirmedDelete<T> {
  const [pending, setPending] = useState<T | null>(null);
  const focusAfterDelete = useFocusAfterDelete();
  const confirm = async (item: T) => {
    setPending(null);
    if (await options.remove(item)) focusAfterDelete();
  };
  return {
    ask: setPending,
    confirmation:
      pending === null ? null : <ConfirmDialog {...options.dialog(pending)} onCancel={() => setPending(null)} onConfirm={() => void confirm(pending)} />,
  };
}
