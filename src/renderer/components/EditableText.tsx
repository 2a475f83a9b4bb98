import { useId, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../api';
import { serverField } from '../validation';

interface Props {
  /** Accessible name; shown as a visible label unless `hideLabel`. */
  readonly label: string;
  readonly hideLabel?: boolean;
  /** The committed value, as the workspace has it. */
  readonly value: string;
  /** Checks the draft with the shared schema; a message stops the commit. */
  readonly validate?: (draft: string) => string | undefined;
  /** Saves the draft; rejects with an ApiError whose field, if any, is this one. */
  readonly onCommit: (draft: string) => Promise<void>;
  /** The field name the server would report, to show its error here. */
  readonly field?: string;
  readonly multiline?: boolean;
  /** One line of text that wraps instead of scrolling sideways (long names); Enter still saves. */
  readonly wrap?: boolean;
  readonly placeholder?: string;
  readonly inputMode?: 'text' | 'decimal' | 'numeric';
  readonly className?: string;
  readonly testId?: string;
}

/**
 * A text field that saves on blur and on Enter (no Save button), validates before sending, and
 * shows the error next to itself. Esc puts the committed value back.
 */
export function EditableText({ label, hideLabel = true, value, validate, onCommit, field, multiline = false, wrap = false, placeholder, inputMode, className, testId }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  const [error, setError] = useState<string | undefined>(undefined);
  // Bumped after each save: the answer may normalise the draft back to the same stored value
  // ("1.0" → 1, " x " → "x"), which would otherwise leave the field looking unsaved.
  const [saves, setSaves] = useState(0);
  const [seenSaves, setSeenSaves] = useState(0);

  // A new committed value (an answer, an undo) replaces the draft.
  if (value !== committed || saves !== seenSaves) {
    setCommitted(value);
    setSeenSaves(saves);
    setDraft(value);
    setError(undefined);
  }

  const commit = async () => {
    if (draft.trim() === value.trim()) {
      // Only whitespace changed: the schemas trim, so there is nothing to save.
      if (draft !== value) setDraft(value);
      setError(undefined);
      return;
    }
    const problem = validate?.(draft);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      await onCommit(draft);
      setError(undefined);
      setSaves((n) => n + 1);
    } catch (cause) {
      if (cause instanceof ApiError && (!field || serverField(cause.field) === field || cause.field === undefined)) {
        setError(cause.message);
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (!multiline || wrap || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && draft !== value) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(value);
      setError(undefined);
    }
  };

  const shared = {
    id,
    value: draft,
    placeholder,
    className: `field-input${error ? ' is-invalid' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    // The app's Ctrl+Z leaves a field with unsaved typing to the browser's own text undo.
    'data-dirty': draft !== value ? 'true' : undefined,
    'data-testid': testId,
    onBlur: () => void commit(),
    onKeyDown,
  };

  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {multiline || wrap ? (
        <textarea {...shared} rows={wrap ? 1 : 2} className={`${shared.className}${wrap ? ' field-wrap' : ''}`} onChange={(e) => setDraft(wrap ? e.target.value.replace(/\s*\n\s*/g, ' ') : e.target.value)} />
      ) : (
        <input {...shared} type="text" inputMode={inputMode} spellCheck={inputMode ? false : undefined} onChange={(e) => setDraft(e.target.value)} />
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
