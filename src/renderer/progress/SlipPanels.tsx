import { useId, useState } from 'react';
import type { CauseKind, GateSlip, HireSlip, ItemChange, ItemSlip, ProgressReport } from '../../core/progress/progress';
import { layerLabel } from '../../core/format';
import { TableHead } from '../components/TableHead';

/*
 * What moved since the baseline, and why: for each layer gate that moved later, its causes
 * ranked by days (core's progressReport generates them from the data), then every slip of items,
 * hires and gates.
 */

const CAUSE_LABELS: Readonly<Record<CauseKind, string>> = {
  'item-late': 'Late work',
  'item-overran': 'Work ran over',
  'hire-late': 'Late hire',
  'hire-missing': 'Missing hire',
  'work-added': 'Work added',
  leaver: 'Leaver',
  'scenario-change': 'Scenario changed',
};

const CHANGE_LABELS: Readonly<Record<ItemChange | HireSlip['change'] | GateSlip['change'], string>> = {
  done: 'Done',
  joined: 'Joined',
  'on-time': 'On time',
  earlier: 'Earlier',
  later: 'Later',
  added: 'Added',
  removed: 'Removed',
  reached: 'Now reached',
  lost: 'Not reached',
};

function ChangeBadge({ change }: { readonly change: keyof typeof CHANGE_LABELS }) {
  return <span className={`badge change-badge change-${change}`}>{CHANGE_LABELS[change]}</span>;
}

const days = (value: number | null) => (value === null ? '—' : value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(value)}`);

/** Causes shown per gate before "Show all": the biggest say most of why. */
export const CAUSES_SHOWN = 4;

export function WhySlipped({ report }: { readonly report: ProgressReport }) {
  const gates = new Map(report.slips.gates.map((g) => [g.layer, g]));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  return (
    <section className="panel" aria-labelledby="why-heading" data-testid="why-slipped">
      <h2 id="why-heading" className="panel-title">
        Why it slipped <span className="count">{report.causes.length}</span>
      </h2>
      {report.causes.length === 0 ? (
        <p className="empty">No layer gate is later than the baseline planned{report.summary.gatesEarlier > 0 ? `; ${report.summary.gatesEarlier} came earlier` : ''}.</p>
      ) : (
        <ol className="why-list">
          {report.causes.map((gate) => (
            <li key={gate.layer} className="why-gate" data-testid={`why-${gate.layer}`}>
              <h3 className="why-gate-title">{gates.get(gate.layer)?.text ?? gate.name}</h3>
              {gate.causes.length === 0 ? (
                <p className="muted">No single cause in the data: the work moved with the rest of the plan.</p>
              ) : (
                <ol className="why-causes" aria-label={`Causes for ${gate.name}, biggest first`} id={`why-causes-${gate.layer}`}>
                  {(open.has(gate.layer) ? gate.causes : gate.causes.slice(0, CAUSES_SHOWN)).map((cause, i) => (
                    <li key={i} className={`why-cause cause-${cause.kind}`}>
                      <span className="why-days" title={cause.days === null ? 'not measured in days' : `${cause.days} days`}>
                        {cause.days === null ? '—' : `${cause.days} d`}
                      </span>
                      <span className="badge why-kind">{CAUSE_LABELS[cause.kind]}</span>
                      <span className="why-text">{cause.text}</span>
                    </li>
                  ))}
                </ol>
              )}
              {gate.causes.length > CAUSES_SHOWN && (
                <button
                  type="button"
                  className="link-button why-more"
                  aria-expanded={open.has(gate.layer)}
                  aria-controls={`why-causes-${gate.layer}`}
                  onClick={() => setOpen((o) => (o.has(gate.layer) ? new Set([...o].filter((l) => l !== gate.layer)) : new Set([...o, gate.layer])))}
                >
                  {open.has(gate.layer) ? 'Show the biggest only' : `Show all ${gate.causes.length} causes`}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type ItemFilter = 'moved' | 'all';

/** Items that changed: everything but on time and earlier-by-0. */
function moved(slip: ItemSlip): boolean {
  return slip.change !== 'on-time';
}

export function SlipTables({ report }: { readonly report: ProgressReport }) {
  const [filter, setFilter] = useState<ItemFilter>('moved');
  const filterId = useId();
  const items = report.slips.items.filter((s) => filter === 'all' || moved(s)).sort((a, b) => (b.days ?? -Infinity) - (a.days ?? -Infinity));
  return (
    <section className="panel" aria-labelledby="slips-heading" data-testid="slips">
      <h2 id="slips-heading" className="panel-title">
        Slips since the baseline
      </h2>
      <h3 className="slips-subtitle">Layer gates</h3>
      <table className="grid-table slips-table" data-testid="gate-slips">
        <TableHead columns={[{ label: 'Layer' }, { label: 'Change' }, { label: 'Planned' }, { label: 'Now' }, { label: 'Days', className: 'num' }]} />
        <tbody>
          {report.slips.gates.map((g) => (
            <tr key={g.layer}>
              <th scope="row">{g.name}</th>
              <td>
                <ChangeBadge change={g.change} />
              </td>
              <td className="nowrap">{g.baselineDate ?? '—'}</td>
              <td className="nowrap">{g.currentDate ?? '—'}</td>
              <td className="num">{days(g.days)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="slips-head">
        <h3 className="slips-subtitle">Work items</h3>
        <label htmlFor={filterId} className="scenario-label">
          Show
        </label>
        <select id={filterId} className="field-input field-select slips-filter" value={filter} onChange={(e) => setFilter(e.target.value as ItemFilter)}>
          <option value="moved">What changed ({report.slips.items.filter(moved).length})</option>
          <option value="all">All ({report.slips.items.length})</option>
        </select>
      </div>
      {items.length === 0 ? (
        <p className="empty">Every item of the baseline is on time.</p>
      ) : (
        <table className="grid-table slips-table" data-testid="item-slips">
          <TableHead
            columns={[
              { label: 'Item', className: 'col-slip-item' },
              { label: 'Layer' },
              { label: 'Change' },
              { label: 'Planned finish' },
              { label: 'Finish now' },
              { label: 'Days', className: 'num' },
            ]}
          />
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-testid={`item-slip-${s.id}`}>
                <td className="col-slip-item" title={s.text}>
                  {s.title}
                </td>
                <td>{layerLabel(s.layer)}</td>
                <td>
                  <ChangeBadge change={s.change} />
                </td>
                <td className="nowrap">{s.baselineFinish ?? '—'}</td>
                <td className="nowrap">{s.currentFinish ?? '—'}</td>
                <td className="num">{days(s.days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="slips-subtitle">Hires</h3>
      {report.slips.hires.length === 0 ? (
        <p className="empty">No hires, then or now.</p>
      ) : (
        <table className="grid-table slips-table" data-testid="hire-slips">
          <TableHead columns={[{ label: 'Hire', className: 'col-slip-item' }, { label: 'Change' }, { label: 'Planned start' }, { label: 'Start now' }, { label: 'Days', className: 'num' }]} />
          <tbody>
            {report.slips.hires.map((h) => (
              <tr key={h.id} title={h.text}>
                <td className="col-slip-item">
                  {h.roleName}
                  {h.personName && <span className="cell-hint">{h.personName}</span>}
                </td>
                <td>
                  <ChangeBadge change={h.change} />
                </td>
                <td className="nowrap">{h.baselineStart ?? '—'}</td>
                <td className="nowrap">{h.currentStart ?? '—'}</td>
                <td className="num">{days(h.days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
