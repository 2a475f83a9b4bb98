import { useRef, useState, type FormEvent } from 'react';
import { LAYERS, type LayerId } from '../../core/domain/layers';
import { layerLabel } from '../../core/format';
import { toIsoDate } from '../../core/calendar';
import { defaultScenario, type Scenario } from '../../core/domain/planning';
import { scenarioParameters, whyScenarioCannotBeDeleted } from '../../core/domain/scenarios';
import type { Role } from '../../core/domain/types';
import { scenarioFieldsSchema, type ScenarioFields } from '../../shared/schemas';
import { submitForm } from '../components/submitForm';
import { FormField } from '../components/FormField';
import { ConfirmDialog, Modal } from '../components/Modal';
import { sentence } from '../format';
import { fieldErrors, parseDate, parseNumber, type FieldErrors } from '../validation';
import { useToasts } from '../workspace/toasts';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import { CardMenu } from './CardMenu';
import { WarningCounts } from './Severity';
import { StatusDatePicker } from '../progress/StatusDatePicker';
import { BorrowedEditor } from './BorrowedEditor';
import { borrowedDrafts, borrowedOf, type BorrowedDraft } from './hiringAdvice';
import { CompareDialog } from './CompareDialog';
import { usePlanning } from './machine/usePlanning';

/** The scenario picker and its actions, and the plan's status, on top of every planning view. */
export function ScenarioBar() {
  const { scenarios, roles } = useSnapshot();
  const { change, changeAndTell } = useWorkspace();
  const { notify } = useToasts();
  const planning = usePlanning();
  const { scenario, selectScenario } = planning;
  const [dialog, setDialog] = useState<'edit' | 'new' | 'delete' | 'compare' | null>(null);
  const deleteRefusal = scenario ? whyScenarioCannotBeDeleted(scenario) : null;

  /** Creates the scenario and selects it; a refusal is toasted and rethrown (the form shows it by its field). */
  const createFrom = async (fields: ScenarioFields): Promise<void> => {
    const before = new Set(scenarios.map((s) => s.id));
    const next = await change('scenario.create', fields);
    const created = next.scenarios.find((s) => !before.has(s.id));
    if (created) selectScenario(created.id);
    notify(`Created the scenario “${fields.name}”.`);
  };

  const duplicate = async () => {
    if (!scenario) return;
    // A refusal is in the toast already.
    await createFrom({ ...scenarioParameters(scenario), name: copyName(scenario.name, scenarios) }).catch(() => undefined);
  };

  const setDefault = async () => {
    if (!scenario) return;
    await changeAndTell('scenario.setDefault', { id: scenario.id }, `“${scenario.name}” is now the default scenario.`);
  };

  const remove = async () => {
    if (!scenario) return;
    setDialog(null);
    await changeAndTell('scenario.delete', { id: scenario.id }, `Deleted the scenario “${scenario.name}”.`);
  };

  return (
    <section className="scenario-bar" aria-label="Scenario">
      <div className="scenario-pick">
        <label htmlFor="scenario-select" className="scenario-label">
          Scenario
        </label>
        <select
          id="scenario-select"
          className="field-input field-select scenario-select"
          value={scenario?.id ?? ''}
          onChange={(e) => selectScenario(e.target.value)}
          data-testid="scenario-select"
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.isDefault ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="scenario-actions" role="group" aria-label="Scenario actions">
        <button type="button" className="button button-small" onClick={() => setDialog('edit')} disabled={!scenario}>
          Edit…
        </button>
        <button type="button" className="button button-small" onClick={() => setDialog('new')}>
          New…
        </button>
        <button type="button" className="button button-small button-primary" onClick={() => setDialog('compare')} disabled={scenarios.length < 2}>
          Compare…
        </button>
        <CardMenu
          label="More scenario actions"
          text="More…"
          items={[
            ...(scenario ? [{ label: 'Duplicate', onSelect: () => void duplicate() }] : []),
            ...(scenario && !scenario.isDefault ? [{ label: 'Make default', onSelect: () => void setDefault() }] : []),
            ...(scenario
              ? [{ label: 'Delete…', onSelect: () => (deleteRefusal === null ? setDialog('delete') : notify(sentence(deleteRefusal), 'error')) }]
              : []),
          ]}
        />
      </div>
      <div className="scenario-foot">
        <StatusDatePicker />
        {scenario && <ScenarioSummary scenario={scenario} />}
        <PlanStatus />
      </div>

      {dialog === 'edit' && scenario && <ScenarioDialog key={scenario.id} scenario={scenario} roles={roles} onClose={() => setDialog(null)} />}
      {dialog === 'new' && (
        <ScenarioDialog
          scenario={scenario ? { ...scenario, name: copyName('New scenario', scenarios) } : null}
          isNew
          roles={roles}
          onCreate={createFrom}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && scenario && (
        <ConfirmDialog
          title={`Delete the scenario “${scenario.name}”?`}
          message={<p>Its parameters are deleted. Work items and the headcount stay as they are.</p>}
          confirmLabel="Delete scenario"
          onCancel={() => setDialog(null)}
          onConfirm={() => void remove()}
        />
      )}
      {dialog === 'compare' && <CompareDialog initial={scenario?.id ?? null} onClose={() => setDialog(null)} />}
    </section>
  );
}

function ScenarioSummary({ scenario }: { readonly scenario: Scenario }) {
  const target = layerLabel(scenario.targetLayer);
  return (
    <span className="scenario-summary">
      From {scenario.startDate} · {scenario.horizonQuarters} quarters · target {target}
      {scenario.targetDate ? ` by ${scenario.targetDate}` : ''} · ≤ {scenario.maxHiresPerQuarter} hires/quarter
    </span>
  );
}

function PlanStatus() {
  const { status, busy, plan, error, dismissError, requestPlan } = usePlanning();
  if (error) {
    return (
      <div className="plan-status is-error" role="alert">
        <span>{error}</span>
        {status === 'failed' ? (
          <button type="button" className="button button-small" onClick={requestPlan}>
            Plan again
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={dismissError}>
            Dismiss
          </button>
        )}
      </div>
    );
  }
  const text = busy
    ? status === 'accepting'
      ? 'Accepting the plan…'
      : status === 'pinning'
        ? 'Saving the pin…'
        : 'Planning…'
    : plan
      ? `Plan ready: ${plan.items.filter((i) => i.start !== null).length} items, ${plan.hires.filter((h) => h.source === 'proposed').length} proposed hires`
      : '';
  return (
    <div className={`plan-status${busy ? ' is-busy' : ''}`} role="status" data-testid="plan-status" data-state={status}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {text}
      {!busy && plan && (plan.warnings.length === 0 ? ', no warnings' : <WarningCounts warnings={plan.warnings} />)}
    </div>
  );
}

function copyName(base: string, scenarios: readonly Scenario[]): string {
  const names = new Set(scenarios.map((s) => s.name));
  if (!names.has(base)) return base;
  const stem = base.endsWith(' (copy)') ? base : `${base} (copy)`;
  if (!names.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!names.has(`${stem} ${n}`)) return `${stem} ${n}`;
}

interface Draft {
  name: string;
  startDate: string;
  horizonQuarters: string;
  targetLayer: LayerId;
  targetDate: string;
  hiringBudgetPerQuarter: string;
  maxHiresPerQuarter: string;
  gatePercent: string;
  leadTimeWeeks: string;
  rampUpWeeks: string;
  runSharePercent: string;
  salaries: Record<string, string>;
  borrowed: BorrowedDraft[];
}

/** The form's text for a scenario; with none, for the one every workspace starts with (defaultScenario). */
function draftOf(scenario: Scenario | null): Draft {
  const s = scenario ?? { ...defaultScenario(toIsoDate(new Date())), name: 'New scenario' };
  return {
    name: s.name,
    startDate: s.startDate,
    horizonQuarters: String(s.horizonQuarters),
    targetLayer: s.targetLayer,
    targetDate: s.targetDate ?? '',
    hiringBudgetPerQuarter: s.hiringBudgetPerQuarter === null ? '' : String(s.hiringBudgetPerQuarter),
    maxHiresPerQuarter: String(s.maxHiresPerQuarter),
    gatePercent: String(Math.round(s.gateThreshold * 100)),
    leadTimeWeeks: String(s.leadTimeWeeks),
    rampUpWeeks: s.rampUpWeeks === null ? '' : String(s.rampUpWeeks),
    runSharePercent: String(Math.round(s.runShare * 100)),
    salaries: Object.fromEntries(Object.entries(s.salaries).map(([k, v]) => [k, String(v)])),
    borrowed: borrowedDrafts(s.borrowed),
  };
}

function fieldsOfDraft(d: Draft): ScenarioFields {
  const salaries: Record<string, number> = {};
  for (const [roleId, text] of Object.entries(d.salaries)) if (text.trim() !== '') salaries[roleId] = parseNumber(text);
  return {
    name: d.name,
    startDate: d.startDate.trim(),
    horizonQuarters: parseNumber(d.horizonQuarters),
    targetLayer: d.targetLayer,
    targetDate: parseDate(d.targetDate),
    hiringBudgetPerQuarter: d.hiringBudgetPerQuarter.trim() === '' ? null : parseNumber(d.hiringBudgetPerQuarter),
    maxHiresPerQuarter: parseNumber(d.maxHiresPerQuarter),
    gateThreshold: parseNumber(d.gatePercent) / 100,
    leadTimeWeeks: parseNumber(d.leadTimeWeeks),
    rampUpWeeks: d.rampUpWeeks.trim() === '' ? null : parseNumber(d.rampUpWeeks),
    salaries,
    runShare: parseNumber(d.runSharePercent) / 100,
    borrowed: borrowedOf(d.borrowed),
  };
}

function withoutKey(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  const { [key]: _dropped, ...rest } = errors;
  return rest;
}

/** The schema speaks in fractions; the form in percent. */
function withPercent(errors: FieldErrors): FieldErrors {
  return errors.gateThreshold ? { ...errors, gateThreshold: 'must be between 5 % and 100 %' } : errors;
}

interface DialogProps {
  readonly scenario: Scenario | null;
  readonly roles: readonly Role[];
  readonly isNew?: boolean;
  readonly onCreate?: (fields: ScenarioFields) => Promise<void>;
  readonly onClose: () => void;
}

function ScenarioDialog({ scenario, roles, isNew = false, onCreate, onClose }: DialogProps) {
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(scenario));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A corrected field drops its error; the others keep theirs until the next save.
    const field = key === 'gatePercent' ? 'gateThreshold' : key;
    setErrors((e) => (key === 'salaries' || key === 'borrowed' ? Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(key))) : withoutKey(e, field)));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = fieldsOfDraft(draft);
    await submitForm({
      form: formRef.current,
      clientErrors: withPercent(fieldErrors(scenarioFieldsSchema, fields)),
      setErrors,
      setBusy,
      save: async () => {
        if (isNew || !scenario) await onCreate?.(fields);
        else {
          await change('scenario.update', { id: scenario.id, patch: fields });
          notify(`Saved the scenario “${fields.name.trim()}”.`);
        }
      },
      onSaved: onClose,
      serverErrors: (field, message) => withPercent({ [field]: message }),
    });
  };

  const number = (key: keyof Draft & string, label: string, error: string | undefined, hint?: string) => (
    <FormField label={label} error={error} {...(hint ? { hint } : {})}>
      {(p) => (
        <input
          {...p}
          className="field-input"
          type="text"
          inputMode="decimal"
          value={draft[key] as string}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <Modal title={isNew ? 'New scenario' : `Scenario “${scenario?.name ?? ''}”`} onClose={onClose} className="modal-form modal-wide">
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormField label="Name" error={errors.name}>
          {(p) => <input {...p} className="field-input" type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} data-autofocus />}
        </FormField>
        <div className="form-grid">
          <FormField label="Start date" error={errors.startDate} hint="Week 0 of the plan (YYYY-MM-DD)">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" value={draft.startDate} onChange={(e) => set('startDate', e.target.value)} />}
          </FormField>
          {number('horizonQuarters', 'Horizon (quarters)', errors.horizonQuarters)}
          <FormField label="Target layer" error={errors.targetLayer}>
            {(p) => (
              <select {...p} className="field-input field-select" value={draft.targetLayer} onChange={(e) => set('targetLayer', e.target.value as LayerId)}>
                {LAYERS.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Target date" error={errors.targetDate} hint="Empty: by the end of the horizon">
            {(p) => <input {...p} className="field-input" type="text" inputMode="numeric" value={draft.targetDate} placeholder="YYYY-MM-DD" onChange={(e) => set('targetDate', e.target.value)} />}
          </FormField>
          {number('hiringBudgetPerQuarter', 'Hiring budget per quarter', errors.hiringBudgetPerQuarter, 'Annual salaries starting per quarter; empty: no limit')}
          {number('maxHiresPerQuarter', 'Max hires per quarter', errors.maxHiresPerQuarter)}
          {number('gatePercent', 'Gate threshold (%)', errors.gateThreshold, 'Readiness a layer needs before the next starts')}
          {number('leadTimeWeeks', 'Hiring lead time (weeks)', errors.leadTimeWeeks, 'Requisition to first day')}
          {number('rampUpWeeks', 'Ramp-up (weeks)', errors.rampUpWeeks, "Empty: each role's own ramp-up")}
          {number('runSharePercent', 'Run work (% of time)', errors.runShare, 'Support, on-call, maintenance; most teams keep 20–40 %')}
        </div>
        <BorrowedEditor rows={draft.borrowed} roles={roles} errors={errors} onChange={(rows) => set('borrowed', rows)} />
        {roles.length > 0 && (
          <fieldset className="salary-group">
            <legend>Annual salary per role (optional)</legend>
            <div className="salary-grid">
              {roles.map((role) => (
                <FormField key={role.id} label={role.name} error={errors[`salaries.${role.id}`]}>
                  {(p) => (
                    <input
                      {...p}
                      className="field-input"
                      type="text"
                      inputMode="decimal"
                      value={(Object.hasOwn(draft.salaries, role.id) ? draft.salaries[role.id] : undefined) ?? ''}
                      placeholder="—"
                      onChange={(e) => set('salaries', { ...draft.salaries, [role.id]: e.target.value })}
                    />
                  )}
                </FormField>
              ))}
            </div>
          </fieldset>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {isNew ? 'Create scenario' : 'Save scenario'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
