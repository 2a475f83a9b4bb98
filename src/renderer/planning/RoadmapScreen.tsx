import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { LayerId } from '../../core/domain/layers';
import { WORK_ITEM_STATUS_LABELS } from '../../core/domain/planning';
import type { PlannedItem, PlanResult } from '../../core/planner/types';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { CardMenu, type MenuEntry } from './CardMenu';
import { useCardProgress } from '../progress/CardProgress';
import { useBaselineChoice } from '../progress/BaselineProvider';
import { SlipBadge, useItemSlips } from '../progress/SlipBadge';
import { slipLabel } from '../progress/slips';
import type { ItemSlip } from '../../core/progress/progress';
import { usePlanning, usePlanningNavigation } from './machine/usePlanning';
import { ExportCsvButton } from '../safety/ExportCsvButton';
import { PlanningScreen } from './PlanningScreen';
import { LAYERS_TOP_DOWN, maturityStepLabel, maturityStepTitle } from '../../core/format';
import { datesLabel, quarterCount, quarterIndexOfDate, quarterIndexOfItem, quarterLabelAt, planCalendar } from './planFormat';
import { WorkItemEditor, type EditTarget } from './WorkItemEditor';

const DRAG_TYPE = 'application/x-groundwork-item';

type RowId = LayerId | 'none';

/** The roadmap: quarters as columns, the pyramid's layers as rows (the bottom layer at the bottom). */
type Density = 'comfortable' | 'compact';
const DENSITY_KEY = 'groundwork.roadmap.density';

