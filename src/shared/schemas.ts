import { z } from 'zod';
import { LAYER_IDS } from '../core/domain/layers';
import { PERSON_STATUSES } from '../core/domain/types';

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
  .max(4, 'must be a whole number from 0 to 4');

/** `YYYY-MM-DD`, a real calendar date (2026-02-30 is refused). */
export const isoDateSchema = z.iso.date({ error: 'not a date (use YYYY-MM-DD)' });

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
