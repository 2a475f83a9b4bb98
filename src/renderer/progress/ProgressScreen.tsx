import { useEffect, useId, useState } from 'react';
import type { MonthNumber } from '../../core/domain/calendar';
import type { ProgressReport } from '../../core/progress/progress';
import { call, toApiError } from '../api';
import { usePlanning } from '../planning/machine/usePlanning';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { BaselinesPanel, SaveBaselineDialog } from './BaselinesPanel';
import { useBaselineChoice } from './BaselineProvider';
import { BurnUpChart, HeadcountCharts, ReadinessCharts } from './ProgressCharts';
import { SlipTables, WhySlipped } from './SlipPanels';
import { StatusDatePicker } from './StatusDatePicker';

/** A quiet moment after the last edit before the report is made again (as the plan is). */
const REFRESH_DELAY_MS = 150;

type Load = { readonly state: 'idle' } | { readonly state: 'loading'; readonly report: ProgressReport | null } | { readonly state: 'ready'; readonly report: ProgressReport } | { readonly state: 'failed'; readonly message: string };

/**
 * Progress against a baseline: are we on track (readiness per layer, the burn-up, headcount), what
 * moved, and why each layer gate that moved later did. The report is made in the handler host
 * (`progress.get`) for the baseline compared with, as of the status date, and again after every edit.
 */
export function ProgressScreen() {
  const snapshot = useSnapshot();
  const { summaries, current, choose } = useBaselineChoice();
  const { asOf } = usePlanning();
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  const pickId = useId();
  const currentId = current?.id ?? null;

  useEffect(() => {
    if (currentId === null) {
      setLoad({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    setLoad((l) => ({ state: 'loading', report: l.state === 'ready' || l.state === 'loading' ? l.report : null }));
    const timer = window.setTimeout(() => {
      call('progress.get', { baselineId: currentId, ...(asOf ? { asOf } : {}) }, { signal: controller.signal }).then(
        (report) => setLoad({ state: 'ready', report }),
        (cause: unknown) => {
          const error = toApiError(cause);
          if (error.code !== 'cancelled') setLoad({ state: 'failed', message: error.message });
        },
      );
    }, REFRESH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [currentId, asOf, snapshot]);

  const report = 'report' in load ? load.report : null;
  const fiscal = snapshot.settings.fiscalYearStartMonth as MonthNumber;

  return (
    <div className="screen screen-progress" aria-busy={load.state === 'loading'}>
      <header className="screen-header">
        <div>
          <h1 tabIndex={-1}>Progress</h1>
          <p className="screen-lede">The plan now against a baseline: readiness, work done and headcount over time, what moved and why.</p>
        </div>
        <div className="screen-actions">
          <button type="button" className="button button-primary" onClick={() => setSaving(true)}>
            Save a baseline…
          </button>
        </div>
      </header>

      {summaries.length === 0 ? (
        <section className="panel progress-empty">
          <p className="empty">
            No baseline yet. A baseline is the plan you commit to: accepting a plan in the Hiring plan saves one, or save the current plan with <strong>Save a baseline…</strong>. Then
            mark work done and hires joined as the quarter goes, and see here what moved and why.
          </p>
        </section>
      ) : (
        <>
          <section className="scenario-bar progress-bar" aria-label="Comparison">
            <div className="scenario-pick">
              <label htmlFor={pickId} className="scenario-label">
                Baseline
              </label>
              <select id={pickId} className="field-input field-select scenario-select" value={current?.id ?? ''} onChange={(e) => choose(e.target.value)} data-testid="baseline-select">
                {summaries.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name} ({b.scenarioName}, {b.asOf})
                  </option>
                ))}
              </select>
              <StatusDatePicker />
            </div>
            <div className="scenario-foot">
              <ProgressStatus load={load} />
            </div>
          </section>
          {report && (
            <div className={`plan-view${load.state === 'loading' ? ' is-stale' : ''}`}>
              <Summary report={report} />
              <WhySlipped report={report} />
              <ReadinessCharts report={report} fiscalStartMonth={fiscal} />
              <BurnUpChart report={report} fiscalStartMonth={fiscal} />
              <HeadcountCharts report={report} fiscalStartMonth={fiscal} />
              <SlipTables report={report} />
            </div>
          )}
          <BaselinesPanel />
        </>
      )}
      {saving && <SaveBaselineDialog onClose={() => setSaving(false)} />}
    </div>
  );
}

function ProgressStatus({ load }: { readonly load: Load }) {
  if (load.state === 'failed') {
    return (
      <div className="plan-status is-error" role="alert">
        {load.message}
      </div>
    );
  }
  const text =
    load.state === 'loading'
      ? 'Comparing with the baseline…'
      : load.state === 'ready'
        ? `Compared with “${load.report.baseline.name}” (scenario “${load.report.baseline.scenarioName}”, as of ${load.report.baseline.asOf}), as of ${load.report.asOf}`
        : '';
  return (
    <div className={`plan-status${load.state === 'loading' ? ' is-busy' : ''}`} role="status" data-testid="progress-status" data-state={load.state}>
      {load.state === 'loading' && <span className="spinner" aria-hidden="true" />}
      {text}
    </div>
  );
}

function Summary({ report }: { readonly report: ProgressReport }) {
  const s = report.summary;
  const tiles: readonly { readonly label: string; readonly value: number; readonly tone?: 'bad' | 'good' }[] = [
    { label: 'items done', value: s.itemsDone, tone: 'good' },
    { label: 'items late', value: s.itemsLate, ...(s.itemsLate > 0 ? { tone: 'bad' as const } : {}) },
    { label: 'items added', value: s.itemsAdded },
    { label: 'items removed', value: s.itemsRemoved },
    { label: 'hires late or missing', value: s.hiresLate, ...(s.hiresLate > 0 ? { tone: 'bad' as const } : {}) },
    { label: 'gates later', value: s.gatesLater, ...(s.gatesLater > 0 ? { tone: 'bad' as const } : {}) },
    { label: 'gates earlier', value: s.gatesEarlier, ...(s.gatesEarlier > 0 ? { tone: 'good' as const } : {}) },
  ];
  return (
    <ul className="progress-summary" aria-label="Since the baseline" data-testid="progress-summary">
      {tiles.map((t) => (
        <li key={t.label} className={`progress-tile${t.tone ? ` is-${t.tone}` : ''}`}>
          <span className="progress-tile-value">{t.value}</span>
          <span className="progress-tile-label">{t.label}</span>
        </li>
      ))}
    </ul>
  );
}
