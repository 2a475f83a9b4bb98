import { useRef, useState, type FormEvent } from 'react';
import { PERSON_STATUS_LABELS, type Person } from '../../core/domain/types';
import { ApiError } from '../api';
import { FormField, focusFirstInvalid } from '../components/FormField';
import { Modal } from '../components/Modal';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { serverField } from '../validation';
import { canJoin, joinDefault, joinEdit, pastDateError } from './progressEdits';
import { todayIso } from './useProgress';

/**
 * An open requisition or planned hire who joined: on staff from the date they started (offered:
 * their planned start when it has come, else today). Undoable.
 */
export function JoinDialog({ person, onClose }: { readonly person: Person; readonly onClose: () => void }) {
  const { roles } = useSnapshot();
  const { edit } = useWorkspace();
  const { notify } = useToasts();
  const today = todayIso();
  const formRef = useRef<HTMLFormElement>(null);
  const [date, setDate] = useState(joinDefault(person, today));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const role = roles.find((r) => r.id === person.roleId)?.name ?? person.roleId;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = pastDateError(date, today, true);
    setError(problem);
    if (problem) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      await edit(joinEdit(person, date.trim()));
      notify(`${person.name} is on staff from ${date.trim()}.`);
      onClose();
    } catch (cause) {
      if (cause instanceof ApiError && serverField(cause.field) === 'startDate') {
        setError(cause.message.replace(/^startDate: /, ''));
        focusFirstInvalid(formRef.current);
      }
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`${person.name} joined?`}
      description={
        <p>
          {person.name} ({role}, {PERSON_STATUS_LABELS[person.status].toLowerCase()}
          {person.startDate ? `, planned to start ${person.startDate}` : ''}) becomes on staff from this date. The plan counts them from then, after their ramp-up.
        </p>
      }
      onClose={onClose}
      className="modal-form"
    >
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="join-dialog">
        <FormField label="First day" error={error} hint="YYYY-MM-DD, today or before">
          {(p) => <input {...p} className="field-input field-short" type="text" inputMode="numeric" value={date} onChange={(e) => {
                setDate(e.target.value);
                setError(undefined);
              }} data-autofocus />}
        </FormField>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Joined
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** "Joined…" on an open requisition or planned hire of the headcount: they are on staff from their first day. */
export function JoinButton({ personId }: { readonly personId: string | null }) {
  const { people } = useSnapshot();
  const [open, setOpen] = useState(false);
  const person = personId === null ? undefined : people.find((p) => p.id === personId);
  if (!person || !canJoin(person)) return null;
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} aria-label={`${person.name} joined…`}>
        Joined…
      </button>
      {open && <JoinDialog person={person} onClose={() => setOpen(false)} />}
    </>
  );
}
