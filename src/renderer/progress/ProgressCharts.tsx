import type { ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthNumber } from '../../core/domain/calendar';
import type { ProgressReport } from '../../core/progress/progress';
import { TableHead } from '../components/TableHead';
import { fte } from '../format';
import { burnUpRows, dateOf, headcountCharts, quarterTicks, readinessCharts, reportSpan, timeOf, type ChartRow, type Tick } from './chartData';

/*
 * The Progress view's charts, drawn with recharts: readiness per layer (actual against the
 * baseline's planned line), the burn-up of the baseline's work, and headcount by role planned
 * against actual. Every chart marks the status date, has a summary for screen readers, and a
 * table says the same in text. Colours come from the stylesheet (progress.css), so both themes
 * get theirs.
 */

interface Axis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly Tick[];
  readonly asOf: number;
}

function axisOf(report: ProgressReport, fiscalStartMonth: MonthNumber): Axis {
  const span = reportSpan(report);
  return { domain: [timeOf(span.from), timeOf(span.to)], ticks: quarterTicks(span.from, span.to, fiscalStartMonth), asOf: timeOf(report.asOf) };
}

const tickLabel = (ticks: readonly Tick[]) => (t: number) => ticks.find((k) => k.t === t)?.label ?? dateOf(t);

interface StepChartProps {
  readonly rows: readonly ChartRow[];
  readonly axis: Axis;
  readonly label: string;
  readonly height: number;
  readonly yDomain: readonly [number, number | 'auto'];
  readonly unit?: string;
  /** The series: data key, name in the tooltip, and the stylesheet's class. */
  readonly lines: readonly { readonly key: string; readonly name: string; readonly className: string; readonly dashed?: boolean }[];
  readonly children?: ReactNode;
  readonly testId: string;
}

