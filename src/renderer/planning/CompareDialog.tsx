import { useEffect, useRef, useState } from 'react';
import { LAYERS_TOP_DOWN } from '../../core/format';
import type { PlanResult } from '../../core/planner/types';
import type { CallProgress } from '../../shared/contract';
import { call, toApiError } from '../api';
import { Modal } from '../components/Modal';
import { TableHead } from '../components/TableHead';
import { sentence } from '../format';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { usePlanning } from './machine/usePlanning';
import { formatMoney, hireCostByQuarter, quarterCount, quarterLabelAt } from './planFormat';

interface Props {
  readonly initial: string | null;
  readonly onClose: () => void;
}

/** Two or three scenarios side by side: when each layer is ready, hires and cost by quarter. */
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
        {plans && <ExportCsvButton table="comparison" scenarioIds={plans.map((p) => p.scenario.id)} />}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function Comparison({ plans }: { readonly plans: readonly PlanResult[] }) {
  const scenarioColumns = plans.map((plan) => ({ key: plan.scenario.id, label: plan.scenario.name }));
  // Scenarios may start on different dates: rows are calendar quarters, by label.
  const byLabel = new Map<string, { hires: string[][]; cost: (number | null)[] }>();
  plans.forEach((plan, p) => {
    const count = quarterCount(plan);
    const cost = hireCostByQuarter(plan, count);
    for (let q = 0; q < count; q += 1) {
      const label = quarterLabelAt(plan, q);
      const row = byLabel.get(label) ?? { hires: plans.map(() => []), cost: plans.map(() => null) };
      row.cost[p] = cost[q] ?? null;
      byLabel.set(label, row);
    }
    for (const hire of plan.hires) {
      const row = byLabel.get(hire.quarter) ?? { hires: plans.map(() => []), cost: plans.map(() => null) };
      row.hires[p]?.push(hire.roleName + (hire.source === 'existing' ? ' (existing)' : ''));
      byLabel.set(hire.quarter, row);
    }
  });
  const labels = [...byLabel.keys()].sort();
  const anyCost = plans.some((plan) => plan.hires.some((h) => h.annualSalary !== null));
  const hireRows = labels.filter((l) => byLabel.get(l)?.hires.some((h) => h.length > 0) ?? false);

  return (
    <div className="compare-result" data-testid="comparison">
      <table className="grid-table compare-table">
        <caption>When each layer becomes ready</caption>
        <TableHead columns={[{ label: 'Layer' }, ...scenarioColumns]} />
        <tbody>
          {LAYERS_TOP_DOWN.map((layer) => {
            const weeks = plans.map((plan) => plan.layers.find((l) => l.layer === layer.id)?.readyWeek ?? null);
            // Scenarios may start on different dates: compare by calendar date, not by week.
            const dates = plans.map((plan) => plan.layers.find((l) => l.layer === layer.id)?.readyDate ?? null);
            const known = dates.filter((d): d is string => d !== null).sort();
            const best = known.length > 0 && new Set(dates).size > 1 ? known[0] : null;
            return (
              <tr key={layer.id}>
                <th scope="row">{layer.name}</th>
                {plans.map((plan, p) => {
                  const projection = plan.layers.find((l) => l.layer === layer.id);
                  const target = plan.scenario.targetLayer === layer.id;
                  const earliest = best !== null && dates[p] === best && weeks[p] !== 0;
                  return (
                    <td key={plan.scenario.id} className={`${target ? 'is-target' : ''}${earliest ? ' is-best' : ''}`.trim() || undefined}>
                      {projection?.readyWeek !== null && projection?.readyWeek !== undefined && projection.readyWeek <= plan.statusWeek ? 'Ready now' : projection?.readyQuarter ? `${projection.readyQuarter} (${projection.readyDate ?? ''})` : 'Not within the horizon'}
                      {target && <span className="badge compare-target">target</span>}
                      {earliest && <span className="badge compare-best">earliest</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr>
            <th scope="row">Warnings</th>
            {plans.map((plan) => (
              <td key={plan.scenario.id}>{plan.warnings.length}</td>
            ))}
          </tr>
        </tbody>
      </table>

      <table className="grid-table compare-table">
        <caption>Hires by quarter{anyCost ? ' and salary cost of the new hires' : ''}</caption>
        <TableHead columns={[{ label: 'Quarter' }, ...scenarioColumns]} />
        <tbody>
          {(anyCost ? labels : hireRows).map((label) => {
            const row = byLabel.get(label);
            return (
              <tr key={label}>
                <th scope="row">{label}</th>
                {plans.map((plan, p) => {
                  const hires = row?.hires[p] ?? [];
                  const cost = row?.cost[p] ?? null;
                  return (
                    <td key={plan.scenario.id}>
                      {hires.length === 0 ? <span className="muted">—</span> : hires.join(', ')}
                      {cost !== null && cost > 0 && <span className="compare-cost">{formatMoney(cost)}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr className="compare-total">
            <th scope="row">Proposed hires</th>
            {plans.map((plan) => (
              <td key={plan.scenario.id}>{plan.hires.filter((h) => h.source === 'proposed').length}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {!anyCost && <p className="field-hint">Add salaries per role to a scenario to see the cost per quarter.</p>}
    </div>
  );
}
