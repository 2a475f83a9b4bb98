import { useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { LayerId } from '../../core/domain/layers';
import { WORK_ITEM_STATUS_LABELS } from '../../core/domain/planning';
import { initiativesOf, type Initiative } from '../../core/planner/initiatives';
import type { PlannedItem, PlanResult } from '../../core/planner/types';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { CardMenu, type MenuEntry } from './CardMenu';
import { DRAG_TYPE, InitiativeCard, leadStep } from './InitiativeCard';
import { useCardProgress } from '../progress/CardProgress';
import { useBaselineChoice } from '../progress/BaselineProvider';
import { SlipBadge, initiativeSlip, useItemSlips } from '../progress/SlipBadge';
import { slipLabel } from '../progress/slips';
import type { ItemSlip } from '../../core/progress/progress';
import { usePlanning, usePlanningNavigation } from './machine/usePlanning';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { PlanningScreen } from './PlanningScreen';
import { formatPercent, LAYERS_TOP_DOWN, maturityStepLabel, maturityStepTitle } from '../../core/format';
import { datesLabel, quarterCount, quarterIndexOfDate, quarterIndexOfItem, quarterLabelAt, planCalendar } from './planFormat';
import { SeverityIcon, warningsOfHire } from './Severity';
import { WorkItemEditor, type EditTarget } from './WorkItemEditor';

type RowId = LayerId | 'none';

/** "Explore/Transform" may break after its slash in a narrow column (a zero-width space). */
function breakAfterSlash(name: string): string {
  return name.replace('/', '/\u200b');
}

/** What the cards are: initiatives (a capability's steps as one outcome) or the maturity steps themselves. */
type View = 'initiatives' | 'steps';
/**
 * How much fits: comfortable cards with their details; compact two-line cards, every layer's row
 * sharing the window's height; fit, compact with the quarters also sharing its width.
 */
type Density = 'comfortable' | 'compact' | 'fit';
const VIEW_KEY = 'groundwork.roadmap.view';
const DENSITY_KEY = 'groundwork.roadmap.density';

function stored<T extends string>(key: string, values: readonly T[], fallback: T): T {
  try {
    const value = window.localStorage.getItem(key);
    return values.find((v) => v === value) ?? fallback;
  } catch {
    return fallback;
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable; the choice then lasts for the session.
  }
}

const VIEWS: readonly { value: View; label: string }[] = [
  { value: 'initiatives', label: 'Initiatives' },
  { value: 'steps', label: 'Maturity steps' },
];
const DENSITIES: readonly { value: Density; label: string }[] = [
  { value: 'comfortable', label: 'Comfortable' },
  { value: 'compact', label: 'Compact' },
  { value: 'fit', label: 'Fit to window' },
];

/** A labelled choice: a native select, the smallest control that still says what it sets. */
function Choice<T extends string>({ label, options, value, onChange, testId }: { label: string; options: readonly { value: T; label: string }[]; value: T; onChange: (v: T) => void; testId: string }) {
  return (
    <label className="toolbar-choice">
      <span className="toolbar-choice-label">{label}</span>
      <select className="field-input field-select" value={value} onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RoadmapScreen() {
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const { scenario, asOf } = usePlanning();
  const [view, setView] = useState<View>(() => stored(VIEW_KEY, ['initiatives', 'steps'], 'initiatives'));
  const [density, setDensity] = useState<Density>(() => stored(DENSITY_KEY, ['comfortable', 'compact', 'fit'], 'compact'));
  return (
    <PlanningScreen
      title="Roadmap"
      view={(plan) => <RoadmapGrid plan={plan} view={view} density={density} onEdit={setEditing} />}
      lede="The plan by quarter, climbing the pyramid from the bottom. Drag a card to another quarter (or focus it and press Alt+← / Alt+→) to pin it there; Enter opens it."
      actions={
        <>
          <Choice
            label="Show"
            options={VIEWS}
            value={view}
            testId="roadmap-view"
            onChange={(v) => {
              setView(v);
              remember(VIEW_KEY, v);
            }}
          />
          <Choice
            label="Density"
            options={DENSITIES}
            value={density}
            testId="roadmap-density"
            onChange={(d) => {
              setDensity(d);
              remember(DENSITY_KEY, d);
            }}
          />
          <RoadmapLegend />
          <ExportCsvButton table="roadmap" scenarioId={scenario?.id} asOf={asOf} />
          <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'new' })}>
            New work item
          </button>
        </>
      }
    >
      {editing && <WorkItemEditor target={editing} onClose={() => setEditing(null)} />}
    </PlanningScreen>
  );
}

