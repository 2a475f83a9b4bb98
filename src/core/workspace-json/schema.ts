import { z } from 'zod';
import { LAYER_IDS } from '../domain/layers';
import { DEFAULT_RUN_SHARE, WORK_ITEM_STATUSES } from '../domain/planning';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { DATE_RANGE, isDateInRange, isRealTimestamp, LIMITS } from '../input/limits';
import { PERSON_STATUSES } from '../domain/types';

/**
 * Workspace JSON v2: a whole workspace as one JSON document (docs/workspace-json.md). Every
 * object is strict (an unknown key is a problem, so a typo is never silently dropped) and every
 * field is required: a file says everything it means. The rules mirror the workspace file's
 * (migrations/), so that a file that passes validation can always be written. Version 1 files
 * (no actual dates, run-work share, borrowed capacity, settings or baselines) are still read:
 * upgradeV1 fills in what version 2 added.
 */

export const WORKSPACE_JSON_FORMAT = 'groundwork-workspace';
export const WORKSPACE_JSON_VERSION = 2;
/** Versions this Groundwork reads. */
export const WORKSPACE_JSON_READABLE = [1, 2] as const;

const idSchema = z
  .string({ error: 'must be a text id' })
  .min(1, 'must not be empty')
  .refine((v) => v === v.trim(), 'must not start or end with spaces');
const nameSchema = z.string({ error: 'must be text' }).refine((v) => v.trim().length > 0, 'must not be blank');
const textSchema = z.string({ error: 'must be text' });
const dateSchema = z.iso
  .date({ error: 'not a date (use YYYY-MM-DD)' })
  .refine(isDateInRange, `must be between ${DATE_RANGE.earliest} and ${DATE_RANGE.latest}`);
const timestampSchema = z
  .string({ error: 'must be an ISO timestamp in UTC (e.g. 2027-01-04T09:00:00.000Z)' })
  .refine(isRealTimestamp, 'must be a real ISO timestamp in UTC (e.g. 2027-01-04T09:00:00.000Z)');
const layerSchema = z.enum(LAYER_IDS, { error: `must be one of ${LAYER_IDS.join(', ')}` });
const maturitySchema = z.int({ error: 'must be a whole number from 0 to 4' }).min(0, 'must be a whole number from 0 to 4').max(4, 'must be a whole number from 0 to 4');
const wholeAtLeast = (min: number, what: string) => z.int({ error: `must be a whole number of ${what} ≥ ${min}` }).min(min, `must be a whole number of ${what} ≥ ${min}`);

export const organisationJsonSchema = z.strictObject({
  /** '' when the workspace has no organisation name yet. */
  name: textSchema,
});

export const capabilityJsonSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  layer: layerSchema,
  description: textSchema,
  currentMaturity: maturitySchema,
  targetMaturity: maturitySchema,
  owner: textSchema,
  tools: textSchema,
  notes: textSchema,
  fromCatalog: z.boolean({ error: 'must be true or false' }),
});

export const prerequisiteJsonSchema = z.discriminatedUnion(
  'kind',
  [
    // The capability may be one the lead has deleted: the planner treats it as not ready.
    z.strictObject({ kind: z.literal('capability'), capabilityId: idSchema, minMaturity: maturitySchema }),
    z.strictObject({
      kind: z.literal('layer'),
      layer: layerSchema,
      minReadiness: z.number({ error: 'must be a number from 0 to 1' }).min(0, 'must be a number from 0 to 1').max(1, 'must be a number from 0 to 1'),
    }),
  ],
  { error: 'kind must be "capability" or "layer"' },
);

export const roleJsonSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  description: textSchema,
  builds: z.array(layerSchema, { error: 'must be a list of layer ids' }),
  prerequisites: z.array(prerequisiteJsonSchema, { error: 'must be a list' }),
  needsFoundations: z.boolean({ error: 'must be true or false' }),
  fromCatalog: z.boolean({ error: 'must be true or false' }),
});

export const personJsonSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  roleId: idSchema,
  fte: z.number({ error: 'must be a number greater than 0 and at most 1' }).gt(0, 'must be greater than 0').max(1, 'must be at most 1'),
  status: z.enum(PERSON_STATUSES, { error: `must be one of ${PERSON_STATUSES.join(', ')}` }),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
});

