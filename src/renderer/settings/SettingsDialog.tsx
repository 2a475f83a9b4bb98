import { useEffect, useRef, useState, type FormEvent } from 'react';
import { quarterOf, type MonthNumber } from '../../core/domain/calendar';
import { settingsPatchSchema } from '../../shared/schemas';
import { FormField } from '../components/FormField';
import { Modal } from '../components/Modal';
import { submitForm } from '../components/submitForm';
import { fieldErrors, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { toIsoDate } from '../../core/calendar';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The workspace's settings: the month its fiscal year starts in (how quarters are counted everywhere) and its currency. */
export function SettingsDialog({ onClose }: { readonly onClose: () => void }) {
  const { settings } = useSnapshot();
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const [month, setMonth] = useState(String(settings.fiscalYearStartMonth));
  const [currency, setCurrency] = useState(settings.currency);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const example = quarterOf(toIsoDate(new Date()), Number(month) as MonthNumber);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch = { fiscalYearStartMonth: Number(month), currency };
    await submitForm({
      form: formRef.current,
      clientErrors: fieldErrors(settingsPatchSchema, patch),
      setErrors,
      setBusy,
      save: async () => {
        await change('settings.update', patch);
        notify('Saved the settings.');
      },
      onSaved: onClose,
    });
  };

  return (
    <Modal title="Workspace settings" onClose={onClose} className="modal-form" description={<p>They apply to this workspace file, in the app, the command line and the PDF.</p>}>
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="settings-dialog">
        <FormField
          label="Fiscal year starts in"
          error={errors.fiscalYearStartMonth}
          hint={`Quarters are counted from this month. Today is in ${example.label} (${example.firstDay} – ${example.lastDay}).`}
        >
          {(p) => (
            <select {...p} className="field-input field-select" value={month} onChange={(e) => {
                setMonth(e.target.value);
                setErrors(({ fiscalYearStartMonth: _dropped, ...rest }) => rest);
              }} data-autofocus>
              {MONTHS.map((name, i) => (
                <option key={name} value={String(i + 1)}>
                  {name}
                  {i === 0 ? ' (calendar quarters)' : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Currency" error={errors.currency} hint="Three-letter code of salaries and budgets, e.g. EUR; empty for none.">
          {(p) => <input {...p} className="field-input field-short" type="text" value={currency} maxLength={3} onChange={(e) => {
                setCurrency(e.target.value.toUpperCase());
                setErrors(({ currency: _dropped, ...rest }) => rest);
              }} />}
        </FormField>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save settings
          </button>
        </div>
      </form>
    </Modal>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The title bar's settings button; Ctrl/⌘+, opens the dialog too. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === ',' && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button type="button" className="icon-button" onClick={() => setOpen(true)} aria-label="Workspace settings" title={`Workspace settings (${isMac ? '⌘,' : 'Ctrl+,'})`} data-testid="settings-button">
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M9.4 1l.3 1.8c.5.2.9.4 1.3.7l1.7-.7 1.4 2.4-1.4 1.2c.1.5.1 1 0 1.5l1.4 1.2-1.4 2.4-1.7-.7c-.4.3-.8.5-1.3.7L9.4 15H6.6l-.3-1.8c-.5-.2-.9-.4-1.3-.7l-1.7.7-1.4-2.4 1.4-1.2a4 4 0 0 1 0-1.5L1.9 6.9l1.4-2.4 1.7.7c.4-.3.8-.5 1.3-.7L6.6 1h2.8ZM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z"
          />
        </svg>
      </button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
