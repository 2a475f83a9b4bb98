import { CATALOG_CAPABILITIES, capabilityFromCatalog } from './catalog/capabilities';
import { CATALOG_ROLES, roleFromCatalog } from './catalog/roles';
import { isIsoDate } from './catalog/integrity';
import type { Maturity } from './maturity';
import type { WorkspaceSeed } from './catalog/starter';
import type { Capability, Person } from './types';

export type DemoOrganisation = WorkspaceSeed;

interface DemoState {
  readonly current: Maturity;
  readonly target?: Maturity;
  readonly owner?: string;
  readonly tools?: string;
  readonly notes?: string;
}

/*
 * Northwind Commerce: an online retailer of ~400 people. Dashboards exist and analysts are busy,
 * but product events are collected ad hoc, the warehouse is loaded by scripts someone runs by
 * hand, nothing orchestrates them and nothing tracks experiments — and leadership has opened a
 * requisition for an ML engineer to "do recommendations". Every catalog capability is listed, so
 * the demo shows the whole pyramid.
 */
const DEMO_STATE: Readonly<Record<string, DemoState>> = {
  'event-instrumentation': {
    current: 1,
    owner: 'Tomás Ortega',
    tools: 'Segment (web only), hand-written events in the apps',
    notes: 'Events are added by whichever squad needs them; "checkout_completed" has four spellings across web and apps.',
  },
  'application-logging': { current: 2, owner: 'Tomás Ortega', tools: 'Datadog Logs', notes: 'Structured JSON logs, 15 days retention.' },
  'operational-data-capture': {
    current: 1,
    owner: 'Kwame Mensah',
    tools: 'PostgreSQL read replica, pg_dump',
    notes: 'Orders and customers are dumped nightly from the replica; other tables on request.',
  },
  'sensor-feeds': { current: 0, notes: 'No devices: not needed.' },
  'external-data': { current: 1, owner: 'Priya Raman', tools: 'Google Ads and Meta CSV exports', notes: 'Marketing spend downloaded by hand for the monthly report.' },
  'batch-ingestion': {
    current: 1,
    owner: 'Kwame Mensah',
    tools: 'Python scripts',
    notes: 'Run by hand from Kwame\'s laptop each morning; when he is on holiday the dashboards go stale.',
  },
  'streaming-ingestion': { current: 0, notes: 'No real-time use case yet.' },
  warehouse: {
    current: 2,
    owner: 'Kwame Mensah',
    tools: 'Snowflake',
    notes: 'Main sources loaded and the schemas documented in a wiki page; no cost monitoring.',
  },
  'data-lake': { current: 1, owner: 'Kwame Mensah', tools: 'S3', notes: 'One bucket of raw exports with no agreed layout.' },
  orchestration: { current: 0, notes: 'Nothing schedules the pipelines.' },
  'infrastructure-as-code': { current: 1, owner: 'Lena Fischer', tools: 'AWS console', notes: 'The product platform is in Terraform; the data stack was clicked together.' },
  'transformation-layer': { current: 1, owner: 'Priya Raman', tools: 'Snowflake views', notes: 'About 60 views, copied and edited between dashboards.' },
  'data-quality-tests': { current: 0, notes: 'Problems are found when a number in the weekly review looks wrong.' },
  'data-observability': { current: 0 },
  'analysis-access': { current: 2, owner: 'Priya Raman', tools: 'Metabase SQL, Jupyter', notes: 'Analysts have read access to the warehouse.' },
  'access-controls': { current: 1, owner: 'Lena Fischer', notes: 'One shared analyst login; customer e-mail addresses are visible to everyone with access.' },
  'metric-definitions': {
    current: 1,
    owner: 'Priya Raman',
    notes: 'Revenue is computed three ways (gross, net of returns, net of vouchers) depending on the dashboard.',
  },
  'bi-dashboards': { current: 2, owner: 'Priya Raman', tools: 'Metabase', notes: 'About 40 dashboards, refreshed daily; nobody knows which are still used.' },
  segmentation: { current: 1, owner: 'Jonas Berg', tools: 'Metabase, spreadsheets', notes: 'Customer segments rebuilt by hand for each campaign.' },
  'feature-store': { current: 0 },
  'training-data': { current: 0 },
  'ab-testing': {
    current: 1,
    owner: 'Aisha Bello',
    tools: 'LaunchDarkly flags, spreadsheets',
    notes: 'Flag splits compared in a spreadsheet after launch; no power analysis.',
  },
  'experiment-tracking': { current: 0 },
  'baseline-models': { current: 0 },
  'model-validation': { current: 0 },
  'ml-ci': { current: 0 },
  'model-serving': { current: 0 },
  'model-monitoring': { current: 0 },
  'continuous-training': { current: 0 },
  'ml-pipeline-cicd': { current: 0 },
  'safe-rollout': { current: 0 },
};

/**
 * The demo organisation, dated relative to `today` (ISO `YYYY-MM-DD`): the staff started in the
 * past and the ML engineer's requisition starts six weeks from today, so the demo looks the same
 * whenever it is opened.
 */
export function buildDemoOrganisation(today: string): DemoOrganisation {
  if (!isIsoDate(today)) throw new RangeError(`today: "${today}" is not an ISO date (YYYY-MM-DD)`);

  const capabilities = CATALOG_CAPABILITIES.map((entry): Capability => {
    const base = capabilityFromCatalog(entry);
    const state = DEMO_STATE[entry.id];
    if (!state) return base;
    return {
      ...base,
      currentMaturity: state.current,
      targetMaturity: state.target ?? entry.defaultTarget,
      owner: state.owner ?? '',
      tools: state.tools ?? '',
      notes: state.notes ?? '',
    };
  });

  const roles = CATALOG_ROLES.map(roleFromCatalog);

  const onStaff = (id: string, name: string, roleId: string, daysAgo: number, fte = 1): Person => ({
    id,
    name,
    roleId,
    fte,
    status: 'on_staff',
    startDate: addDays(today, -daysAgo),
    endDate: null,
  });
  const people: Person[] = [
    onStaff('demo-priya-raman', 'Priya Raman', 'data-analyst', 4 * 365 + 30),
    onStaff('demo-jonas-berg', 'Jonas Berg', 'data-analyst', 2 * 365 + 120),
    onStaff('demo-aisha-bello', 'Aisha Bello', 'data-analyst', 300, 0.8),
    onStaff('demo-kwame-mensah', 'Kwame Mensah', 'data-engineer', 3 * 365 + 60),
    onStaff('demo-tomas-ortega', 'Tomás Ortega', 'software-engineer', 5 * 365),
    onStaff('demo-lena-fischer', 'Lena Fischer', 'software-engineer', 2 * 365, 0.5),
    {
      id: 'demo-ml-engineer-req',
      name: 'ML engineer (open requisition)',
      roleId: 'ml-engineer',
      fte: 1,
      status: 'open_req',
      startDate: addDays(today, 6 * 7),
      endDate: null,
    },
  ];

  return { organisation: { name: 'Northwind Commerce' }, capabilities, roles, people };
}

function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}
