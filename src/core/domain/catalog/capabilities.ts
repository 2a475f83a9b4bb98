import type { LayerId } from '../layers';
import type { Maturity } from '../maturity';
import type { Capability } from '../types';
import type { Goal } from '../goals';

/** What levels 1–4 look like for one capability, where the generic rubric is too abstract. */
export type LevelNotes = Readonly<Partial<Record<Exclude<Maturity, 0>, string>>>;

/**
 * How much work it takes to raise a capability by one maturity level: the weeks one step runs and
 * the people per role (role catalog ids) it holds while it runs. Whole numbers, because the
 * scheduling engine (SCHEDULE-JSON.md) takes integer durations and demands.
 */
export interface CapabilityEstimate {
  readonly weeksPerLevel: number;
  readonly roles: Readonly<Record<string, number>>;
}

export interface CatalogCapability {
  /** Kebab-case key; catalog capabilities keep it as their id in a workspace. */
  readonly id: string;
  readonly name: string;
  /**
   * What the capability gives the business once it is built, as a lead names it to leadership
   * ("Warehouse you can trust"): the title of its initiative on the roadmap and in the report.
   */
  readonly outcome: string;
  readonly layer: LayerId;
  readonly description: string;
  /**
   * The target a typical mid-size company on its way to ML should set. 0 means "not needed by
   * default" (sensors, streaming): the capability is tracked but does not hold its layer back
   * until the lead raises the target.
   */
  readonly defaultTarget: Maturity;
  readonly levelNotes?: LevelNotes;
  readonly estimate: CapabilityEstimate;
  /** The goal that needs it (CATALOG.md): a scenario aiming below that goal neither gates on it nor proposes its work. */
  readonly goal: Goal;
}

/*
 * Sources for the list: Monica Rogati's AI hierarchy of needs (the layers); Sculley et al. 2015,
 * "Hidden Technical Debt in Machine Learning Systems", Figure 1; Google's MLOps levels 0–2;
 * Microsoft's MLOps maturity model; and the ML Test Score (Breck et al. 2017) sections.
 */
