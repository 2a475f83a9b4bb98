import { useState } from 'react';
import type { PlanResult } from '../../core/planner/types';
import { TableHead } from '../components/TableHead';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { AcceptPlanDialog } from './AcceptPlanDialog';
import { AsksPanel } from './AsksPanel';
import { JoinButton } from '../progress/JoinDialog';
import { BackfillNote } from './HireExtras';
import { MarginalValues } from './MarginalValues';
import { usePlanning } from './machine/usePlanning';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { PlanningScreen } from './PlanningScreen';
import { HIRE_STATUS_LABELS, layerLabel } from '../../core/format';
import { formatMoney, hireCostByQuarter, quarterCount, quarterLabelAt } from './planFormat';

/** The hires of the plan, the open requisitions and planned hires it checked, and accepting the plan. */
export function HiringScreen() {
  const { plan, busy, accept, status } = usePlanning();
  const [confirming, setConfirming] = useState(false);
  const proposals = plan?.items.filter((i) => i.source === 'proposal' && i.start !== null).length ?? 0;
  const proposedHires = plan?.hires.filter((h) => h.source === 'proposed').length ?? 0;

  return (
    <PlanningScreen
      title="Hiring plan"
      view={(p) => <HiringTables plan={p} />}
      lede="The hires the plan proposes, in the order the foundations allow, and the open requisitions and planned hires it checked against them."
      actions={
        <>
          <ExportCsvButton table="hiring" scenarioId={plan?.scenario.id} />
          <button
            type="button"
            className="button button-primary"
            onClick={() => setConfirming(true)}
            disabled={!plan || busy || (proposals === 0 && proposedHires === 0)}
            data-testid="accept-plan"
          >
            {status === 'accepting' ? 'Accepting…' : 'Accept plan…'}
          </button>
        </>
      }
    >
      {confirming && plan && (
        <AcceptPlanDialog
          plan={plan}
          onClose={() => setConfirming(false)}
          onAccept={(baselineName) => {
            setConfirming(false);
            accept(baselineName);
          }}
        />
      )}
    </PlanningScreen>
  );
}

function HiringTables({ plan }: { readonly plan: PlanResult }) {
  const { settings } = useSnapshot();
  const money = (value: number) => formatMoney(value, settings.currency);
  const anySalary = plan.hires.some((h) => h.annualSalary !== null);
  const warned = new Map(plan.warnings.filter((w) => w.code === 'luxury-hire-early').flatMap((w) => [w.hireId, w.personId].filter((id): id is string => !!id).map((id) => [id, w])));
  const quarters = quarterCount(plan);
  const cost = hireCostByQuarter(plan, quarters);

  return (
    <>
      <section className="panel" aria-labelledby="hires-heading">
        <h2 id="hires-heading" className="panel-title">
          Hires <span className="count">{plan.hires.length}</span>
        </h2>
        {plan.hires.length === 0 ? (
          <p className="empty">No hires: the team’s capacity carries the plan, or the scenario allows none.</p>
        ) : (
          <table className="grid-table hiring-table" data-testid="hiring-table">
            <TableHead
              columns={[
                { label: 'Role', className: 'col-hire-role' },
                { label: 'Quarter', className: 'col-hire-quarter' },
                { label: 'Start', className: 'col-hire-date' },
                { label: 'Requisition', className: 'col-hire-date' },
                { label: 'Status', className: 'col-hire-status' },
                { label: 'Reason', className: 'col-reason' },
                anySalary && { label: 'Annual salary', className: 'num col-hire-salary' },
              ]}
            />
            <tbody>
              {plan.hires.map((hire) => {
                const warning = warned.get(hire.id) ?? (hire.personId ? warned.get(hire.personId) : undefined);
                return (
                  <tr key={hire.id} id={`hire-${hire.id}`} data-testid={`hire-${hire.id}`} className={warning ? 'has-warning' : undefined}>
                    <td className="strong">
                      {hire.roleName}
                      {hire.personName && <span className="cell-hint">{hire.personName}</span>}
                      <BackfillNote hire={hire} />
                    </td>
                    <td>{hire.quarter}</td>
                    <td className="nowrap">
                      {hire.startDate}
                      <span className="cell-hint">productive {hire.productiveDate}</span>
                    </td>
                    <td className="nowrap">
                      {hire.requisitionWeek === null ? (
                        <span className="muted">{hire.status === 'open_req' ? 'open now' : '—'}</span>
                      ) : (
                        <>
                          {hire.requisitionDate}
                        </>
                      )}
                    </td>
                    <td>
                      <span className={`badge hire-status status-${hire.status}`}>{HIRE_STATUS_LABELS[hire.status]}</span>
                      {hire.source === 'existing' && <JoinButton personId={hire.personId} />}
                    </td>
                    <td className="col-reason">
                      {warning && (
                        <span className="badge badge-warn warning-code" title={warning.message}>
                          {warning.code}
                        </span>
                      )}
                      <span className="hire-reason">{hire.reason}</span>
                      {hire.layer && <span className="cell-hint">For {layerLabel(hire.layer)}</span>}
                    </td>
                    {anySalary && <td className="num">{hire.annualSalary === null ? '—' : money(hire.annualSalary)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {anySalary && (
        <section className="panel" aria-labelledby="hire-cost-heading">
          <h2 id="hire-cost-heading" className="panel-title">
            Salary cost of the hires by quarter
          </h2>
          <table className="grid-table summary-table" data-testid="hire-cost">
            <thead>
              <tr>
                {Array.from({ length: quarters }, (_, q) => (
                  <th scope="col" className="num" key={q}>
                    {quarterLabelAt(plan, q)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {cost.map((c, q) => (
                  <td className="num" key={q}>
                    {c === null ? '—' : money(c)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      )}
      <AsksPanel plan={plan} />
      <MarginalValues plan={plan} />
    </>
  );
}
