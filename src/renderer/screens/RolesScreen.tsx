import { useId, useRef, useState, type FormEvent } from 'react';
import { LAYERS, type LayerId } from '../../core/domain/layers';
import { prerequisitesMet, type WorkspaceReadiness } from '../../core/domain/readiness';
import type { Capability, Prerequisite, Role } from '../../core/domain/types';
import { roleFieldsSchema, rolePatchSchema, type RolePatch } from '../../shared/schemas';
import { ApiError } from '../api';
import { EditableText } from '../components/EditableText';
import { submitForm } from '../components/submitForm';
import { FormField } from '../components/FormField';
import { MaturityOptions, toMaturity } from '../components/maturity';
import { Modal } from '../components/Modal';
import { useConfirmedDelete } from '../components/useConfirmedDelete';
import { SelectField } from '../components/SelectField';
import { sentence } from '../format';
import { fieldError, fieldErrors, parseNumber, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { TrashIcon } from '../components/icons';

export function RolesScreen() {
  const { roles, people, capabilities, readiness } = useSnapshot();
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const [adding, setAdding] = useState(false);
  // A Map: role ids are data (a role may be called "toString"), not property names.
  const [refusals, setRefusals] = useState<ReadonlyMap<string, string>>(new Map());
  const deletion = useConfirmedDelete<Role>({
    dialog: (role) => ({ title: `Delete the role "${role.name}"?`, message: <p>The role and its prerequisites leave the catalog of this workspace. A role that people still hold cannot be deleted.</p>, confirmLabel: 'Delete role' }),
    // A refusal (people hold the role) is shown next to the role as well as in the toast.
    remove: async (role) => {
      try {
        await change('role.delete', { id: role.id });
        notify(`Deleted the role "${role.name}".`);
        return true;
      } catch (cause) {
        if (cause instanceof ApiError) setRefusals((r) => new Map(r).set(role.id, cause.message));
        return false;
      }
    },
  });

  return (
    <div className="screen screen-roles">
      <header className="screen-header">
        <div>
          <h1 tabIndex={-1}>Roles</h1>
          <p className="screen-lede">What each role builds, and what must be in place before someone in it can be productive.</p>
        </div>
        <div className="screen-actions">
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add role
          </button>
        </div>
      </header>

      {roles.length === 0 && <p className="empty">No roles yet.</p>}
      <div className="role-list">
        {roles.map((role) => (
          <RoleCard
            key={role.id}
            role={role}
            headcount={people.filter((p) => p.roleId === role.id).length}
            capabilities={capabilities}
            readiness={readiness}
            refusal={refusals.get(role.id)}
            onDelete={() => {
              setRefusals((r) => new Map(r).set(role.id, ''));
              deletion.ask(role);
            }}
          />
        ))}
      </div>

      {adding && <AddRoleDialog onClose={() => setAdding(false)} />}
      {deletion.confirmation}
    </div>
  );
}

interface CardProps {
  readonly role: Role;
  readonly headcount: number;
  readonly capabilities: readonly Capability[];
  readonly readiness: WorkspaceReadiness;
  readonly refusal: string | undefined;
  readonly onDelete: () => void;
}

function RoleCard({ role, headcount, capabilities, readiness, refusal, onDelete }: CardProps) {
  const { edit } = useWorkspace();
  const headingId = useId();
  const [buildsError, setBuildsError] = useState<string | undefined>(undefined);
  const check = prerequisitesMet(role, capabilities, readiness);

  const save = <K extends keyof RolePatch & keyof Role>(field: K, value: NonNullable<RolePatch[K]>, what: string) =>
    edit({
      kind: 'role',
      id: role.id,
      label: `${role.name}: ${what}`,
      before: { [field]: role[field] } as RolePatch,
      after: { [field]: value } as RolePatch,
    });

  const toggleLayer = async (layer: LayerId, on: boolean) => {
    const builds = on ? [...role.builds, layer] : role.builds.filter((l) => l !== layer);
    const problem = fieldError(rolePatchSchema, { builds }, 'builds');
    setBuildsError(problem);
    if (problem) return;
    await save('builds', builds, 'layers built').catch(() => undefined);
  };

  const setPrerequisites = (prerequisites: Prerequisite[], what: string) => save('prerequisites', prerequisites, what);

  const firstCapability = capabilities[0];
  const addCapabilityPrerequisite = () => {
    if (!firstCapability) return;
    void setPrerequisites([...role.prerequisites, { kind: 'capability', capabilityId: firstCapability.id, minMaturity: 2 }], 'added a prerequisite').catch(() => undefined);
  };
  const addLayerPrerequisite = () =>
    void setPrerequisites([...role.prerequisites, { kind: 'layer', layer: 'collect', minReadiness: 0.5 }], 'added a prerequisite').catch(() => undefined);

  return (
    <article className="card role-card" aria-labelledby={headingId} data-testid={`role-${role.id}`}>
      <header className="role-card-head">
        <h2 id={headingId} className="role-title">
          {role.name}
        </h2>
        <span className="badge">{role.fromCatalog ? 'catalog' : 'custom'}</span>
        {role.needsFoundations && <span className="badge badge-warn">needs foundations</span>}
        <span className="role-headcount">
          {headcount} {headcount === 1 ? 'person' : 'people'}
        </span>
        <button type="button" className="icon-button" aria-label={`Delete the role ${role.name}`} title={`Delete the role ${role.name}`} onClick={onDelete}>
          <TrashIcon />
        </button>
      </header>
      {refusal && (
        <p className="inline-alert" role="alert">
          {sentence(refusal)}
        </p>
      )}
      <div className="role-card-body">
        <div className="role-card-main">
          <EditableText
            label="Name"
            hideLabel={false}
            value={role.name}
            field="name"
            validate={(v) => fieldError(rolePatchSchema, { name: v }, 'name')}
            onCommit={(v) => save('name', v, 'name')}
          />
          <EditableText
            label="Description"
            hideLabel={false}
            value={role.description}
            field="description"
            multiline
            validate={(v) => fieldError(rolePatchSchema, { description: v }, 'description')}
            onCommit={(v) => save('description', v, 'description')}
          />
          <fieldset className="checkbox-group" aria-describedby={buildsError ? `${headingId}-builds-error` : undefined}>
            <legend className="field-label">Builds layers</legend>
            {LAYERS.map((layer) => (
              <label key={layer.id} className="checkbox">
                <input type="checkbox" checked={role.builds.includes(layer.id)} onChange={(e) => void toggleLayer(layer.id, e.target.checked)} />
                {layer.name}
              </label>
            ))}
            {buildsError && (
              <span id={`${headingId}-builds-error`} className="field-error" role="alert">
                {buildsError}
              </span>
            )}
          </fieldset>
          <label className="checkbox checkbox-flag">
            <input type="checkbox" checked={role.needsFoundations} onChange={(e) => void save('needsFoundations', e.target.checked, 'needs foundations').catch(() => undefined)} />
            Needs foundations — a luxury hire until its prerequisites are in place
          </label>
        </div>

        <div className="role-card-prereqs">
          <h3 className="field-label">Prerequisites</h3>
          {role.prerequisites.length === 0 ? (
            <p className="empty small">None: someone in this role can start on day one.</p>
          ) : (
            <ol className="prereq-list">
              {role.prerequisites.map((prerequisite, index) => (
                <PrerequisiteRow
                  key={index}
                  index={index}
                  role={role}
                  prerequisite={prerequisite}
                  capabilities={capabilities}
                  onChange={(next, what) => {
                    const list = role.prerequisites.map((p, i) => (i === index ? next : p));
                    return setPrerequisites(list, what);
                  }}
                  onRemove={() => void setPrerequisites(role.prerequisites.filter((_, i) => i !== index), 'removed a prerequisite').catch(() => undefined)}
                />
              ))}
            </ol>
          )}
          <div className="button-row">
            <button type="button" className="button button-small" onClick={addCapabilityPrerequisite} disabled={!firstCapability}>
              Add capability prerequisite
            </button>
            <button type="button" className="button button-small" onClick={addLayerPrerequisite}>
              Add layer prerequisite
            </button>
          </div>
          <div className={`prereq-status ${check.met ? 'is-met' : 'is-unmet'}`} data-testid={`prereq-status-${role.id}`}>
            {check.met ? (
              <p>Prerequisites met today.</p>
            ) : (
              <>
                <p>Not yet productive here:</p>
                <ul>
                  {check.unmet.map((u, i) => (
                    <li key={i}>{u.text}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      </div>
    </article>
  );
}

interface PrereqProps {
  readonly index: number;
  readonly role: Role;
  readonly prerequisite: Prerequisite;
  readonly capabilities: readonly Capability[];
  readonly onChange: (next: Prerequisite, what: string) => Promise<void>;
  readonly onRemove: () => void;
}

function PrerequisiteRow({ index, role, prerequisite: p, capabilities, onChange, onRemove }: PrereqProps) {
  const n = index + 1;
  const prefix = `${role.name}, prerequisite ${n}`;
  return (
    <li className="prereq-row">
      {p.kind === 'capability' ? (
        <>
          <SelectField label={`${prefix}: capability`} value={p.capabilityId} onCommit={(v) => onChange({ ...p, capabilityId: v }, 'prerequisite capability')} className="prereq-what">
            {!capabilities.some((c) => c.id === p.capabilityId) && <option value={p.capabilityId}>{p.capabilityId} (not in the inventory)</option>}
            {LAYERS.map((layer) => (
              <optgroup key={layer.id} label={layer.name}>
                {capabilities
                  .filter((c) => c.layer === layer.id)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <span className="prereq-op" aria-hidden="true">
            at least
          </span>
          <SelectField label={`${prefix}: minimum maturity`} value={String(p.minMaturity)} onCommit={(v) => onChange({ ...p, minMaturity: toMaturity(v) }, 'prerequisite maturity')} className="prereq-min">
            <MaturityOptions />
          </SelectField>
        </>
      ) : (
        <>
          <SelectField<LayerId> label={`${prefix}: layer`} value={p.layer} onCommit={(v) => onChange({ ...p, layer: v }, 'prerequisite layer')} className="prereq-what">
            {LAYERS.map((layer) => (
              <option key={layer.id} value={layer.id}>
                {layer.name} layer
              </option>
            ))}
          </SelectField>
          <span className="prereq-op" aria-hidden="true">
            at least
          </span>
          <EditableText
            label={`${prefix}: minimum readiness in percent`}
            value={String(Math.round(p.minReadiness * 100))}
            inputMode="numeric"
            className="prereq-min prereq-percent"
            validate={(v) => {
              const value = parseNumber(v) / 100;
              return fieldError(rolePatchSchema, { prerequisites: [{ ...p, minReadiness: value }] }, 'prerequisites[0].minReadiness')?.replace('between 0 and 1', 'between 0 and 100');
            }}
            onCommit={(v) => onChange({ ...p, minReadiness: parseNumber(v) / 100 }, 'prerequisite readiness')}
          />
          <span className="prereq-unit" aria-hidden="true">
            % ready
          </span>
        </>
      )}
      <button type="button" className="icon-button" aria-label={`Remove ${prefix}`} title="Remove this prerequisite" onClick={onRemove}>
        <TrashIcon />
      </button>
    </li>
  );
}

interface Draft {
  name: string;
  description: string;
  builds: LayerId[];
  needsFoundations: boolean;
}

function AddRoleDialog({ onClose }: { readonly onClose: () => void }) {
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const buildsErrorId = useId();
  const [draft, setDraft] = useState<Draft>({ name: '', description: '', builds: [], needsFoundations: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const payload = { ...draft, builds: LAYERS.map((l) => l.id).filter((id) => draft.builds.includes(id)) };
    await submitForm({
      form: formRef.current,
      clientErrors: fieldErrors(roleFieldsSchema, payload),
      setErrors,
      setBusy,
      save: async () => {
        await change('role.create', payload);
        notify(`Added the role "${payload.name.trim()}". Add its prerequisites on its card.`);
      },
      onSaved: onClose,
    });
  };

  return (
    <Modal title="Add a role" onClose={onClose} className="modal-form">
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormField label="Name" error={errors.name}>
          {(p) => <input {...p} className="field-input" type="text" value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} data-autofocus />}
        </FormField>
        <FormField label="Description" error={errors.description}>
          {(p) => <textarea {...p} className="field-input" rows={2} value={draft.description} onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))} />}
        </FormField>
        <fieldset className="checkbox-group" aria-describedby={errors.builds ? buildsErrorId : undefined}>
          <legend className="field-label">Builds layers</legend>
          {LAYERS.map((layer, i) => (
            <label key={layer.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.builds.includes(layer.id)}
                aria-invalid={i === 0 && errors.builds ? true : undefined}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, builds: e.target.checked ? [...d.builds, layer.id] : d.builds.filter((l) => l !== layer.id) }))
                }
              />
              {layer.name}
            </label>
          ))}
          {errors.builds && (
            <span id={buildsErrorId} className="field-error" role="alert">
              {errors.builds}
            </span>
          )}
        </fieldset>
        <label className="checkbox checkbox-flag">
          <input type="checkbox" checked={draft.needsFoundations} onChange={(e) => setDraft((d) => ({ ...d, needsFoundations: e.target.checked }))} />
          Needs foundations — a luxury hire until its prerequisites are in place
        </label>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Add role
          </button>
        </div>
      </form>
    </Modal>
  );
}
