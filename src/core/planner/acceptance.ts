import type { WorkItem } from '../domain/planning';
import type { Person } from '../domain/types';
import type { PlannedItem, PlanResult } from './types';

/**
 * Turning the planner's proposals into the user's own items: the one rule for accepting a whole
 * plan (`plan.accept`) and for pinning a single proposal on the roadmap. A proposal becomes a
 * planned work item with the proposal's fields; a predecessor is kept when it will exist in the
 * workspace (an item of the user's, or another proposal accepted with it) and dropped otherwise.
 */
/** A work item about to be written: no id yet (the storage gives one). */
export type NewWorkItem = Omit<WorkItem, 'id' | 'predecessors'> & { readonly predecessors: string[] };

export function workItemFromProposal(
  item: PlannedItem,
  options: {
    /** The id a predecessor will have in the workspace, or null when it will not be there. */
    readonly predecessorId: (id: string) => string | null;
    readonly pinnedStart: string | null;
    readonly notes: string;
  },
): NewWorkItem {
  return {
    title: item.title,
    capabilityId: item.capabilityId,
    fromMaturity: item.fromMaturity,
    toMaturity: item.toMaturity,
    durationWeeks: item.durationWeeks,
    demand: { ...item.demand },
    predecessors: item.predecessors.map(options.predecessorId).filter((id): id is string => id !== null),
    releaseDate: null,
    pinnedStart: options.pinnedStart,
    status: 'planned',
    actualStart: null,
    actualFinish: null,
    notes: options.notes,
  };
}

/** What accepting a plan writes: the scheduled proposals as work items, the proposed hires as planned people. */
export interface PlanAcceptance {
  readonly workItems: readonly WorkItem[];
  readonly people: readonly Omit<Person, 'id'>[];
}

/**
 * Accepting a plan on `today`: each scheduled proposal becomes a planned work item (with an id
 * that says where it came from, its predecessors on other proposals following them), each
 * proposed hire a planned person starting when the plan has them start.
 */
export function planAcceptance(result: PlanResult, today: string): PlanAcceptance {
  const proposals = result.items.filter((i) => i.source === 'proposal' && i.start !== null);
  const newIds = new Map(proposals.map((i, n) => [i.id, `accepted-${today}-${n + 1}-${i.id.replace(/[^a-z0-9]+/gi, '-')}`]));
  const stored = new Set(result.items.filter((i) => i.source === 'user').map((i) => i.id));
  const predecessorId = (id: string) => newIds.get(id) ?? (stored.has(id) ? id : null);
  const workItems = proposals.map((i) => ({
    id: newIds.get(i.id) ?? i.id,
    ...workItemFromProposal(i, {
      predecessorId,
      pinnedStart: null,
      notes: `Accepted on ${today} from the plan of scenario “${result.scenario.name}” (${i.startQuarter}). ${i.placement.text}`,
    }),
  }));
  const people = result.hires
    .filter((h) => h.source === 'proposed')
    .map((h) => ({ name: `${h.roleName} hire (${h.quarter})`, roleId: h.roleId, fte: 1, status: 'planned' as const, startDate: h.startDate, endDate: null }));
  return { workItems, people };
}
