import { useId, useRef, useState, type FormEvent } from 'react';
import { LAYERS } from '../../core/domain/layers';
import { WORK_ITEM_STATUSES, WORK_ITEM_STATUS_LABELS, type WorkItem, type WorkItemStatus } from '../../core/domain/planning';
import type { PlannedItem } from '../../core/planner/types';
import { workItemFieldsSchema, type WorkItemFields } from '../../shared/schemas';
import { submitForm } from '../components/submitForm';
import { FormField } from '../components/FormField';
import { MaturityOptions } from '../components/maturity';
import { ConfirmDialog, Modal } from '../components/Modal';
import { fieldErrors, parseDate, parseNumber, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { MarkDoneDialog } from '../progress/MarkDoneDialog';
import { todayIso, useProgress } from '../progress/useProgress';

/** What the editor opens on: a stored item, a planner's proposal (saved as the user's own), or nothing (new). */
export type EditTarget = { readonly kind: 'stored'; readonly item: WorkItem } | { readonly kind: 'proposal'; readonly item: PlannedItem } | { readonly kind: 'new' };

interface Draft {
  title: string;
  capabilityId: string;
  fromMaturity: string;
  toMaturity: string;
  durationWeeks: string;
  demand: Record<string, string>;
  predecessors: string[];
  releaseDate: string;
  pinnedStart: string;
  actualStart: string;
  actualFinish: string;
  status: WorkItemStatus;
  notes: string;
}

function draftOf(target: EditTarget, stored: readonly WorkItem[]): Draft {
  if (target.kind === 'new') {
    return { title: '', capabilityId: '', fromMaturity: '', toMaturity: '', durationWeeks: '4', demand: {}, predecessors: [], releaseDate: '', pinnedStart: '', actualStart: '', actualFinish: '', status: 'planned', notes: '' };
  }
  const item = target.item;
  const known = new Set(stored.map((w) => w.id));
  return {
    title: item.title,
    capabilityId: item.capabilityId ?? '',
    fromMaturity: item.fromMaturity === null ? '' : String(item.fromMaturity),
    toMaturity: item.toMaturity === null ? '' : String(item.toMaturity),
    durationWeeks: String(item.durationWeeks),
    demand: Object.fromEntries(Object.entries(item.demand).map(([k, v]) => [k, String(v)])),
    predecessors: item.predecessors.filter((id) => known.has(id)),
    releaseDate: target.kind === 'stored' ? (target.item.releaseDate ?? '') : '',
    pinnedStart: target.kind === 'stored' ? (target.item.pinnedStart ?? '') : '',
    actualStart: target.kind === 'stored' ? (target.item.actualStart ?? '') : '',
    actualFinish: target.kind === 'stored' ? (target.item.actualFinish ?? '') : '',
    status: target.kind === 'stored' ? target.item.status : 'planned',
    notes: target.kind === 'stored' ? target.item.notes : '',
  };
}

function fieldsOf(d: Draft): WorkItemFields {
  const demand: Record<string, number> = {};
  for (const [roleId, text] of Object.entries(d.demand)) if (text.trim() !== '') demand[roleId] = parseNumber(text);
  const maturity = (text: string) => (text === '' ? null : (Number(text) as WorkItemFields['fromMaturity']));
  return {
    title: d.title,
    capabilityId: d.capabilityId === '' ? null : d.capabilityId,
    fromMaturity: maturity(d.fromMaturity),
    toMaturity: maturity(d.toMaturity),
    durationWeeks: parseNumber(d.durationWeeks),
    demand,
    predecessors: d.predecessors,
    releaseDate: parseDate(d.releaseDate),
    pinnedStart: parseDate(d.pinnedStart),
    actualStart: parseDate(d.actualStart),
    actualFinish: parseDate(d.actualFinish),
    status: d.status,
    notes: d.notes,
  };
}

/** Server paths like `predecessors[2]` or `demand.data-engineer` belong to the field that shows them. */
function fieldKey(path: string): string {
  if (path.startsWith('predecessors')) return 'predecessors';
  return path;
}

function keyed(errors: FieldErrors): FieldErrors {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = fieldKey(path);
    if (!(key in out)) out[key] = message;
  }
  return out;
}

interface Props {
  readonly target: EditTarget;
  readonly onClose: () => void;
}