const workItemV1JsonSchema = z.strictObject({
  id: idSchema,
  title: nameSchema,
  capabilityId: idSchema.nullable(),
  fromMaturity: maturitySchema.nullable(),
  toMaturity: maturitySchema.nullable(),
  durationWeeks: wholeAtLeast(0, 'weeks').max(520, 'must be a whole number of weeks from 0 to 520'),
  demand: z.record(idSchema, wholeAtLeast(0, 'people'), { error: 'must map role ids to numbers of people' }),
  predecessors: z.array(idSchema, { error: 'must be a list of work item ids' }),
  releaseDate: dateSchema.nullable(),
  pinnedStart: dateSchema.nullable(),
  status: z.enum(WORK_ITEM_STATUSES, { error: `must be one of ${WORK_ITEM_STATUSES.join(', ')}` }),
  notes: textSchema,
});
export const workItemJsonSchema = workItemV1JsonSchema.extend({ actualStart: dateSchema.nullable(), actualFinish: dateSchema.nullable() });

const scenarioV1JsonSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  isDefault: z.boolean({ error: 'must be true or false' }),
  startDate: dateSchema,
  horizonQuarters: wholeAtLeast(1, 'quarters').max(40, 'must be a whole number of quarters from 1 to 40'),
  targetLayer: layerSchema,
  targetDate: dateSchema.nullable(),
  hiringBudgetPerQuarter: z
    .number({ error: 'must be an amount ≥ 0, or null for no limit' })
    .min(0, 'must be an amount ≥ 0, or null for no limit')
    .max(LIMITS.number, `must be at most ${LIMITS.number.toExponential()}`)
    .nullable(),
  maxHiresPerQuarter: wholeAtLeast(0, 'hires').max(1_000, 'must be a whole number of hires from 0 to 1,000'),
  gateThreshold: z.number({ error: 'must be more than 0 and at most 1' }).gt(0, 'must be more than 0 and at most 1').max(1, 'must be more than 0 and at most 1'),
  // A year 2 plan already sees the hire of a 10-year lead time never arrive; larger values only slow the planner.
  leadTimeWeeks: wholeAtLeast(0, 'weeks').max(520, 'must be a whole number of weeks from 0 to 520'),
  rampUpWeeks: wholeAtLeast(0, 'weeks').max(520, 'must be a whole number of weeks from 0 to 520').nullable(),
  // Role ids here are not checked against roles: a salary of a since-deleted role is harmless.
  salaries: z.record(idSchema, z.number({ error: 'must be an annual salary ≥ 0' }).min(0, 'must be an annual salary ≥ 0').max(LIMITS.number, `must be at most ${LIMITS.number.toExponential()}`), {
    error: 'must map role ids to annual salaries',
  }),
});
export const borrowedJsonSchema = z.strictObject({
  roleId: idSchema,
  fte: z.number({ error: 'must be a number of people more than 0 and at most 10' }).gt(0, 'must be more than 0').max(10, 'must be at most 10'),
  startDate: dateSchema.nullable(),
  weeks: wholeAtLeast(1, 'weeks').max(520, 'must be a whole number of weeks from 1 to 520'),
  note: textSchema,
});
export const scenarioJsonSchema = scenarioV1JsonSchema.extend({
  runShare: z.number({ error: 'must be a share from 0 to 0.9' }).min(0, 'must be a share from 0 to 0.9').max(0.9, 'must be a share from 0 to 0.9'),
  borrowed: z.array(borrowedJsonSchema, { error: 'must be a list' }),
});

export const settingsJsonSchema = z.strictObject({
  fiscalYearStartMonth: z.int({ error: 'must be a month from 1 to 12' }).min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
  currency: z.string({ error: 'must be a three-letter currency code or ""' }).regex(/^([A-Z]{3})?$/, 'must be a three-letter currency code (e.g. EUR) or ""'),
});

/** A frozen plan (BaselineSnapshot in src/core/progress/baseline.ts); the database keeps the same JSON. */
export const baselineSnapshotSchema = z.strictObject({
  format: z.literal('groundwork-baseline'),
  version: z.literal(1),
  asOf: dateSchema,
  scenario: scenarioJsonSchema,
  endDate: dateSchema,
  items: z.array(
    z.strictObject({
      id: idSchema,
      title: nameSchema,
      source: z.enum(['user', 'proposal']),
      status: z.enum(WORK_ITEM_STATUSES),
      capabilityId: idSchema.nullable(),
      layer: layerSchema.nullable(),
      fromMaturity: maturitySchema.nullable(),
      toMaturity: maturitySchema.nullable(),
      durationWeeks: wholeAtLeast(0, 'weeks').max(520),
      demand: z.record(idSchema, z.number().min(0).max(1000)),
      startDate: dateSchema.nullable(),
      finishDate: dateSchema.nullable(),
    }),
  ),
  hires: z.array(
    z.strictObject({
      id: idSchema,
      roleId: idSchema,
      roleName: textSchema,
      source: z.enum(['proposed', 'existing']),
      personId: idSchema.nullable(),
      personName: textSchema.nullable(),
      startDate: dateSchema,
      quarter: textSchema,
    }),
  ),
  layers: z.array(z.strictObject({ layer: layerSchema, readyDate: dateSchema.nullable() })).max(6),
  headcount: z.array(
    z.strictObject({
      roleId: idSchema,
      roleName: textSchema,
      steps: z.array(z.strictObject({ date: dateSchema, people: z.number().min(0).max(100_000) })),
    }),
  ),
  // The inventory when the baseline was made: where its planned readiness line starts from.
  capabilities: z.array(
    z.strictObject({
      id: idSchema,
      name: textSchema,
      layer: layerSchema,
      currentMaturity: maturitySchema,
      targetMaturity: maturitySchema,
      needed: z.boolean(),
    }),
  ),
});

