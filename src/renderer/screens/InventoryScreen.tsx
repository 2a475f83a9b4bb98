import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LAYERS, layerById, type LayerId } from '../../core/domain/layers';
import { MATURITY_RUBRIC } from '../../core/domain/maturity';
import type { Capability } from '../../core/domain/types';
import { capabilityFieldsSchema, capabilityPatchSchema, type CapabilityPatch } from '../../shared/schemas';
import { EditableText } from '../components/EditableText';
import { TrashIcon } from '../components/icons';
import { submitForm } from '../components/submitForm';
import { FormField } from '../components/FormField';
import { MaturityOptions, maturityHint, toMaturity } from '../components/maturity';
import { Modal } from '../components/Modal';
import { useConfirmedDelete } from '../components/useConfirmedDelete';
import { SelectField } from '../components/SelectField';
import { formatPercent } from '../../core/format';
import { readinessTone } from '../format';
import { fieldError, fieldErrors, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { useSafetyActions } from '../safety/SafetyActions';

export type LayerFilter = LayerId | 'all';

interface Props {
  readonly filter: LayerFilter;
  readonly onFilter: (filter: LayerFilter) => void;
  /** Set by the pyramid: the layer to bring into view; the nonce repeats a request. */
  readonly focusRequest: { readonly layer: LayerId; readonly nonce: number } | null;
}

export function InventoryScreen({ filter, onFilter, focusRequest }: Props) {
  const { capabilities, readiness } = useSnapshot();
  const { importCsv } = useSafetyActions();
  /** The layer the add dialog starts on, or null when it is closed. */
  const [adding, setAdding] = useState<LayerId | null>(null);
  const { changeAndTell } = useWorkspace();
  const deletion = useConfirmedDelete<Capability>({
    dialog: (capability) => ({
      title: `Delete "${capability.name}"?`,
      message: (
        <p>
          It leaves the inventory of {layerById(capability.layer).name}, and the layer's readiness is computed without it. Role prerequisites that name it will count it as missing.
        </p>
      ),
      confirmLabel: 'Delete capability',
    }),
    remove: async (capability) => (await changeAndTell('capability.delete', { id: capability.id }, `Deleted "${capability.name}".`)) !== null,
  });

  useEffect(() => {
    if (!focusRequest) return;
    const heading = document.getElementById(`layer-heading-${focusRequest.layer}`);
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }, [focusRequest]);

  const layers = filter === 'all' ? LAYERS : LAYERS.filter((l) => l.id === filter);

  return (
    <div className="screen screen-inventory">
      <header className="screen-header">
        <div>
          <h1 tabIndex={-1}>Inventory</h1>
          <p className="screen-lede">The capabilities of your data infrastructure, layer by layer. Changes are saved as you make them.</p>
        </div>
        <div className="screen-actions">
          <div className="field field-inline">
            <label htmlFor="inventory-filter" className="field-label">
              Show
            </label>
            <select id="inventory-filter" className="field-input field-select" value={filter} onChange={(e) => onFilter(e.target.value as LayerFilter)}>
              <option value="all">All layers</option>
              {LAYERS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={() => importCsv('capabilities')}>
            Import CSV…
          </button>
          <ExportCsvButton table="inventory" />
          <button type="button" className="button button-primary" onClick={() => setAdding(filter === 'all' ? 'collect' : filter)}>
            Add capability
          </button>
        </div>
      </header>

      <details className="rubric">
        <summary>Maturity scale</summary>
        <dl className="rubric-list">
          {MATURITY_RUBRIC.map((m) => (
            <div key={m.level} className="rubric-item">
              <dt>
                {m.level} · {m.name}
              </dt>
              <dd>{m.rubric}</dd>
            </div>
          ))}
        </dl>
      </details>

      {layers.map((layer) => {
        const own = capabilities.filter((c) => c.layer === layer.id);
        const layerReadiness = readiness.layers.find((l) => l.layer === layer.id);
        const r = layerReadiness?.readiness ?? null;
        const weakestIds = new Set(layerReadiness?.weakest ?? []);
        return (
          <section key={layer.id} className="layer-section" aria-labelledby={`layer-heading-${layer.id}`} data-testid={`inventory-${layer.id}`}>
            <div className="layer-section-head">
              <h2 id={`layer-heading-${layer.id}`} tabIndex={-1} className="layer-heading">
                {layer.name}
              </h2>
              <span className={`chip tone-${readinessTone(r)}`}>{r === null ? 'Not tracked' : `${formatPercent(r)} ready`}</span>
              <p className="layer-summary">{layer.summary}</p>
            </div>
            {own.length === 0 ? (
              <p className="empty">
                No capabilities in this layer yet, so it is not tracked.{' '}
                <button type="button" className="link-button" onClick={() => setAdding(layer.id)}>
                  Add one to {layer.name}
                </button>
              </p>
            ) : (
              <>
                <div className="cap-header" aria-hidden="true">
                  <span className="cap-area-name">Capability</span>
                  <span>Current</span>
                  <span>Target</span>
                  <span>Owner</span>
                  <span>Tools</span>
                </div>
                <ul className="cap-list" aria-label={`Capabilities in ${layer.name}`}>
                  {own.map((c) => (
                    <CapabilityRow key={c.id} capability={c} weakest={weakestIds.has(c.id)} onDelete={() => deletion.ask(c)} />
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}

      {adding && <AddCapabilityDialog defaultLayer={adding} onClose={() => setAdding(null)} />}
      {deletion.confirmation}
    </div>
  );
}

interface RowProps {
  readonly capability: Capability;
  /** It sets its layer's readiness (the layer's minimum). */
  readonly weakest: boolean;
  readonly onDelete: () => void;
}

function CapabilityRow({ capability: c, weakest, onDelete }: RowProps) {
  const { edit } = useWorkspace();

  const save = <K extends keyof CapabilityPatch & keyof Capability>(field: K, value: NonNullable<CapabilityPatch[K]>, what: string) =>
    edit({
      kind: 'capability',
      id: c.id,
      label: `${c.name}: ${what}`,
      before: { [field]: c[field] } as CapabilityPatch,
      after: { [field]: value } as CapabilityPatch,
    });

  const check = (field: keyof CapabilityPatch) => (draft: string) => fieldError(capabilityPatchSchema, { [field]: draft }, field);

  return (
    <li className="cap-row" data-testid={`capability-${c.id}`}>
      <div className="cap-area-name">
        <EditableText label={`Name of ${c.name}`} value={c.name} field="name" wrap validate={check('name')} onCommit={(v) => save('name', v, 'name')} className="field-strong" />
        {weakest && (
          <span className="badge badge-weakest" title="The layer is only as ready as this capability">
            sets the layer's readiness
          </span>
        )}
        {c.description && (
          <p className="cell-hint" title={c.description}>
            {c.description}
          </p>
        )}
      </div>
      <div className="cap-area-current">
        <SelectField
          label={`Current maturity of ${c.name}`}
          value={String(c.currentMaturity)}
          title={maturityHint(c.currentMaturity, c.id)}
          onCommit={(v) => save('currentMaturity', toMaturity(v), 'current maturity')}
        >
          <MaturityOptions capabilityId={c.id} />
        </SelectField>
      </div>
      <div className="cap-area-target">
        <SelectField
          label={`Target maturity of ${c.name}`}
          value={String(c.targetMaturity)}
          title={maturityHint(c.targetMaturity, c.id)}
          onCommit={(v) => save('targetMaturity', toMaturity(v), 'target maturity')}
        >
          <MaturityOptions capabilityId={c.id} />
        </SelectField>
      </div>
      <div className="cap-area-owner">
        <EditableText label={`Owner of ${c.name}`} value={c.owner} field="owner" wrap placeholder="Owner" validate={check('owner')} onCommit={(v) => save('owner', v, 'owner')} />
      </div>
      <div className="cap-area-tools">
        <EditableText label={`Tools for ${c.name}`} value={c.tools} field="tools" wrap placeholder="Tools" validate={check('tools')} onCommit={(v) => save('tools', v, 'tools')} />
      </div>
      <div className="cap-area-notes">
        <EditableText label={`Notes on ${c.name}`} value={c.notes} field="notes" placeholder="Notes" multiline validate={check('notes')} onCommit={(v) => save('notes', v, 'notes')} />
      </div>
      <div className="cap-area-actions">
        <button type="button" className="icon-button" aria-label={`Delete ${c.name}`} title={`Delete ${c.name}`} onClick={onDelete}>
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}

interface Draft {
  name: string;
  layer: LayerId;
  description: string;
  currentMaturity: string;
  targetMaturity: string;
  owner: string;
  tools: string;
}

function AddCapabilityDialog({ defaultLayer, onClose }: { readonly defaultLayer: LayerId; readonly onClose: () => void }) {
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>({ name: '', layer: defaultLayer, description: '', currentMaturity: '0', targetMaturity: '3', owner: '', tools: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const payload = { ...draft, currentMaturity: Number(draft.currentMaturity), targetMaturity: Number(draft.targetMaturity) };
    await submitForm({
      form: formRef.current,
      clientErrors: fieldErrors(capabilityFieldsSchema, payload),
      setErrors,
      setBusy,
      save: async () => {
        await change('capability.create', payload);
        notify(`Added "${payload.name.trim()}" to ${layerById(payload.layer).name}.`);
      },
      onSaved: onClose,
    });
  };

  return (
    <Modal title="Add a capability" onClose={onClose} className="modal-form">
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormField label="Name" error={errors.name}>
          {(p) => <input {...p} className="field-input" type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} data-autofocus />}
        </FormField>
        <FormField label="Layer" error={errors.layer}>
          {(p) => (
            <select {...p} className="field-input field-select" value={draft.layer} onChange={(e) => set('layer', e.target.value as LayerId)}>
              {LAYERS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="form-pair">
          <FormField label="Current maturity" error={errors.currentMaturity}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.currentMaturity} onChange={(e) => set('currentMaturity', e.target.value)}>
                <MaturityOptions />
              </select>
            )}
          </FormField>
          <FormField label="Target maturity" error={errors.targetMaturity}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.targetMaturity} onChange={(e) => set('targetMaturity', e.target.value)}>
                <MaturityOptions />
              </select>
            )}
          </FormField>
        </div>
        <FormField label="Description" error={errors.description}>
          {(p) => <textarea {...p} className="field-input" rows={2} value={draft.description} onChange={(e) => set('description', e.target.value)} />}
        </FormField>
        <div className="form-pair">
          <FormField label="Owner" error={errors.owner}>
            {(p) => <input {...p} className="field-input" type="text" value={draft.owner} onChange={(e) => set('owner', e.target.value)} />}
          </FormField>
          <FormField label="Tools" error={errors.tools}>
            {(p) => <input {...p} className="field-input" type="text" value={draft.tools} onChange={(e) => set('tools', e.target.value)} />}
          </FormField>
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Add capability
          </button>
        </div>
      </form>
    </Modal>
  );
}
