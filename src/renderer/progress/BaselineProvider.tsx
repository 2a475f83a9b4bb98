import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Baseline, BaselineSummary } from '../../core/progress/baseline';
import { call } from '../api';
import { usePlanning } from '../planning/machine/usePlanning';
import { useSnapshot } from '../workspace/WorkspaceProvider';

interface BaselineChoice {
  /** Every saved baseline, newest first. */
  readonly summaries: readonly BaselineSummary[];
  /** The baseline views compare with: the one picked, else the newest of the scenario shown, else the newest. */
  readonly current: BaselineSummary | null;
  /** Its frozen plan, once loaded. */
  readonly baseline: Baseline | null;
  choose(id: string): void;
}

const BaselineContext = createContext<BaselineChoice | null>(null);

/** Which baseline the timeline, the roadmap and the Progress view compare with, shared by all three. */
export function BaselineProvider({ children }: { readonly children: ReactNode }) {
  const { baselines } = useSnapshot();
  const { scenario } = usePlanning();
  const [picked, setPicked] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Baseline | null>(null);
  // Frozen plans do not change (only their name can): fetch each once.
  const cache = useRef(new Map<string, Baseline>());

  const current = useMemo(
    () => baselines.find((b) => b.id === picked) ?? baselines.find((b) => scenario !== null && b.scenarioId === scenario.id) ?? baselines[0] ?? null,
    [baselines, picked, scenario],
  );

  const currentId = current?.id ?? null;
  useEffect(() => {
    if (currentId === null) return;
    const known = cache.current.get(currentId);
    if (known) {
      setLoaded(known);
      return;
    }
    let live = true;
    call('baseline.get', { id: currentId }).then(
      (baseline) => {
        cache.current.set(baseline.id, baseline);
        if (live) setLoaded(baseline);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [currentId]);

  const value = useMemo<BaselineChoice>(() => {
    const baseline = loaded !== null && current !== null && loaded.id === current.id ? { ...loaded, name: current.name } : null;
    return { summaries: baselines, current, baseline, choose: setPicked };
  }, [baselines, current, loaded]);
  return <BaselineContext.Provider value={value}>{children}</BaselineContext.Provider>;
}

export function useBaselineChoice(): BaselineChoice {
  const choice = useContext(BaselineContext);
  if (!choice) throw new Error('useBaselineChoice needs a BaselineProvider');
  return choice;
}
