import { useRef, useState, type FormEvent } from 'react';
import { MATURITY_RUBRIC } from '../../core/domain/maturity';
import type { WorkItem } from '../../core/domain/planning';
import type { Capability } from '../../core/domain/types';
import { FormField, focusFirstInvalid } from '../components/FormField';
import { Modal } from '../components/Modal';
import { ApiError } from '../api';
import { serverField, type FieldErrors } from '../validation';
import { doneDefaults, doneQuestion, doneValues, pastDateError } from './progressEdits';
import type { ProgressValues } from '../workspace/undo';

interface Props {
  /** The item as stored, or (for a planner's proposal) as it would be stored. */
  readonly item: WorkItem;
  readonly capability: Capability | null;
  readonly today: string;
  /** The plan's start for the item, offered as its actual start when it has come. */
  readonly plannedStart: string | null;
  /** Dates typed in the work item editor, which win over the defaults. */
  readonly initial?: { readonly start?: string; readonly finish?: string };
  /** Records the values; rejects with the host's ApiError (shown next to its field). */
  readonly onConfirm: (values: ProgressValues) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * Marking work done: the actual start and finish, prefilled and editable, and — for a maturity
 * step — whether to raise the capability to the step's target (asked, checked by default).
 */
export function MarkDoneDialog({ item, capability, today, plannedStart, initial, onConfirm, onClose }: Props) {
  const defaults = doneDefaults(item, capability, today, plannedStart);
  const formRef = useRef<HTMLFormElement>(null);
  const [start, setStart] = useState(initial?.start || defaults.start);
  const [finish, setFinish] = useState(initial?.finish || defaults.finish);
  const [raise, setRaise] = useState(defaults.raise !== null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const startError = pastDateError(start, today, false);
    const finishError = pastDateError(finish, today, true);
    if (startError) found.actualStart = startError;
    if (finishError) found.actualFinish = finishError;
    if (!startError && !finishError && start.trim() !== '' && finish.trim() < start.trim()) found.actualFinish = 'must not be before the actual start';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await onConfirm(doneValues(start, finish, raise ? defaults.raise : null));
      onClose();
    } catch (cause) {
      const field = cause instanceof ApiError ? serverField(cause.field) : undefined;
      if (cause instanceof ApiError && field) {
        setErrors({ [field]: cause.message.replace(new RegExp(`^${field}: `), '') });
        focusFirstInvalid(formRef.current);
      }
      setBusy(false);
    }
  };

  const from = capability === null ? null : MATURITY_RUBRIC[capability.currentMaturity];
  const to = defaults.raise === null ? null : MATURITY_RUBRIC[defaults.raise];
  return (
    <Modal
      title={doneQuestion(item, capability, defaults.raise)}
      description={
        <p>
          Done work lies in the past at its actual dates, and the plan goes on from the status date.
          {to && from && capability ? ` ${capability.name} goes from ${from.level} · ${from.name} to ${to.level} · ${to.name}, and the planner no longer proposes that step.` : ''}
        </p>
      }
      onClose={onClose}
      className="modal-form"
    >
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="mark-done">
        <div className="form-pair">
          <FormField label="Actual start" error={errors.actualStart} hint="YYYY-MM-DD; empty if not known">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" value={start} onChange={(e) => {
                  setStart(e.target.value);
                  setErrors(({ actualStart: _dropped, ...rest }) => rest);
                }} data-autofocus />}
          </FormField>
          <FormField label="Actual finish" error={errors.actualFinish} hint="YYYY-MM-DD">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" value={finish} onChange={(e) => {
                  setFinish(e.target.value);
                  setErrors(({ actualFinish: _dropped, ...rest }) => rest);
                }} />}
          </FormField>
        </div>
        {to && capability && (
          <label className="checkbox mark-done-raise">
            <input type="checkbox" checked={raise} onChange={(e) => setRaise(e.target.checked)} />
            Raise {capability.name} to {to.level} · {to.name}
          </label>
        )}
        {errors.capabilityMaturity && (
          <span className="field-error" role="alert">
            {errors.capabilityMaturity}
          </span>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Mark done
          </button>
        </div>
      </form>
    </Modal>
  );
}
