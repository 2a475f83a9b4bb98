import { z } from 'zod';
import { LAYER_IDS } from '../core/domain/layers';
import { DATE_RANGE, isDateInRange, LIMITS } from '../core/input/limits';
import type { Maturity } from '../core/domain/maturity';
import { PERSON_STATUSES } from '../core/domain/types';
import { DEFAULT_RUN_SHARE, WORK_ITEM_STATUSES } from '../core/domain/planning';

/**
 * Input schemas for everything that crosses a trust boundary (IPC, imported files). The renderer
 * uses the same schemas to show an error next to the field before it sends anything.
 */

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'required');

export const idSchema = z.string().trim().min(1, 'required').max(200, 'at most 200 characters');
export const layerSchema = z.enum(LAYER_IDS, { error: `must be one of ${LAYER_IDS.join(', ')}` });
export const maturitySchema = z
  .int({ error: 'must be a whole number from 0 to 4' })
  .min(0, 'must be a whole number from 0 to 4')
  .max(4, 'must be a whole number from 0 to 4')
  .transform((value) => value as Maturity);

/** `YYYY-MM-DD`, a real calendar date (2026-02-30 is refused). */
export const isoDateSchema = z.iso
  .date({ error: 'not a date (use YYYY-MM-DD)' })
  .refine(isDateInRange, `must be between ${DATE_RANGE.earliest} and ${DATE_RANGE.latest}`);

/*
 * Patches are built from the default-free shapes: zod 4 applies `.default()` even inside
 * `.partial()`, which would blank every field a patch leaves out.
 */
const capabilityShape = {
  name: requiredText(120),
  layer: layerSchema,
  description: text(2000),
  currentMaturity: maturitySchema,
  targetMaturity: maturitySchema,
  owner: text(120),
  tools: text(500),
  notes: text(5000),
};
export const capabilityFieldsSchema = z.strictObject({
  ...capabilityShape,
  description: capabilityShape.description.default(''),
  owner: capabilityShape.owner.default(''),
  tools: capabilityShape.tools.default(''),
  notes: capabilityShape.notes.default(''),
});
export type CapabilityFields = z.infer<typeof capabilityFieldsSchema>;

export const capabilityPatchSchema = z.strictObject(capabilityShape).partial();
export type CapabilityPatch = z.infer<typeof capabilityPatchSchema>;

export const prerequisiteSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('capability'), capabilityId: idSchema, minMaturity: maturitySchema }),
  z.strictObject({
    kind: z.literal('layer'),
    layer: layerSchema,
    minReadiness: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  }),
]);

const roleShape = {
  name: requiredText(120),
  description: text(2000),
  builds: z.array(layerSchema).min(1, 'pick at least one layer').max(6),
  prerequisites: z.array(prerequisiteSchema).max(50),
  needsFoundations: z.boolean(),
};
export const roleFieldsSchema = z.strictObject({
  ...roleShape,
  description: roleShape.description.default(''),
  prerequisites: roleShape.prerequisites.default([]),
  needsFoundations: roleShape.needsFoundations.default(false),
});
export type RoleFields = z.infer<typeof roleFieldsSchema>;
export const rolePatchSchema = z.strictObject(roleShape).partial();
export type RolePatch = z.infer<typeof rolePatchSchema>;

const personShape = {
  name: requiredText(120),
  roleId: idSchema,
  fte: z
    .number({ error: 'must be a number greater than 0 and at most 1' })
    .gt(0, 'must be greater than 0')
    .max(1, 'must be at most 1'),
  status: z.enum(PERSON_STATUSES, { error: `must be one of ${PERSON_STATUSES.join(', ')}` }),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
};

function endNotBeforeStart(value: { startDate?: string | null; endDate?: string | null }): boolean {
  return !value.startDate || !value.endDate || value.endDate >= value.startDate;
}
const endDateIssue = { message: 'must not be before the start date', path: ['endDate'] };

export const personFieldsSchema = z
  .strictObject({
    ...personShape,
    startDate: personShape.startDate.default(null),
    endDate: personShape.endDate.default(null),
  })
  .refine(endNotBeforeStart, endDateIssue);
