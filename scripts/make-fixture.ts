/**
 * Writes tests/fixtures/workspaces/v<N>.groundwork: a small but complete workspace at the newest
 * schema version N, for the "migrate an older file" tests of every later version.
 *
 *   npx tsx scripts/make-fixture.ts
 *
 * Run it once, when a new schema version is released (a new migrations/NNN_*.sql), and commit
 * the file. It refuses to overwrite an existing fixture: a released version's file must stay as
 * that version wrote it, or the tests would no longer prove that old files open.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { plan } from '../src/core/planner';
import { snapshotOf } from '../src/core/progress/baseline';
import { latestVersion, loadPlanInput, openWorkspace, readMigrations } from '../src/storage';

const root = fileURLToPath(new URL('..', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
const folder = fileURLToPath(new URL('../tests/fixtures/workspaces', import.meta.url));
const version = latestVersion(readMigrations(migrationsDir));
const target = `${folder}/v${version}.groundwork`;

if (existsSync(target)) {
  console.error(`${target} exists; a released schema's fixture is never rewritten.`);
  process.exit(1);
}
mkdirSync(folder, { recursive: true });

// A fixed clock, one minute per write, so the history rows are predictable.
let minute = 0;
const now = () => new Date(Date.UTC(2026, 0, 5, 9, minute++));

const workspace = openWorkspace(target, { migrationsDir, now });
try {
  workspace.seed({
    organisation: { name: `Fixture Org — schema ${version}` },
    roles: [
      {
        id: 'data_engineer',
        name: 'Data engineer',
        description: 'Builds and runs pipelines.',
        builds: ['move_store', 'collect'],
        prerequisites: [],
        needsFoundations: false,
        fromCatalog: true,
      },
      {
        id: 'ml_engineer',
        name: 'ML engineer',
        description: 'Ships models to production.',
        builds: ['ai', 'learn_optimize'],
        prerequisites: [
          { kind: 'capability', capabilityId: 'orchestration', minMaturity: 2 },
          { kind: 'layer', layer: 'move_store', minReadiness: 0.75 },
        ],
        needsFoundations: true,
        fromCatalog: true,
      },
    ],
    capabilities: [
      {
        id: 'event_instrumentation',
        name: 'Event instrumentation',
        layer: 'collect',
        description: 'Product events.',
        currentMaturity: 1,
        targetMaturity: 3,
        owner: 'Ada',
        tools: 'Snowplow',
        notes: 'ad hoc — “mostly” works',
        fromCatalog: true,
      },
      { id: 'warehouse', name: 'Warehouse', layer: 'move_store', currentMaturity: 2, targetMaturity: 3, fromCatalog: true },
      { id: 'orchestration', name: 'Orchestration', layer: 'move_store', currentMaturity: 0, targetMaturity: 3, fromCatalog: true },
    ],
    people: [
      { id: 'p-ada', name: 'Ada', roleId: 'data_engineer', fte: 1, status: 'on_staff', startDate: '2024-03-01', endDate: null },
      { id: 'p-ml-req', name: 'ML engineer (open req)', roleId: 'ml_engineer', fte: 1, status: 'open_req' },
    ],
  });
  const custom = workspace.createCapability({
    id: 'custom-feature-store',
    name: 'Feature store',
    layer: 'aggregate_label',
    currentMaturity: 0,
    targetMaturity: 2,
  });
  workspace.updateCapability('orchestration', { currentMaturity: 1 });
  workspace.updateCapability(custom.id, { notes: 'not a history event' });
  workspace.updatePerson('p-ada', { fte: 0.8 });
  const temp = workspace.createPerson({ id: 'p-temp', name: 'Contractor', roleId: 'data_engineer', fte: 0.5, status: 'planned', startDate: '2026-02-01', endDate: '2026-06-30' });
  workspace.deletePerson(temp.id);

  // Schema 2: scenarios and work items (the default scenario was inserted when the file was created).
  workspace.updateScenario('default', { startDate: '2026-04-01', hiringBudgetPerQuarter: 250000, salaries: { data_engineer: 120000 } });
  workspace.createScenario({
    id: 'lean',
    name: 'Lean',
    startDate: '2026-04-01',
    horizonQuarters: 4,
    targetLayer: 'move_store',
    targetDate: '2026-12-31',
    hiringBudgetPerQuarter: 0,
    maxHiresPerQuarter: 0,
    gateThreshold: 0.5,
    leadTimeWeeks: 8,
    rampUpWeeks: 4,
    salaries: {},
  });
  workspace.createWorkItem({
    id: 'wi-orchestrate',
    title: 'Schedule the pipelines',
    capabilityId: 'orchestration',
    fromMaturity: 1,
    toMaturity: 2,
    durationWeeks: 6,
    demand: { data_engineer: 1 },
    status: 'planned',
  });
  workspace.createWorkItem({
    id: 'wi-features',
    title: 'First feature tables',
    capabilityId: 'custom-feature-store',
    fromMaturity: 0,
    toMaturity: 1,
    durationWeeks: 4,
    demand: { data_engineer: 1, ml_engineer: 1 },
    predecessors: ['wi-orchestrate'],
    releaseDate: '2026-07-01',
    status: 'proposed',
    notes: 'after orchestration',
  });
  workspace.updateWorkItem('wi-orchestrate', { status: 'in_progress', pinnedStart: '2026-04-06' });

  if (version >= 3) {
    // Schema 3: actual dates, run-work share and borrowed people, settings, a baseline.
    workspace.updateWorkItem('wi-orchestrate', { actualStart: '2026-04-08' });
    workspace.createWorkItem({
      id: 'wi-warehouse-docs',
      title: 'Document the warehouse',
      capabilityId: 'warehouse',
      fromMaturity: 2,
      toMaturity: 3,
      durationWeeks: 3,
      demand: { data_engineer: 1 },
      status: 'done',
      actualStart: '2026-03-02',
      actualFinish: '2026-03-27',
    });
    workspace.updateScenario('lean', { runShare: 0.3, borrowed: [{ roleId: 'data_engineer', fte: 0.5, startDate: '2026-05-04', weeks: 6, note: 'Checkout squad' }] });
    workspace.setSettings({ fiscalYearStartMonth: 4, currency: 'EUR' });
    const input = loadPlanInput(workspace, { today: '2026-04-01', asOf: '2026-04-01' });
    workspace.createBaseline({ id: 'bl-q2', name: '2026-Q2 plan as approved', scenarioId: 'default', snapshot: snapshotOf(plan(input.input), input.input.people, input.input.capabilities) });
  }
  if (version >= 4) {
    // Schema 4: capability_days keeps the day's last maturity change (two target changes today: the second stays).
    workspace.updateCapability('orchestration', { targetMaturity: 4 });
    workspace.updateCapability('orchestration', { targetMaturity: 3 });
  }
} finally {
  workspace.close();
}
console.log(`wrote ${target.replace(`${root}`, '')} (schema ${version})`);
