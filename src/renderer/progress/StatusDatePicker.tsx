import { useId, useState, type KeyboardEvent } from 'react';
import { isoDateSchema } from '../../shared/schemas';
import { usePlanning } from '../planning/machine/usePlanning';
import { todayIso } from './useProgress';

/**
 * The status date plans are made as of (empty: today): done work lies before it, nothing new
 * starts before it. A text field like every date in the app (YYYY-MM-DD, checked before it is
 * used), applied on Enter or when it loses the focus; "Today" goes back to today.
 */
export function StatusDatePicker() {
  const { asOf, selectAsOf } = usePlanning();
  const id = useId();
  const [draft, setDraft] = useState(asOf ?? '');
  const [shown, setShown] = useState(asOf);
  const [error, setError] = useState<string | undefined>();
  // Another picker (the scenario bar's, the Progress view's) changed it.
  if (shown !== asOf) {
    setShown(asOf);
    setDraft(asOf ?? '');
    setError(undefined);
  }

  const apply = () => {
    const value = draft.trim();
    if (value === '') {
      setError(undefined);
      if (asOf !== null) selectAsOf(null);
      return;
    }
    const parsed = isoDateSchema.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'not a date (use YYYY-MM-DD)');
      return;
    }
    setError(undefined);
    if (value !== asOf) selectAsOf(value === todayIso() ? null : value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape' && draft !== (asOf ?? '')) {
      event.preventDefault();
      setDraft(asOf ?? '');
      setError(undefined);
    }
  };

  return (
    <div className={`status-date${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="scenario-label">
        Status date
      </label>
      <input
        id={id}
        className="field-input status-date-input"
        type="text"
        inputMode="numeric"
        placeholder="today"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        title={`Plans are made as of this date: done work lies before it, nothing new starts before it. Empty: today (${todayIso()}).`}
        data-testid="status-date"
      />
      {asOf !== null && (
        <button type="button" className="button button-small" onClick={() => selectAsOf(null)}>
          Today
        </button>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
