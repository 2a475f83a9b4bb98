import { useState } from 'react';
import type { PlanResult } from '../../core/planner/types';
import { TableHead } from '../components/TableHead';
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
import { SeverityBadge, warningsOfHire } from './Severity';
import { bySeverity } from '../../core/planner/warnings';

/** The hires of the plan, the open requisitions and planned hires it checked, and accepting the plan. */
export function HiringScreen() {
  const { plan, busy, accept, status, asOf } = usePlanning();
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
          <ExportCsvButton table="hiring" scenarioId={plan?.scenario.id} asOf={asOf} />
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
  const anySalary = plan.hires.some((h) => h.annualSalary !== null);

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
                { label: 'Hire', className: 'col-hire-role' },
                { label: 'When', className: 'col-hire-when' },
                { label: 'Why', className: 'col-reason' },
                anySalary && { label: 'Annual salary', className: 'num col-hire-salary' },
              ]}
            />
            <tbody>
              {plan.hires.map((hire) => {
                const warnings = bySeverity(warningsOfHire(plan.warnings, hire));
                const worst = warnings[0];
                return (
                  <tr key={hire.id} id={`hire-${hire.id}`} data-testid={`hire-${hire.id}`} className={worst ? `has-warning is-${worst.severity}` : undefined}>
                    <td>
                      <span className="strong">{hire.roleName}</span>
                      {hire.personName && <span className="cell-hint">{hire.personName}</span>}
                      <BackfillNote hire={hire} />
                      <span className={`badge hire-status status-${hire.status}`}>{HIRE_STATUS_LABELS[hire.status]}</span>
                      {hire.source === 'existing' && <JoinButton personId={hire.personId} />}
                    </td>
                    <td>
                      <span className="nowrap">
                        <strong>{hire.quarter}</strong> · {hire.startDate}
                      </span>
                      <span className="cell-hint nowrap">
                        Requisition: {hire.requisitionDate ?? (hire.status === 'open_req' ? 'open now' : '—')}
                      </span>
                      <span className="cell-hint nowrap">Productive from {hire.productiveDate}</span>
                    </td>
                    <td className="col-reason">
                      {warnings.map((w, i) => (
                        <div key={i} className={`hire-warning is-${w.severity}`}>
                          <SeverityBadge severity={w.severity} />
                          <code className="warning-code">{w.code}</code>
                          <p className="warning-summary">{w.summary}</p>
                          <p className="warning-action">
                            <span aria-hidden="true">→ </span>
                            {w.action}
                          </p>
                        </div>
                      ))}
                      <span className="hire-reason">{hire.reason}</span>
                      {hire.layer && <span className="cell-hint">For {layerLabel(hire.layer)}</span>}
                    </td>
                    {anySalary && <td className="num">{hire.annualSalary === null ? '—' : formatMoney(hire.annualSalary, plan.settings.currency)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {cost && (
        <section className="panel" aria-labelledby="hire-cost-heading">
          <h2 id="hire-cost-heading" className="panel-title">
            Salary spend on the hires by quarter
          </h2>
          <p className="field-hint">Each salary pro rata from the hire’s first day: what the quarter pays, and the total since the plan’s first quarter.</p>
          <div className="table-scroll" tabIndex={0} role="group" aria-label="Salary spend by quarter, scrolls sideways">
            <table className="grid-table summary-table" data-testid="hire-cost">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Spend</span>
                  </th>
                  {Array.from({ length: quarters }, (_, q) => (
                    <th scope="col" className="num nowrap" key={q}>
                      {quarterLabelAt(plan, q)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">In the quarter</th>
                  {cost.map((c, q) => (
                    <td className="num nowrap" key={q}>
                      {formatMoney(c.spend, plan.settings.currency)}
                    </td>
                  ))}
                </tr>
                <tr className="compare-total">
                  <th scope="row">To date</th>
                  {cost.map((c, q) => (
                    <td className="num nowrap" key={q}>
                      {formatMoney(c.cumulative, plan.settings.currency)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      )}
      <AsksPanel plan={plan} />
      <MarginalValues plan={plan} />
    </>
  );
}
