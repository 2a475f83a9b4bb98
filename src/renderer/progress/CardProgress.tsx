import { useState, type ReactNode } from 'react';
import type { WorkItem } from '../../core/domain/planning';
import { workItemFromProposal } from '../../core/planner/acceptance';
import type { PlannedItem } from '../../core/planner/types';
import type { MenuEntry } from '../planning/CardMenu';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { useToasts } from '../workspace/toasts';
import { MarkDoneDialog } from './MarkDoneDialog';
import { startValues } from './progressEdits';
import { todayIso, useProgress } from './useProgress';

/** A card's item as the lead would store it: the stored item, or the proposal as it would become theirs. */
function asStored(item: PlannedItem, stored: readonly WorkItem[]): WorkItem {
  const own = stored.find((w) => w.id === item.id);
  if (own) return own;
  return { id: item.id, ...workItemFromProposal(item, { predecessorId: () => null, pinnedStart: null, notes: '' }) };
}

/**
 * Progress from a roadmap card's menu: "Mark in progress" and "Mark done…" (which asks, see
 * MarkDoneDialog). Returns the menu entries for a card and the dialog to render.
 */
export function useCardProgress(): { entries: (item: PlannedItem) => MenuEntry[]; dialog: ReactNode } {
  const { workItems, capabilities } = useSnapshot();
  const { record } = useProgress();
  const { notify } = useToasts();
  const [marking, setMarking] = useState<PlannedItem | null>(null);
  const today = todayIso();

  const entries = (item: PlannedItem): MenuEntry[] => {
    if (item.status === 'done' || item.status === 'dropped') return [];
    const start: MenuEntry[] =
      item.status === 'in_progress'
        ? []
        : [
            {
              label: 'Mark in progress',
              onSelect: () => {
                const values = startValues(asStored(item, workItems), today);
                void record(item, values).then(
                  () => notify(`“${item.title}” is in progress since ${values.actualStart ?? today}.`),
                  () => undefined,
                );
              },
            },
          ];
    return [...start, { label: 'Mark done…', onSelect: () => setMarking(item) }];
  };

  const item = marking === null ? null : asStored(marking, workItems);
  const capability = item?.capabilityId ? (capabilities.find((c) => c.id === item.capabilityId) ?? null) : null;
  const dialog =
    marking && item ? (
      <MarkDoneDialog
        item={item}
        capability={capability}
        today={today}
        plannedStart={marking.startDate}
        onConfirm={async (values) => {
          await record(marking, values);
          notify(`“${marking.title}” is done${values.capabilityMaturity !== undefined && capability ? `; ${capability.name} is at maturity ${values.capabilityMaturity}` : ''}.`);
        }}
        onClose={() => setMarking(null)}
      />
    ) : null;
  return { entries, dialog };
}
