import { useRef, useState, type FormEvent } from 'react';
import { PERSON_STATUSES, PERSON_STATUS_LABELS, type Person, type PersonStatus, type Role } from '../../core/domain/types';
import { personFieldsSchema, personPatchSchema, type PersonPatch } from '../../shared/schemas';
import { EditableText } from '../components/EditableText';
import { submitForm } from '../components/submitForm';
import { FormField } from '../components/FormField';
import { Modal } from '../components/Modal';
import { TableHead } from '../components/TableHead';
import { useConfirmedDelete } from '../components/useConfirmedDelete';
import { SelectField } from '../components/SelectField';
import { fte } from '../format';
import { fieldError, fieldErrors, parseDate, parseNumber, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { useSafetyActions } from '../safety/SafetyActions';
import { TrashIcon } from '../components/icons';
import { JoinButton } from '../progress/JoinDialog';

const DATE_PLACEHOLDER = 'YYYY-MM-DD';

export function HeadcountScreen() {
  const { people, roles } = useSnapshot();
  const { importCsv } = useSafetyActions();
  const { changeAndTell } = useWorkspace();
  const [adding, setAdding] = useState(false);
  const roleName = new Map(roles.map((r) => [r.id, r.name]));

  const deletion = useConfirmedDelete<Person>({
    dialog: (person) => ({
      title: `Remove ${person.name}?`,
      message: <p>{`${person.name} (${roleName.get(person.roleId) ?? person.roleId}, ${PERSON_STATUS_LABELS[person.status].toLowerCase()}) leaves the headcount. Their history stays in the workspace.`}</p>,
      confirmLabel: 'Remove person',
    }),
    remove: async (person) => (await changeAndTell('person.delete', { id: person.id }, `Removed ${person.name} from the headcount.`)) !== null,
  });

  return (
    <div className="screen screen-headcount">
      <header className="screen-header">
        <div>
          <h1 tabIndex={-1}>Headcount</h1>
          <p className="screen-lede">People on staff, open requisitions and planned hires. Dates are YYYY-MM-DD; changes are saved as you make them.</p>
        </div>
        <div className="screen-actions">
          <button type="button" className="button" onClick={() => importCsv('people')} disabled={roles.length === 0}>
            Import CSV…
          </button>
          <ExportCsvButton table="headcount" />
          <button type="button" className="button button-primary" onClick={() => setAdding(true)} disabled={roles.length === 0}>
            Add person
          </button>
        </div>
      </header>

      <HeadcountSummary people={people} roles={roles} />

      <section aria-labelledby="people-heading" className="panel">
        <h2 id="people-heading" className="panel-title">
          People <span className="count">{people.length}</span>
        </h2>
        {people.length === 0 ? (
          <p className="empty">Nobody yet. Add the people on staff, open requisitions and planned hires.</p>
        ) : (
          <table className="grid-table people-table" data-testid="people-table">
            <TableHead
              columns={[
                { label: 'Name', className: 'col-person' },
                { label: 'Role', className: 'col-role' },
                { label: 'FTE', className: 'col-fte' },
                { label: 'Status', className: 'col-status' },
                { key: 'start', label: <>Start <span className="th-hint">YYYY-MM-DD</span></>, className: 'col-date' },
                { key: 'end', label: <>End <span className="th-hint">YYYY-MM-DD</span></>, className: 'col-date' },
                { label: 'Actions', className: 'col-actions', hidden: true },
              ]}
            />
            <tbody>
              {people.map((p) => (
                <PersonRow key={p.id} person={p} roles={roles} onDelete={() => deletion.ask(p)} />
              ))}
            </tbody>
          </table>
        )}
      </section>

      {adding && <AddPersonDialog roles={roles} onClose={() => setAdding(false)} />}
      {deletion.confirmation}
    </div>
  );
}

function HeadcountSummary({ people, roles }: { readonly people: readonly Person[]; readonly roles: readonly Role[] }) {
  const rows = roles
    .map((role) => {
      const own = people.filter((p) => p.roleId === role.id);
      const sum = (status: PersonStatus) => own.filter((p) => p.status === status).reduce((s, p) => s + p.fte, 0);
      return { role, count: own.length, onStaff: sum('on_staff'), openReq: sum('open_req'), planned: sum('planned') };
    })
    .filter((r) => r.count > 0);
  const total = (key: 'onStaff' | 'openReq' | 'planned') => rows.reduce((s, r) => s + r[key], 0);

  return (
    <section aria-labelledby="by-role-heading" className="panel">
      <h2 id="by-role-heading" className="panel-title">
        Headcount by role
      </h2>
      {rows.length === 0 ? (
        <p className="empty">No headcount yet.</p>
      ) : (
        <table className="grid-table summary-table" data-testid="headcount-by-role">
          <caption className="visually-hidden">Full-time equivalents per role, split by status</caption>
          <TableHead
            columns={[
              { label: 'Role' },
              { label: 'People', className: 'num' },
              ...PERSON_STATUSES.map((s) => ({ label: `${PERSON_STATUS_LABELS[s]} (FTE)`, className: 'num' })),
              { label: 'Total FTE', className: 'num' },
            ]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.role.id}>
                <th scope="row">
                  {r.role.name}
                  {r.role.needsFoundations && <span className="badge">needs foundations</span>}
                </th>
                <td className="num">{r.count}</td>
                <td className="num">{fte(r.onStaff)}</td>
                <td className="num">{fte(r.openReq)}</td>
                <td className="num">{fte(r.planned)}</td>
                <td className="num strong">{fte(r.onStaff + r.openReq + r.planned)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">{people.length}</td>
              <td className="num">{fte(total('onStaff'))}</td>
              <td className="num">{fte(total('openReq'))}</td>
              <td className="num">{fte(total('planned'))}</td>
              <td className="num strong">{fte(total('onStaff') + total('openReq') + total('planned'))}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function fieldsOf(p: Person) {
  return { name: p.name, roleId: p.roleId, fte: p.fte, status: p.status, startDate: p.startDate, endDate: p.endDate };
}

/** Checks a date against the person's other date too, and words the error for the edited field. */
function dateError(person: Person, field: 'startDate' | 'endDate', draft: string): string | undefined {
  const errors = fieldErrors(personFieldsSchema, { ...fieldsOf(person), [field]: parseDate(draft) });
  if (errors[field]) return errors[field];
  if (field === 'startDate' && errors.endDate && person.endDate) return `must not be after the end date (${person.endDate})`;
  return undefined;
}

function PersonRow({ person: p, roles, onDelete }: { readonly person: Person; readonly roles: readonly Role[]; readonly onDelete: () => void }) {
  const { edit } = useWorkspace();
  const knownRole = roles.some((r) => r.id === p.roleId);

  const save = <K extends keyof PersonPatch & keyof Person>(field: K, value: PersonPatch[K], what: string) =>
    edit({
      kind: 'person',
      id: p.id,
      label: `${p.name}: ${what}`,
      before: { [field]: p[field] } as PersonPatch,
      after: { [field]: value } as PersonPatch,
    });

  return (
    <tr data-testid={`person-${p.id}`}>
      <td className="col-person">
        <EditableText
          label={`Name of ${p.name}`}
          value={p.name}
          field="name"
          wrap
          validate={(v) => fieldError(personPatchSchema, { name: v }, 'name')}
          onCommit={(v) => save('name', v, 'name')}
          className="field-strong"
        />
      </td>
      <td className="col-role">
        <SelectField label={`Role of ${p.name}`} value={p.roleId} onCommit={(v) => save('roleId', v, 'role')}>
          {!knownRole && <option value={p.roleId}>{p.roleId}</option>}
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      </td>
      <td className="col-fte">
        <EditableText
          label={`FTE of ${p.name}`}
          value={fte(p.fte)}
          field="fte"
          inputMode="decimal"
          validate={(v) => fieldError(personPatchSchema, { fte: parseNumber(v) }, 'fte')}
          onCommit={(v) => save('fte', parseNumber(v), 'FTE')}
        />
      </td>
      <td className="col-status">
        <SelectField<PersonStatus> label={`Status of ${p.name}`} value={p.status} onCommit={(v) => save('status', v, 'status')}>
          {PERSON_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PERSON_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
      </td>
      <td className="col-date">
        <EditableText
          label={`Start date of ${p.name}`}
          value={p.startDate ?? ''}
          field="startDate"
          placeholder="—"
          inputMode="numeric"
          validate={(v) => dateError(p, 'startDate', v)}
          onCommit={(v) => save('startDate', parseDate(v), 'start date')}
        />
      </td>
      <td className="col-date">
        <EditableText
          label={`End date of ${p.name}`}
          value={p.endDate ?? ''}
          field="endDate"
          placeholder="—"
          inputMode="numeric"
          validate={(v) => dateError(p, 'endDate', v)}
          onCommit={(v) => save('endDate', parseDate(v), 'end date')}
        />
      </td>
      <td className="col-actions">
        <JoinButton personId={p.id} />
        <button type="button" className="icon-button" aria-label={`Remove ${p.name}`} title={`Remove ${p.name}`} onClick={onDelete}>
          <TrashIcon />
        </button>
      </td>
    </tr>
  );
}

interface Draft {
  name: string;
  roleId: string;
  fte: string;
  status: PersonStatus;
  startDate: string;
  endDate: string;
}

function AddPersonDialog({ roles, onClose }: { readonly roles: readonly Role[]; readonly onClose: () => void }) {
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>({ name: '', roleId: roles[0]?.id ?? '', fte: '1', status: 'on_staff', startDate: '', endDate: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const payload = { ...draft, fte: parseNumber(draft.fte), startDate: parseDate(draft.startDate), endDate: parseDate(draft.endDate) };
    await submitForm({
      form: formRef.current,
      clientErrors: fieldErrors(personFieldsSchema, payload),
      setErrors,
      setBusy,
      save: async () => {
        await change('person.create', payload);
        notify(`Added ${payload.name.trim()}.`);
      },
      onSaved: onClose,
    });
  };

  return (
    <Modal title="Add a person" onClose={onClose} className="modal-form">
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormField label="Name" error={errors.name}>
          {(p) => <input {...p} className="field-input" type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} data-autofocus />}
        </FormField>
        <div className="form-pair">
          <FormField label="Role" error={errors.roleId}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.roleId} onChange={(e) => set('roleId', e.target.value)}>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Status" error={errors.status}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.status} onChange={(e) => set('status', e.target.value as PersonStatus)}>
                {PERSON_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {PERSON_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FormField label="FTE" error={errors.fte} hint="Full-time equivalent, more than 0 and at most 1.">
          {(p) => <input {...p} className="field-input field-short" type="text" inputMode="decimal" value={draft.fte} onChange={(e) => set('fte', e.target.value)} />}
        </FormField>
        <div className="form-pair">
          <FormField label="Start date" error={errors.startDate} hint="YYYY-MM-DD, optional.">
            {(p) => (
              <input {...p} className="field-input" type="text" inputMode="numeric" placeholder={DATE_PLACEHOLDER} value={draft.startDate} onChange={(e) => set('startDate', e.target.value)} />
            )}
          </FormField>
          <FormField label="End date" error={errors.endDate} hint="YYYY-MM-DD, optional.">
            {(p) => (
              <input {...p} className="field-input" type="text" inputMode="numeric" placeholder={DATE_PLACEHOLDER} value={draft.endDate} onChange={(e) => set('endDate', e.target.value)} />
            )}
          </FormField>
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Add person
          </button>
        </div>
      </form>
    </Modal>
  );
}
