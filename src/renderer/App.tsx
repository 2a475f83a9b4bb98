import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CsvKind } from '../core/csv';
import { onMenuCommand } from './api';
import { BackupsDialog } from './safety/BackupsDialog';
import { CsvImportDialog } from './safety/CsvImportDialog';
import { SafetyActionsContext } from './safety/SafetyActions';
import type { LayerId } from '../core/domain/layers';
import type { WorkspaceSnapshot } from '../shared/contract';
import { ScreenTabs, panelId, tabId, type ScreenTab } from './components/ScreenTabs';
import { TitleBar } from './components/TitleBar';
import { Toasts } from './components/Toasts';
import { HeadcountScreen } from './screens/HeadcountScreen';
import { InventoryScreen, type LayerFilter } from './screens/InventoryScreen';
import { PyramidScreen } from './screens/PyramidScreen';
import { RolesScreen } from './screens/RolesScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { HiringScreen } from './planning/HiringScreen';
import { PlanningProvider } from './planning/machine/usePlanning';
import { RoadmapScreen } from './planning/RoadmapScreen';
import { TimelineScreen } from './planning/TimelineScreen';
import { WarningsScreen } from './planning/WarningsScreen';
import { BaselineProvider } from './progress/BaselineProvider';
import { ProgressScreen } from './progress/ProgressScreen';
import { useWorkspace } from './workspace/WorkspaceProvider';

type ScreenId = 'pyramid' | 'inventory' | 'headcount' | 'roles' | 'roadmap' | 'timeline' | 'hiring' | 'warnings' | 'progress';

const SCREENS: readonly ScreenTab<ScreenId>[] = [
  { id: 'pyramid', label: 'Pyramid', hint: 'Readiness by layer' },
  { id: 'inventory', label: 'Inventory', hint: 'Capabilities and maturity' },
  { id: 'headcount', label: 'Headcount', hint: 'People and requisitions' },
  { id: 'roles', label: 'Roles', hint: 'What each role needs' },
  { id: 'roadmap', label: 'Roadmap', hint: 'The plan by quarter' },
  { id: 'timeline', label: 'Timeline', hint: 'Schedule and capacity' },
  { id: 'hiring', label: 'Hiring plan', hint: 'Who to hire, and when' },
  { id: 'warnings', label: 'Warnings', hint: 'And the reasons' },
  { id: 'progress', label: 'Progress', hint: 'Against a baseline' },
];

const PLANNING_SCREENS: ReadonlySet<ScreenId> = new Set(['roadmap', 'timeline', 'hiring', 'warnings']);

export function App() {
  const { load, reload } = useWorkspace();

  if (load.state === 'loading') {
    return (
      <main className="splash">
        <h1 className="visually-hidden">Groundwork</h1>
        <p role="status">Opening the workspace…</p>
      </main>
    );
  }
  if (load.state === 'failed') {
    return (
      <main className="splash">
        <h1>The workspace could not be opened</h1>
        <p role="alert">{load.error.message}</p>
        <button type="button" className="button" onClick={() => void reload()}>
          Try again
        </button>
      </main>
    );
  }
  const { snapshot } = load;
  return <Loaded snapshot={snapshot} />;
}

function Loaded({ snapshot }: { readonly snapshot: WorkspaceSnapshot }) {
  const name = snapshot.organisation.name;
  const [backupsOpen, setBackupsOpen] = useState(false);
  useEffect(() => {
    document.title = name ? `${name} — Groundwork` : 'Groundwork';
  }, [name]);
  useEffect(() => onMenuCommand((command) => command === 'restore-backup' && setBackupsOpen(true)), []);
  return (
    <div className="app">
      <TitleBar snapshot={snapshot} onShowBackups={() => setBackupsOpen(true)} />
      {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} />}
      {snapshot.isEmpty ? (
        <main className="main main-welcome">
          <WelcomeScreen />
        </main>
      ) : (
        <Shell />
      )}
      <Toasts />
    </div>
  );
}

function isMod(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey;
}

function Shell() {
  const { undo, redo } = useWorkspace();
  const [screen, setScreen] = useState<ScreenId>('pyramid');
  const [filter, setFilter] = useState<LayerFilter>('all');
  const [focusRequest, setFocusRequest] = useState<{ layer: LayerId; nonce: number } | null>(null);
  const nonce = useRef(0);
  const [csvImport, setCsvImport] = useState<CsvKind | null>(null);
  const safetyActions = useMemo(() => ({ importCsv: (kind: CsvKind) => setCsvImport(kind) }), []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'import-people-csv' || command === 'import-capabilities-csv') {
          const kind = command === 'import-people-csv' ? 'people' : 'capabilities';
          setScreen(kind === 'people' ? 'headcount' : 'inventory');
          setCsvImport(kind);
        }
      }),
    [],
  );

  const showRoadmap = useCallback(() => setScreen('roadmap'), []);

  const openLayer = useCallback((layer: LayerId) => {
    setFilter(layer);
    nonce.current += 1;
    setFocusRequest({ layer, nonce: nonce.current });
    setScreen('inventory');
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isMod(event) || event.altKey) return;
      // A modal dialog owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      const index = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : -1;
      if (index >= 0 && index < SCREENS.length && !event.shiftKey) {
        const target = SCREENS[index];
        if (!target) return;
        event.preventDefault();
        // Leaving the screen unmounts its fields without a blur: save the one being typed in first.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        setScreen(target.id);
        window.requestAnimationFrame(() => document.getElementById(tabId(target.id))?.focus());
        return;
      }
      if (key !== 'z' && key !== 'y') return;
      // Unsaved typing in a field belongs to the browser's own text undo.
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.dataset.dirty === 'true') return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) void redo();
      else void undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  return (
    <SafetyActionsContext.Provider value={safetyActions}>
    <PlanningProvider active={PLANNING_SCREENS.has(screen)} onShowRoadmap={showRoadmap}>
      {csvImport && <CsvImportDialog kind={csvImport} onClose={() => setCsvImport(null)} />}
      <BaselineProvider>
      <div className="shell">
        <ScreenTabs tabs={SCREENS} current={screen} onSelect={setScreen} />
        <main className="main">
          <div role="tabpanel" id={panelId(screen)} aria-labelledby={tabId(screen)} className="panel-host">
            {screen === 'pyramid' && <PyramidScreen onOpenLayer={openLayer} />}
            {screen === 'inventory' && <InventoryScreen filter={filter} onFilter={setFilter} focusRequest={focusRequest} />}
            {screen === 'headcount' && <HeadcountScreen />}
            {screen === 'roles' && <RolesScreen />}
            {screen === 'roadmap' && <RoadmapScreen />}
            {screen === 'timeline' && <TimelineScreen />}
            {screen === 'hiring' && <HiringScreen />}
            {screen === 'warnings' && <WarningsScreen />}
            {screen === 'progress' && <ProgressScreen />}
          </div>
        </main>
      </div>
      </BaselineProvider>
    </PlanningProvider>
    </SafetyActionsContext.Provider>
  );
}
