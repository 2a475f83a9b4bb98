import { useId, useState, type KeyboardEvent } from 'react';
import { WORK_ITEM_STATUS_LABELS } from '../../core/domain/planning';
import { initiativeTitle, stepLevels, type Initiative } from '../../core/planner/initiatives';
import type { PlannedItem } from '../../core/planner/types';
import type { ItemSlip } from '../../core/progress/progress';
import { SlipBadge } from '../progress/SlipBadge';
import { CardMenu, type MenuEntry } from './CardMenu';
import { datesLabel } from './planFormat';

export const DRAG_TYPE = 'application/x-groundwork-item';

/**
 * The step that moves when an initiative is moved: its first step not started yet (a step in
 * progress keeps its actual start). Pinning it moves the initiative; the later steps follow it.
 */
export function leadStep(initiative: Initiative): PlannedItem | null {
  const movable = initiative.steps.filter((s) => s.start !== null && s.status !== 'in_progress');
  return movable.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))[0] ?? null;
}

interface Props {
  readonly initiative: Initiative;
  readonly quarterLabel: string;
  readonly moving: boolean;
  readonly onDragStart: () => void;
  readonly onDragEnd: () => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onEditStep: (item: PlannedItem) => void;
  readonly onUnpin: (item: PlannedItem) => void;
  readonly canMoveLeft: boolean;
  readonly canMoveRight: boolean;
  /** More menu entries for one of the steps (progress: mark in progress, mark done). */
  readonly stepMenu?: (step: PlannedItem) => readonly MenuEntry[];
  /** How the initiative moved since the baseline compared with (its step that moved most). */
  readonly slip?: ItemSlip | undefined;
  readonly baselineName?: string;
}

/**
 * One initiative on the roadmap: its outcome, its dates and how many steps; Enter (or the
 * chevron) shows the steps, each opening its editor. Dragging it, or Alt+←/→, pins its first
 * step that has not started at another quarter.
 */
export function InitiativeCard({ initiative, quarterLabel, moving, onDragStart, onDragEnd, onMove, onEditStep, onUnpin, canMoveLeft, canMoveRight, stepMenu, slip, baselineName = '' }: Props) {
  const [open, setOpen] = useState(false);
  const stepsId = useId();
  const lead = leadStep(initiative);
  const movable = lead !== null;
  const own = initiative.source === 'user';
  const steps = initiative.steps.length;
  const dates = datesLabel(initiative);
  // The title is "outcome: from → to"; compact cards show the outcome alone (the levels are in the tooltip).
  const levels = initiative.title === initiativeTitle(initiative.outcome, initiative.fromMaturity, initiative.toMaturity) ? stepLevels(initiative) : null;
  const label = `${initiative.title}, ${steps} step${steps === 1 ? '' : 's'}, ${own ? 'your work' : initiative.source === 'mixed' ? 'your work and proposals' : 'proposal'}, ${quarterLabel}, ${dates || 'not scheduled'}${initiative.pinned ? ', pinned' : ''}`;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      if (!movable) return;
      if (event.key === 'ArrowLeft' && canMoveLeft) onMove(-1);
      if (event.key === 'ArrowRight' && canMoveRight) onMove(1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setOpen((o) => !o);
    }
  };

  const menu: MenuEntry[] = [
    { label: open ? 'Hide the steps' : 'Show the steps', onSelect: () => setOpen((o) => !o) },
    ...(movable && canMoveLeft ? [{ label: 'Move to the previous quarter', onSelect: () => onMove(-1) }] : []),
    ...(movable && canMoveRight ? [{ label: 'Move to the next quarter', onSelect: () => onMove(1) }] : []),
    ...initiative.steps.filter((s) => s.pinned).map((s) => ({ label: `Unpin “${s.title}”`, onSelect: () => onUnpin(s) })),
    // Progress entries name their step when the initiative has more than one.
    ...initiative.steps.flatMap((s) =>
      (stepMenu?.(s) ?? []).map((entry) => (steps === 1 ? entry : { ...entry, label: `${stepLevels(s) ?? s.title}: ${entry.label}` })),
    ),
  ];

  return (
    <article
      className={`roadmap-card initiative-card${own ? ' is-user' : ' is-proposal'}${initiative.pinned ? ' is-pinned' : ''}${moving ? ' is-moving' : ''}${open ? ' is-open' : ''}`}
      tabIndex={0}
      draggable={movable}
      aria-label={label}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Enter"
      data-testid="initiative-card"
      data-step-ids={initiative.steps.map((s) => s.id).join(' ')}
      data-card-title={initiative.title}
      title={`${initiative.title}${initiative.capabilityName && initiative.capabilityName !== initiative.title ? ` (${initiative.capabilityName})` : ''} · ${dates}`}
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        if (!lead) return;
        e.dataTransfer.setData(DRAG_TYPE, lead.id);
        e.dataTransfer.setData('text/plain', lead.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <div className="roadmap-card-top">
        <button
          type="button"
          className="initiative-toggle"
          aria-expanded={open}
          aria-controls={stepsId}
          aria-label={`${open ? 'Hide' : 'Show'} the ${steps} step${steps === 1 ? '' : 's'} of ${initiative.title}`}
          onClick={() => setOpen((o) => !o)}
        >
          <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
            <path d="M3 1.5 7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
        </button>
        <span className="roadmap-card-title">
          {levels === null ? (
            initiative.title
          ) : (
            <>
              <span className="initiative-outcome">{initiative.outcome}</span>
              <span className="initiative-levels">: {levels}</span>
            </>
          )}
        </span>
        <CardMenu label={`Actions for ${initiative.title}`} items={menu} />
      </div>
      <div className="roadmap-card-meta">
        <span className="roadmap-card-weeks">{dates}</span>
        <span className="roadmap-card-step">
          {steps} step{steps === 1 ? '' : 's'}
        </span>
        <span className="roadmap-card-badges">
          <SlipBadge slip={slip} baselineName={baselineName} />
          {initiative.inProgress && <span className="badge badge-progress">In progress</span>}
          {initiative.pinned && (
            <span className="badge badge-pin" data-testid="pinned-badge">
              Pinned
            </span>
          )}
          <span className={`badge ${own ? 'badge-user' : 'badge-proposal'}`}>{own ? 'Yours' : initiative.source === 'mixed' ? 'Partly yours' : 'Proposal'}</span>
        </span>
      </div>
      <ol id={stepsId} className="initiative-steps" hidden={!open}>
        {initiative.steps.map((step) => (
          <li key={step.id}>
            <button type="button" className="initiative-step" onClick={() => onEditStep(step)} title={step.title}>
              <span className="initiative-step-levels">{stepLevels(step) ?? step.title}</span>
              <span className="initiative-step-dates">
                {step.start === null ? 'not scheduled' : datesLabel(step)}
                {step.status === 'in_progress' ? ` · ${WORK_ITEM_STATUS_LABELS.in_progress.toLowerCase()}` : ''}
                {step.pinned ? ' · pinned' : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </article>
  );
}