export type PersonFields = z.infer<typeof personFieldsSchema>;
/** A patch is checked against the stored person again in the handler (dates may be split). */
export const personPatchSchema = z.strictObject(personShape).partial().refine(endNotBeforeStart, endDateIssue);
export type PersonPatch = z.infer<typeof personPatchSchema>;

export const organisationSchema = z.strictObject({ name: requiredText(120) });

/** Turns a zod error into the field path a user can read, e.g. `people[3].start`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const maturityOrNull = maturitySchema.nullable();
const roleDemandSchema = z.record(
  idSchema,
  z.int({ error: 'must be a whole number of people from 0 to 50' }).min(0, 'must be a whole number of people from 0 to 50').max(50, 'must be a whole number of people from 0 to 50'),
);

const workItemShape = {
  title: requiredText(200),
  capabilityId: idSchema.nullable(),
  fromMaturity: maturityOrNull,
  toMaturity: maturityOrNull,
  durationWeeks: z.int({ error: 'must be a whole number of weeks from 0 to 520' }).min(0, 'must be a whole number of weeks from 0 to 520').max(520, 'must be a whole number of weeks from 0 to 520'),
  demand: roleDemandSchema,
  predecessors: z.array(idSchema).max(200),
  releaseDate: isoDateSchema.nullable(),
  pinnedStart: isoDateSchema.nullable(),
  status: z.enum(WORK_ITEM_STATUSES, { error: `must be one of ${WORK_ITEM_STATUSES.join(', ')}` }),
  actualStart: isoDateSchema.nullable(),
  actualFinish: isoDateSchema.nullable(),
  notes: text(5000),
};

function maturityStepOk(v: { fromMaturity?: number | null; toMaturity?: number | null }): boolean {
  return v.fromMaturity == null || v.toMaturity == null || v.toMaturity > v.fromMaturity;
}
const maturityStepIssue = { message: 'must be higher than the maturity it starts from', path: ['toMaturity'] };

function actualOrderOk(v: { actualStart?: string | null; actualFinish?: string | null }): boolean {
  return !v.actualStart || !v.actualFinish || v.actualFinish >= v.actualStart;
}
const actualOrderIssue = { message: 'must not be before the actual start', path: ['actualFinish'] };

export const workItemFieldsSchema = z
  .strictObject({
    ...workItemShape,
    capabilityId: workItemShape.capabilityId.default(null),
    fromMaturity: workItemShape.fromMaturity.default(null),
    toMaturity: workItemShape.toMaturity.default(null),
    predecessors: workItemShape.predecessors.default([]),
    releaseDate: workItemShape.releaseDate.default(null),
    pinnedStart: workItemShape.pinnedStart.default(null),
    status: workItemShape.status.default('planned'),
    actualStart: workItemShape.actualStart.default(null),
    actualFinish: workItemShape.actualFinish.default(null),
    notes: workItemShape.notes.default(''),
  })
  .refine(maturityStepOk, maturityStepIssue)
  .refine(actualOrderOk, actualOrderIssue);
export type WorkItemFields = z.infer<typeof workItemFieldsSchema>;
export const workItemPatchSchema = z.strictObject(workItemShape).partial().refine(maturityStepOk, maturityStepIssue).refine(actualOrderOk, actualOrderIssue);
export type WorkItemPatch = z.infer<typeof workItemPatchSchema>;

const scenarioShape = {
  name: requiredText(120),
  startDate: isoDateSchema,
  horizonQuarters: z.int({ error: 'must be a whole number of quarters from 1 to 20' }).min(1, 'must be a whole number of quarters from 1 to 20').max(20, 'must be a whole number of quarters from 1 to 20'),
  targetLayer: layerSchema,
  targetDate: isoDateSchema.nullable(),
  hiringBudgetPerQuarter: z
    .number({ error: 'must be an amount ≥ 0, or empty for no limit' })
    .min(0, 'must be an amount ≥ 0, or empty for no limit')
    .max(LIMITS.number, `must be at most ${LIMITS.number.toLocaleString('en-US')}`)
    .nullable(),
  maxHiresPerQuarter: z.int({ error: 'must be a whole number from 0 to 50' }).min(0, 'must be a whole number from 0 to 50').max(50, 'must be a whole number from 0 to 50'),
  gateThreshold: z.number({ error: 'must be between 0.05 and 1' }).min(0.05, 'must be between 0.05 and 1').max(1, 'must be between 0.05 and 1'),
  leadTimeWeeks: z.int({ error: 'must be a whole number of weeks from 0 to 104' }).min(0, 'must be a whole number of weeks from 0 to 104').max(104, 'must be a whole number of weeks from 0 to 104'),
  rampUpWeeks: z.int({ error: 'must be a whole number of weeks from 0 to 52' }).min(0, 'must be a whole number of weeks from 0 to 52').max(52, 'must be a whole number of weeks from 0 to 52').nullable(),
  salaries: z.record(idSchema, z.number({ error: 'must be an annual salary ≥ 0' }).min(0, 'must be an annual salary ≥ 0').max(LIMITS.number, `must be at most ${LIMITS.number.toLocaleString('en-US')}`)),
  runShare: z.number({ error: 'must be a share from 0 to 0.9' }).min(0, 'must be a share from 0 to 0.9').max(0.9, 'must be a share from 0 to 0.9'),
  borrowed: z
    .array(
      z.strictObject({
        roleId: idSchema,
        fte: z.number({ error: 'must be more than 0 and at most 10' }).gt(0, 'must be more than 0').max(10, 'must be at most 10'),
        startDate: isoDateSchema.nullable(),
        weeks: z.int({ error: 'must be a whole number of weeks from 1 to 520' }).min(1, 'must be a whole number of weeks from 1 to 520').max(520, 'must be a whole number of weeks from 1 to 520'),
        note: text(200),
      }),
    )
    .max(50, 'at most 50 loans'),
};

function targetAfterStart(v: { startDate?: string; targetDate?: string | null }): boolean {
  return !v.startDate || !v.targetDate || v.targetDate > v.startDate;
}
const targetIssue = { message: 'must be after the start date', path: ['targetDate'] };

export const scenarioFieldsSchema = z
  .strictObject({
    ...scenarioShape,
    targetDate: scenarioShape.targetDate.default(null),
    hiringBudgetPerQuarter: scenarioShape.hiringBudgetPerQuarter.default(null),
    rampUpWeeks: scenarioShape.rampUpWeeks.default(null),
    salaries: scenarioShape.salaries.default({}),
    runShare: scenarioShape.runShare.default(DEFAULT_RUN_SHARE),
    borrowed: scenarioShape.borrowed.default([]),
  })
  .refine(targetAfterStart, targetIssue);
export type ScenarioFields = z.infer<typeof scenarioFieldsSchema>;
export const scenarioPatchSchema = z.strictObject(scenarioShape).partial().refine(targetAfterStart, targetIssue);
export type ScenarioPatch = z.infer<typeof scenarioPatchSchema>;

export const settingsPatchSchema = z
  .strictObject({
    fiscalYearStartMonth: z.int({ error: 'must be a month from 1 to 12' }).min(1, 'must be a month from 1 to 12').max(12, 'must be a month from 1 to 12'),
    currency: z.string().trim().toUpperCase().regex(/^([A-Z]{3})?$/, 'must be a three-letter currency code (e.g. EUR), or empty'),
  })
  .partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A baseline's name: what the lead calls the plan they commit to ("2027-Q1 plan as approved"). */
export const baselineNameSchema = requiredText(120);

/**
 * Progress on one work item (`workItem.progress`): its status and actual dates, and the current
 * maturity its capability gets (marking a maturity step done raises it; undoing sets it back). A
 * date left out takes what the status change records by itself (statusChange in core).
 */
export const workItemProgressSchema = z
  .strictObject({
    id: idSchema,
    status: workItemShape.status,
    actualStart: isoDateSchema.nullable().optional(),
    actualFinish: isoDateSchema.nullable().optional(),
    capabilityMaturity: maturitySchema.optional(),
  })
  .refine(actualOrderOk, actualOrderIssue);
export type WorkItemProgress = z.infer<typeof workItemProgressSchema>;

/** An open requisition or planned hire who joined: on staff from `startDate`. */
export const personJoinSchema = z.strictObject({ id: idSchema, startDate: isoDateSchema });