interface GridProps {
  readonly plan: PlanResult;
  readonly view: View;
  readonly density: Density;
  readonly onEdit: (target: EditTarget) => void;
}

/** Sizes the grid's scroller to reach the bottom of the window, so the whole grid is in view without scrolling the page. */
function useFillWindow(ref: RefObject<HTMLDivElement | null>, deps: readonly unknown[]): void {
  useLayoutEffect(() => {
    const scroller = ref.current;
    if (!scroller) return;
    const fit = () => {
      const top = scroller.getBoundingClientRect().top + window.scrollY;
      scroller.style.height = `${Math.max(260, Math.floor(window.innerHeight - top - 12))}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

function RoadmapGrid({ plan, view, density, onEdit }: GridProps) {
  const { workItems, capabilities } = useSnapshot();
  const capabilityNames = useMemo(() => new Map(capabilities.map((c) => [c.id, c.name])), [capabilities]);
  const initiatives = useMemo(() => initiativesOf(plan, capabilities), [plan, capabilities]);
  const { pinAtQuarter, unpin, moving, planCount } = usePlanning();
  const progress = useCardProgress();
  const slips = useItemSlips(plan);
  const { baseline } = useBaselineChoice();
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // After a move the card is re-rendered from the new plan (a proposal even gets a new id): find it again by title.
  const refocus = useRef<string | null>(null);
  useFillWindow(gridRef, [density, view]);

  const quarters = quarterCount(plan);
  const scheduled = plan.items.filter((i) => i.start !== null);
  const unscheduled = plan.items.filter((i) => i.start === null && i.status !== 'done' && i.status !== 'dropped');
  const closed = plan.items.filter((i) => i.status === 'done' || i.status === 'dropped');
  const placedInitiatives = initiatives.filter((i) => i.start !== null);
  const rows: RowId[] = [...(scheduled.some((i) => i.layer === null) ? (['none'] as const) : []), ...LAYERS_TOP_DOWN.map((l) => l.id)];
  const fits = density !== 'comfortable';

  // The pyramid is read from the bottom, where the plan starts: open on the lowest layers.
  useEffect(() => {
    const scroller = gridRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, []);

  // Asked from another view (a warning's "Show on roadmap"): scroll the card into view and focus it.
  const { roadmapFocus, roadmapFocused } = usePlanningNavigation();
  useEffect(() => {
    if (!roadmapFocus || !gridRef.current) return;
    const id = CSS.escape(roadmapFocus.itemId);
    const card = gridRef.current.querySelector<HTMLElement>(`[data-item-id="${id}"], [data-step-ids~="${id}"]`);
    if (!card) return;
    card.scrollIntoView({ block: 'center', inline: 'center' });
    card.focus({ preventScroll: true });
    roadmapFocused();
  }, [roadmapFocus, roadmapFocused, planCount, view]);

  useEffect(() => {
    const title = refocus.current;
    if (!title || !gridRef.current) return;
    const card = Array.from(gridRef.current.querySelectorAll<HTMLElement>('[data-card-title]')).find((el) => el.dataset.cardTitle === title);
    if (card) {
      refocus.current = null;
      card.focus();
    }
  }, [planCount]);

  const quarterOf = (item: PlannedItem): number => {
    if (moving?.itemId === item.id) return moving.quarterIndex;
    return quarterIndexOfItem(plan, item);
  };

  const quarterOfInitiative = (initiative: Initiative): number => {
    const step = moving ? initiative.steps.find((s) => s.id === moving.itemId) : undefined;
    if (moving && step) return moving.quarterIndex;
    return initiative.startDate === null ? 0 : quarterIndexOfDate(plan, initiative.startDate);
  };

  const move = (item: PlannedItem, quarterIndex: number, focusTitle: string = item.title) => {
    if (quarterIndex < 0 || quarterIndex >= quarters) return;
    refocus.current = focusTitle;
    pinAtQuarter(item, quarterIndex);
  };

  const edit = (item: PlannedItem) => {
    const stored = workItems.find((w) => w.id === item.id);
    onEdit(stored ? { kind: 'stored', item: stored } : { kind: 'proposal', item });
  };

  const drop = (event: DragEvent<HTMLDivElement>, quarterIndex: number) => {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain') || dragging;
    setDragging(null);
    setDropTarget(null);
    const item = plan.items.find((i) => i.id === id);
    if (!item) return;
    const initiative = view === 'initiatives' ? initiatives.find((i) => i.steps.some((s) => s.id === item.id)) : undefined;
    const from = initiative ? quarterOfInitiative(initiative) : quarterOf(item);
    if (quarterIndex !== from) move(item, quarterIndex, initiative?.title ?? item.title);
  };

  const readyIn = new Map(plan.layers.map((l) => [l.layer, l]));
  /** The most cards any quarter of a layer holds (at least 1): how much of the height the layer gets in compact mode. */
  const rowWeight = (row: RowId): number => {
    const cards = view === 'initiatives' ? placedInitiatives.filter((i) => (i.layer ?? 'none') === row).map(quarterOfInitiative) : scheduled.filter((i) => (i.layer ?? 'none') === row).map(quarterOf);
    const perQuarter = new Map<number, number>();
    for (const q of cards) perQuarter.set(q, (perQuarter.get(q) ?? 0) + 1);
    return Math.max(1, ...perQuarter.values());
  };
  const critical = new Set(plan.hires.filter((h) => warningsOfHire(plan.warnings, h).some((w) => w.severity === 'critical')).map((h) => h.id));

  return (
    <>
      <div className={`roadmap-scroll is-${density}`} ref={gridRef} data-testid="roadmap-scroll">
        <div
          className={`roadmap is-${fits ? 'compact' : 'comfortable'}${density === 'fit' ? ' is-fit' : ''}`}
          style={{
            gridTemplateColumns: density === 'fit' ? `var(--roadmap-label) repeat(${quarters}, minmax(0, 1fr))` : `var(--roadmap-label) repeat(${quarters}, minmax(var(--roadmap-col), 1fr))`,
            width: density === 'fit' ? '100%' : `max(100%, calc(var(--roadmap-label) + ${quarters} * var(--roadmap-col)))`,
            // Compact: the layers share what the header and the hires leave of the window's height, a busier layer more of it.
            ...(fits ? { gridTemplateRows: `auto ${rows.map((row) => `minmax(var(--roadmap-row-min), ${rowWeight(row)}fr)`).join(' ')} auto` } : {}),
          }}
          data-testid="roadmap"
          role="table"
          aria-label={`Roadmap of ${view === 'initiatives' ? `${placedInitiatives.length} initiatives` : `${scheduled.length} scheduled items`} over ${quarters} quarters`}
        >
          <div role="row" className="roadmap-row roadmap-head">
            <div role="columnheader" className="roadmap-corner">
              Layer
            </div>
            {Array.from({ length: quarters }, (_, q) => (
              <div role="columnheader" key={q} className={`roadmap-quarter${q >= plan.quarters.length ? ' is-beyond' : ''}`}>
                <span className="roadmap-quarter-label">{quarterLabelAt(plan, q)}</span>
                <span className="roadmap-quarter-weeks">
                  {q >= plan.quarters.length ? 'past the horizon' : density === 'fit' ? planCalendar(plan).quarterAt(q).firstDay : `from ${planCalendar(plan).quarterAt(q).firstDay}`}
                </span>
              </div>
            ))}
          </div>
          {rows.map((row) => {
            const projection = row === 'none' ? undefined : readyIn.get(row);
            const items = scheduled.filter((i) => (i.layer ?? 'none') === row);
            const rowInitiatives = placedInitiatives.filter((i) => (i.layer ?? 'none') === row);
            const count = view === 'initiatives' ? rowInitiatives.length : items.length;
            const aboveTarget = projection !== undefined && projection.gatedCapabilityIds.length === 0 && projection.notNeededCapabilityIds.length > 0;
            const readyQuarter = projection?.readyDate == null || aboveTarget ? null : quarterIndexOfDate(plan, projection.readyDate);
            const gate = !projection
              ? ''
              : aboveTarget
                ? 'above the target'
                : projection.readyWeek !== null && projection.readyWeek <= plan.statusWeek
                  ? 'at gate now'
                  : projection.readyQuarter
                    ? `gate ${projection.readyQuarter}`
                    : 'gate not reached';
            return (
              <div role="row" key={row} className={`roadmap-row layer-${row}`} data-testid={`roadmap-row-${row}`}>
                <div role="rowheader" className="roadmap-layer" data-testid={`roadmap-layer-${row}`}>
                  <div className="roadmap-layer-inner">
                    <span className="roadmap-layer-name">{breakAfterSlash(projection?.name ?? 'No capability')}</span>
                    {gate && <span className="roadmap-layer-ready">{gate}</span>}
                    <span className="roadmap-layer-count">
                      {count} {view === 'initiatives' ? (count === 1 ? 'initiative' : 'initiatives') : count === 1 ? 'item' : 'items'}
                    </span>
                    {projection && !fits && (
                      <span className="roadmap-layer-readiness" title="Readiness now (its weakest capability) and the mean over its capabilities">
                        {formatPercent(projection.readinessNow)} ready · mean {formatPercent(projection.meanNow)}
                      </span>
                    )}
                  </div>
                </div>
                {Array.from({ length: quarters }, (_, q) => {
                  const inCell = items.filter((i) => quarterOf(i) === q).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
                  const initiativesInCell = rowInitiatives.filter((i) => quarterOfInitiative(i) === q);
                  return (
                    <div
                      role="cell"
                      key={q}
                      className={`roadmap-cell${dropTarget === q && dragging ? ' is-drop' : ''}${readyQuarter === q ? ' is-gate' : ''}${q >= plan.quarters.length ? ' is-beyond' : ''}`}
                      data-testid={`cell-${row}-${q}`}
                      onDragOver={(e) => {
                        if (!dragging && !e.dataTransfer.types.includes(DRAG_TYPE)) return;
                        e.preventDefault();
                        e.dataTransfer.dropEffect = 'move';
                        if (dropTarget !== q) setDropTarget(q);
                      }}
                      onDragLeave={() => setDropTarget((t) => (t === q ? null : t))}
                      onDrop={(e) => drop(e, q)}
                    >
                      {readyQuarter === q && projection && !aboveTarget && (
                        <span className="roadmap-gate" title={`${projection.name} reaches its gate on ${projection.readyDate ?? ''}`}>
                          Gate · {projection.readyDate}
                        </span>
                      )}
                      {view === 'initiatives'
                        ? initiativesInCell.map((initiative) => {
                            const lead = leadStep(initiative);
                            return (
                              <InitiativeCard
                                key={initiative.id}
                                initiative={initiative}
                                quarterLabel={quarterLabelAt(plan, q)}
                                moving={moving !== null && initiative.steps.some((s) => s.id === moving.itemId)}
                                onDragStart={() => setDragging(lead?.id ?? null)}
                                onDragEnd={() => {
                                  setDragging(null);
                                  setDropTarget(null);
                                }}
                                onMove={(delta) => {
                                  if (lead) move(lead, q + delta, initiative.title);
                                }}
                                onEditStep={edit}
                                onUnpin={(step) => {
                                  refocus.current = initiative.title;
                                  unpin(step);
                                }}
                                canMoveLeft={q > 0}
                                canMoveRight={q < quarters - 1}
                                stepMenu={progress.entries}
                                slip={initiativeSlip(initiative.steps, slips)}
                                baselineName={baseline?.name ?? ''}
                              />
                            );
                          })
                        : inCell.map((item) => (
                            <RoadmapCard
                              key={item.id}
                              item={item}
                              capabilityName={(item.capabilityId && capabilityNames.get(item.capabilityId)) ?? null}
                              moving={moving?.itemId === item.id}
                              quarterLabel={quarterLabelAt(plan, q)}
                              onDragStart={() => setDragging(item.id)}
                              onDragEnd={() => {
                                setDragging(null);
                                setDropTarget(null);
                              }}
                              onMove={(delta) => move(item, q + delta)}
                              onEdit={() => edit(item)}
                              onUnpin={() => {
                                refocus.current = item.title;
                                unpin(item);
                              }}
                              canMoveLeft={q > 0}
                              canMoveRight={q < quarters - 1}
                              extraMenu={progress.entries(item)}
                              slip={slips?.get(item.id)}
                              baselineName={baseline?.name ?? ''}
                            />
                          ))}
                    </div>
                  );
                })}
              </div>
            );
          })}
          <div role="row" className="roadmap-row roadmap-hires" data-testid="roadmap-hires">
            <div role="rowheader" className="roadmap-layer" data-testid="roadmap-layer-hires">
              <div className="roadmap-layer-inner">
                <span className="roadmap-layer-name">Hires</span>
                <span className="roadmap-layer-count">
                  {plan.hires.length} {plan.hires.length === 1 ? 'start' : 'starts'}
                </span>
              </div>
            </div>
            {Array.from({ length: quarters }, (_, q) => (
              <div role="cell" key={q} className={`roadmap-cell${q >= plan.quarters.length ? ' is-beyond' : ''}`}>
                {plan.hires
                  .filter((h) => quarterIndexOfDate(plan, h.startDate) === q)
                  .map((h) => {
                    const early = critical.has(h.id);
                    return (
                      <span
                        key={h.id}
                        className={`hire-chip is-${h.source}${early ? ' is-early' : ''}`}
                        title={`${h.personName ?? h.roleName}: starts ${h.startDate}. ${h.reason}`}
                        data-testid="hire-chip"
                      >
                        <span className="hire-chip-role">
                          {early && <SeverityIcon severity="critical" />}
                          {h.roleName}
                        </span>
                        <span className="hire-chip-meta">
                          {h.startDate}
                          <span className="hire-chip-status">
                            {' · '}
                            {h.source === 'proposed' ? (h.kind === 'backfill' ? 'backfill' : 'proposed') : h.status === 'open_req' ? 'open req.' : 'planned'}
                            {early ? ' · too early' : ''}
                          </span>
                        </span>
                      </span>
                    );
                  })}
              </div>
            ))}
          </div>
        </div>
      </div>
      {progress.dialog}
      {closed.length > 0 && (
        <section className="panel" aria-labelledby="closed-heading">
          <h2 id="closed-heading" className="panel-title">
            Done and dropped <span className="count">{closed.length}</span>
          </h2>
          <ul className="plain-list">
            {closed.map((item) => (
              <li key={item.id}>
                <button type="button" className="link-button" onClick={() => edit(item)}>
                  {item.title}
                </button>
                <span className="muted"> — {WORK_ITEM_STATUS_LABELS[item.status].toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {unscheduled.length > 0 && (
        <section className="panel" aria-labelledby="unscheduled-heading">
          <h2 id="unscheduled-heading" className="panel-title">
            Not scheduled <span className="count">{unscheduled.length}</span>
          </h2>
          <ul className="plain-list">
            {unscheduled.map((item) => (
              <li key={item.id}>
                <button type="button" className="link-button" onClick={() => edit(item)}>
                  {item.title}
                </button>
                <span className="muted"> — {item.placement.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** What the cards' looks mean, behind a "Legend" button so it takes no room from the grid. */
function RoadmapLegend() {
  return (
    <details className="roadmap-legend-menu">
      <summary className="button button-small">Legend</summary>
      <div className="roadmap-legend">
        <span>
          <span className="legend-swatch is-user" aria-hidden="true" /> Your items
        </span>
        <span>
          <span className="legend-swatch is-proposal" aria-hidden="true" /> Planner’s proposals
        </span>
        <span>
          <span className="legend-swatch is-gate" aria-hidden="true" /> Quarter the layer reaches its gate
        </span>
        <span>
          <span className="legend-hire is-proposed" aria-hidden="true" /> Proposed hire
        </span>
        <span>
          <span className="legend-hire is-existing" aria-hidden="true" /> Open requisition or planned hire
        </span>
        <span>
          <SeverityIcon severity="critical" /> A hire that starts before its foundations
        </span>
        <span>Compact: a cell with more than fits scrolls. The full title is in each card’s tooltip.</span>
      </div>
    </details>
  );
}

interface CardProps {
  readonly item: PlannedItem;
  /** The name of the capability the item raises, if any. */
  readonly capabilityName: string | null;
  readonly moving: boolean;
  readonly quarterLabel: string;
  readonly onDragStart: () => void;
  readonly onDragEnd: () => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onEdit: () => void;
  readonly onUnpin: () => void;
  readonly canMoveLeft: boolean;
  readonly canMoveRight: boolean;
  /** More entries for the card's menu (progress: mark in progress, mark done). */
  readonly extraMenu?: readonly MenuEntry[];
  /** How the item moved since the baseline compared with. */
  readonly slip?: ItemSlip | undefined;
  readonly baselineName?: string;
}

function RoadmapCard({ item, capabilityName, moving, quarterLabel, onDragStart, onDragEnd, onMove, onEdit, onUnpin, canMoveLeft, canMoveRight, extraMenu = [], slip, baselineName = '' }: CardProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      if (event.key === 'ArrowLeft' && canMoveLeft) onMove(-1);
      if (event.key === 'ArrowRight' && canMoveRight) onMove(1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEdit();
    }
  };

  const own = item.source === 'user';
  // The planner's own titles say the step ("Warehouse: maturity 2 → 3"): shown as the name and a tag.
  const step = maturityStepLabel(item.fromMaturity, item.toMaturity);
  const generated = capabilityName !== null && item.fromMaturity !== null && item.toMaturity !== null && item.title === maturityStepTitle(capabilityName, item.fromMaturity, item.toMaturity);
  const name = generated ? capabilityName : item.title;
  const label = `${item.title}, ${own ? 'your item' : 'proposal'}, ${quarterLabel}, ${item.startDate ?? '?'} to ${item.finishDate ?? '?'}${item.pinned ? ', pinned' : ''}${slip && slipLabel(slip) ? `, ${slipLabel(slip)} since the baseline` : ''}`;

  return (
    <article
      className={`roadmap-card${own ? ' is-user' : ' is-proposal'}${item.pinned ? ' is-pinned' : ''}${moving ? ' is-moving' : ''}`}
      tabIndex={0}
      draggable
      aria-label={label}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Enter"
      data-testid="roadmap-card"
      data-item-id={item.id}
      data-card-title={item.title}
      title={`${item.title} · ${item.startQuarter ?? ''}, ${datesLabel(item)}`}
      onKeyDown={onKeyDown}
      onDoubleClick={onEdit}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, item.id);
        e.dataTransfer.setData('text/plain', item.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <div className="roadmap-card-top">
        <span className="roadmap-card-title">{name}</span>
        <CardMenu
          label={`Actions for ${item.title}`}
          items={[
            { label: own ? 'Edit…' : 'Adopt and edit…', onSelect: onEdit },
            ...(canMoveLeft ? [{ label: 'Move to the previous quarter', onSelect: () => onMove(-1) }] : []),
            ...(canMoveRight ? [{ label: 'Move to the next quarter', onSelect: () => onMove(1) }] : []),
            ...(item.pinned ? [{ label: 'Unpin', onSelect: onUnpin }] : []),
            ...extraMenu,
          ]}
        />
      </div>
      <div className="roadmap-card-meta">
        <span className="roadmap-card-weeks">{datesLabel(item)}</span>
        {step && (
          <span className="roadmap-card-step" title={`Maturity ${step}`}>
            {step}
          </span>
        )}
        <span className="roadmap-card-badges">
          <SlipBadge slip={slip} baselineName={baselineName} />
          {item.pinned && (
            <span className="badge badge-pin" data-testid="pinned-badge">
              Pinned
            </span>
          )}
          <span className={`badge ${own ? 'badge-user' : 'badge-proposal'}`}>{own ? 'Yours' : 'Proposal'}</span>
        </span>
      </div>
    </article>
  );
}