export const baselineJsonSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  // May name a scenario since deleted: the plan keeps the scenario's parameters.
  scenarioId: idSchema.nullable(),
  asOf: dateSchema,
  createdAt: timestampSchema,
  plan: baselineSnapshotSchema,
});

export const HISTORY_ENTITIES = ['capability', 'person', 'work_item'] as const;
export const HISTORY_FIELDS = [
  'created',
  'deleted',
  'currentMaturity',
  'targetMaturity',
  'roleId',
  'fte',
  'status',
  'startDate',
  'endDate',
  'pinnedStart',
  'actualStart',
  'actualFinish',
] as const;

export const historyJsonSchema = z.strictObject({
  at: timestampSchema,
  entity: z.enum(HISTORY_ENTITIES, { error: `must be one of ${HISTORY_ENTITIES.join(', ')}` }),
  // No reference check: the history of a deleted entity is kept.
  entityId: idSchema,
  field: z.enum(HISTORY_FIELDS, { error: `must be one of ${HISTORY_FIELDS.join(', ')}` }),
  oldValue: textSchema.nullable(),
  newValue: textSchema.nullable(),
});

export const workspaceJsonV1Schema = z.strictObject({
  format: z.literal(WORKSPACE_JSON_FORMAT),
  version: z.literal(1),
  exportedAt: timestampSchema,
  organisation: organisationJsonSchema,
  capabilities: z.array(capabilityJsonSchema, { error: 'must be a list' }),
  roles: z.array(roleJsonSchema, { error: 'must be a list' }),
  people: z.array(personJsonSchema, { error: 'must be a list' }),
  workItems: z.array(workItemV1JsonSchema, { error: 'must be a list' }),
  scenarios: z.array(scenarioV1JsonSchema, { error: 'must be a list' }),
  history: z.array(historyJsonSchema, { error: 'must be a list' }),
});

export const workspaceJsonSchema = workspaceJsonV1Schema.extend({
  version: z.literal(WORKSPACE_JSON_VERSION),
  settings: settingsJsonSchema,
  workItems: z.array(workItemJsonSchema, { error: 'must be a list' }),
  scenarios: z.array(scenarioJsonSchema, { error: 'must be a list' }),
  baselines: z.array(baselineJsonSchema, { error: 'must be a list' }),
});

export type WorkspaceJsonV1 = z.infer<typeof workspaceJsonV1Schema>;

/**
 * A version 1 document as version 2: no actual dates, the default run-work share (as migration 003
 * gives existing scenarios), nobody borrowed, calendar quarters, no currency, no baselines. Only the
 * additions are filled in; everything else is kept as it was.
 */
export function upgradeV1(doc: WorkspaceJsonV1): WorkspaceJson {
  return {
    ...doc,
    version: WORKSPACE_JSON_VERSION,
    settings: { fiscalYearStartMonth: DEFAULT_SETTINGS.fiscalYearStartMonth, currency: DEFAULT_SETTINGS.currency },
    workItems: doc.workItems.map((w) => ({ ...w, actualStart: null, actualFinish: null })),
    scenarios: doc.scenarios.map((s) => ({ ...s, runShare: DEFAULT_RUN_SHARE, borrowed: [] })),
    baselines: [],
  };
}

export type WorkspaceJson = z.infer<typeof workspaceJsonSchema>;
export type CapabilityJson = z.infer<typeof capabilityJsonSchema>;
export type RoleJson = z.infer<typeof roleJsonSchema>;
export type PersonJson = z.infer<typeof personJsonSchema>;
export type WorkItemJson = z.infer<typeof workItemJsonSchema>;
export type ScenarioJson = z.infer<typeof scenarioJsonSchema>;
export type HistoryJson = z.infer<typeof historyJsonSchema>;
export type BaselineJson = z.infer<typeof baselineJsonSchema>;
export type SettingsJson = z.infer<typeof settingsJsonSchema>;
