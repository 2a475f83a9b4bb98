import type { PlanResult } from '../../core/planner/types';
import { layerLabel } from '../../core/format';

/**
 * Work the team cannot do itself and should borrow or contract (issue 9): each ask says how much
 * and for which items, and why it is not a hire.
 */
export function AsksPanel({ plan }: { readonly plan: PlanResult }) {
  if (plan.asks.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="asks-heading" data-testid="asks">
      <h2 id="asks-heading" className="panel-title">
        Borrow or contract <span className="count">{plan.asks.length}</span>
      </h2>
      <ul className="ask-list">
        {plan.asks.map((ask) => (
          <li key={ask.id} className="ask" data-testid={`ask-${ask.id}`}>
            <div className="ask-head">
              <span className={`badge ask-kind is-${ask.kind}`}>{ask.kind === 'borrow' ? 'Borrow' : 'Contract'}</span>
              <span className="ask-text">{ask.text}</span>
            </div>
            <p className="ask-reason">{ask.reason}</p>
            {ask.layer && <p className="ask-layer">For {layerLabel(ask.layer)}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
