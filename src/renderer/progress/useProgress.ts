import { useCallback } from 'react';
import { toIsoDate } from '../../core/calendar';
import type { WorkItem } from '../../core/domain/planning';
import { workItemFromProposal } from '../../core/planner/acceptance';
import type { PlannedItem } from '../../core/planner/types';
import { useSnapshot, useWorkspace } from '../workspace/WorkspaceProvider';
import type { ProgressValues } from '../workspace/undo';
import { progressEdit } from './progressEdits';

/** Today as the page's clock has it (the browser tests fix it). */
export function todayIso(): string {
  return toIsoDate(new Date());
}

/**
 * Recording progress from the renderer: a planner's proposal is first stored as the lead's own
 * item (only stored items have a status), then the status change is sent as an undoable edit.
 */
export function useProgress() {
  const { workItems, capabilities } = useSnapshot();
  const { change, edit } = useWorkspace();

  /** The stored item behind a card: the item itself, or the proposal adopted as the lead's planned item. */
  const stored = useCallback(
    async (item: PlannedItem | WorkItem): Promise<WorkItem> => {
      const own = workItems.find((w) => w.id === item.id);
      if (own) return own;
      const known = new Set(workItems.map((w) => w.id));
      const proposal = item as PlannedItem;
      const after = await change('workItem.create', workItemFromProposal(proposal, { predecessorId: (id) => (known.has(id) ? id : null), pinnedStart: null, notes: '' }));
      const created = after.workItems.find((w) => !known.has(w.id));
      if (!created) throw new Error(`“${item.title}” was not stored`);
      return created;
    },
    [workItems, change],
  );

  /** Sends `values` for the item as an undoable edit (adopting a proposal first). */
  const record = useCallback(
    async (item: PlannedItem | WorkItem, values: ProgressValues): Promise<void> => {
      const own = await stored(item);
      const capability = own.capabilityId === null ? null : (capabilities.find((c) => c.id === own.capabilityId) ?? null);
      await edit(progressEdit(own, capability, values));
    },
    [stored, capabilities, edit],
  );

  return { record };
}
