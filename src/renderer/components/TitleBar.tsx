import { organisationSchema } from '../../shared/schemas';
import { fieldError } from '../validation';
import { useWorkspace } from '../workspace/WorkspaceProvider';
import type { WorkspaceSnapshot } from '../../shared/contract';
import { EditableText } from './EditableText';
import { PyramidMark } from './PyramidMark';
import { SettingsButton } from '../settings/SettingsDialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl+';

/** Organisation name (editable once the workspace has content), the file, undo and redo. */
export function TitleBar({ snapshot, onShowBackups }: { readonly snapshot: WorkspaceSnapshot; readonly onShowBackups: () => void }) {
  const { edit, undo, redo, history } = useWorkspace();
  const last = history.past.at(-1);
  const next = history.future.at(-1);
  const fileName = snapshot.path.split(/[\\/]/).pop() ?? snapshot.path;

  return (
    <header className="titlebar">
      <div className="brand">
        <PyramidMark className="brand-mark" />
        <span className="brand-name">Groundwork</span>
      </div>
      <div className="titlebar-workspace">
        {snapshot.isEmpty ? (
          <span className="org-name-static">{snapshot.organisation.name || 'New workspace'}</span>
        ) : (
          <EditableText
            label="Organisation name"
            value={snapshot.organisation.name}
            field="name"
            className="org-name"
            testId="organisation-name"
            validate={(v) => fieldError(organisationSchema, { name: v }, 'name')}
            onCommit={(v) => edit({ kind: 'organisation', label: 'organisation name', before: { name: snapshot.organisation.name }, after: { name: v } })}
          />
        )}
        <span className="file-path" title={snapshot.path} data-testid="file-path">
          <span className="visually-hidden">Workspace file: </span>
          <span className="file-name">{fileName}</span>
          <span className="file-dir">{snapshot.path.slice(0, snapshot.path.length - fileName.length)}</span>
        </span>
      </div>
      <div className="titlebar-actions">
        {!snapshot.isEmpty && <SettingsButton />}
        <button type="button" className="button button-small" onClick={onShowBackups} title="File ▸ Restore from backup">
          Backups
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => void undo()}
          disabled={!last}
          aria-label={last ? `Undo ${last.label}` : 'Undo'}
          title={last ? `Undo ${last.label} (${MOD_LABEL}Z)` : `Nothing to undo (${MOD_LABEL}Z)`}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M6 3 2 7l4 4V8h4.5a2.5 2.5 0 0 1 0 5H8v2h2.5a4.5 4.5 0 0 0 0-9H6V3Z" fill="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => void redo()}
          disabled={!next}
          aria-label={next ? `Redo ${next.label}` : 'Redo'}
          title={next ? `Redo ${next.label} (${MOD_LABEL}Shift+Z)` : `Nothing to redo (${MOD_LABEL}Shift+Z)`}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="m10 3 4 4-4 4V8H5.5a2.5 2.5 0 0 0 0 5H8v2H5.5a4.5 4.5 0 0 1 0-9H10V3Z" fill="currentColor" />
          </svg>
        </button>
      </div>
    </header>
  );
}
