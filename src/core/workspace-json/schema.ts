import { z } from 'zod';
import { LAYER_IDS } from '../domain/layers';
import { WORK_ITEM_STATUSES } from '../domain/planning';
import { PERSON_STATUSES } from '../domain/types';

/**
 * Workspace JSON v1: a whole workspace as one JSON document (docs/workspace-json.md). Every
 * object is strict (an unknown key is a problem, so a typo is never silently dropped) and every
 * field is required: a file says everything it means. The rules mirror the workspace file's
 * (migrations/), so that a file that passes validation can always be written.
 */

export const WORKSPACE_JSON_FORMAT = 'groundwork-workspace';
export const WORKSPACE_JSON_VERSION = 1;

const idSchema = z
  .string({ error: 'must be a text id' })
  .min(1, 'must not be empty')
  .refine((v) => v === v.trim(), 'must not start or end with spaces');
const nameSchema = z.string({ error: 'must be text' }).refine((v) => v.trim().length > 0, 'must not be blank');
const textSchema = z.string({ error: 'must be text' });
const dateSchema = z.iso.date({ error: 'not a date (use YYYY-MM-DD)' });
const timestampSchema = z
  .string({ error: 'must be an ISO timestamp in UTC (e.g. 2027-01-04T09:00:00.000Z)' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'must be an ISO timestamp in UTC (e.g. 2027-01-04T09:00:00.000Z)');
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

export const workItemJsonSchema = z.strictObject({
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

export const scenarioJsonSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  isDefault: z.boolean({ error: 'must be true or false' }),
  startDate: dateSchema,
  horizonQuarters: wholeAtLeast(1, 'quarters').max(40, 'must be a whole number of quarters from 1 to 40'),
  targetLayer: layerSchema,
  targetDate: dateSchema.nullable(),
  hiringBudgetPerQuarter: z.number({ error: 'must be an amount ≥ 0, or null for no limit' }).min(0, 'must be an amount ≥ 0, or null for no limit').nullable(),
  maxHiresPerQuarter: wholeAtLeast(0, 'hires'),
  gateThreshold: z.number({ error: 'must be more than 0 and at most 1' }).gt(0, 'must be more than 0 and at most 1').max(1, 'must be more than 0 and at most 1'),
  leadTimeWeeks: wholeAtLeast(0, 'weeks'),
  rampUpWeeks: wholeAtLeast(0, 'weeks').nullable(),
  // Role ids here are not checked against roles: a salary of a since-deleted role is harmless.
  salaries: z.record(idSchema, z.number({ error: 'must be an annual salary ≥ 0' }).min(0, 'must be an annual salary ≥ 0'), {
    error: 'must map role ids to annual salaries',
  }),
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

export const workspaceJsonSchema = z.strictObject({
  format: z.literal(WORKSPACE_JSON_FORMAT),
  version: z.literal(WORKSPACE_JSON_VERSION),
  exportedAt: timestampSchema,
  organisation: organisationJsonSchema,
  capabilities: z.array(capabilityJsonSchema, { error: 'must be a list' }),
  roles: z.array(roleJsonSchema, { error: 'must be a list' }),
  people: z.array(personJsonSchema, { error: 'must be a list' }),
  workItems: z.array(workItemJsonSchema, { error: 'must be a list' }),
  scenarios: z.array(scenarioJsonSchema, { error: 'must be a list' }),
  history: z.array(historyJsonSchema, { error: 'must be a list' }),
});

export type WorkspaceJson = z.infer<typeof workspaceJsonSchema>;
export type CapabilityJson = z.infer<typeof capabilityJsonSchema>;
export type RoleJson = z.infer<typeof roleJsonSchema>;
export type PersonJson = z.infer<typeof personJsonSchema>;
export type WorkItemJson = z.infer<typeof workItemJsonSchema>;
export type ScenarioJson = z.infer<typeof scenarioJsonSchema>;
export type HistoryJson = z.infer<typeof historyJsonSchema>;
