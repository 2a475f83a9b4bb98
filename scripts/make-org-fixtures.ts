/**
 * Writes tests/fixtures/organisations/*.json: organisations of many shapes as Workspace JSON, each
 * with the advice a head of data would give asserted in tests/unit/core/planner/organisations.test.ts.
 *
 *   npx tsx scripts/make-org-fixtures.ts
 *
 * The files are committed (they are what the tests read, and a lead can import any of them with
 * `groundwork import-json`); this script is how they were made, so a shape can be changed by
 * editing its spec below and running it again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOG_CAPABILITIES, capabilityFromCatalog } from '../src/core/domain/catalog/capabilities';
import { CATALOG_ROLES, roleFromCatalog } from '../src/core/domain/catalog/roles';
import type { Maturity } from '../src/core/domain/maturity';
import { defaultScenario, type Scenario, type WorkItem } from '../src/core/domain/planning';
import type { Person, PersonStatus } from '../src/core/domain/types';
import { buildWorkspaceJson, formatWorkspaceJson } from '../src/core/workspace-json';

const TODAY = '2026-12-01';
const folder = fileURLToPath(new URL('../tests/fixtures/organisations', import.meta.url));

interface Spec {
  readonly file: string;
  readonly name: string;
  /** Capability id → [current, target]; others at 0 aiming at the catalog's default target. */
  readonly maturity?: Readonly<Record<string, readonly [number, number]>>;
  /** Everything on layers up to this level at its default target already. */
  readonly matureUpTo?: number;
  readonly people: readonly (readonly [name: string, roleId: string, status?: PersonStatus, start?: string | null, end?: string | null, fte?: number])[];
  readonly scenario?: Partial<Scenario>;
  readonly workItems?: readonly WorkItem[];
}

const LEVEL: Record<string, number> = { collect: 0, move_store: 1, explore_transform: 2, aggregate_label: 3, learn_optimize: 4, ai: 5 };

