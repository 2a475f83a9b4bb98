import { useState } from 'react';
import type { PlanResult, PlanWarning } from '../../core/planner/types';
import { usePlanningNavigation } from './machine/usePlanning';
import { PlanningScreen } from './PlanningScreen';
import { LAYERS_TOP_DOWN, layerLabel } from '../../core/format';

/** Every warning of the plan, why each item sits where it does, and the planner's reasoning step by step. */
export function WarningsScreen() {
  return (
    <PlanningScreen
      title="Warnings and explanations"
      lede="What needs attention in the plan, and the reason for every placement and hire, generated from the workspace's data."
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
        </h2>
        {plan.warnings.length === 0 ? (
          <p className="empty">No warnings: the plan keeps every rule.</p>
        ) : (
          <ul className="warning-list" data-testid="warning-list">
            {plan.warnings.map((w, index) => {
              const target = targetOf(plan, w);
              return (
                <li key={index} className={`warning warning-${w.code}`}>
                  <span className="badge badge-warn warning-code">{w.code}</span>
                  {target ? (
                    <button type="button" className="warning-message link-button" onClick={() => focus(target.kind, target.id)}>
                      {w.message}
                    </button>
                  ) : (
                    <span className="warning-message">{w.message}</span>
                  )}
                  {w.itemId && scheduled.has(w.itemId) && (
                    <button type="button" className="button button-small warning-show" onClick={() => showOnRoadmap(w.itemId ?? '')}>
                      Show on roadmap
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
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
                        <span className="explain-when">{item.startQuarter ? `${item.startQuarter} · wk ${item.start}–${item.finish}` : 'not scheduled'}</span>
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