function storedDensity(): Density {
  try {
    return window.localStorage.getItem(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable';
  } catch {
    return 'comfortable';
  }
}

export function RoadmapScreen() {
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const { scenario } = usePlanning();
  const [density, setDensity] = useState<Density>(storedDensity);
  const choose = (next: Density) => {
    setDensity(next);
    try {
      window.localStorage.setItem(DENSITY_KEY, next);
    } catch {
      // Storage may be unavailable; the choice then lasts for the session.
    }
  };
  return (
    <PlanningScreen
      title="Roadmap"
      view={(plan) => <RoadmapGrid plan={plan} density={density} onEdit={setEditing} />}
      lede="The plan by quarter, climbing the pyramid from the bottom. Drag a card to another quarter (or focus it and press Alt+← / Alt+→) to pin it there; Enter opens it."
      actions={
        <>
          <ExportCsvButton table="roadmap" scenarioId={scenario?.id} />
          <div className="segmented" role="group" aria-label="Card density">
            {(['comfortable', 'compact'] as const).map((d) => (
              <button key={d} type="button" className="segmented-button" aria-pressed={density === d} onClick={() => choose(d)}>
                {d === 'comfortable' ? 'Comfortable' : 'Compact'}
              </button>
            ))}
          </div>
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
  readonly density: Density;
  readonly onEdit: (target: EditTarget) => void;
}

function RoadmapGrid({ plan, density, onEdit }: GridProps) {
  const { workItems, capabilities } = useSnapshot();
  const capabilityNames = useMemo(() => new Map(capabilities.map((c) => [c.id, c.name])), [capabilities]);
  const { pinAtQuarter, unpin, moving, planCount } = usePlanning();
  const progress = useCardProgress();
  const slips = useItemSlips(plan);
  const { baseline } = useBaselineChoice();
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // After a move the card is re-rendered from the new plan (a proposal even gets a new id): find it again by title.
  const refocus = useRef<string | null>(null);

  const quarters = quarterCount(plan);
  const scheduled = plan.items.filter((i) => i.start !== null);
  const unscheduled = plan.items.filter((i) => i.start === null && i.status !== 'done' && i.status !== 'dropped');
  const closed = plan.items.filter((i) => i.status === 'done' || i.status === 'dropped');
  const rows: RowId[] = [...(scheduled.some((i) => i.layer === null) ? (['none'] as const) : []), ...LAYERS_TOP_DOWN.map((l) => l.id)];

  // The pyramid is read from the bottom, where the plan starts: open on the lowest layers.
  useEffect(() => {
    const scroller = gridRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, []);

  // Asked from another view (a warning's "Show on roadmap"): scroll the card into view and focus it.
  const { roadmapFocus, roadmapFocused } = usePlanningNavigation();
  useEffect(() => {
    if (!roadmapFocus || !gridRef.current) return;
    const card = gridRef.current.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(roadmapFocus.itemId)}"]`);
    if (!card) return;
    card.scrollIntoView({ block: 'center', inline: 'center' });
    card.focus({ preventScroll: true });
    roadmapFocused();
  }, [roadmapFocus, roadmapFocused, planCount]);

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

  const move = (item: PlannedItem, quarterIndex: number) => {
    if (quarterIndex < 0 || quarterIndex >= quarters) return;
    refocus.current = item.title;
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
    if (item && quarterIndex !== quarterOf(item)) move(item, quarterIndex);
  };

  const readyIn = new Map(plan.layers.map((l) => [l.layer, l]));
  const warnedHires = new Set(
    plan.warnings
      .filter((w) => w.code === 'luxury-hire-early')
      .flatMap((w) => plan.hires.filter((h) => h.id === w.hireId || (w.personId !== undefined && h.personId === w.personId)).map((h) => h.id)),
  );

  return (
    <>
      <div className="roadmap-scroll" ref={gridRef}>
        <div
          className={`roadmap is-${density}`}
          style={{
            gridTemplateColumns: `var(--roadmap-label) repeat(${quarters}, minmax(var(--roadmap-col), 1fr))`,
            width: `max(100%, calc(var(--roadmap-label) + ${quarters} * var(--roadmap-col)))`,
          }}
          data-testid="roadmap"
          role="table"
          aria-label={`Roadmap of ${scheduled.length} scheduled items over ${quarters} quarters`}
        >
          <div role="row" className="roadmap-row roadmap-head">
            <div role="columnheader" className="roadmap-corner">
              Layer
            </div>
            {Array.from({ length: quarters }, (_, q) => (
              <div role="columnheader" key={q} className={`roadmap-quarter${q >= plan.quarters.length ? ' is-beyond' : ''}`}>
                <span className="roadmap-quarter-label">{quarterLabelAt(plan, q)}</span>
                <span className="roadmap-quarter-weeks">
                  from {planCalendar(plan).quarterAt(q).firstDay}
                  {q >= plan.quarters.length ? ' · past horizon' : ''}
                </span>
              </div>
            ))}
          </div>
          {rows.map((row) => {
            const projection = row === 'none' ? undefined : readyIn.get(row);
            const items = scheduled.filter((i) => (i.layer ?? 'none') === row);
            const readyQuarter = projection?.readyDate == null ? null : quarterIndexOfDate(plan, projection.readyDate);
            return (
              <div role="row" key={row} className={`roadmap-row layer-${row}`} data-testid={`roadmap-row-${row}`}>
                <div role="rowheader" className="roadmap-layer">
                  <div className="roadmap-layer-inner">
                    <span className="roadmap-layer-name">{projection?.name ?? 'No capability'}</span>
                    {projection && (
                      <span className="roadmap-layer-ready">
                        {projection.readyWeek !== null && projection.readyWeek <= plan.statusWeek ? 'at gate now' : projection.readyQuarter ? `gate ${projection.readyQuarter}` : 'gate not reached'}
                      </span>
                    )}
                    <span className="roadmap-layer-count">{items.length} items</span>
                  </div>
                </div>
                {Array.from({ length: quarters }, (_, q) => {
                  const inCell = items.filter((i) => quarterOf(i) === q).sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
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
                      {readyQuarter === q && projection && (
                        <span className="roadmap-gate" title={`${projection.name} reaches its gate on ${projection.readyDate ?? ''}`}>
                          Gate reached · {projection.readyDate}
                        </span>
                      )}
                      {inCell.map((item) => (
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
            <div role="rowheader" className="roadmap-layer">
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
                    const early = warnedHires.has(h.id);
                    return (
                      <span
                        key={h.id}
                        className={`hire-chip is-${h.source}${early ? ' is-early' : ''}`}
                        title={`${h.personName ?? h.roleName}: starts ${h.startDate}. ${h.reason}`}
                      >
                        <span className="hire-chip-role">{h.roleName}</span>
                        <span className="hire-chip-meta">
                          {h.startDate} · {h.source === 'proposed' ? 'proposed' : h.status === 'open_req' ? 'open req.' : 'planned'}
                          {early ? ' · too early' : ''}
                        </span>
                      </span>
                    );
                  })}
              </div>
            ))}
          </div>
        </div>
      </div>
      <RoadmapLegend />
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

function RoadmapLegend() {
  return (
    <p className="roadmap-legend">
      <span className="legend-swatch is-user" aria-hidden="true" /> Your items
      <span className="legend-swatch is-proposal" aria-hidden="true" /> Planner’s proposals
      <span className="legend-swatch is-gate" aria-hidden="true" /> Quarter the layer reaches its gate
    </p>
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
