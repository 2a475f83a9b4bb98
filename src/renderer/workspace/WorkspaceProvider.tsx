import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Method, MethodInput, MethodResult, WorkspaceSnapshot } from '../../shared/contract';
import { call, onWorkspaceChanged, toApiError, type ApiError } from '../api';
import { useToasts } from './toasts';
import { emptyHistory, recorded, redone, undone, type FieldEdit, type UndoHistory } from './undo';

type Load = { readonly state: 'loading' } | { readonly state: 'ready'; readonly snapshot: WorkspaceSnapshot } | { readonly state: 'failed'; readonly error: ApiError };

interface WorkspaceApi {
  readonly load: Load;
  /**
   * Sends a change (an edit, a plan accepted): its answer's workspace replaces the snapshot, and
   * the answer is returned. Changes go one after another; errors are toasted, then rethrown.
   */
  change<M extends ChangeMethod>(method: M, payload: MethodInput<M>): Promise<MethodResult<M>>;
  /**
   * change(), then a toast saying `done` (text, or made from the answer). A refusal is toasted by
   * change() and not rethrown: resolves with the answer, or null when the change was refused.
   */
  changeAndTell<M extends ChangeMethod>(method: M, payload: MethodInput<M>, done: string | ((answer: MethodResult<M>) => string)): Promise<MethodResult<M> | null>;
  /** Sends a field edit and records it for undo. */
  edit(edit: FieldEdit): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  readonly history: UndoHistory;
  reload(): Promise<void>;
  /** Shows a snapshot that replaced the workspace as a whole (a restore): the undo stack no longer applies. */
  replace(snapshot: WorkspaceSnapshot): void;
  /** Shows a snapshot another call answered (a CSV import). */
  show(snapshot: WorkspaceSnapshot): void;
}

/** The methods whose answer is the whole workspace after them, or carries it as `snapshot`. */
export type ChangeMethod = { [M in Method]: MethodResult<M> extends WorkspaceSnapshot | { readonly snapshot: WorkspaceSnapshot } ? M : never }[Method];

function snapshotIn(answer: WorkspaceSnapshot | { readonly snapshot: WorkspaceSnapshot }): WorkspaceSnapshot {
  return 'snapshot' in answer ? answer.snapshot : answer;
}

const WorkspaceContext = createContext<WorkspaceApi | null>(null);

function send(edit: FieldEdit, direction: 'before' | 'after'): Promise<WorkspaceSnapshot> {
  switch (edit.kind) {
    case 'capability':
      return call('capability.update', { id: edit.id, patch: edit[direction] });
    case 'person':
      return call('person.update', { id: edit.id, patch: edit[direction] });
    case 'role':
      return call('role.update', { id: edit.id, patch: edit[direction] });
    case 'organisation':
      return call('workspace.setOrganisation', edit[direction]);
    case 'progress':
      return call('workItem.progress', { id: edit.id, ...edit[direction] });
    case 'join':
      return direction === 'after' ? call('person.join', { id: edit.id, ...edit.after }) : call('person.update', { id: edit.id, patch: edit.before });
  }
}

export function WorkspaceProvider({ children }: { readonly children: ReactNode }) {
  const { notify } = useToasts();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [history, setHistory] = useState<UndoHistory>(emptyHistory);
  const historyRef = useRef(history);
  // Calls run one after another, so an older answer never overwrites a newer snapshot.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const setHistoryBoth = useCallback((next: UndoHistory) => {
    historyRef.current = next;
    setHistory(next);
  }, []);

  const enqueue = useCallback(
    <T,>(task: () => Promise<T>): Promise<T> => {
      const result = queue.current.then(task, task);
      queue.current = result.catch(() => undefined);
      return result.then(
        (value) => value,
        (cause: unknown) => {
          const error = toApiError(cause);
          notify(error.message, 'error', error.code);
          throw error;
        },
      );
    },
    [notify],
  );

  const accept = useCallback((snapshot: WorkspaceSnapshot) => {
    setLoad({ state: 'ready', snapshot });
    return snapshot;
  }, []);

  const change = useCallback(
    <M extends ChangeMethod>(method: M, payload: MethodInput<M>) =>
      enqueue(async () => {
        const answer = await call(method, payload);
        // ChangeMethod guarantees the answer's shape; TypeScript cannot see it through M.
        accept(snapshotIn(answer as WorkspaceSnapshot | { readonly snapshot: WorkspaceSnapshot }));
        return answer;
      }),
    [enqueue, accept],
  );

  const changeAndTell = useCallback(
    async <M extends ChangeMethod>(method: M, payload: MethodInput<M>, done: string | ((answer: MethodResult<M>) => string)) => {
      let answer: MethodResult<M>;
      try {
        answer = await change(method, payload);
      } catch {
        return null;
      }
      notify(typeof done === 'string' ? done : done(answer));
      return answer;
    },
    [change, notify],
  );

  const edit = useCallback(
    async (change: FieldEdit) => {
      await enqueue(async () => accept(await send(change, 'after')));
      setHistoryBoth(recorded(historyRef.current, change));
    },
    [enqueue, accept, setHistoryBoth],
  );

  const undo = useCallback(async () => {
    const change = historyRef.current.past.at(-1);
    if (!change) return;
    // Move it first, so a second Ctrl+Z pressed before the answer takes the next edit back.
    setHistoryBoth(undone(historyRef.current));
    try {
      await enqueue(async () => accept(await send(change, 'before')));
      notify(`Undid: ${change.label}`);
    } catch {
      setHistoryBoth({ ...historyRef.current, future: historyRef.current.future.filter((e) => e !== change) });
    }
  }, [enqueue, accept, notify, setHistoryBoth]);

  const redo = useCallback(async () => {
    const change = historyRef.current.future.at(-1);
    if (!change) return;
    setHistoryBoth(redone(historyRef.current));
    try {
      await enqueue(async () => accept(await send(change, 'after')));
      notify(`Redid: ${change.label}`);
    } catch {
      setHistoryBoth({ ...historyRef.current, past: historyRef.current.past.filter((e) => e !== change) });
    }
  }, [enqueue, accept, notify, setHistoryBoth]);

  const reload = useCallback(async () => {
    try {
      const snapshot = await call('workspace.snapshot', {});
      setLoad({ state: 'ready', snapshot });
    } catch (cause) {
      setLoad({ state: 'failed', error: toApiError(cause) });
    }
  }, []);

  useEffect(() => {
    void reload();
    return onWorkspaceChanged(() => {
      // Another file: the edits on the stack belong to the old one.
      setHistoryBoth(emptyHistory);
      void reload();
    });
  }, [reload, setHistoryBoth]);

  const replace = useCallback(
    (snapshot: WorkspaceSnapshot) => {
      setHistoryBoth(emptyHistory);
      accept(snapshot);
    },
    [accept, setHistoryBoth],
  );

  const value = useMemo<WorkspaceApi>(
    () => ({ load, change, changeAndTell, edit, undo, redo, history, reload, replace, show: accept }),
    [load, change, changeAndTell, edit, undo, redo, history, reload, replace, accept],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceApi {
  const api = useContext(WorkspaceContext);
  if (!api) throw new Error('useWorkspace needs a WorkspaceProvider');
  return api;
}

/** For screens, which only render once the snapshot is there. */
export function useSnapshot(): WorkspaceSnapshot {
  const { load } = useWorkspace();
  if (load.state !== 'ready') throw new Error('the workspace is not loaded');
  return load.snapshot;
}