/** One step chart on the report's time axis, with the status date marked. */
function StepChart({ rows, axis, label, height, yDomain, unit = '', lines, children, testId }: StepChartProps) {
  return (
    <div className="progress-chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows as ChartRow[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} aria-label={label} role="img">
          <CartesianGrid vertical={false} className="chart-grid" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={axis.domain as [number, number]}
            ticks={axis.ticks.map((t) => t.t)}
            tickFormatter={tickLabel(axis.ticks)}
            className="chart-axis"
            tick={{ fontSize: 11 }}
            minTickGap={8}
          />
          <YAxis domain={yDomain as [number, number]} className="chart-axis" tick={{ fontSize: 11 }} width={unit === '%' ? 46 : 32} unit={unit} allowDecimals={false} />
          <Tooltip
            labelFormatter={(t) => dateOf(Number(t))}
            formatter={(value) => (value === null || value === undefined ? '—' : `${typeof value === 'number' ? fte(value) : String(value)}${unit}`)}
            wrapperClassName="chart-tooltip"
            contentStyle={{ background: 'var(--surface)', borderColor: 'var(--border)', color: 'var(--text)', borderRadius: 6 }}
            isAnimationActive={false}
          />
          {lines.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              type="stepAfter"
              // A series of one point (history that starts today) would draw nothing as a line.
              dot={rows.filter((r) => typeof r[l.key] === 'number').length === 1 ? { r: 3.5, className: `chart-dot ${l.className}-dot` } : false}
              isAnimationActive={false}
              className={l.className}
              strokeWidth={2}
              {...(l.dashed ? { strokeDasharray: '5 4' } : {})}
            />
          ))}
          <ReferenceLine x={axis.asOf} className="chart-today" />
          {children}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function Legend({ items }: { readonly items: readonly { readonly className: string; readonly label: string }[] }) {
  return (
    <span className="timeline-legend progress-legend">
      {items.map((i) => (
        <span key={i.className} className="progress-legend-item">
          <span className={`legend-line ${i.className}`} aria-hidden="true" /> {i.label}
        </span>
      ))}
      <span className="progress-legend-item">
        <span className="legend-line chart-today-swatch" aria-hidden="true" /> Status date
      </span>
    </span>
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function ReadinessCharts({ report, fiscalStartMonth }: { readonly report: ProgressReport; readonly fiscalStartMonth: MonthNumber }) {
  const axis = axisOf(report, fiscalStartMonth);
  const charts = readinessCharts(report).filter((c) => c.rows.some((r) => r.actual !== undefined && r.actual !== null) || c.rows.some((r) => r.planned !== undefined && r.planned !== null));
  return (
    <section className="panel" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading" className="panel-title">
        Readiness per layer over time
        <Legend
          items={[
            { className: 'chart-actual', label: 'Actual (history)' },
            { className: 'chart-planned', label: 'Planned (baseline)' },
          ]}
        />
      </h2>
      <p className="timeline-note">The weakest capability of each layer, as the inventory recorded it, against where the baseline planned it to be.</p>
      <div className="progress-chart-grid">
        {charts.map((c) => (
          <figure key={c.layer} className="progress-figure">
            <figcaption>
              <span className="progress-figure-title">{c.name}</span>
              <span className="progress-figure-meta">
                now {pct(c.actualNow)} · planned {pct(c.plannedNow)}
              </span>
            </figcaption>
            <StepChart
              rows={c.rows}
              axis={axis}
              height={150}
              yDomain={[0, 100]}
              unit="%"
              label={`${c.name} readiness: ${pct(c.actualNow)} on ${report.asOf}, where the baseline planned ${pct(c.plannedNow)}.`}
              lines={[
                { key: 'planned', name: 'Planned', className: 'chart-planned', dashed: true },
                { key: 'actual', name: 'Actual', className: 'chart-actual' },
              ]}
              testId="readiness-chart"
            />
          </figure>
        ))}
      </div>
      <details className="timeline-table">
        <summary>Readiness as a table</summary>
        <table className="grid-table">
          <TableHead columns={[{ label: 'Layer' }, { label: `Actual on ${report.asOf}`, className: 'num' }, { label: 'Planned by then', className: 'num' }]} />
          <tbody>
            {charts.map((c) => (
              <tr key={c.layer}>
                <th scope="row">{c.name}</th>
                <td className="num">{pct(c.actualNow)}</td>
                <td className="num">{pct(c.plannedNow)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

export function BurnUpChart({ report, fiscalStartMonth }: { readonly report: ProgressReport; readonly fiscalStartMonth: MonthNumber }) {
  const axis = axisOf(report, fiscalStartMonth);
  const rows = burnUpRows(report);
  const done = report.burnUp.actual.at(-1)?.count ?? 0;
  const due = [...report.burnUp.planned].reverse().find((p) => p.date <= report.asOf)?.count ?? 0;
  return (
    <section className="panel" aria-labelledby="burnup-heading">
      <h2 id="burnup-heading" className="panel-title">
        Burn-up of the baseline’s work
        <Legend
          items={[
            { className: 'chart-actual', label: 'Done' },
            { className: 'chart-planned', label: 'Planned to be done' },
          ]}
        />
      </h2>
      <p className="timeline-note" data-testid="burnup-summary">
        {done} of {report.burnUp.total} items done by {report.asOf}; the baseline planned {due} by then.
      </p>
      <StepChart
        rows={rows}
        axis={axis}
        height={200}
        yDomain={[0, Math.max(1, report.burnUp.total)]}
        label={`Burn-up: ${done} of ${report.burnUp.total} items done by ${report.asOf}, ${due} planned by then.`}
        lines={[
          { key: 'planned', name: 'Planned', className: 'chart-planned', dashed: true },
          { key: 'actual', name: 'Done', className: 'chart-actual' },
        ]}
        testId="burnup-chart"
      >
        <ReferenceLine y={report.burnUp.total} className="chart-total" label={{ value: `all ${report.burnUp.total}`, position: 'insideTopLeft', fontSize: 11, className: 'chart-today-label' }} />
      </StepChart>
    </section>
  );
}

export function HeadcountCharts({ report, fiscalStartMonth }: { readonly report: ProgressReport; readonly fiscalStartMonth: MonthNumber }) {
  const axis = axisOf(report, fiscalStartMonth);
  const charts = headcountCharts(report, dateOf(axis.domain[1]));
  return (
    <section className="panel" aria-labelledby="headcount-chart-heading">
      <h2 id="headcount-chart-heading" className="panel-title">
        Headcount by role, planned and actual
        <Legend
          items={[
            { className: 'chart-actual', label: 'On staff' },
            { className: 'chart-planned', label: 'Planned (baseline)' },
          ]}
        />
      </h2>
      {charts.length === 0 ? (
        <p className="empty">No headcount in the baseline or on staff.</p>
      ) : (
        <div className="progress-chart-grid">
          {charts.map((c) => {
            const top = Math.max(1, ...c.rows.flatMap((r) => [r.planned ?? 0, r.actual ?? 0]));
            return (
              <figure key={c.roleId} className="progress-figure">
                <figcaption>
                  <span className="progress-figure-title">{c.roleName}</span>
                  <span className="progress-figure-meta">
                    on staff {fte(c.actualNow)} · planned {c.plannedNow === null ? '—' : fte(c.plannedNow)}
                  </span>
                </figcaption>
                <StepChart
                  rows={c.rows}
                  axis={axis}
                  height={130}
                  yDomain={[0, Math.ceil(top)]}
                  label={`${c.roleName}: ${fte(c.actualNow)} on staff on ${report.asOf}, ${c.plannedNow === null ? 'none planned yet' : `${fte(c.plannedNow)} planned by then`}.`}
                  lines={[
                    { key: 'planned', name: 'Planned', className: 'chart-planned', dashed: true },
                    { key: 'actual', name: 'On staff', className: 'chart-actual' },
                  ]}
                  testId="headcount-chart"
                />
              </figure>
            );
          })}
        </div>
      )}
    </section>
  );
}
