import { useRef, useState, type FormEvent } from 'react';
import type { MonthNumber } from '../../core/domain/calendar';
import type { BaselineSummary } from '../../core/progress/baseline';
import { defaultBaselineName } from '../../core/progress/names';
import { baselineNameSchema } from '../../shared/schemas';
import { EditableText } from '../components/EditableText';
import { FormField } from '../components/FormField';
import { Modal } from '../components/Modal';
import { submitForm } from '../components/submitForm';
import { TableHead } from '../components/TableHead';
import { TrashIcon } from '../components/icons';
import { useConfirmedDelete } from '../components/useConfirmedDelete';
import { usePlanning } from '../planning/machine/usePlanning';
import { fieldErrors, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { useBaselineChoice } from './BaselineProvider';
import { todayIso } from './useProgress';

const nameError = (name: string) => fieldErrors(baselineNameSchema, name)[''];

/** The saved baselines: which one to compare with, rename in place, delete after a confirmation. */
export function BaselinesPanel() {
  const { summaries, current, choose } = useBaselineChoice();
  const { change, changeAndTell } = useWorkspace();
  const deletion = useConfirmedDelete<BaselineSummary>({
    dialog: (b) => ({
      title: `Delete the baseline “${b.name}”?`,
      message: <p>The frozen plan of {b.asOf} is deleted; nothing else changes. Progress can no longer be compared with it.</p>,
      confirmLabel: 'Delete baseline',
    }),
    remove: async (b) => (await changeAndTell('baseline.delete', { id: b.id }, `Deleted the baseline “${b.name}”.`)) !== null,
  });

  return (
    <section className="panel" aria-labelledby="baselines-heading">
      <h2 id="baselines-heading" className="panel-title">
        Baselines <span className="count">{summaries.length}</span>
      </h2>
      <table className="grid-table baselines-table" data-testid="baselines-table">
        <TableHead
          columns={[
            { label: 'Name', className: 'col-baseline-name' },
            { label: 'Scenario' },
            { label: 'As of' },
            { label: 'Saved' },
            { label: 'Items', className: 'num' },
            { label: 'Hires', className: 'num' },
            { label: 'Actions', hidden: true, className: 'col-baseline-actions' },
          ]}
        />
        <tbody>
          {summaries.map((b) => (
            <tr key={b.id} className={b.id === current?.id ? 'is-current' : undefined} data-testid={`baseline-${b.id}`}>
              <td className="col-baseline-name">
                <EditableText
                  label={`Name of the baseline “${b.name}”`}
                  value={b.name}
                  field="name"
                  wrap
                  validate={nameError}
                  onCommit={async (name) => {
                    await change('baseline.rename', { id: b.id, name });
                  }}
                />
              </td>
              <td>{b.scenarioName}</td>
              <td className="nowrap">{b.asOf}</td>
              <td className="nowrap">{b.createdAt.slice(0, 10)}</td>
              <td className="num">{b.items}</td>
              <td className="num">{b.hires}</td>
              <td className="col-baseline-actions">
                {b.id === current?.id ? (
                  <span className="badge badge-current">Compared</span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => choose(b.id)}>
                    Compare
                  </button>
                )}
                <button type="button" className="icon-button" aria-label={`Delete the baseline “${b.name}”`} title="Delete…" onClick={() => deletion.ask(b)}>
                  <TrashIcon />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deletion.confirmation}
    </section>
  );
}

/** Saves the plan of the scenario shown, as of the status date, under a name (a default one offered). */
export function SaveBaselineDialog({ onClose }: { readonly onClose: () => void }) {
  const { settings, baselines } = useSnapshot();
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const { scenario, asOf } = usePlanning();
  const { choose } = useBaselineChoice();
  const statusDate = asOf ?? todayIso();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(() => defaultBaselineName(statusDate, settings.fiscalYearStartMonth as MonthNumber, baselines.map((b) => b.name)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = nameError(name);
    await submitForm({
      form: formRef.current,
      clientErrors: error ? { name: error } : {},
      setErrors,
      setBusy,
      save: async () => {
        const saved = await change('baseline.create', { name, ...(scenario ? { scenarioId: scenario.id } : {}), ...(asOf ? { asOf } : {}) });
        choose(saved.baseline.id);
        notify(`Saved the baseline “${saved.baseline.name}”: ${saved.baseline.items} items, ${saved.baseline.hires} hires.`);
      },
      onSaved: onClose,
    });
  };

  return (
    <Modal
      title="Save a baseline"
      description={
        <p>
          Freezes the plan of the scenario “{scenario?.name ?? 'default'}” as of {statusDate}: every item with its dates, every hire, each layer’s gate, the scenario’s
          parameters. Progress is then compared with it.
        </p>
      }
      onClose={onClose}
      className="modal-form"
    >
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="save-baseline">
        <FormField label="Name" error={errors.name}>
          {(p) => <input {...p} className="field-input" type="text" value={name} onChange={(e) => setName(e.target.value)} data-autofocus />}
        </FormField>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save baseline
          </button>
        </div>
      </form>
    </Modal>
  );
}
