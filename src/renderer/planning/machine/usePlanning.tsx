import { useActorRef, useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Scenario } from '../../../core/domain/planning';
import { quarterStartDate } from '../planFormat';
import type { PlannedItem, PlanResult } from '../../../core/planner/types';
import type { WorkspaceSnapshot } from '../../../shared/contract';
import { call } from '../../api';
import { useToasts } from '../../workspace/toasts';
import { useSnapshot, useWorkspace } from '../../workspace/WorkspaceProvider';
import { createAcceptPlanActor, createRunPlanActor, createSavePinActor, planPayload, type PlanningApi } from './actors';
import { planningMachine, type PlanningStateValue } from './planningMachine';

type PlanningActorRef = ActorRefFrom<typeof planningMachine>;

const PlanningActorContext = createContext<PlanningActorRef | null>(null);

/** A request to bring an item into view on the roadmap (from the warnings view). */
export interface RoadmapFocus {
  readonly itemId: string;
  readonly nonce: number;
}

interface Navigation {
  readonly roadmapFocus: RoadmapFocus | null;
  showOnRoadmap(itemId: string): void;
  roadmapFocused(): void;
}

const NavigationContext = createContext<Navigation | null>(null);

/**
 * Runs the planning workflow for the open workspace. Every new snapshot (an edit anywhere: work
 * items, scenarios, inventory, headcount) tells the machine, which re-plans after a short pause.
 * `active`: a planning view is shown.
 */
interface ProviderProps {
  /** A planning view is shown. */
  readonly active: boolean;
  /** Switches the shell to the roadmap. */
  readonly onShowRoadmap: () => void;
  readonly children: ReactNode;
}

export function PlanningProvider({ active, onShowRoadmap, children }: ProviderProps) {
  const snapshot = useSnapshot();
  const { change } = useWorkspace();
  const { notify } = useToasts();
  const snapshotRef = useRef<WorkspaceSnapshot>(snapshot);

  const api = useMemo<PlanningApi>(
    () => ({
      runPlan: (target, signal) => call('plan.run', planPayload(target), { signal }),
      acceptPlan: async (request) => {
        const { accepted } = await change('plan.accept', { ...planPayload(request), ...(request.baselineName ? { baselineName: request.baselineName } : {}) });
        const items = accepted.workItems.length;
        const hires = accepted.people.length;
        const saved = accepted.baseline ? ` Saved as the baseline “${accepted.baseline.name}”.` : '';
        notify(`Accepted the plan: ${items} work ${items === 1 ? 'item is' : 'items are'} now yours, and ${hires} ${hires === 1 ? 'hire is' : 'hires are'} planned.${saved}`);
      },
      createWorkItem: async (fields) => {
        await change('workItem.create', fields);
      },
      updateWorkItem: async (id, patch) => {
        await change('workItem.update', { id, patch });
      },
      workItems: () => snapshotRef.current.workItems,
    }),
    [change, notify],
  );

  // useActorRef keeps the actor it made first; the machine is built once for the same reason.
  const machine = useMemo(
    () =>
      planningMachine.provide({
        actors: {
          runPlan: createRunPlanActor(api),
          acceptPlan: createAcceptPlanActor(api),
          savePin: createSavePinActor(api),
        },
      }),
    [api],
  );
  const actorRef = useActorRef(machine, { input: {} });

  // Planning takes the main process a few hundred milliseconds: while no planning view is shown,
  // edits only mark the plan stale, and showing a view plans once.
  const stale = useRef(true);
  useEffect(() => {
    if (snapshotRef.current !== snapshot) {
      snapshotRef.current = snapshot;
      stale.current = true;
    }
    if (active && stale.current) {
      stale.current = false;
      actorRef.send({ type: 'snapshot.changed' });
    }
  }, [snapshot, actorRef, active]);

  // A deleted scenario cannot stay selected: fall back to the default one.
  const selected = useSelector(actorRef, (s) => s.context.scenarioId);
  const selectedExists = selected === null || snapshot.scenarios.some((s) => s.id === selected);
  useEffect(() => {
    if (!selectedExists) actorRef.send({ type: 'scenario.select', scenarioId: null });
  }, [selectedExists, actorRef]);
  // The main process exports the scenario on screen (File → Export Roadmap PDF): tell it.
  useEffect(() => {
    if (selectedExists) call('scenario.choose', { scenarioId: selected }).catch(() => undefined);
  }, [selected, selectedExists]);

  const [roadmapFocus, setRoadmapFocus] = useState<RoadmapFocus | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      roadmapFocus,
      showOnRoadmap: (itemId) => {
        setRoadmapFocus((f) => ({ itemId, nonce: (f?.nonce ?? 0) + 1 }));
        onShowRoadmap();
      },
      roadmapFocused: () => setRoadmapFocus(null),
    }),
    [roadmapFocus, onShowRoadmap],
  );

  return (
    <PlanningActorContext.Provider value={actorRef}>
      <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>
    </PlanningActorContext.Provider>
  );
}