export const CATALOG_CAPABILITIES: readonly CatalogCapability[] = [
  // Collect
  {
    id: 'event-instrumentation',
    name: 'Event instrumentation',
    outcome: 'Product events you can count on',
    layer: 'collect',
    description:
      'A tracking plan for product events and the instrumentation that sends them, so user behaviour can be counted the same way everywhere.',
    defaultTarget: 3,
    levelNotes: {
      1: 'Events added by whoever needs them; names and properties differ between platforms.',
      2: 'A written tracking plan; events follow it and are reviewed with the feature.',
      3: 'Events are validated against the plan in CI and in production; breakages alert.',
      4: 'Teams add and version their own events through a self-service schema registry.',
    },
    estimate: { weeksPerLevel: 4, roles: { 'software-engineer': 1, 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'application-logging',
    name: 'Application and server logging',
    outcome: 'Logs you can analyse',
    layer: 'collect',
    description:
      'Structured logs from applications and servers, kept long enough to be analysed and not only grepped during incidents.',
    defaultTarget: 2,
    levelNotes: {
      1: 'Free-text logs on each server, rotated away within days.',
      2: 'Structured logs shipped to one place with a known retention.',
      3: 'Log schemas owned per service; log loss and volume are monitored.',
      4: 'Logs land in the warehouse as queryable tables any team can use.',
    },
    estimate: { weeksPerLevel: 3, roles: { 'software-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'operational-data-capture',
    name: 'Operational data and change-data capture',
    outcome: 'Operational data captured as it changes',
    layer: 'collect',
    description:
      'Getting the state of operational databases (orders, customers, stock) out without hurting production, ideally as a stream of changes.',
    defaultTarget: 2,
    levelNotes: {
      1: 'Someone queries a production replica or takes a dump by hand.',
      2: 'Scheduled extracts of the main tables, documented, with retries.',
      3: 'Change-data capture from the main databases, monitored for lag and schema changes.',
      4: 'New databases are captured by default; schema changes are negotiated as contracts.',
    },
    estimate: { weeksPerLevel: 4, roles: { 'data-engineer': 1, 'software-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'sensor-feeds',
    name: 'Sensor and IoT feeds',
    outcome: 'Sensor data flowing in',
    layer: 'collect',
    description:
      'Telemetry from devices, machines or vehicles, collected with timestamps and device identity. Only relevant where the business runs devices.',
    defaultTarget: 0,
    estimate: { weeksPerLevel: 6, roles: { 'software-engineer': 1, 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'external-data',
    name: 'External and third-party data',
    outcome: 'Outside data brought in reliably',
    layer: 'collect',
    description:
      'Data bought or pulled from outside: ad platforms, payment providers, market and weather data, partner feeds.',
    defaultTarget: 2,
    levelNotes: {
      1: 'CSV exports downloaded by hand when a report needs them.',
      2: 'Scheduled connectors for the important sources, with known owners and contracts.',
      3: 'Freshness and completeness of every feed are monitored; vendor changes are caught.',
    },
    estimate: { weeksPerLevel: 3, roles: { 'data-engineer': 1 } },
    goal: 'analytics',
  },

  // Move/Store
  {
    id: 'batch-ingestion',
    name: 'Batch ingestion (ETL/ELT)',
    outcome: 'Data loaded on schedule',
    layer: 'move_store',
    description:
      'Pipelines that load source data into the warehouse on a schedule, idempotently, so a failed run can simply be run again.',
    defaultTarget: 3,
    levelNotes: {
      1: 'Scripts run by hand or from one person\'s machine.',
      2: 'Scheduled loads with retries, documented sources and owners.',
      3: 'Loads are monitored for failures, lateness and volume; backfills are routine.',
      4: 'Teams add new sources themselves from templates or managed connectors.',
    },
    estimate: { weeksPerLevel: 4, roles: { 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'streaming-ingestion',
    name: 'Streaming ingestion',
    outcome: 'Data arriving as it happens',
    layer: 'move_store',
    description:
      'Moving events continuously (a log or queue such as Kafka or Kinesis) for uses that cannot wait for the nightly batch. Not needed by default.',
    defaultTarget: 0,
    estimate: { weeksPerLevel: 6, roles: { 'data-engineer': 1, 'platform-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'warehouse',
    name: 'Warehouse',
    outcome: 'Warehouse you can trust',
    layer: 'move_store',
    description:
      'One analytical database where the organisation\'s data lands and can be queried with SQL, separate from production systems.',
    defaultTarget: 3,
    levelNotes: {
      1: 'A read replica of production or a database someone set up for a project.',
      2: 'A real warehouse with the main sources loaded and documented schemas.',
      3: 'Owned, with access control, cost and performance monitoring and a data catalog.',
      4: 'Self-service: teams publish and find datasets without the data team.',
    },
    estimate: { weeksPerLevel: 5, roles: { 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'data-lake',
    name: 'Data lake / object store',
    outcome: 'Raw data kept and findable',
    layer: 'move_store',
    description:
      'Cheap storage for raw and unstructured data (files, images, full event history) in open formats, with a known layout and retention.',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 4, roles: { 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'orchestration',
    name: 'Orchestration of pipelines',
    outcome: 'Pipelines that run themselves',
    layer: 'move_store',
    description:
      'A scheduler that runs pipelines in dependency order, retries failures and shows what ran, when and why it failed (process management in Sculley et al.).',
    defaultTarget: 3,
    levelNotes: {
      1: 'Cron jobs on one machine.',
      2: 'A scheduler (Airflow, Dagster, Prefect…) with dependencies, retries and documentation.',
      3: 'Owned, monitored and alerting; failed runs are noticed and fixed within agreed times.',
      4: 'Self-service for other teams, with templates and shared conventions.',
    },
    estimate: { weeksPerLevel: 4, roles: { 'data-engineer': 1, 'platform-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'infrastructure-as-code',
    name: 'Compute and infrastructure as code',
    outcome: 'Infrastructure rebuilt from code',
    layer: 'move_store',
    description:
      'The machines, clusters and permissions the data stack runs on, declared in code and reproducible (machine resource management in Sculley et al.).',
    defaultTarget: 3,
    levelNotes: {
      1: 'Resources clicked together in a cloud console; nobody can rebuild them.',
      2: 'The main resources are in Terraform (or similar) and reviewed.',
      3: 'Everything is in code, with environments, cost tracking and alerting.',
      4: 'Teams provision what they need from vetted modules on their own.',
    },
    estimate: { weeksPerLevel: 4, roles: { 'platform-engineer': 1 } },
    goal: 'analytics',
  },

  // Explore/Transform
  {
    id: 'transformation-layer',
    name: 'Transformation and modelling layer',
    outcome: 'Clean, modelled tables',
    layer: 'explore_transform',
    description:
      'Versioned SQL models (dbt or similar) that clean raw data into well-named, tested tables everyone builds on.',
    defaultTarget: 3,
    levelNotes: {
      1: 'Views and ad-hoc queries in the warehouse, copied between reports.',
      2: 'Models in version control, reviewed, built on a schedule, with documentation.',
      3: 'Layered models with owners, tests and lineage; breaking changes are announced.',
      4: 'Other teams contribute models following shared conventions.',
    },
    estimate: { weeksPerLevel: 4, roles: { 'analytics-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'data-quality-tests',
    name: 'Data-quality tests',
    outcome: 'Bad data caught before it spreads',
    layer: 'explore_transform',
    description:
      'Automated checks on data (schemas, nulls, uniqueness, ranges, freshness) that stop bad data before it reaches reports or models (ML Test Score, Data 1).',
    defaultTarget: 3,
    levelNotes: {
      1: 'Someone notices wrong numbers in a dashboard and investigates.',
      2: 'Tests on the key tables run with every build.',
      3: 'Tests on every published table; failures block downstream runs and alert owners.',
      4: 'Data contracts with producers; quality is measured and reported per dataset.',
    },
    estimate: { weeksPerLevel: 3, roles: { 'analytics-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'data-observability',
    name: 'Anomaly detection and data observability',
    outcome: 'Broken data noticed early',
    layer: 'explore_transform',
    description:
      'Watching volumes, distributions and freshness of data over time to catch the problems no explicit test was written for.',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 4, roles: { 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'analysis-access',
    name: 'SQL and notebook access for analysis',
    outcome: 'Self-serve analysis',
    layer: 'explore_transform',
    description:
      'Analysts and scientists can query the warehouse and work in notebooks with the data they need, without asking an engineer each time (analysis tools in Sculley et al.).',
    defaultTarget: 3,
    levelNotes: {
      1: 'A few people have credentials to a replica.',
      2: 'A shared SQL tool and notebooks with documented access.',
      3: 'Role-based access, shared query library, compute sized for analysis.',
      4: 'Anyone with a question finds the dataset and answers it themselves.',
    },
    estimate: { weeksPerLevel: 2, roles: { 'data-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'access-controls',
    name: 'Privacy and access controls',
    outcome: 'Safe, compliant data access',
    layer: 'explore_transform',
    description:
      'Personal data is classified, access is granted by role and logged, and retention and deletion requests are honoured (ML Test Score, Data 5).',
    defaultTarget: 3,
    estimate: { weeksPerLevel: 3, roles: { 'platform-engineer': 1 } },
    goal: 'analytics',
  },

  // Aggregate/Label
  {
    id: 'metric-definitions',
    name: 'Metric definitions (metrics layer)',
    outcome: 'One definition per metric',
    layer: 'aggregate_label',
    description:
      'The business\'s key metrics (revenue, active users, conversion…) defined once, in code, so every dashboard and analysis gets the same number.',
    defaultTarget: 3,
    levelNotes: {
      1: 'Each dashboard computes the metric its own way; numbers disagree in meetings.',
      2: 'Key metrics written down and implemented once in shared models.',
      3: 'A metrics layer with owners; changes to a definition are reviewed and announced.',
      4: 'Every tool reads metrics from the layer; new metrics follow a lightweight process.',
    },
    estimate: { weeksPerLevel: 3, roles: { 'analytics-engineer': 1 } },
    goal: 'analytics',
  },
  {
    id: 'bi-dashboards',
    name: 'BI dashboards and reporting',
    outcome: 'Dashboards people rely on',
    layer: 'aggregate_label',
    description:
      'Dashboards and recurring reports that the business actually uses to decide, built on the shared models rather than on raw tables.',
    defaultTarget: 3,
    levelNotes: {
      1: 'Spreadsheets and one-off charts rebuilt for each meeting.',
      2: 'A BI tool with the main dashboards, refreshed automatically.',
      3: 'Certified dashboards with owners; stale or broken ones are retired.',
      4: 'Business teams build their own reports on certified data.',
    },
    estimate: { weeksPerLevel: 3, roles: { 'data-analyst': 1 } },
    goal: 'analytics',
  },
  {
    id: 'segmentation',
    name: 'Segments and aggregates',
    outcome: 'Customer segments ready to use',
    layer: 'aggregate_label',
    description:
      'Customer segments, cohorts and pre-computed aggregates that marketing, product and finance reuse instead of recomputing.',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 3, roles: { 'data-analyst': 1 } },
    goal: 'analytics',
  },
  {
    id: 'feature-store',
    name: 'Features and feature store',
    outcome: 'Reusable features for models',
    layer: 'aggregate_label',
    description:
      'Model features computed once, documented and served the same way in training and in production, so training/serving skew does not creep in (feature extraction in Sculley et al.).',
    defaultTarget: 2,
    // Data scientist and data engineer, not an ML engineer: the ML engineer needs experiment
    // tracking and a serving path first, which are built above this layer's gate.
    estimate: { weeksPerLevel: 6, roles: { 'data-scientist': 1, 'data-engineer': 1 } },
    goal: 'ml',
  },
  {
    id: 'training-data',
    name: 'Labelling and training-data pipeline',
    outcome: 'Training data on tap',
    layer: 'aggregate_label',
    description:
      'A repeatable way to produce labelled, versioned training sets from production data, with known label quality.',
    defaultTarget: 2,
    levelNotes: {
      1: 'A training set exported once by hand; nobody can rebuild it.',
      2: 'A scripted pipeline rebuilds training sets from the warehouse, versioned.',
      3: 'Label quality is measured; training sets are tested like any other dataset.',
      4: 'New labelled datasets are produced on request through a managed process.',
    },
    estimate: { weeksPerLevel: 5, roles: { 'data-engineer': 1, 'data-scientist': 1 } },
    goal: 'ml',
  },

  // Learn/Optimize
  {
    id: 'ab-testing',
    name: 'A/B testing and experimentation platform',
    outcome: 'Decisions tested by experiment',
    layer: 'learn_optimize',
    description:
      'Randomised experiments with correct assignment, pre-registered metrics and sound statistics, so product changes are judged by evidence.',
    defaultTarget: 2,
    levelNotes: {
      1: 'A feature flag split and a spreadsheet comparison after the fact.',
      2: 'Consistent assignment, a standard analysis and a review before decisions.',
      3: 'A platform with guardrail metrics, power analysis and an experiment log.',
      4: 'Teams run experiments on their own; learnings are searchable.',
    },
    estimate: { weeksPerLevel: 5, roles: { statistician: 1, 'software-engineer': 1 } },
    goal: 'experimentation',
  },
  {
    id: 'experiment-tracking',
    name: 'Experiment tracking and model registry',
    outcome: 'Every model experiment on record',
    layer: 'learn_optimize',
    description:
      'Every training run recorded with its code, data, parameters and metrics, and models kept in a registry with versions and stages (Microsoft MLOps level 2).',
    defaultTarget: 2,
    levelNotes: {
      1: 'Results in notebooks and slide decks; the winning model\'s recipe is lost.',
      2: 'A tracking server (MLflow or similar) used for every run; models registered.',
      3: 'Lineage from data to deployed model; promotion between stages is reviewed.',
      4: 'Reproducing any past model is one command.',
    },
    estimate: { weeksPerLevel: 3, roles: { 'data-scientist': 1, 'platform-engineer': 1 } },
    goal: 'ml',
  },
  {
    id: 'baseline-models',
    name: 'Baseline models beat a simple heuristic',
    outcome: 'Models that beat the heuristic',
    layer: 'learn_optimize',
    description:
      'Simple, well-understood models compared against a heuristic baseline before anything complex is tried (ML Test Score, Model 5).',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 4, roles: { 'data-scientist': 1 } },
    goal: 'ml',
  },
  {
    id: 'model-validation',
    name: 'Model validation before serving',
    outcome: 'Models checked before they ship',
    layer: 'learn_optimize',
    description:
      'A model is checked on held-out and sliced data, and against the current model, before it is allowed to serve (ML Test Score, Infra 4).',
    defaultTarget: 2,
    // Built by the data scientist with a platform engineer, not an ML engineer: the ML engineer
    // needs a serving path first, which is AI-layer work that waits for this layer's gate.
    estimate: { weeksPerLevel: 4, roles: { 'data-scientist': 1, 'platform-engineer': 1 } },
    goal: 'ml',
  },
  {
    id: 'ml-ci',
    name: 'CI for ML code',
    outcome: 'ML code tested on every change',
    layer: 'learn_optimize',
    description:
      'Training and feature code is tested and built automatically on every change, like any other software (Microsoft MLOps level 1).',
    defaultTarget: 2,
    // Software engineers bring CI practice; no ML engineer is needed to reach level 2 (see above).
    estimate: { weeksPerLevel: 3, roles: { 'software-engineer': 1, 'data-scientist': 1 } },
    goal: 'ml',
  },

  // AI / deep learning
  {
    id: 'model-serving',
    name: 'Model serving',
    outcome: 'Models served in production',
    layer: 'ai',
    description:
      'A path to put a model behind an API or a batch scoring job with known latency, scaling and ownership (serving infrastructure in Sculley et al.).',
    defaultTarget: 2,
    levelNotes: {
      1: 'A model runs in a notebook or a one-off script that writes scores to a table.',
      2: 'A standard way to deploy a model as a service or scheduled job, documented.',
      3: 'Serving is monitored for latency and errors, with on-call ownership.',
      4: 'Teams deploy models themselves on a shared serving platform.',
    },
    estimate: { weeksPerLevel: 5, roles: { 'platform-engineer': 1, 'software-engineer': 1 } },
    goal: 'ai',
  },
  {
    id: 'model-monitoring',
    name: 'Monitoring of drift, skew and staleness',
    outcome: 'Models watched for drift',
    layer: 'ai',
    description:
      'Production models are watched for input drift, training/serving skew, stale data and falling quality, with alerts to an owner (ML Test Score, Monitor).',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 4, roles: { 'ml-engineer': 1 } },
    goal: 'ai',
  },
  {
    id: 'continuous-training',
    name: 'Continuous training',
    outcome: 'Models that retrain themselves',
    layer: 'ai',
    description:
      'Models retrain automatically on fresh data when a schedule or a trigger fires, and are validated before they replace the current one (Google MLOps level 1).',
    defaultTarget: 1,
    estimate: { weeksPerLevel: 6, roles: { 'ml-engineer': 1, 'data-engineer': 1 } },
    goal: 'ai',
  },
  {
    id: 'ml-pipeline-cicd',
    name: 'CI/CD of ML pipelines',
    outcome: 'ML pipelines delivered automatically',
    layer: 'ai',
    description:
      'The training pipeline itself is built, tested and deployed automatically, not only the model (Google MLOps level 2).',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 5, roles: { 'ml-engineer': 1, 'platform-engineer': 1 } },
    goal: 'ai',
  },
  {
    id: 'safe-rollout',
    name: 'Canary releases, rollback and configuration',
    outcome: 'Model releases that can roll back',
    layer: 'ai',
    description:
      'New models go out to a small share of traffic first, can be rolled back in minutes, and their configuration is versioned and reviewed (ML Test Score, Infra 6–7).',
    defaultTarget: 2,
    estimate: { weeksPerLevel: 4, roles: { 'ml-engineer': 1, 'platform-engineer': 1 } },
    goal: 'ai',
  },
];

const BY_ID = new Map<string, CatalogCapability>(CATALOG_CAPABILITIES.map((c) => [c.id, c]));

export function catalogCapability(id: string): CatalogCapability | undefined {
  return BY_ID.get(id);
}

/** A fresh inventory entry for a catalog capability: nothing in place yet, aiming at the default. */
export function capabilityFromCatalog(entry: CatalogCapability): Capability {
  return {
    id: entry.id,
    name: entry.name,
    layer: entry.layer,
    description: entry.description,
    currentMaturity: 0,
    targetMaturity: entry.defaultTarget,
    owner: '',
    tools: '',
    notes: '',
    fromCatalog: true,
  };
}

/** One maturity step of a gap: raise a capability from `from` to `from + 1`. */
export interface EstimatedStep {
  readonly from: Maturity;
  readonly to: Maturity;
  readonly weeks: number;
  readonly roles: Readonly<Record<string, number>>;
}

/**
 * The work a gap from maturity `from` to `to` takes, one step per level: each level is a
 * milestone a lead can check against the rubric, and splitting lets the planner place the early
 * levels (which often unblock a hire) before the later ones. Empty when there is no gap.
 */
export function estimateGap(estimate: CapabilityEstimate, from: Maturity, to: Maturity): EstimatedStep[] {
  const steps: EstimatedStep[] = [];
  for (let level: number = from; level < to; level++) {
    steps.push({
      from: level as Maturity,
      to: (level + 1) as Maturity,
      weeks: estimate.weeksPerLevel,
      roles: estimate.roles,
    });
  }
  return steps;
}
