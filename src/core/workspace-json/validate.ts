import type { z } from 'zod';
import { cycleText, dependencyCycle } from '../domain/dependencies';
import { checkUntrustedValue, LIMITS, quoteForMessage, scanJsonText } from '../input/limits';
import { upgradeV1, WORKSPACE_JSON_FORMAT, WORKSPACE_JSON_READABLE, WORKSPACE_JSON_VERSION, workspaceJsonSchema, workspaceJsonV1Schema, type WorkspaceJson } from './schema';

/** How many problems an error message shows; the full list stays on WorkspaceJsonError.problems. */
export const PROBLEMS_SHOWN = 10;

/** A Workspace JSON document that cannot be imported. `problems` are `path: message` lines. */
export class WorkspaceJsonError extends Error {
  override readonly name = 'WorkspaceJsonError';
  constructor(readonly problems: readonly string[]) {
    const shown = problems.slice(0, PROBLEMS_SHOWN);
    const more = problems.length - shown.length;
    super(
      `not a valid Workspace JSON file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        shown.join('\n') +
        (more > 0 ? `\n… and ${more} more` : ''),
    );
  }
}

export type WorkspaceJsonResult =
  | { readonly ok: true; readonly value: WorkspaceJson }
  | { readonly ok: false; readonly problems: readonly string[] };

/** `people[3].startDate` from a zod path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the path's last key is absent from its parent in `input` (a missing field, not a wrong value). */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let parent: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  return last !== undefined && typeof parent === 'object' && parent !== null && !(last in parent);
}

function zodProblem(issue: z.core.$ZodIssue, input: unknown): string {
  const path = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const where = path ? `${path}: ` : '';
    return `${where}unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  const message = issue.code === 'invalid_type' && isMissing(input, issue.path) ? 'required' : issue.message;
  return `${path || '(document)'}: ${message}`;
}

/**
 * Validates a parsed JSON value as Workspace JSON (v2, or v1 upgraded): first the format and version (a file of
 * another version gets that one problem, not a list of follow-on errors), then the shape with
 * zod, then the cross-references a shape cannot express. Pure: no I/O.
 */
export function validateWorkspaceJson(input: unknown): WorkspaceJsonResult {
  if (!isRecord(input)) return { ok: false, problems: ['(document): must be a JSON object'] };
  // The limits of any version come first: nothing below may copy a `__proto__` key or walk a
  // list of a million rows.
  const outOfLimits = checkUntrustedValue(input);
  if (outOfLimits.length > 0) return { ok: false, problems: outOfLimits };
  if (input['format'] !== WORKSPACE_JSON_FORMAT) {
    return {
      ok: false,
      problems: [
        `format: must be "${WORKSPACE_JSON_FORMAT}" (got ${input['format'] === undefined ? 'nothing' : quoteForMessage(input['format'])}): this is not a Groundwork Workspace JSON file`,
      ],
    };
  }
  if (!(WORKSPACE_JSON_READABLE as readonly unknown[]).includes(input['version'])) {
    const version = input['version'];
    const newer = typeof version === 'number' && version > WORKSPACE_JSON_VERSION;
    return {
      ok: false,
      problems: [
        `version: ${version === undefined ? 'nothing' : quoteForMessage(version)} is not supported: this Groundwork reads Workspace JSON versions ${WORKSPACE_JSON_READABLE.join(' and ')}` +
          (newer ? ' (the file was written by a newer Groundwork; update to import it)' : ''),
      ],
    };
  }
  let doc: WorkspaceJson;
  if (input['version'] === 1) {
    const v1 = workspaceJsonV1Schema.safeParse(input);
    if (!v1.success) return { ok: false, problems: v1.error.issues.map((issue) => zodProblem(issue, input)) };
    doc = upgradeV1(v1.data);
  } else {
    const parsed = workspaceJsonSchema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => zodProblem(issue, input)) };
    doc = parsed.data;
  }
  const problems = crossReferenceProblems(doc);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: doc };
}

/** validateWorkspaceJson, throwing WorkspaceJsonError with the problems. */
export function parseWorkspaceJson(input: unknown): WorkspaceJson {
  const result = validateWorkspaceJson(input);
  if (!result.ok) throw new WorkspaceJsonError(result.problems);
  return result.value;
}

/** Reports the second and later use of an id (exactly) or a name (ignoring case). */
function duplicates(
  problems: string[],
  collection: string,
  items: readonly Record<string, unknown>[],
  key: string,
  normalise: (value: string) => string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const value = item[key];
    if (typeof value !== 'string') return;
    const normal = normalise(value);
    const earlier = first.get(normal);
    if (earlier === undefined) first.set(normal, index);
    else problems.push(`${collection}[${index}].${key}: "${value}" is already used by ${collection}[${earlier}]`);
  });
}

