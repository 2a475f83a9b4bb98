import { useId, useState, type FormEvent } from 'react';
import { organisationSchema } from '../../shared/schemas';
import { ApiError } from '../api';
import { PyramidMark } from '../components/PyramidMark';
import { fieldError } from '../validation';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';

/** First start: an empty workspace offers the catalog (for the lead's own organisation) or the demo. */
export function WelcomeScreen() {
  const { change } = useWorkspace();
  const { organisation } = useSnapshot();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(organisation.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();

  const startFromCatalog = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = fieldError(organisationSchema, { name }, 'name');
    setError(problem);
    if (problem) {
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    try {
      if (name.trim() !== organisation.name) await change('workspace.setOrganisation', { name });
      await change('workspace.startFromCatalog', {});
    } catch (cause) {
      if (cause instanceof ApiError && cause.field?.endsWith('name')) setError(cause.message);
      setBusy(false);
    }
  };

  const openDemo = async () => {
    setBusy(true);
    try {
      await change('workspace.openDemo', {});
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
        <form className="choice" noValidate onSubmit={(e) => void startFromCatalog(e)} aria-labelledby={`${id}-title`}>
          <h2 className="choice-title" id={`${id}-title`}>
            Your own organisation
          </h2>
          <p>About 30 capabilities across the six layers, all at maturity 0 with a suggested target, and the eight standard data roles. Set the maturities, then add your people.</p>
          <div className="form-field">
            <label htmlFor={id} className="field-label">
              Organisation name
            </label>
            <input
              id={id}
              className="field-input"
              type="text"
              value={name}
              placeholder="e.g. Acme Analytics"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            {error && (
              <span id={`${id}-error`} className="field-error" role="alert">
                {error}
              </span>
            )}
          </div>
          <button type="submit" className="button button-primary button-large" disabled={busy}>
            Start from the catalog
          </button>
        </form>
        <div className="choice">
          <h2 className="choice-title">Look around first</h2>
          <p>A mid-size company with a few analysts, one data engineer, a warehouse at maturity 2, no orchestration — and an open requisition for an ML engineer.</p>
          <button type="button" className="button button-large" disabled={busy} onClick={() => void openDemo()}>
            Open the demo organisation
          </button>
        </div>
      </div>
    </div>
  );
}