export function WorkItemEditor({ target, onClose }: Props) {
  const { capabilities, roles, workItems } = useSnapshot();
  const { change, changeAndTell } = useWorkspace();
  const { notify } = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const predecessorsId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(target, workItems));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { record } = useProgress();
  // A status change to done asks first (MarkDoneDialog); the editor stays open meanwhile.
  const [askDone, setAskDone] = useState<{ readonly item: WorkItem; readonly start: string; readonly finish: string } | null>(null);
  const asking = useRef(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A corrected field drops its error; the others keep theirs until the next save.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key && !k.startsWith(`${key}.`))));
  };

  const ownId = target.kind === 'stored' ? target.item.id : null;
  const candidates = workItems.filter((w) => w.id !== ownId);

  const pickCapability = (id: string) => {
    const capability = capabilities.find((c) => c.id === id);
    setDraft((d) => ({
      ...d,
      capabilityId: id,
      fromMaturity: capability && d.fromMaturity === '' ? String(capability.currentMaturity) : d.fromMaturity,
      toMaturity: capability && d.toMaturity === '' ? String(Math.min(4, capability.currentMaturity + 1)) : d.toMaturity,
      title: capability && d.title.trim() === '' ? `${capability.name}: next maturity step` : d.title,
    }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = fieldsOf(draft);
    await submitForm({
      form: formRef.current,
      clientErrors: keyed(fieldErrors(workItemFieldsSchema, fields)),
      setErrors,
      setBusy,
      save: async () => {
        // A new status goes through workItem.progress (undoable, with what the change records); the rest as usual.
        const statusChanged = fields.status !== (target.kind === 'stored' ? target.item.status : 'planned');
        const { status, actualStart, actualFinish: _finish, ...rest } = fields;
        let stored: WorkItem | undefined;
        if (target.kind === 'stored') {
          const answer = await change('workItem.update', { id: target.item.id, patch: statusChanged ? rest : fields });
          stored = answer.workItems.find((w) => w.id === target.item.id);
        } else {
          const known = new Set(workItems.map((w) => w.id));
          const answer = await change('workItem.create', statusChanged ? { ...rest, status: 'planned', actualStart: null, actualFinish: null } : fields);
          stored = answer.workItems.find((w) => !known.has(w.id));
        }
        const saved = target.kind === 'stored' ? `Saved “${fields.title.trim()}”.` : target.kind === 'proposal' ? `“${fields.title.trim()}” is now your own work item.` : `Added “${fields.title.trim()}”.`;
        if (!statusChanged || !stored) {
          notify(saved);
          return;
        }
        if (status === 'done') {
          asking.current = true;
          setAskDone({ item: stored, start: draft.actualStart.trim(), finish: draft.actualFinish.trim() });
          return;
        }
        await record(stored, { status, ...(status === 'in_progress' && actualStart ? { actualStart } : {}) });
        notify(saved);
      },
      onSaved: () => {
        if (!asking.current) onClose();
      },
      serverErrors: (field, message) => ({ [fieldKey(field)]: message }),
    });
  };

  const remove = async () => {
    if (target.kind !== 'stored') return;
    setConfirmDelete(false);
    if (await changeAndTell('workItem.delete', { id: target.item.id }, `Deleted “${target.item.title}”.`)) onClose();
  };

  const title = target.kind === 'new' ? 'New work item' : target.kind === 'proposal' ? 'Adopt the proposal' : 'Edit work item';
  const description =
    target.kind === 'proposal' ? 'The planner proposed this item from the catalog’s estimates. Saving it makes it your own work item, which wins over the proposal.' : undefined;

  if (askDone) {
    const capability = askDone.item.capabilityId === null ? null : (capabilities.find((c) => c.id === askDone.item.capabilityId) ?? null);
    return (
      <MarkDoneDialog
        item={askDone.item}
        capability={capability}
        today={todayIso()}
        plannedStart={target.kind === 'stored' ? null : target.kind === 'proposal' ? target.item.startDate : null}
        initial={{ start: askDone.start, finish: askDone.finish }}
        onConfirm={async (values) => {
          await record(askDone.item, values);
          notify(`“${askDone.item.title}” is done${values.capabilityMaturity !== undefined && capability ? `; ${capability.name} is at maturity ${values.capabilityMaturity}` : ''}.`);
          asking.current = false;
          onClose();
        }}
        onClose={() => {
          asking.current = false;
          setAskDone(null);
          setBusy(false);
        }}
      />
    );
  }

  if (confirmDelete && target.kind === 'stored') {
    return (
      <ConfirmDialog
        title={`Delete “${target.item.title}”?`}
        message={<p>The item leaves the plan; items that wait for it no longer do. The planner may propose the work again.</p>}
        confirmLabel="Delete work item"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => void remove()}
      />
    );
  }

  return (
    <Modal title={title} description={description} onClose={onClose} className="modal-form modal-wide">
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)} data-testid="work-item-editor">
        <FormField label="Title" error={errors.title}>
          {(p) => <input {...p} className="field-input" type="text" value={draft.title} onChange={(e) => set('title', e.target.value)} data-autofocus />}
        </FormField>
        <div className="form-grid">
          <FormField label="Capability" error={errors.capabilityId} className="span-2">
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.capabilityId} onChange={(e) => pickCapability(e.target.value)}>
                <option value="">None (work that raises no capability)</option>
                {LAYERS.map((layer) => (
                  <optgroup key={layer.id} label={layer.name}>
                    {capabilities
                      .filter((c) => c.layer === layer.id)
                      .map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name} (now {c.currentMaturity}, target {c.targetMaturity})
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Maturity from" error={errors.fromMaturity}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.fromMaturity} onChange={(e) => set('fromMaturity', e.target.value)}>
                <option value="">—</option>
                <MaturityOptions />
              </select>
            )}
          </FormField>
          <FormField label="Maturity to" error={errors.toMaturity}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.toMaturity} onChange={(e) => set('toMaturity', e.target.value)}>
                <option value="">—</option>
                <MaturityOptions />
              </select>
            )}
          </FormField>
          <FormField label="Duration (weeks)" error={errors.durationWeeks}>
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" value={draft.durationWeeks} onChange={(e) => set('durationWeeks', e.target.value)} />}
          </FormField>
          <FormField label="Status" error={errors.status}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.status} onChange={(e) => set('status', e.target.value as WorkItemStatus)}>
                {WORK_ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {WORK_ITEM_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Release date" error={errors.releaseDate} hint="Not before (YYYY-MM-DD)">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" placeholder="—" value={draft.releaseDate} onChange={(e) => set('releaseDate', e.target.value)} />}
          </FormField>
          <FormField label="Pinned start" error={errors.pinnedStart} hint="Starts exactly then (YYYY-MM-DD)">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" placeholder="—" value={draft.pinnedStart} onChange={(e) => set('pinnedStart', e.target.value)} />}
          </FormField>
          <FormField label="Actual start" error={errors.actualStart} hint="When the work really started (YYYY-MM-DD)">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" placeholder="—" value={draft.actualStart} onChange={(e) => set('actualStart', e.target.value)} />}
          </FormField>
          <FormField label="Actual finish" error={errors.actualFinish} hint="When it really finished (YYYY-MM-DD)">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" placeholder="—" value={draft.actualFinish} onChange={(e) => set('actualFinish', e.target.value)} />}
          </FormField>
        </div>

        <fieldset className="demand-group">
          <legend>People per role, for the whole duration</legend>
          <div className="salary-grid">
            {roles.map((role) => (
              <FormField key={role.id} label={role.name} error={errors[`demand.${role.id}`]}>
                {(p) => (
                  <input
                    {...p}
                    className="field-input"
                    type="text"
                    inputMode="numeric"
                    placeholder="0"
                    value={(Object.hasOwn(draft.demand, role.id) ? draft.demand[role.id] : undefined) ?? ''}
                    onChange={(e) => set('demand', { ...draft.demand, [role.id]: e.target.value })}
                  />
                )}
              </FormField>
            ))}
          </div>
          {errors.demand && (
            <span className="field-error" role="alert">
              {errors.demand}
            </span>
          )}
        </fieldset>

        <fieldset className={`predecessor-group${errors.predecessors ? ' has-error' : ''}`} aria-describedby={errors.predecessors ? `${predecessorsId}-error` : undefined}>
          <legend>Predecessors (must finish first)</legend>
          {candidates.length === 0 ? (
            <p className="field-hint">None of your own items yet. Proposals become yours when you save or move them.</p>
          ) : (
            <div className="predecessor-list">
              {candidates.map((w) => (
                <label key={w.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.predecessors.includes(w.id)}
                    aria-invalid={errors.predecessors ? true : undefined}
                    onChange={(e) => set('predecessors', e.target.checked ? [...draft.predecessors, w.id] : draft.predecessors.filter((id) => id !== w.id))}
                  />
                  {w.title}
                </label>
              ))}
            </div>
          )}
          {errors.predecessors && (
            <span id={`${predecessorsId}-error`} className="field-error" role="alert" data-testid="predecessors-error">
              {errors.predecessors}
            </span>
          )}
        </fieldset>

        <FormField label="Notes" error={errors.notes}>
          {(p) => <textarea {...p} className="field-input" rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />}
        </FormField>

        <div className="modal-actions">
          {target.kind === 'stored' && (
            <button type="button" className="button button-danger editor-delete" onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {target.kind === 'proposal' ? 'Save as my item' : target.kind === 'new' ? 'Add work item' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
