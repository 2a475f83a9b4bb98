import { fromPromise } from 'xstate';
import type { WorkItem } from '../../../core/domain/planning';
import { workItemFromProposal } from '../../../core/planner/acceptance';
import type { PlannedItem, PlanResult } from '../../../core/planner/types';
import type { MethodInput } from '../../../shared/contract';
import type { AcceptRequest, PinRequest, PlanTarget } from './planningMachine';

/** What the planning workflow needs from the outside world; the app wires it to the IPC client. */
export interface PlanningApi {
  /** `signal` aborts when the machine no longer wants the plan (an edit made it stale): the call is cancelled. */
  runPlan(target: PlanTarget, signal: AbortSignal): Promise<PlanResult>;
  acceptPlan(request: AcceptRequest): Promise<void>;
  createWorkItem(fields: MethodInput<'workItem.create'>): Promise<void>;
  updateWorkItem(id: string, patch: MethodInput<'workItem.update'>['patch']): Promise<void>;
  /** The user's stored items, to keep only predecessors that exist when a proposal is adopted. */
  workItems(): readonly WorkItem[];
}

export type PinCall =
  | { readonly method: 'workItem.create'; readonly fields: MethodInput<'workItem.create'> }
  | { readonly method: 'workItem.update'; readonly id: string; readonly patch: MethodInput<'workItem.update'>['patch'] };

/**
 * A pin as one call: the user's own item is updated; a planner's proposal becomes the user's item
 * (workItemFromProposal: planned, pinned), since only stored items can carry a pin. A proposal's
 * predecessors that are proposals too are not stored, so only the stored ones are kept.
 */
export function pinCall(item: PlannedItem, pinnedStart: string | null, stored: readonly WorkItem[]): PinCall {
  if (item.source === 'user') return { method: 'workItem.update', id: item.id, patch: { pinnedStart } };
  const known = new Set(stored.map((w) => w.id));
  return { method: 'workItem.create', fields: workItemFromProposal(item, { predecessorId: (id) => (known.has(id) ? id : null), pinnedStart, notes: '' }) };
}

export const createRunPlanActor = (api: PlanningApi) => fromPromise<PlanResult, PlanTarget>(({ input, signal }) => api.runPlan(input, signal));

export const createAcceptPlanActor = (api: PlanningApi) => fromPromise<void, AcceptRequest>(({ input }) => api.acceptPlan(input));

/** The payload of a plan call: the default scenario and today are what the host assumes when left out. */
export function planPayload(target: PlanTarget): { scenarioId?: string; asOf?: string } {
  return { ...(target.scenarioId ? { scenarioId: target.scenarioId } : {}), ...(target.asOf ? { asOf: target.asOf } : {}) };
}

export const createSavePinActor = (api: PlanningApi) =>
  fromPromise<void, PinRequest>(async ({ input }) => {
    const call = pinCall(input.item, input.pinnedStart, api.workItems());
    if (call.method === 'workItem.create') await api.createWorkItem(call.fields);
    else await api.updateWorkItem(call.id, call.patch);
  });
