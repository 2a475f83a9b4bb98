import { useId, useState } from 'react';
import { bySeverity } from '../../core/planner/warnings';
import type { PlanResult, PlanWarning, PlanWarningCode, Severity } from '../../core/planner/types';
import { usePlanningNavigation } from './machine/usePlanning';
import { PlanningScreen } from './PlanningScreen';
import { LAYERS_TOP_DOWN, layerLabel } from '../../core/format';
import { datesLabel } from './planFormat';
import { SeverityBadge, WarningCounts } from './Severity';

/** Every warning of the plan, why each item sits where it does, and the planner's reasoning step by step. */
export function WarningsScreen() {
  return (
    <PlanningScreen
      title="Warnings and explanations"
      lede="What needs attention in the plan, most serious first: each warning says what is wrong and what to do, with the full reason behind “Why?”. Then the reason for every placement and hire."
      view={(plan) => <Explanations plan={plan} />}
    />
  );
}

const domId = (kind: 'item' | 'hire', id: string) => `explain-${kind}-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

function targetOf(plan: PlanResult, warning: PlanWarning): { kind: 'item' | 'hire'; id: string } | null {
  if (warning.itemId) return { kind: 'item', id: warning.itemId };
  const hire = plan.hires.find((h) => (warning.hireId && h.id === warning.hireId) || (warning.personId && h.personId === warning.personId));
  return hire ? { kind: 'hire', id: hire.id } : null;
}

function Explanations({ plan }: { readonly plan: PlanResult }) {
  const [highlight, setHighlight] = useState<string | null>(null);
  const { showOnRoadmap } = usePlanningNavigation();
  const scheduled = new Set(plan.items.filter((i) => i.start !== null).map((i) => i.id));

  const focus = (kind: 'item' | 'hire', id: string) => {
    const el = document.getElementById(domId(kind, id));
    if (!el) return;
    setHighlight(domId(kind, id));
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  };

  const placed = plan.items.filter((i) => i.status !== 'done' && i.status !== 'dropped');
  const groups = [...LAYERS_TOP_DOWN.map((l) => l.id), null].reverse();

  return (
    <>
      <section className="panel" aria-labelledby="warnings-heading">
        <h2 id="warnings-heading" className="panel-title">
          Warnings <span className="count">{plan.warnings.length}</span>
          <WarningCounts warnings={plan.warnings} />
        </h2>
        {plan.warnings.length === 0 ? (
          <p className="empty">No warnings: the plan keeps every rule.</p>
        ) : (
          <div className="warning-groups" data-testid="warning-list">
            {groupByCode(plan.warnings).map((group) => (
              <section key={group.code} className={`warning-group is-${group.severity}`} aria-labelledby={`warning-group-${group.code}`} data-testid={`warning-group-${group.code}`}>
                <h3 id={`warning-group-${group.code}`} className="warning-group-title">
                  <SeverityBadge severity={group.severity} />
                  <code className="warning-code">{group.code}</code>
                  <span className="count">{group.warnings.length}</span>
                </h3>
                <ul className="warning-list">
                  {group.warnings.map((w, index) => (
                    <WarningRow
                      key={index}
                      warning={w}
                      target={targetOf(plan, w)}
                      onRoadmap={w.itemId !== undefined && scheduled.has(w.itemId) ? () => showOnRoadmap(w.itemId ?? '') : null}
                      onFocus={focus}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="placements-heading">
        <h2 id="placements-heading" className="panel-title">
          Why each item is where it is <span className="count">{placed.length}</span>
        </h2>
        {groups.map((layer) => {
          const items = placed.filter((i) => i.layer === layer);
          if (items.length === 0) return null;
          return (
            <div key={layer ?? 'none'} className="explain-group">
              <h3 className="explain-layer">{layerLabel(layer)}</h3>
              <ul className="explain-list">
                {items.map((item) => {
                  const id = domId('item', item.id);
                  return (
                    <li key={item.id} id={id} tabIndex={-1} className={`explain-item${highlight === id ? ' is-highlighted' : ''}`} data-testid="placement">
                      <div className="explain-head">
                        <span className="explain-title">{item.title}</span>
                        <span className="explain-when">{item.startQuarter ? `${item.startQuarter} · ${datesLabel(item)}` : 'not scheduled'}</span>
                        <span className={`badge placement-kind kind-${item.placement.kind}`}>{item.placement.kind}</span>
                        {item.pinned && <span className="badge badge-pin">Pinned</span>}
                      </div>
                      <p className="explain-text">{item.placement.text}</p>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </section>

      <section className="panel" aria-labelledby="hire-reasons-heading">
        <h2 id="hire-reasons-heading" className="panel-title">
          Why each hire <span className="count">{plan.hires.length}</span>
        </h2>
        <ul className="explain-list">
          {plan.hires.map((hire) => {
            const id = domId('hire', hire.id);
            return (
              <li key={hire.id} id={id} tabIndex={-1} className={`explain-item${highlight === id ? ' is-highlighted' : ''}`}>
                <div className="explain-head">
                  <span className="explain-title">{hire.personName ?? hire.roleName}</span>
                  <span className="explain-when">
                    {hire.quarter} · starts {hire.startDate}
                  </span>
                  <span className="badge">{hire.source === 'proposed' ? 'proposed' : hire.status === 'open_req' ? 'open requisition' : 'planned'}</span>
                </div>
                <p className="explain-text">{hire.reason}</p>
              </li>
            );
          })}
        </ul>
      </section>

      <section className="panel" aria-labelledby="decisions-heading">
        <h2 id="decisions-heading" className="panel-title">
          The planner’s decisions <span className="count">{plan.decisions.length}</span>
        </h2>
        <ol className="decision-list" data-testid="decisions">
          {plan.decisions.map((d) => (
            <li key={d.step} className={`decision decision-${d.kind}`}>
              <span className="decision-step">{d.step}</span>
              <span className="badge decision-kind">{d.kind}</span>
              {d.layer && <span className="decision-layer">{layerLabel(d.layer)}</span>}
              <span className="decision-text">{d.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Warnings in the planner's one order (most severe first), grouped by code. */
function groupByCode(warnings: readonly PlanWarning[]): { code: PlanWarningCode; severity: Severity; warnings: PlanWarning[] }[] {
  const groups = new Map<PlanWarningCode, PlanWarning[]>();
  for (const w of bySeverity(warnings)) groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  return [...groups].map(([code, list]) => ({ code, severity: list[0]?.severity ?? 'info', warnings: list }));
}

interface RowProps {
  readonly warning: PlanWarning;
  readonly target: { kind: 'item' | 'hire'; id: string } | null;
  readonly onRoadmap: (() => void) | null;
  readonly onFocus: (kind: 'item' | 'hire', id: string) => void;
}

/** One warning: what is wrong, what to do, and the full reason behind "Why?". */
function WarningRow({ warning, target, onRoadmap, onFocus }: RowProps) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  return (
    <li className={`warning is-${warning.severity}`} data-testid="warning" data-code={warning.code}>
      <p className="warning-summary">{warning.summary}</p>
      {warning.action && (
        <p className="warning-action">
          <span aria-hidden="true">→ </span>
          {warning.action}
        </p>
      )}
      <div className="warning-buttons">
        <button type="button" className="button button-small" aria-expanded={open} aria-controls={reasonId} onClick={() => setOpen((o) => !o)}>
          Why?
        </button>
        {target && (
          <button type="button" className="button button-small" onClick={() => onFocus(target.kind, target.id)}>
            {target.kind === 'hire' ? 'Show the hire' : 'Show the item'}
          </button>
        )}
        {onRoadmap && (
          <button type="button" className="button button-small warning-show" onClick={onRoadmap}>
            Show on roadmap
          </button>
        )}
      </div>
      <p id={reasonId} className="warning-message" hidden={!open}>
        {warning.message}
      </p>
    </li>
  );
}
