import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupList } from '../../shared/contract';
import { call, toApiError } from '../api';
import { Modal } from '../components/Modal';
import { useWorkspace } from '../workspace/WorkspaceProvider';

const REASONS: Readonly<Record<string, string>> = {
  open: 'Opened',
  edit: 'While editing',
  migration: 'Before an update',
  import: 'Before an import',
  'csv-import': 'Before a CSV import',
  restore: 'Before a restore',
  manual: 'Backed up by hand',
};

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function holds(entry: BackupEntry): string {
  if (entry.counts === null) return `Cannot be restored: ${entry.problem ?? 'unreadable'}`;
  const c = entry.counts;
  return `${c.capabilities} capabilities, ${c.people} people, ${c.workItems} work items`;
}

/**
 * File ▸ Restore from backup: the automatic backups of the open workspace with date, size, what
 * they hold and what changed; a backup restores over the open workspace (which is backed up
 * first, so "Undo restore" brings it back) or into a new file.
 */
export function BackupsDialog({ onClose }: { readonly onClose: () => void }) {
  const { replace } = useWorkspace();
  const [list, setList] = useState<BackupList | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const [done, setDone] = useState<{ message: string; undo: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setList(await call('backup.list', {}));
    } catch (cause) {
      setError(toApiError(cause).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (cause) {
      setError(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const restore = (entry: BackupEntry, target: 'current' | 'new') =>
    act(async () => {
      const answer = await call('backup.restore', { path: entry.path, target });
      replace(answer.snapshot);
      setChoosing(null);
      if (target === 'current') {
        setDone({ message: `Restored the backup of ${when(entry.createdAt)}. The workspace it replaced was backed up first.`, undo: answer.undoBackup });
      } else if (answer.undoBackup === null && answer.restoredTo !== list?.workspace) {
        setDone({ message: `Restored the backup of ${when(entry.createdAt)} into ${answer.restoredTo}, which is now open.`, undo: null });
      }
      await refresh();
    });

  const undo = (path: string) =>
    act(async () => {
      const answer = await call('backup.restore', { path, target: 'current' });
      replace(answer.snapshot);
      setDone({ message: 'Undid the restore: the workspace is back as it was.', undo: null });
      await refresh();
    });

  return (
    <Modal title="Restore from backup" onClose={onClose} className="modal-wide modal-backups" description={list ? `Backups of ${list.workspace}, kept in ${list.folder}.` : 'Reading the backups…'}>
      {done && (
        <div className="inline-note" role="status" data-testid="restore-done">
          <p>{done.message}</p>
          {done.undo && (
            <button type="button" className="button" onClick={() => void undo(done.undo as string)} disabled={busy}>
              Undo restore
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="inline-alert" role="alert">
          {error}
        </p>
      )}
      {list && list.backups.length === 0 && <p className="empty">No backups yet. Groundwork backs the workspace up when it opens and every few minutes while you edit.</p>}
      {list && list.backups.length > 0 && (
        <table className="grid-table backups-table" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">Holds</th>
              <th scope="col">Change</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((entry) => (
              <tr key={entry.path}>
                <td>{when(entry.createdAt)}</td>
                <td>{Object.hasOwn(REASONS, entry.reason) ? REASONS[entry.reason] : entry.reason}</td>
                <td>{size(entry.bytes)}</td>
                <td>{holds(entry)}</td>
                <td>{entry.change}</td>
                <td className="backup-actions">
                  {choosing === entry.path ? (
                    <div role="group" aria-label={`Restore the backup of ${when(entry.createdAt)}`} className="button-row">
                      <button type="button" className="button button-primary" onClick={() => void restore(entry, 'current')} disabled={busy} data-autofocus>
                        Replace the open workspace
                      </button>
                      <button type="button" className="button" onClick={() => void restore(entry, 'new')} disabled={busy}>
                        As a new file…
                      </button>
                      <button type="button" className="button" onClick={() => setChoosing(null)}>
                        Cancel
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="button" onClick={() => setChoosing(entry.path)} disabled={busy || entry.problem !== null} aria-label={`Restore the backup of ${when(entry.createdAt)}…`}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => void act(async () => setList(await call('backup.create', {})))} disabled={busy}>
          Back up now
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
