import { useRef, useState, type FormEvent } from 'react';
import type { MonthNumber } from '../../core/domain/calendar';
import type { PlanResult } from '../../core/planner/types';
import { defaultBaselineName } from '../../core/progress/names';
import { FormField, focusFirstInvalid } from '../components/FormField';
import { Modal } from '../components/Modal';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { baselineNameError } from './hiringAdvice';

interface Props {
  readonly plan: PlanResult;
  readonly onAccept: (baselineName: string) => void;
  readonly onClose: () => void;
}

/**
 * Accepting a plan: its proposals become the lead's items, its proposed hires planned hires, and
 * the plan is saved as a baseline to measure progress against, under a name the lead can change.
 */
export function AcceptPlanDialog({ plan, onAccept, onClose }: Props) {
  const { baselines, settings } = useSnapshot();
  const formRef = useRef<HTMLFormElement>(null);
  const taken = baselines.map((b) => b.name);
  const [name, setName] = useState(() => defaultBaselineName(plan.asOf, settings.fiscalYearStartMonth as MonthNumber, taken));
  const [error, setError] = useState<string | undefined>();
  const proposals = plan.items.filter((i) => i.source === 'proposal' && i.start !== null).length;
  const hires = plan.hires.filter((h) => h.source === 'proposed').length;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = baselineNameError(name, taken);
    setError(problem);
    if (problem) {
      focusFirstInvalid(formRef.current);
      return;
    }
    onAccept(name.trim());
  };

  return (
    <Modal
      title={`Accept the plan of “${plan.scenario.name}”?`}
      description={
        <p>
          {proposals} proposed work items become your planned items, and {hires} proposed hires become planned hires in the headcount. You can still edit or delete them
          afterwards. The plan is saved as a baseline, to see in Progress what moved since.
        </p>
      }
      onClose={onClose}
      className="modal-form"
    >
      <form ref={formRef} className="form" noValidate onSubmit={submit} data-testid="accept-dialog">
        <FormField label="Baseline name" error={error} hint={`The plan as of ${plan.asOf}`}>
          {(p) => <input {...p} className="field-input" type="text" value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Accept plan
          </button>
        </div>
      </form>
    </Modal>
  );
}