export function usePlanningNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('usePlanningNavigation needs a PlanningProvider');
  return navigation;
}

function usePlanningActor(): PlanningActorRef {
  const actorRef = useContext(PlanningActorContext);
  if (!actorRef) throw new Error('usePlanning needs a PlanningProvider');
  return actorRef;
}

export interface Planning {
  readonly status: PlanningStateValue;
  /** True while a plan is on its way (queued, running, or being changed by a pin or accept). */
  readonly busy: boolean;
  readonly plan: PlanResult | null;
  readonly error: string | null;
  readonly moving: { readonly itemId: string; readonly quarterIndex: number } | null;
  readonly planCount: number;
  /** The chosen scenario (the default one unless another was picked). */
  readonly scenario: Scenario | null;
  /** The status date plans are made as of; null: today. */
  readonly asOf: string | null;
  selectScenario(scenarioId: string): void;
  /** Plans as of another status date (null: today). */
  selectAsOf(asOf: string | null): void;
  requestPlan(): void;
  /** Pins the item at the start of a quarter of the plan (its first week). */
  pinAtQuarter(item: PlannedItem, quarterIndex: number): void;
  unpin(item: PlannedItem): void;
  /** Accepts the plan and saves it as a baseline named `baselineName` (null: the default name). */
  accept(baselineName?: string | null): void;
  dismissError(): void;
}

export { quarterStartDate };

export function usePlanning(): Planning {
  const actorRef = usePlanningActor();
  const snapshot = useSnapshot();
  const status = useSelector(actorRef, (s) => s.value as PlanningStateValue);
  const plan = useSelector(actorRef, (s) => s.context.plan);
  const error = useSelector(actorRef, (s) => s.context.error);
  const moving = useSelector(actorRef, (s) => s.context.moving);
  const planCount = useSelector(actorRef, (s) => s.context.planCount);
  const scenarioId = useSelector(actorRef, (s) => s.context.scenarioId);
  const asOf = useSelector(actorRef, (s) => s.context.asOf);

  const scenario = useMemo(
    () => snapshot.scenarios.find((s) => s.id === scenarioId) ?? snapshot.scenarios.find((s) => s.isDefault) ?? snapshot.scenarios[0] ?? null,
    [snapshot.scenarios, scenarioId],
  );

  return useMemo<Planning>(
    () => ({
      status,
      busy: status !== 'reviewing' && status !== 'failed' && status !== 'idle',
      plan,
      error,
      moving,
      planCount,
      scenario,
      asOf,
      selectScenario: (id) => actorRef.send({ type: 'scenario.select', scenarioId: id }),
      selectAsOf: (date) => actorRef.send({ type: 'asOf.select', asOf: date }),
      requestPlan: () => actorRef.send({ type: 'plan.request' }),
      pinAtQuarter: (item, quarterIndex) => {
        if (!plan) return;
        actorRef.send({ type: 'item.pin', request: { item, pinnedStart: quarterStartDate(plan, quarterIndex), quarterIndex } });
      },
      unpin: (item) => actorRef.send({ type: 'item.pin', request: { item, pinnedStart: null, quarterIndex: null } }),
      accept: (baselineName) => actorRef.send({ type: 'plan.accept', baselineName: baselineName ?? null }),
      dismissError: () => actorRef.send({ type: 'error.dismiss' }),
    }),
    [status, plan, error, moving, planCount, scenario, asOf, actorRef],
  );
}
