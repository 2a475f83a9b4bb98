import { useEffect, useRef, useState } from 'react';
import type { MarginalHireValue, PlanResult } from '../../core/planner/types';
import type { CallProgress } from '../../shared/contract';
import { call, toApiError } from '../api';
import { TableHead } from '../components/TableHead';
import { planPayload } from './machine/actors';
import { usePlanning } from './machine/usePlanning';
import { outcomeLabel } from './hiringAdvice';

type State =
  | { readonly kind: 'weighing'; readonly progress: CallProgress | null }
  | { readonly kind: 'done'; readonly values: readonly MarginalHireValue[] }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * What one more hire of each role now does to the target layer's gate (issue 9): a plan per role,
 * so it is asked for only once the plan is on screen, runs where plans run (the handler host's
 * worker), shows its progress and can be stopped. Earlier gains first.
 */
export function MarginalValues({ plan }: { readonly plan: PlanResult }) {
  const { scenario, asOf, busy } = usePlanning();
  const [state, setState] = useState<State>({ kind: 'weighing', progress: null });
  const [attempt, setAttempt] = useState(0);
  const running = useRef<AbortController | null>(null);
  const scenarioId = scenario?.id ?? null;

  useEffect(() => {
    // A plan being made again will change the answer: wait for it.
    if (busy) return;
    const controller = new AbortController();
    // Cleared when a newer plan replaces this one: its answer, or its cancel, is no longer news.
    let live = true;
    running.current = controller;
    setState({ kind: 'weighing', progress: null });
    call('plan.marginal', planPayload({ scenarioId, asOf }), { signal: controller.signal, onProgress: (progress) => live && setState({ kind: 'weighing', progress }) }).then(
      (values) => live && setState({ kind: 'done', values }),
      (cause: unknown) => {
        if (!live) return;
        const error = toApiError(cause);
        setState(error.code === 'cancelled' ? { kind: 'stopped' } : { kind: 'failed', message: error.message });
      },
    );
    return () => {
      live = false;
      controller.abort();
    };
  }, [plan, scenarioId, asOf, busy, attempt]);

  const target = plan.layers.find((l) => l.layer === plan.scenario.targetLayer);
  const values = state.kind === 'done' ? [...state.values].sort((a, b) => rank(b) - rank(a) || a.roleName.localeCompare(b.roleName)) : [];
  return (
    <section className="panel" aria-labelledby="marginal-heading" data-testid="marginal-values" aria-busy={state.kind === 'weighing'}>
      <h2 id="marginal-heading" className="panel-title">
        One more hire now
      </h2>
      <p className="timeline-note">
        For each role, the plan made again with one more person starting as early as the lead time allows: how much earlier {target?.name ?? 'the target layer'} gets
        ready{target?.readyDate ? ` (now ${target.readyDate})` : ''}. The figure to argue for headcount with.
      </p>
      {state.kind === 'weighing' && (
        <div className="plan-status is-busy" role="status">
          <span className="spinner" aria-hidden="true" />
          {state.progress?.stage ? `Weighing: ${state.progress.stage}…` : 'Weighing one more hire of each role…'}
          <button type="button" className="button button-small" onClick={() => running.current?.abort()}>
            Stop
          </button>
        </div>
      )}
      {state.kind === 'stopped' && (
        <div className="plan-status" role="status">
          Stopped.
          <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
            Weigh again
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="plan-status is-error" role="alert">
          {state.message}
          <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.kind === 'done' && (
        <table className="grid-table marginal-table" data-testid="marginal-table">
          <TableHead columns={[{ label: 'Role', className: 'col-hire-role' }, { label: 'One more hire', className: 'col-marginal-outcome' }, { label: 'Starting' }, { label: 'Gate with the hire' }, { label: 'Why', className: 'col-reason' }]} />
          <tbody>
            {values.map((v) => (
              <tr key={v.roleId} data-testid={`marginal-${v.roleId}`}>
                <th scope="row">{v.roleName}</th>
                <td>
                  <span className={`badge marginal-badge is-${v.outcome}`}>{outcomeLabel(v)}</span>
                </td>
                <td className="nowrap">{v.startDate}</td>
                <td className="nowrap">{v.gateDate ?? '—'}</td>
                <td className="col-reason">{v.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Bigger gains first, then "no gain", then "not yet". */
function rank(v: MarginalHireValue): number {
  if (v.outcome === 'earlier') return 1000 + (v.weeksEarlier ?? 500);
  return v.outcome === 'none' ? 1 : 0;
}
