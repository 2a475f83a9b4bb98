import { join } from 'node:path';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { plan } from '../../../src/core/planner';
import { snapshotOf } from '../../../src/core/progress/baseline';
import { loadPlanInput, type WritableWorkspace } from '../../../src/storage';
import { open } from '../storage/helpers';

export const TODAY = '2027-01-10';
export const EXPORTED = new Date(Date.UTC(2027, 0, 10, 12, 0));

/**
 * The demo organisation (as `groundwork demo` writes it) plus work items and a second scenario,
 * with some history of progress: everything Workspace JSON carries.
 */
export function demoWorkspace(dir: string, name = 'demo.groundwork'): WritableWorkspace {
  const ws = open(join(dir, name));
  ws.seed(buildDemoOrganisation(TODAY));
  ws.createWorkItem({
    id: 'wi-orchestration',
    title: 'Orchestrate the nightly loads',
    capabilityId: 'orchestration',
    fromMaturity: 0,
    toMaturity: 2,
    durationWeeks: 6,
    demand: { 'platform-engineer': 1, 'data-engineer': 1 },
    status: 'planned',
  });
  ws.createWorkItem({
    id: 'wi-quality',
    title: 'Data quality tests on the warehouse',
    capabilityId: 'data-quality-tests',
    fromMaturity: 0,
    toMaturity: 1,
    durationWeeks: 4,
    demand: { 'data-engineer': 1 },
    predecessors: ['wi-orchestration'],
    releaseDate: '2027-03-01',
    status: 'proposed',
    notes: 'after the loads are scheduled — “quotes” too',
  });
  ws.createWorkItem({ title: 'Migrate the dashboards', durationWeeks: 3, predecessors: ['wi-quality'] });
  ws.updateWorkItem('wi-orchestration', { status: 'in_progress', pinnedStart: '2027-01-11', actualStart: '2027-01-12' });
  ws.createScenario({
    id: 'lean',
    name: 'Lean',
    startDate: '2027-04-01',
    horizonQuarters: 6,
    targetLayer: 'aggregate_label',
    targetDate: '2028-06-30',
    hiringBudgetPerQuarter: 150000,
    maxHiresPerQuarter: 1,
    gateThreshold: 0.6,
    leadTimeWeeks: 12,
    rampUpWeeks: 6,
    salaries: { 'ml-engineer': 160000, 'data-engineer': 125000.5 },
    runShare: 0.3,
    borrowed: [{ roleId: 'software-engineer', fte: 0.5, startDate: '2027-05-03', weeks: 6, note: 'Checkout squad' }],
  });
  ws.setSettings({ fiscalYearStartMonth: 4, currency: 'EUR' });
  const { input } = loadPlanInput(ws, { today: TODAY, asOf: TODAY });
  ws.createBaseline({ id: 'bl-first', name: 'First plan as approved', scenarioId: input.scenario.id, snapshot: snapshotOf(plan(input), input.people, input.capabilities), createdAt: '2027-01-10T12:00:00.000Z' });
  return ws;
}