const specs: Spec[] = [
  {
    file: 'zero-budget-two-engineers.json',
    name: 'Two data engineers, no hiring budget',
    people: [
      ['Rosa', 'data-engineer', 'on_staff', '2023-02-01'],
      ['Sam', 'data-engineer', 'on_staff', '2024-06-01'],
    ],
    scenario: { targetLayer: 'aggregate_label', hiringBudgetPerQuarter: 0 },
  },
  {
    file: 'leaver.json',
    name: 'A data engineer leaves mid-plan',
    maturity: { 'event-instrumentation': [2, 3], 'application-logging': [2, 2], 'operational-data-capture': [1, 2], 'external-data': [1, 2] },
    people: [
      ['Kai', 'data-engineer', 'on_staff', '2022-01-10', '2027-05-31'],
      ['Lin', 'data-engineer', 'on_staff', '2023-03-01'],
      ['Mo', 'software-engineer', 'on_staff', '2021-09-01'],
      ['Noor', 'analytics-engineer', 'on_staff', '2024-01-15'],
      ['Oli', 'data-analyst', 'on_staff', '2023-05-01'],
      ['Pia', 'platform-engineer', 'on_staff', '2022-07-01'],
    ],
    scenario: { targetLayer: 'aggregate_label' },
  },
  {
    file: 'little-software-work.json',
    name: 'Analytics team with a few weeks of instrumentation to do',
    maturity: {
      'event-instrumentation': [2, 3],
      'application-logging': [2, 2],
      'operational-data-capture': [2, 2],
      'external-data': [2, 2],
      'batch-ingestion': [2, 3],
      warehouse: [2, 3],
      'data-lake': [2, 2],
      orchestration: [2, 3],
      'infrastructure-as-code': [3, 3],
      'access-controls': [2, 3],
    },
    people: [
      ['Ana', 'data-engineer', 'on_staff', '2022-01-10'],
      ['Ben', 'data-engineer', 'on_staff', '2023-03-01'],
      ['Cleo', 'analytics-engineer', 'on_staff', '2024-01-15'],
      ['Dev', 'data-analyst', 'on_staff', '2023-05-01'],
      ['Eli', 'data-analyst', 'on_staff', '2023-09-01'],
    ],
    scenario: { targetLayer: 'aggregate_label' },
  },
  {
    file: 'existing-requisitions.json',
    name: 'Two requisitions already open for next quarter',
    people: [
      ['Fay', 'data-engineer', 'on_staff', '2022-01-10'],
      ['Gus', 'software-engineer', 'on_staff', '2021-01-10'],
      ['Data engineer (req 1)', 'data-engineer', 'open_req', '2027-02-15'],
      ['Platform engineer (req 2)', 'platform-engineer', 'open_req', '2027-03-01'],
    ],
    scenario: {
      targetLayer: 'explore_transform',
      targetDate: '2027-12-31',
      maxHiresPerQuarter: 2,
      hiringBudgetPerQuarter: 250_000,
      salaries: { 'data-engineer': 120_000, 'platform-engineer': 125_000, 'analytics-engineer': 110_000, 'software-engineer': 115_000 },
    },
  },
  {
    file: 'analytics-only.json',
    name: 'Analytics is the goal',
    maturity: { 'event-instrumentation': [2, 3], 'batch-ingestion': [2, 3], warehouse: [2, 3] },
    people: [
      ['Hana', 'data-engineer', 'on_staff', '2022-01-10'],
      ['Ivo', 'data-engineer', 'on_staff', '2023-01-10'],
      ['Jo', 'analytics-engineer', 'on_staff', '2023-06-01'],
      ['Kit', 'data-analyst', 'on_staff', '2024-02-01'],
      ['Lou', 'software-engineer', 'on_staff', '2020-02-01'],
      ['Max', 'platform-engineer', 'on_staff', '2022-02-01'],
    ],
    scenario: { targetLayer: 'aggregate_label', maxHiresPerQuarter: 1, hiringBudgetPerQuarter: 130_000, salaries: { 'data-engineer': 120_000, 'data-scientist': 140_000, 'analytics-engineer': 110_000 } },
  },
  {
    file: 'ai-ready-ml-requisition.json',
    name: 'Ready for AI, with an ML engineer on the way',
    matureUpTo: 4,
    maturity: { 'model-serving': [0, 2], 'model-monitoring': [0, 2], 'continuous-training': [0, 1], 'ml-pipeline-cicd': [0, 2], 'safe-rollout': [0, 2] },
    people: [
      ['Nia', 'data-engineer', 'on_staff', '2021-01-10'],
      ['Oto', 'data-engineer', 'on_staff', '2022-01-10'],
      ['Pat', 'platform-engineer', 'on_staff', '2021-06-01'],
      ['Quin', 'software-engineer', 'on_staff', '2021-06-01'],
      ['Ray', 'data-scientist', 'on_staff', '2023-01-10'],
      ['Sol', 'data-scientist', 'on_staff', '2023-06-10'],
      ['ML engineer (open requisition)', 'ml-engineer', 'open_req', '2027-01-18'],
    ],
    scenario: { targetLayer: 'ai' },
  },
  {
    file: 'idle-roles.json',
    name: 'Analysts and software engineers with time on their hands',
    maturity: {
      'event-instrumentation': [3, 3],
      'application-logging': [2, 2],
      'operational-data-capture': [2, 2],
      'external-data': [2, 2],
      'batch-ingestion': [3, 3],
      warehouse: [3, 3],
      'data-lake': [2, 2],
      orchestration: [3, 3],
      'infrastructure-as-code': [3, 3],
      'transformation-layer': [1, 3],
      'data-quality-tests': [1, 3],
      'data-observability': [2, 2],
      'analysis-access': [3, 3],
      'access-controls': [3, 3],
      'metric-definitions': [1, 3],
      'bi-dashboards': [2, 3],
      segmentation: [1, 2],
    },
    people: [
      ['Tia', 'data-analyst', 'on_staff', '2021-01-10'],
      ['Uma', 'data-analyst', 'on_staff', '2022-01-10'],
      ['Vic', 'data-analyst', 'on_staff', '2022-01-10'],
      ['Wes', 'data-engineer', 'on_staff', '2020-01-10'],
      ['Xan', 'software-engineer', 'on_staff', '2020-01-10'],
    ],
    scenario: { targetLayer: 'aggregate_label' },
  },
  {
    file: 'data-scientists-first.json',
    name: 'Three data scientists and no foundations (the classic mistake)',
    maturity: { 'event-instrumentation': [1, 3], warehouse: [1, 3], 'batch-ingestion': [1, 3] },
    people: [
      ['Yas', 'data-scientist', 'on_staff', '2025-01-10'],
      ['Zed', 'data-scientist', 'on_staff', '2025-03-10'],
      ['Abe', 'data-scientist', 'on_staff', '2025-06-10'],
    ],
    scenario: { targetLayer: 'learn_optimize' },
  },
  {
    file: 'empty-team.json',
    name: 'A head of data and nobody else yet',
    people: [],
    scenario: { targetLayer: 'aggregate_label' },
  },
  {
    file: 'tight-budget.json',
    name: 'A tight budget with salaries',
    maturity: { 'event-instrumentation': [1, 3], warehouse: [1, 3], 'batch-ingestion': [1, 3], orchestration: [0, 3] },
    people: [
      ['Bea', 'data-engineer', 'on_staff', '2022-01-10'],
      ['Cal', 'software-engineer', 'on_staff', '2022-01-10'],
      ['Dot', 'data-analyst', 'on_staff', '2022-01-10'],
    ],
    scenario: {
      targetLayer: 'explore_transform',
      maxHiresPerQuarter: 3,
      hiringBudgetPerQuarter: 130_000,
      salaries: { 'data-engineer': 120_000, 'platform-engineer': 125_000, 'analytics-engineer': 110_000, 'software-engineer': 115_000, 'data-analyst': 90_000 },
    },
  },
];

function build(spec: Spec) {
  const scenario = { ...defaultScenario(TODAY), ...spec.scenario };
  const capabilities = CATALOG_CAPABILITIES.map((entry) => {
    const c = capabilityFromCatalog(entry);
    const given = spec.maturity?.[entry.id];
    if (given) return { ...c, currentMaturity: given[0] as Maturity, targetMaturity: given[1] as Maturity };
    if (spec.matureUpTo !== undefined && LEVEL[entry.layer]! <= spec.matureUpTo) return { ...c, currentMaturity: c.targetMaturity };
    return c;
  });
  const people: Person[] = spec.people.map(([name, roleId, status = 'on_staff', start = null, end = null, fte = 1], i) => ({
    id: `p${i + 1}`,
    name,
    roleId,
    fte,
    status,
    startDate: start,
    endDate: end,
  }));
  const doc = buildWorkspaceJson(
    {
      organisation: { name: spec.name },
      capabilities,
      roles: CATALOG_ROLES.map(roleFromCatalog),
      people,
      workItems: spec.workItems ?? [],
      scenarios: [scenario],
      history: [],
      settings: { fiscalYearStartMonth: 1, currency: 'EUR' },
      baselines: [],
    },
    '2026-12-01T09:00:00.000Z',
  );
  return formatWorkspaceJson(doc);
}

for (const spec of specs) writeFileSync(`${folder}/${spec.file}`, build(spec));
console.log(`wrote ${specs.length} organisations to tests/fixtures/organisations/`);
