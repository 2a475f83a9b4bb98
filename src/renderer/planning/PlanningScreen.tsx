import type { ReactNode } from 'react';
import type { PlanResult } from '../../core/planner/types';
import { usePlanning } from './machine/usePlanning';
import { ScenarioBar } from './ScenarioBar';

interface Props {
  readonly title: string;
  readonly lede: string;
  readonly actions?: ReactNode;
  /** The view of the plan; rendered once a plan is there (the previous one while re-planning). */
  readonly view: (plan: PlanResult) => ReactNode;
  /** Rendered whether or not there is a plan (dialogs). */
  readonly children?: ReactNode;
}

/** The frame every planning view shares: heading, scenario bar, and the plan once there is one. */
export function PlanningScreen({ title, lede, actions, view, children }: Props) {
  const { plan, busy } = usePlanning();
  return (
    <div className="screen screen-planning" aria-busy={busy}>
      <header className="screen-header">
        <div>
          <h1>{title}</h1>
          <p className="screen-lede">{lede}</p>
        </div>
        {actions && <div className="screen-actions">{actions}</div>}
      </header>
      <ScenarioBar />
      {plan ? (
        <div className={`plan-view${busy ? ' is-stale' : ''}`}>{view(plan)}</div>
      ) : (
        <p className="empty plan-waiting" role="status">
          {busy ? 'Planning…' : 'No plan yet.'}
        </p>
      )}
      {children}
    </div>
  );
}
