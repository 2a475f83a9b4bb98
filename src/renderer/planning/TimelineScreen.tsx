import { useId, useMemo, useState } from 'react';
import type { LayerId } from '../../core/domain/layers';
import { initiativesOf, stepLevels, type Initiative } from '../../core/planner/initiatives';
import type { PlannedItem, PlanResult, RoleCapacity } from '../../core/planner/types';
import { TableHead } from '../components/TableHead';
import { fte } from '../format';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { PlanningScreen } from './PlanningScreen';
import { toIsoDate } from '../../core/calendar';
import { LAYERS_TOP_DOWN, layerLabel } from '../../core/format';
import { datesLabel, planCalendar, weeksBetween } from './planFormat';
import { BaselineBars, BaselineLegend } from '../progress/BaselineBars';
import { CapacityOverlayLegend, CapacityOverlays } from './CapacityOverlays';
import { overlaySummary } from './hiringAdvice';

/** Hand-drawn SVG: one x scale for the Gantt and the capacity charts, so they line up week by week. */
const WEEK_PX = 11;
/** An initiative's or a step's row: room for a title on two lines. */
const ROW_PX = 34;
/** A step under its expanded initiative: one short line (its levels and dates). */
const STEP_ROW_PX = 24;
const GROUP_PX = 26;
const HEAD_PX = 40;
const BAR_PX = 14;
const CHART_PX = 64;
const CHART_GAP = 18;

type Row =
  | { readonly kind: 'group'; readonly layer: LayerId | null; readonly y: number; readonly height: number }
  | { readonly kind: 'initiative'; readonly initiative: Initiative; readonly y: number; readonly height: number }
  | { readonly kind: 'item'; readonly item: PlannedItem; readonly y: number; readonly height: number; readonly step: boolean };

type View = 'initiatives' | 'steps';
const VIEW_KEY = 'groundwork.timeline.view';

function storedView(): View {
  try {
    return window.localStorage.getItem(VIEW_KEY) === 'steps' ? 'steps' : 'initiatives';
  } catch {
    return 'initiatives';
  }
}

export function TimelineScreen() {
  return (
    <PlanningScreen
      title="Timeline"
      lede="Every initiative by layer (expand one for its maturity steps), what it waits for, today, and each role's capacity against the work that needs it week by week."
      view={(plan) => <Timeline plan={plan} />}
    />
  );
}

interface Scale {
  readonly minWeek: number;
  readonly maxWeek: number;
  readonly todayWeek: number;
  x(week: number): number;
  readonly width: number;
}

function useScale(plan: PlanResult): Scale {
  return useMemo(() => {
    const todayWeek = weeksBetween(plan.scenario.startDate, toIsoDate(new Date()));
    // Show today when it falls shortly before the plan starts (plans start at the next quarter).
    const minWeek = todayWeek < 0 && todayWeek > -26 ? Math.floor(todayWeek) - 3 : 0;
    const maxWeek = Math.max(plan.scenario.horizonWeeks, plan.makespan) + 2;
    return { minWeek, maxWeek, todayWeek, x: (week: number) => (week - minWeek) * WEEK_PX, width: (maxWeek - minWeek) * WEEK_PX };
  }, [plan]);
}

