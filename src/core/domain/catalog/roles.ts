import type { Role } from '../types';

/** A role of the built-in catalog, with what the planner needs to know beyond the stored role. */
export interface CatalogRole extends Omit<Role, 'fromCatalog'> {
  /**
   * Typical weeks from a hire's first day to being productive on this team. The planner adds it to
   * a hire's start before checking the role's prerequisites; a scenario may override it.
   */
  readonly rampUpWeeks: number;
  /** Who else can do this role's work, more slowly (CATALOG.md, "Who else can do the work"). */
  readonly standIns: readonly StandIn[];
}

/** Someone in another role doing a role's work at a share of the specialist's speed. */
export interface StandIn {
  readonly roleId: string;
  /** Share of the specialist's speed, in (0, 1]: 0.6 means 10 weeks of work take about 17. */
  readonly efficiency: number;
  /** Only on these catalog capabilities; on all of the role's work when absent. */
  readonly capabilities?: readonly string[];
}

/*
 * Stand-ins follow CATALOG.md's table of who else can do a role's work (efficiency = share of the
 * specialist's speed). The planner uses them before it proposes a hire, and says so.
 *
 * Prerequisites follow CATALOG.md's table, with one change: a data analyst needs only *basic*
 * metric definitions (maturity 1), because analysts are how most companies get to 2. Every
 * capability a role needs can be built by roles that do not themselves wait for it, so the
 * planner can always climb (tests/unit/core/domain/catalog.test.ts checks this).
 */
const COLLECT_WORK = ['event-instrumentation', 'application-logging', 'operational-data-capture', 'sensor-feeds'];

export const CATALOG_ROLES: readonly CatalogRole[] = [
  {
    id: 'data-analyst',
    name: 'Data analyst',
    description:
      'Answers business questions with data: builds dashboards, reports and segments, and turns metric definitions into decisions.',
    builds: ['aggregate_label', 'collect'],
    prerequisites: [
      { kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'metric-definitions', minMaturity: 1 },
    ],
    needsFoundations: false,
    rampUpWeeks: 6,
    standIns: [{ roleId: 'analytics-engineer', efficiency: 0.8 }, { roleId: 'data-scientist', efficiency: 0.7 }],
  },
  {
    id: 'statistician',
    name: 'Statistician',
    description:
      'Designs and analyses experiments and surveys with sound statistics, so that product and marketing decisions rest on evidence rather than noise.',
    builds: ['learn_optimize'],
    prerequisites: [
      { kind: 'capability', capabilityId: 'metric-definitions', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'event-instrumentation', minMaturity: 2 },
    ],
    needsFoundations: false,
    rampUpWeeks: 6,
    standIns: [{ roleId: 'data-scientist', efficiency: 0.8 }],
  },
  {
    id: 'analytics-engineer',
    name: 'Analytics engineer',
    description:
      'Turns raw data in the warehouse into clean, tested, documented models and the metrics layer that analysts and scientists build on.',
    builds: ['explore_transform', 'aggregate_label'],
    prerequisites: [
      { kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'batch-ingestion', minMaturity: 2 },
    ],
    needsFoundations: false,
    rampUpWeeks: 6,
    standIns: [
      { roleId: 'data-engineer', efficiency: 0.7 },
      { roleId: 'data-analyst', efficiency: 0.5, capabilities: ['metric-definitions', 'bi-dashboards'] },
    ],
  },
  {
    id: 'data-engineer',
    name: 'Data engineer',
    description:
      'Collects, moves and stores data reliably: ingestion pipelines, the warehouse and lake, orchestration, and the checks that keep them healthy.',
    builds: ['move_store', 'collect', 'explore_transform'],
    prerequisites: [],
    needsFoundations: false,
    rampUpWeeks: 8,
    standIns: [
      { roleId: 'analytics-engineer', efficiency: 0.5, capabilities: ['batch-ingestion', 'warehouse'] },
      { roleId: 'platform-engineer', efficiency: 0.5, capabilities: ['orchestration', 'data-lake'] },
    ],
  },
  {
    id: 'software-engineer',
    name: 'Software engineer',
    description:
      'Instruments the product and its services so that events, logs and operational data exist at all, and builds the services models are served from.',
    builds: ['collect', 'ai'],
    prerequisites: [],
    needsFoundations: false,
    rampUpWeeks: 6,
    standIns: [
      // Instrumentation and logging; product code beyond that stays with software engineers.
      { roleId: 'data-engineer', efficiency: 0.6, capabilities: COLLECT_WORK },
      { roleId: 'platform-engineer', efficiency: 0.5, capabilities: COLLECT_WORK },
    ],
  },
  {
    id: 'platform-engineer',
    name: 'Platform / DevOps engineer',
    description:
      'Provides the infrastructure the data stack runs on: compute, infrastructure as code, access control, deployment and serving platforms.',
    builds: ['move_store', 'ai', 'explore_transform'],
    prerequisites: [],
    needsFoundations: false,
    rampUpWeeks: 6,
    standIns: [{ roleId: 'software-engineer', efficiency: 0.6 }, { roleId: 'data-engineer', efficiency: 0.5 }],
  },
  {
    id: 'data-scientist',
    name: 'Data scientist',
    description:
      'Builds statistical and machine-learning models that predict or optimise. Pays off only when clean, tested, well-defined data is already there to learn from.',
    builds: ['learn_optimize', 'aggregate_label'],
    prerequisites: [
      { kind: 'capability', capabilityId: 'warehouse', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'transformation-layer', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'data-quality-tests', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'metric-definitions', minMaturity: 2 },
    ],
    needsFoundations: true,
    rampUpWeeks: 10,
    standIns: [
      { roleId: 'ml-engineer', efficiency: 0.7 },
      { roleId: 'statistician', efficiency: 0.5, capabilities: ['baseline-models'] },
    ],
  },
  {
    id: 'ml-engineer',
    name: 'ML engineer',
    description:
      'Takes models to production and keeps them healthy: features, pipelines, serving, monitoring and continuous training. Without pipelines, tracking and a serving path the model ships "on stilts".',
    builds: ['ai', 'learn_optimize', 'aggregate_label'],
    prerequisites: [
      { kind: 'capability', capabilityId: 'orchestration', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'training-data', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'experiment-tracking', minMaturity: 2 },
      { kind: 'capability', capabilityId: 'model-serving', minMaturity: 1 },
      // Models depend on every pipeline below them, so the whole move/store layer must be halfway.
      { kind: 'layer', layer: 'move_store', minReadiness: 0.5 },
    ],
    needsFoundations: true,
    rampUpWeeks: 12,
    standIns: [
      { roleId: 'data-scientist', efficiency: 0.5 },
      { roleId: 'platform-engineer', efficiency: 0.5, capabilities: ['model-serving'] },
    ],
  },
];

const BY_ID = new Map<string, CatalogRole>(CATALOG_ROLES.map((r) => [r.id, r]));

export function catalogRole(id: string): CatalogRole | undefined {
  return BY_ID.get(id);
}

/** The stored form of a catalog role (the ramp-up stays in the catalog). */
export function roleFromCatalog(entry: CatalogRole): Role {
  return {
    id: entry.id,
    name: entry.name,
    description: entry.description,
    builds: entry.builds,
    prerequisites: entry.prerequisites,
    needsFoundations: entry.needsFoundations,
    fromCatalog: true,
  };
}
