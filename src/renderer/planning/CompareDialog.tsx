import { useEffect, useMemo, useRef, useState } from 'react';
import { compareScenarios } from '../../core/planner/comparison';
import type { PlanResult } from '../../core/planner/types';
import type { CallProgress } from '../../shared/contract';
import { call, toApiError } from '../api';
import { Modal } from '../components/Modal';
import { TableHead } from '../components/TableHead';
import { sentence } from '../format';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { useToasts } from '../workspace/toasts';
import { formatMoney } from './planFormat';
import { SeverityIcon } from './Severity';
import { usePlanning } from './machine/usePlanning';

interface Props {
  readonly initial: string | null;
  readonly onClose: () => void;
}

/** Two or three scenarios side by side: what differs, when each layer is ready, hires and spend by quarter, totals. */
export function CompareDialog({ initial, onClose }: Props) {
  const { scenarios } = useSnapshot();
  const { asOf } = usePlanning();
  const [picked, setPicked] = useState<readonly string[]>(() => {
    const first = initial ?? scenarios[0]?.id;
    const second = scenarios.find((s) => s.id !== first)?.id;
    return [first, second].filter((id): id is string => id !== undefined);
  });
  const [plans, setPlans] = useState<readonly PlanResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<CallProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  // Closing the dialog stops a comparison still being planned.
  useEffect(() => () => running.current?.abort(), []);

  const toggle = (id: string, on: boolean) => {
    setPlans(null);
    setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  };

  const compare = async () => {
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const ordered = scenarios.filter((s) => picked.includes(s.id)).map((s) => s.id);
      const result = await call('plan.compare', { scenarioIds: ordered, ...(asOf ? { asOf } : {}) }, { signal: controller.signal, onProgress: setProgress });
      setPlans(result.plans);
    } catch (cause) {
      const error = toApiError(cause);
      if (error.code !== 'cancelled') setError(error.message);
    } finally {
      if (running.current === controller) running.current = null;
      setBusy(false);
      setProgress(null);
    }
  };

  const valid = picked.length >= 2 && picked.length <= 3;

  return (
    <Modal title="Compare scenarios" onClose={onClose} className="modal-compare" description="Pick two or three scenarios to see them side by side.">
      <fieldset className="compare-pick">
        <legend className="visually-hidden">Scenarios to compare</legend>
        {scenarios.map((s) => {
          const checked = picked.includes(s.id);
          return (
            <label key={s.id} className="checkbox">
              <input type="checkbox" checked={checked} disabled={!checked && picked.length >= 3} onChange={(e) => toggle(s.id, e.target.checked)} />
              {s.name}
              {s.isDefault ? ' (default)' : ''}
            </label>
          );
        })}
        <button type="button" className="button button-primary" onClick={() => void compare()} disabled={!valid || busy} data-autofocus>
          {busy ? 'Planning…' : 'Compare'}
        </button>
      </fieldset>
      {!valid && <p className="field-hint">Pick two or three scenarios.</p>}
      {busy && (
        <div className="compare-progress" role="status">
          <progress max={1} value={progress?.fraction ?? 0} aria-label="Comparison progress" />
          <span>{progress ? sentence(progress.stage) : 'Planning…'}</span>
          <button type="button" className="button button-small" onClick={() => running.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="inline-alert" role="alert">
          {error}
        </p>
      )}
      {plans && <Comparison plans={plans} />}
      <div className="modal-actions">
        {plans && <ExportCsvButton table="comparison" scenarioIds={plans.map((p) => p.scenario.id)} asOf={asOf} />}
        {plans && <ExportComparisonPdf scenarioIds={plans.map((p) => p.scenario.id)} />}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function Comparison({ plans }: { readonly plans: readonly PlanResult[] }) {
  const { roles } = useSnapshot();
  const c = useMemo(() => compareScenarios(plans, (id) => roles.find((r) => r.id === id)?.name ?? id), [plans, roles]);
  const scenarioColumns = c.scenarios.map((s) => ({ key: s.id, label: s.name }));
  const differing = c.parameters.filter((p) => p.differs && p.key !== 'name');
  const money = (value: number | null) => (value === null ? '—' : formatMoney(value, c.currency));

  return (
    <div className="compare-result" data-testid="comparison">
      <table className="grid-table compare-table" data-testid="compare-parameters">
        <caption>What differs</caption>
        <TableHead columns={[{ label: 'Parameter' }, ...scenarioColumns]} />
        <tbody>
          {differing.length === 0 ? (
            <tr>
              <td colSpan={c.scenarios.length + 1} className="muted">
                Only the names: the scenarios have the same parameters.
              </td>
            </tr>
          ) : (
            differing.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                {p.values.map((v, i) => (
                  <td key={c.scenarios[i]?.id ?? i}>{v}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>

      <table className="grid-table compare-table">
        <caption>When each layer becomes ready</caption>
        <TableHead columns={[{ label: 'Layer' }, ...scenarioColumns]} />
        <tbody>
          {c.layers.map((layer) => (
            <tr key={layer.layer} className={`layer-${layer.layer}`}>
              <th scope="row" className="compare-layer">
                {layer.name}
              </th>
              {layer.cells.map((cell, i) => (
                <td key={c.scenarios[i]?.id ?? i} className={`${cell.isTarget ? 'is-target' : ''}${cell.earliest ? ' is-best' : ''}`.trim() || undefined}>
                  {cell.text}
                  {cell.isTarget && <span className="badge compare-target">target</span>}
                  {cell.earliest && <span className="badge compare-best">earliest</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {c.gatesDiffer && (
        <p className="field-hint" data-testid="gates-differ">
          The gate thresholds differ ({differing.find((p) => p.key === 'gateThreshold')?.values.join(' vs ')}): a lower gate counts a layer as ready sooner, so these dates are not like for like and
          none is marked earliest.
        </p>
      )}

      <table className="grid-table compare-table" data-testid="compare-quarters">
        <caption>{c.costed ? 'Hires and salary spend by quarter' : 'Hires by quarter'}</caption>
        <TableHead columns={[{ label: 'Quarter' }, ...scenarioColumns]} />
        <tbody>
          {c.quarters
            .filter((q) => c.costed || q.hires.some((h) => h.length > 0))
            .map((q) => (
              <tr key={q.label}>
                <th scope="row" className="nowrap">
                  {q.label}
                </th>
                {q.hires.map((hires, i) => (
                  <td key={c.scenarios[i]?.id ?? i}>
                    {hires.length === 0 ? <span className="muted">no hire starts</span> : hires.join(', ')}
                    {q.spend[i] !== null && q.spend[i] !== undefined && (
                      <span className="compare-cost">
                        {money(q.spend[i] ?? null)} · to date {money(q.cumulative[i] ?? null)}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
      {c.costed && <p className="field-hint">Spend: what the plan’s hires (proposed, open requisitions and planned hires) are paid in the quarter, each salary pro rata from the first day.</p>}

      <table className="grid-table compare-table" data-testid="compare-totals">
        <caption>In all</caption>
        <TableHead columns={[{ label: 'Total' }, ...scenarioColumns]} />
        <tbody>
          <tr>
            <th scope="row">New hires proposed</th>
            {c.totals.map((t, i) => (
              <td key={c.scenarios[i]?.id ?? i}>{t.proposedHires}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Open or planned already</th>
            {c.totals.map((t, i) => (
              <td key={c.scenarios[i]?.id ?? i}>{t.existingHires}</td>
            ))}
          </tr>
          <tr className="compare-total">
            <th scope="row">Salary spend over the horizon</th>
            {c.totals.map((t, i) => (
              <td key={c.scenarios[i]?.id ?? i}>{t.spend === null ? 'not costed' : money(t.spend)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">New hires a year, once started</th>
            {c.totals.map((t, i) => (
              <td key={c.scenarios[i]?.id ?? i}>{t.annualRunRate === null ? 'not costed' : money(t.annualRunRate)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Warnings</th>
            {c.totals.map((t, i) => (
              <td key={c.scenarios[i]?.id ?? i}>
                <span className="warning-counts-inline">
                  {(['critical', 'warning', 'info'] as const).map((severity) => (
                    <span key={severity} className={`severity-badge is-${severity}`}>
                      <SeverityIcon severity={severity} />
                      {t.warnings[severity]} {severity}
                    </span>
                  ))}
                </span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {!c.costed && <p className="field-hint">Add salaries per role to a scenario to see what its hires cost per quarter.</p>}
    </div>
  );
}

/** Saves the comparison as a PDF page (the main process asks where; the host plans and paints it on a worker). */
function ExportComparisonPdf({ scenarioIds }: { readonly scenarioIds: readonly string[] }) {
  const { notify } = useToasts();
  const { asOf } = usePlanning();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { path } = await call('plan.exportComparison', { scenarioIds: [...scenarioIds], ...(asOf ? { asOf } : {}) });
      if (path) notify(`Saved ${path}`);
    } catch (cause) {
      const error = toApiError(cause);
      if (error.code !== 'cancelled') notify(error.message, 'error', error.code);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" onClick={() => void run()} disabled={busy} data-testid="export-comparison-pdf">
      {busy ? 'Exporting…' : 'Export PDF…'}
    </button>
  );
}