function Timeline({ plan }: { readonly plan: PlanResult }) {
  const scale = useScale(plan);
  const markerId = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { capabilities } = useSnapshot();
  const [view, setView] = useState<View>(storedView);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const initiatives = useMemo(() => initiativesOf(plan, capabilities), [plan, capabilities]);
  const scheduled = plan.items.filter((i) => i.start !== null && i.finish !== null);
  const choose = (next: View) => {
    setView(next);
    try {
      window.localStorage.setItem(VIEW_KEY, next);
    } catch {
      // Storage may be unavailable; the choice then lasts for the session.
    }
  };
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const rows: Row[] = [];
  let y = HEAD_PX;
  const push = (row: Row) => {
    rows.push(row);
    y += row.height;
  };
  for (const layer of [...LAYERS_TOP_DOWN.map((l) => l.id).reverse(), null]) {
    if (view === 'initiatives') {
      const list = initiatives.filter((i) => i.layer === layer && i.start !== null);
      if (list.length === 0) continue;
      push({ kind: 'group', layer, y, height: GROUP_PX });
      for (const initiative of list) {
        push({ kind: 'initiative', initiative, y, height: ROW_PX });
        if (expanded.has(initiative.id)) for (const item of initiative.steps.filter((s) => s.start !== null)) push({ kind: 'item', item, y, height: STEP_ROW_PX, step: true });
      }
    } else {
      const items = scheduled.filter((i) => i.layer === layer).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
      if (items.length === 0) continue;
      push({ kind: 'group', layer, y, height: GROUP_PX });
      for (const item of items) push({ kind: 'item', item, y, height: ROW_PX, step: false });
    }
  }
  const height = y + 8;
  // Where each item is drawn: its own row, or (collapsed) its initiative's row.
  const rowOfItem = new Map<string, Row>();
  for (const r of rows) {
    if (r.kind === 'initiative') for (const s of r.initiative.steps) if (!rowOfItem.has(s.id)) rowOfItem.set(s.id, r);
    if (r.kind === 'item') rowOfItem.set(r.item.id, r);
  }
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  type Arrow = { key: string; from: PlannedItem; fromRow: Row; to: PlannedItem; toRow: Row };
  const arrows: Arrow[] =
    view === 'initiatives'
      ? initiatives.flatMap((initiative) =>
          initiative.dependsOn.flatMap((d) => {
            const from = byId.get(d.fromItemId);
            const to = byId.get(d.toItemId);
            const fromRow = rowOfItem.get(d.fromItemId);
            const toRow = rowOfItem.get(d.toItemId);
            return from && to && fromRow && toRow ? [{ key: `${d.fromItemId}->${d.toItemId}`, from, fromRow, to, toRow }] : [];
          }),
        )
      : scheduled.flatMap((item) =>
          item.predecessors.flatMap((pred) => {
            const from = byId.get(pred);
            const fromRow = rowOfItem.get(pred);
            const toRow = rowOfItem.get(item.id);
            return from && fromRow && toRow ? [{ key: `${pred}->${item.id}`, from, fromRow, to: item, toRow }] : [];
          }),
        );
  const showToday = scale.todayWeek >= scale.minWeek && scale.todayWeek <= scale.maxWeek;
  const cal = planCalendar(plan);
  const quarterLines = [];
  for (let q = 0; cal.quarterAt(q).startWeek <= scale.maxWeek; q += 1) quarterLines.push(cal.quarterAt(q));
  const shown = view === 'initiatives' ? `${initiatives.filter((i) => i.start !== null).length} initiatives (${scheduled.length} steps)` : `${scheduled.length} items`;
  const summary = `Gantt chart of ${shown} from ${plan.scenario.startDate}, ${arrows.length} dependencies; the last item finishes on ${cal.dateOfWeek(plan.makespan)}${
    showToday ? `; today is ${toIsoDate(new Date())}` : ''
  }.`;

  const labelRows = rows.map((r) => {
    if (r.kind === 'group') {
      return (
        <div key={`g-${r.layer ?? 'none'}`} className={`tl-label tl-label-group layer-${r.layer ?? 'none'}`} style={{ top: r.y, height: r.height }}>
          {layerLabel(r.layer)}
        </div>
      );
    }
    if (r.kind === 'initiative') {
      const i = r.initiative;
      const open = expanded.has(i.id);
      return (
        <div key={i.id} className={`tl-label tl-label-initiative${i.source === 'user' ? ' is-user' : ''}`} style={{ top: r.y, height: r.height }} title={`${i.title}: ${datesLabel(i)}`}>
          <button
            type="button"
            className="initiative-toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} the ${i.steps.length} step${i.steps.length === 1 ? '' : 's'} of ${i.title}`}
            onClick={() => toggle(i.id)}
          >
            <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
              <path d="M3 1.5 7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </button>
          <span className="tl-label-text">{i.title}</span>
        </div>
      );
    }
    return (
      <div
        key={r.item.id}
        className={`tl-label${r.step ? ' tl-label-step' : ''}${r.item.source === 'user' ? ' is-user' : ''}`}
        style={{ top: r.y, height: r.height }}
        title={`${r.item.title}: ${datesLabel(r.item)}`}
      >
        <span className="tl-label-text">{r.step ? `${stepLevels(r.item) ?? r.item.title} · ${datesLabel(r.item)}` : r.item.title}</span>
      </div>
    );
  });

  const bar = (item: PlannedItem, rowY: number, rowHeight: number, layer: LayerId | null) => {
    const x1 = scale.x(item.start ?? 0);
    const w = Math.max(3, scale.x(item.finish ?? 0) - x1);
    return (
      <g key={item.id} className={`gantt-bar layer-${layer ?? 'none'}${item.source === 'user' ? ' is-user' : ' is-proposal'}${item.pinned ? ' is-pinned' : ''}`} data-testid="gantt-bar">
        <title>{`${item.title}: ${datesLabel(item)} (${item.startQuarter ?? ''}). ${item.placement.text}`}</title>
        <rect x={x1} y={rowY + (rowHeight - BAR_PX) / 2} width={w} height={BAR_PX} rx={3} />
        {item.pinned && (
          <circle cx={x1} cy={rowY + rowHeight / 2} r={3.5} className="gantt-pin">
            <title>Pinned</title>
          </circle>
        )}
      </g>
    );
  };

  return (
    <>
      <section className="panel timeline-panel" aria-labelledby="gantt-heading">
        <h2 id="gantt-heading" className="panel-title">
          Schedule
          <span className="timeline-legend">
            <span className="legend-swatch is-user" aria-hidden="true" /> Yours
            <span className="legend-swatch is-proposal" aria-hidden="true" /> Proposal
            <span className="legend-line is-today" aria-hidden="true" /> Today
            <span className="legend-line is-horizon" aria-hidden="true" /> Horizon end
            <BaselineLegend />
          </span>
        </h2>
        <div className="timeline-toolbar">
          <div className="segmented" role="group" aria-label="Show" data-testid="timeline-view">
            {(['initiatives', 'steps'] as const).map((v) => (
              <button key={v} type="button" className="segmented-button" aria-pressed={view === v} onClick={() => choose(v)}>
                {v === 'initiatives' ? 'Initiatives' : 'Steps'}
              </button>
            ))}
          </div>
          {view === 'initiatives' && (
            <button type="button" className="button button-small" onClick={() => setExpanded(expanded.size > 0 ? new Set() : new Set(initiatives.map((i) => i.id)))}>
              {expanded.size > 0 ? 'Collapse all' : 'Expand all'}
            </button>
          )}
        </div>
        <div className="timeline-scroll" tabIndex={0} role="group" aria-label="Schedule, scrolls sideways">
          <div className="timeline-inner" style={{ width: `calc(var(--tl-label) + ${scale.width}px)` }}>
            <div className="tl-labels" style={{ height }}>
              {labelRows}
            </div>
            <svg className="gantt" width={scale.width} height={height} role="img" aria-label={summary} data-testid="gantt">
              <defs>
                <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
                </marker>
              </defs>
              {rows.map((r) =>
                r.kind === 'group' ? <rect key={`bg-${r.layer ?? 'none'}`} x={0} y={r.y} width={scale.width} height={GROUP_PX} className="gantt-group-bg" /> : null,
              )}
              {quarterLines.map((q) => (
                <g key={q.index}>
                  <line x1={scale.x(q.startWeek)} x2={scale.x(q.startWeek)} y1={0} y2={height} className="gantt-grid" />
                  {q.startWeek < scale.maxWeek - 4 && (
                    <text x={scale.x(q.startWeek) + 6} y={16} className="gantt-quarter">
                      {q.label}
                    </text>
                  )}
                  {q.startWeek < scale.maxWeek - 4 && (
                    <text x={scale.x(q.startWeek) + 6} y={30} className="gantt-week">
                      {q.firstDay}
                    </text>
                  )}
                </g>
              ))}
              <line x1={scale.x(plan.scenario.horizonWeeks)} x2={scale.x(plan.scenario.horizonWeeks)} y1={0} y2={height} className="gantt-horizon" />
              <BaselineBars
                plan={plan}
                rows={rows.flatMap((r) =>
                  r.kind === 'item'
                    ? [{ key: r.item.id, itemIds: [r.item.id], y: r.y, height: r.height }]
                    : r.kind === 'initiative'
                      ? [{ key: r.initiative.id, itemIds: r.initiative.steps.map((s) => s.id), y: r.y, height: r.height }]
                      : [],
                )}
                x={scale.x}
              />
              {rows.map((r) => {
                if (r.kind === 'group') {
                  const projection = plan.layers.find((l) => l.layer === r.layer);
                  const aboveTarget = projection !== undefined && projection.gatedCapabilityIds.length === 0;
                  if (!projection || aboveTarget || projection.readyWeek === null || projection.readyWeek > scale.maxWeek) return null;
                  const gx = scale.x(projection.readyWeek);
                  const gy = r.y + GROUP_PX / 2;
                  return (
                    <g key={`gate-${r.layer ?? 'none'}`} className="gantt-gate">
                      <title>{`${projection.name} reaches its gate on ${projection.readyDate ?? ''} (${projection.readyQuarter ?? ''})`}</title>
                      <path d={`M${gx},${gy - 6} L${gx + 6},${gy} L${gx},${gy + 6} L${gx - 6},${gy} z`} />
                      <text x={gx + 10} y={gy + 4} className="gantt-gate-label">
                        gate
                      </text>
                    </g>
                  );
                }
                if (r.kind === 'initiative') {
                  const i = r.initiative;
                  const mid = r.y + r.height / 2;
                  return (
                    <g key={i.id} className={`gantt-initiative layer-${i.layer ?? 'none'}`} data-testid="gantt-initiative">
                      <title>{`${i.title}: ${datesLabel(i)}, ${i.steps.length} step${i.steps.length === 1 ? '' : 's'}`}</title>
                      <line x1={scale.x(i.start ?? 0)} x2={scale.x(i.finish ?? 0)} y1={mid} y2={mid} className="gantt-initiative-span" />
                      {i.steps.filter((s) => s.start !== null).map((s) => bar(s, r.y, r.height, i.layer))}
                    </g>
                  );
                }
                return bar(r.item, r.y, r.height, r.item.layer);
              })}
              {arrows.map((a) => {
                // Out of the waited-for bar's end, down (or up) to the waiting row and into its bar's start; when
                // the waiting bar starts right there, straight onto its edge.
                const x1 = scale.x(a.from.finish ?? 0);
                const x2 = scale.x(a.to.start ?? 0);
                const fromMid = a.fromRow.y + a.fromRow.height / 2;
                const toMid = a.toRow.y + a.toRow.height / 2;
                const dir = toMid >= fromMid ? 1 : -1;
                const y1 = fromMid + (dir * BAR_PX) / 2;
                const d =
                  x2 - x1 >= 10 ? `M${x1},${y1} V${toMid} H${x2 - 1}` : `M${Math.max(x1, x2 + 3)},${y1} V${toMid - (dir * BAR_PX) / 2 - 1}`;
                return <path key={a.key} d={d} className="gantt-arrow" markerEnd={`url(#${markerId})`} data-testid="gantt-arrow" />;
              })}
              {showToday && (
                <g className="gantt-today" data-testid="today-line">
                  <line x1={scale.x(scale.todayWeek)} x2={scale.x(scale.todayWeek)} y1={34} y2={height} />
                  <rect x={Math.max(2, scale.x(scale.todayWeek) - 22)} y={2} width={44} height={16} rx={8} />
                  <text x={Math.max(24, scale.x(scale.todayWeek))} y={14} textAnchor="middle">
                    Today
                  </text>
                </g>
              )}
            </svg>
          </div>
        </div>
        <details className="timeline-table">
          <summary>Schedule as a table</summary>
          <table className="grid-table">
            <TableHead columns={[{ label: 'Initiative' }, { label: 'Step' }, { label: 'Layer' }, { label: 'Start' }, { label: 'Finish' }, { label: 'Waits for' }]} />
            <tbody>
              {initiatives.flatMap((initiative) =>
                initiative.steps
                  .filter((s) => s.start !== null)
                  .map((item) => (
                    <tr key={item.id}>
                      <td>{initiative.title}</td>
                      <td>{item.title}</td>
                      <td>{layerLabel(item.layer)}</td>
                      <td className="nowrap">{item.startDate}</td>
                      <td className="nowrap">{item.finishDate}</td>
                      <td>
                        {[...item.predecessors, ...(item.placement.kind === 'gate' ? (item.placement.itemIds ?? []) : [])]
                          .map((p) => byId.get(p)?.title)
                          .filter((t): t is string => t !== undefined)
                          .join('; ') || '—'}
                      </td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        </details>
      </section>
      <CapacityCharts plan={plan} scale={scale} />
    </>
  );
}

/** People of a role at work on the plan each week: whoever does the work (stand-ins count for their own role). */
function loadOf(plan: PlanResult, roleId: string, weeks: number): number[] {
  const load = Array.from({ length: weeks }, () => 0);
  for (const item of plan.items) {
    const people = item.assignments.filter((a) => a.roleId === roleId).reduce((sum, a) => sum + a.people, 0);
    if (!people || item.start === null || item.finish === null) continue;
    for (let w = Math.max(0, item.start); w < Math.min(weeks, item.finish); w += 1) load[w] = (load[w] ?? 0) + people;
  }
  return load;
}

function capacityAt(capacity: RoleCapacity, week: number): number {
  let people = 0;
  for (const step of capacity.steps) if (step.from <= week) people = step.people;
  return people;
}

function hireWeeks(plan: PlanResult, roleId: string): string {
  const dates = plan.hires.filter((h) => h.roleId === roleId).map((h) => h.startDate);
  return dates.length === 0 ? '' : `; ${dates.length === 1 ? 'a hire starts on' : 'hires start on'} ${dates.join(', ')}`;
}

function CapacityCharts({ plan, scale }: { readonly plan: PlanResult; readonly scale: Scale }) {
  const weeks = scale.maxWeek;
  const charts = plan.capacity
    .map((capacity) => {
      const load = loadOf(plan, capacity.roleId, weeks);
      const cap = Array.from({ length: weeks }, (_, w) => capacityAt(capacity, w));
      const peak = Math.max(0, ...load);
      const peakWeek = load.indexOf(peak);
      const over = load.filter((l, w) => l > (cap[w] ?? 0) + 1e-9).length;
      return { capacity, load, cap, peak, peakWeek, over, top: Math.max(1, peak, ...cap) };
    })
    .filter((c) => c.peak > 0 || c.top > 1 || c.cap.some((v) => v > 0));

  return (
    <section className="panel timeline-panel" aria-labelledby="capacity-heading">
      <h2 id="capacity-heading" className="panel-title">
        Capacity and load per role
        <span className="timeline-legend">
          <span className="legend-swatch is-load" aria-hidden="true" /> Load
          <span className="legend-line is-capacity" aria-hidden="true" /> Capacity
          <span className="legend-swatch is-over" aria-hidden="true" /> Over capacity
          <span className="legend-hire" aria-hidden="true" /> Hire starts
          <CapacityOverlayLegend runShare={plan.scenario.runShare} anyBorrowed={plan.capacity.some((c) => c.steps.some((s) => s.borrowed > 0))} />
        </span>
      </h2>
      <p className="timeline-note">
        Load: people the running items need each week. Capacity: people on staff and the plan’s hires from the week they are productive.
        Borrowed people count in the capacity; the top of the load is the share of time kept for run work.
      </p>
      <div className="timeline-scroll" tabIndex={0} role="group" aria-label="Capacity charts, scroll sideways">
        <div className="timeline-inner" style={{ width: `calc(var(--tl-label) + ${scale.width}px)` }}>
          <div className="tl-labels" style={{ height: charts.length * (CHART_PX + CHART_GAP) }} aria-hidden="true">
            {charts.map((c, i) => (
              <div key={c.capacity.roleId} className="tl-label tl-label-chart" style={{ top: i * (CHART_PX + CHART_GAP), height: CHART_PX }}>
                <span className="tl-chart-role">{c.capacity.roleName}</span>
                <span className="tl-chart-meta">
                  capacity {c.capacity.steps.map((s) => fte(s.people)).join(' → ')} · peak {fte(c.peak)}
                  {c.over > 0 ? ` · over in ${c.over} wk` : ''}
                </span>
              </div>
            ))}
          </div>
          <div className="capacity-charts">
            {charts.map((c) => {
              const yOf = (people: number) => CHART_PX - 4 - (people / c.top) * (CHART_PX - 12);
              const loadPath =
                `M${scale.x(0)},${yOf(0)} ` + c.load.map((l, w) => `L${scale.x(w)},${yOf(l)} L${scale.x(w + 1)},${yOf(l)}`).join(' ') + ` L${scale.x(weeks)},${yOf(0)} z`;
              const capPath = c.cap.map((v, w) => `${w === 0 ? 'M' : 'L'}${scale.x(w)},${yOf(v)} L${scale.x(w + 1)},${yOf(v)}`).join(' ');
              const label = `${c.capacity.roleName}: capacity ${c.capacity.steps.map((s) => `${fte(s.people)} from ${s.date}`).join(', ')}; load peaks at ${fte(c.peak)} ${
                c.peak === 1 ? 'person' : 'people'
              }${c.peak > 0 ? ` in the week of ${planCalendar(plan).dateOfWeek(c.peakWeek)}` : ''}${c.over > 0 ? `; load exceeds capacity in ${c.over} weeks` : ''}${hireWeeks(plan, c.capacity.roleId)}${overlaySummary(c.capacity.roleId, plan.scenario)}.`;
              return (
                <svg
                  key={c.capacity.roleId}
                  width={scale.width}
                  height={CHART_PX}
                  className="capacity-chart"
                  role="img"
                  aria-label={label}
                  data-testid="capacity-chart"
                  style={{ marginBottom: CHART_GAP }}
                >
                  <rect x={0} y={0} width={scale.width} height={CHART_PX} className="capacity-bg" />
                  {planCalendar(plan)
                    .quartersThrough(planCalendar(plan).dateOfWeek(weeks))
                    .map((q) => (
                      <line key={q.index} x1={scale.x(q.startWeek)} x2={scale.x(q.startWeek)} y1={0} y2={CHART_PX} className="gantt-grid" />
                    ))}
                  <path d={loadPath} className="capacity-load" />
                  {c.load.map((l, w) =>
                    l > (c.cap[w] ?? 0) + 1e-9 ? (
                      <rect key={`over-${w}`} x={scale.x(w)} y={yOf(l)} width={WEEK_PX} height={yOf(c.cap[w] ?? 0) - yOf(l)} className="capacity-over" />
                    ) : null,
                  )}
                  <CapacityOverlays capacity={c.capacity} load={c.load} cap={c.cap} runShare={plan.scenario.runShare} x={scale.x} yOf={yOf} />
                  <path d={capPath} className="capacity-line" />
                  {plan.hires
                    .filter((h) => h.roleId === c.capacity.roleId && h.startWeek < weeks)
                    .map((h) => (
                      <g key={h.id} className={`capacity-hire is-${h.source}`}>
                        <title>{`${h.personName ?? h.roleName}: starts ${h.startDate}, productive from ${h.productiveDate}`}</title>
                        <line x1={scale.x(h.startWeek)} x2={scale.x(h.startWeek)} y1={4} y2={CHART_PX} />
                        <path d={`M${scale.x(h.startWeek) - 4},2 L${scale.x(h.startWeek) + 4},2 L${scale.x(h.startWeek)},8 z`} />
                      </g>
                    ))}
                  <text x={4} y={11} className="capacity-scale">
                    {fte(c.top)}
                  </text>
                </svg>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
