import { useState } from 'react';
import type { Method } from '../../shared/contract';
import { useWorkspace } from '../workspace/WorkspaceProvider';
import { PyramidMark } from '../components/PyramidMark';

/** First start: an empty workspace offers the catalog or the demo organisation. */
export function WelcomeScreen() {
  const { run } = useWorkspace();
  const [busy, setBusy] = useState(false);

  const start = async (method: Extract<Method, 'workspace.startFromCatalog' | 'workspace.openDemo'>) => {
    setBusy(true);
    try {
      await run(method, {});
    } catch {
      setBusy(false);
    }
  };

  return (
    <div className="welcome">
      <PyramidMark className="welcome-mark" />
      <h1>Welcome to Groundwork</h1>
      <p className="welcome-lede">
        Keep a record of your data infrastructure and your team, see how ready each layer of the data pyramid of needs is, and plan from the foundations up — no
        machine-learning hire before the pipelines, storage and tooling it will stand on.
      </p>
      <p className="welcome-lede">This workspace is empty. How would you like to begin?</p>
      <div className="welcome-choices">
        <div className="choice">
          <h2 className="choice-title">Your own organisation</h2>
          <p>About 30 capabilities across the six layers, all at maturity 0, and the eight standard data roles. Set the maturities, then add your people.</p>
          <button type="button" className="button button-primary button-large" disabled={busy} onClick={() => void start('workspace.startFromCatalog')}>
            Start from the catalog
          </button>
        </div>
        <div className="choice">
          <h2 className="choice-title">Look around first</h2>
          <p>A mid-size company with a few analysts, one data engineer, a warehouse at maturity 2, no orchestration — and an open requisition for an ML engineer.</p>
          <button type="button" className="button button-large" disabled={busy} onClick={() => void start('workspace.openDemo')}>
            Open the demo organisation
          </button>
        </div>
      </div>
    </div>
  );
}