/** Everything zod cannot see item by item: uniqueness, references, cycles, the one default scenario, date order. */
export function crossReferenceProblems(doc: WorkspaceJson): string[] {
  const problems: string[] = [];
  const exact = (v: string) => v;
  const caseless = (v: string) => v.toLowerCase();
  duplicates(problems, 'capabilities', doc.capabilities, 'id', exact);
  duplicates(problems, 'capabilities', doc.capabilities, 'name', caseless);
  duplicates(problems, 'roles', doc.roles, 'id', exact);
  duplicates(problems, 'roles', doc.roles, 'name', caseless);
  duplicates(problems, 'people', doc.people, 'id', exact);
  duplicates(problems, 'workItems', doc.workItems, 'id', exact);
  duplicates(problems, 'scenarios', doc.scenarios, 'id', exact);
  duplicates(problems, 'scenarios', doc.scenarios, 'name', caseless);

  const roleIds = new Set(doc.roles.map((r) => r.id));
  const capabilityIds = new Set(doc.capabilities.map((c) => c.id));
  const itemIds = new Set(doc.workItems.map((w) => w.id));

  doc.roles.forEach((role, i) => {
    const seen = new Set<string>();
    role.builds.forEach((layer, j) => {
      if (seen.has(layer)) problems.push(`roles[${i}].builds[${j}]: repeats the layer "${layer}"`);
      seen.add(layer);
    });
  });

  doc.people.forEach((person, i) => {
    if (!roleIds.has(person.roleId)) problems.push(`people[${i}].roleId: no role "${person.roleId}" in roles`);
    if (person.startDate !== null && person.endDate !== null && person.endDate < person.startDate) {
      problems.push(`people[${i}].endDate: ${person.endDate} is before the start date ${person.startDate}`);
    }
  });

  doc.workItems.forEach((item, i) => {
    if (item.capabilityId !== null && !capabilityIds.has(item.capabilityId)) {
      problems.push(`workItems[${i}].capabilityId: no capability "${item.capabilityId}" in capabilities`);
    }
    if (item.fromMaturity !== null && item.toMaturity !== null && item.toMaturity <= item.fromMaturity) {
      problems.push(`workItems[${i}].toMaturity: must be higher than fromMaturity (${item.fromMaturity})`);
    }
    for (const roleId of Object.keys(item.demand)) {
      if (!roleIds.has(roleId)) problems.push(`workItems[${i}].demand.${roleId}: no role "${roleId}" in roles`);
    }
    const seen = new Set<string>();
    item.predecessors.forEach((p, j) => {
      const where = `workItems[${i}].predecessors[${j}]`;
      if (p === item.id) problems.push(`${where}: an item cannot be its own predecessor`);
      else if (!itemIds.has(p)) problems.push(`${where}: no work item "${p}" in workItems`);
      else if (seen.has(p)) problems.push(`${where}: repeats "${p}"`);
      seen.add(p);
    });
  });
  const cycle = dependencyCycle(doc.workItems);
  if (cycle !== null) {
    const index = doc.workItems.findIndex((w) => w.id === cycle[0]);
    const titles = new Map(doc.workItems.map((w) => [w.id, w.title]));
    problems.push(`workItems[${index}].predecessors: dependency cycle ${cycleText(cycle, (id) => titles.get(id))} (ids ${cycle.join(' → ')})`);
  }

  if (doc.scenarios.length === 0) problems.push('scenarios: at least one scenario is needed (exactly one with "isDefault": true)');
  const defaults = doc.scenarios.flatMap((s, i) => (s.isDefault ? [i] : []));
  if (doc.scenarios.length > 0 && defaults.length === 0) problems.push('scenarios: no default scenario (exactly one needs "isDefault": true)');
  for (const i of defaults.slice(1)) {
    problems.push(`scenarios[${i}].isDefault: a second default scenario (scenarios[${defaults[0]}] is already the default)`);
  }
  doc.scenarios.forEach((s, i) => {
    if (s.targetDate !== null && s.targetDate <= s.startDate) {
      problems.push(`scenarios[${i}].targetDate: ${s.targetDate} must be after the start date ${s.startDate}`);
    }
  });
  doc.workItems.forEach((item, i) => {
    if (item.actualStart !== null && item.actualFinish !== null && item.actualFinish < item.actualStart) {
      problems.push(`workItems[${i}].actualFinish: ${item.actualFinish} is before the actual start ${item.actualStart}`);
    }
  });
  duplicates(problems, 'baselines', doc.baselines, 'id', exact);
  duplicates(problems, 'baselines', doc.baselines, 'name', caseless);
  const scenarioIds = new Set(doc.scenarios.map((s) => s.id));
  doc.baselines.forEach((b, i) => {
    if (b.scenarioId !== null && !scenarioIds.has(b.scenarioId)) problems.push(`baselines[${i}].scenarioId: no scenario "${b.scenarioId}" in scenarios (use null for a deleted one)`);
    if (b.asOf !== b.plan.asOf) problems.push(`baselines[${i}].asOf: ${b.asOf} differs from the plan's status date ${b.plan.asOf}`);
  });
  return problems;
}

/**
 * Workspace JSON text → a validated document, with the limits checked before anything is built:
 * the text's length, nesting and string lengths (scanJsonText) before JSON.parse, then the parsed
 * value's keys, numbers and list sizes (checkUntrustedValue), then the format. Throws
 * WorkspaceJsonError.
 */
export function parseWorkspaceJsonText(text: string): WorkspaceJson {
  const tooBig = scanJsonText(text, LIMITS.workspaceJsonBytes);
  if (tooBig !== null) throw new WorkspaceJsonError([`(document): ${tooBig}`]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new WorkspaceJsonError([`(document): not JSON (${error instanceof Error ? error.message.slice(0, 200) : 'unreadable'})`]);
  }
  return parseWorkspaceJson(value);
}

/**
 * The bytes of a Workspace JSON file → a validated document: at most LIMITS.workspaceJsonBytes,
 * UTF-8 (with or without a BOM; invalid UTF-8 is refused rather than silently replaced), then
 * parseWorkspaceJsonText. Throws WorkspaceJsonError.
 */
export function parseWorkspaceJsonBytes(bytes: Uint8Array): WorkspaceJson {
  if (bytes.length > LIMITS.workspaceJsonBytes) {
    throw new WorkspaceJsonError([`(document): ${bytes.length.toLocaleString('en-US')} bytes; at most ${LIMITS.workspaceJsonBytes.toLocaleString('en-US')} are accepted`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WorkspaceJsonError(['(document): not UTF-8 text (Workspace JSON is written in UTF-8)']);
  }
  return parseWorkspaceJsonText(text);
}
