import { ScheduleError, type CapacityStep, type Problem, type Resource, type Task } from './types';
import { compileProblem } from './compile';

/** Largest week, duration or unit count accepted: keeps every figure a safe 32-bit integer. */
export const MAX_NUMBER = 1_000_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function fail(code: ScheduleError['code'], message: string, where: { taskId?: string; resourceId?: string; field?: string } = {}): never {
  throw new ScheduleError({ code, message, ...where });
}

interface Where {
  readonly label: string;
  readonly taskId?: string;
  readonly resourceId?: string;
}

function integer(value: unknown, where: Where, field: string, min: number): number {
  if (value === undefined) fail('missing-field', `${where.label}.${field}: missing`, { ...where, field });
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_NUMBER) {
    fail('bad-number', `${where.label}.${field}: must be an integer ≥ ${min} and ≤ ${MAX_NUMBER}, got ${show(value)}`, { ...where, field });
  }
  return value;
}

function identifier(value: unknown, label: string, field: string): string {
  if (value === undefined) fail('missing-field', `${label}.${field}: missing`, { field });
  if (typeof value !== 'string' || value.length === 0) {
    fail('bad-shape', `${label}.${field}: must be a non-empty string, got ${show(value)}`, { field });
  }
  return value;
}

function resource(value: unknown, index: number): Resource {
  const label = `resources[${index}]`;
  if (!isObject(value)) fail('bad-shape', `${label}: must be an object, got ${show(value)}`);
  const id = identifier(value.id, label, 'id');
  const where: Where = { label: `resource "${id}"`, resourceId: id };
  const raw = value.capacity;
  if (Array.isArray(raw)) {
    const steps: CapacityStep[] = [];
    raw.forEach((step: unknown, k) => {
      const stepWhere: Where = { ...where, label: `resource "${id}".capacity[${k}]` };
      if (!isObject(step)) fail('bad-shape', `${stepWhere.label}: must be {"from", "units"}, got ${show(step)}`, { resourceId: id, field: 'capacity' });
      const from = integer(step.from, stepWhere, 'from', 0);
      const units = integer(step.units, stepWhere, 'units', 0);
      const previous = steps[steps.length - 1];
      if (previous !== undefined && from <= previous.from) {
        fail('bad-number', `${stepWhere.label}.from: steps must be sorted by strictly increasing "from", got ${from} after ${previous.from}`, { resourceId: id, field: 'capacity' });
      }
      steps.push({ from, units });
    });
    return { id, capacity: steps };
  }
  return { id, capacity: integer(raw, where, 'capacity', 0) };
}

function task(value: unknown, index: number): Task {
  const label = `tasks[${index}]`;
  if (!isObject(value)) fail('bad-shape', `${label}: must be an object, got ${show(value)}`);
  const id = identifier(value.id, label, 'id');
  const where: Where = { label: `task "${id}"`, taskId: id };
  const duration = integer(value.duration, where, 'duration', 0);
  const demand: Record<string, number> = {};
  if (value.demand !== undefined) {
    if (!isObject(value.demand)) fail('bad-shape', `task "${id}".demand: must be an object of resource id → units, got ${show(value.demand)}`, { taskId: id, field: 'demand' });
    for (const [resourceId, units] of Object.entries(value.demand)) {
      demand[resourceId] = integer(units, { ...where, label: `task "${id}".demand` }, JSON.stringify(resourceId), 0);
    }
  }
  const predecessors: string[] = [];
  if (value.predecessors !== undefined) {
    if (!Array.isArray(value.predecessors)) fail('bad-shape', `task "${id}".predecessors: must be an array of task ids, got ${show(value.predecessors)}`, { taskId: id, field: 'predecessors' });
    value.predecessors.forEach((p: unknown, k) => {
      if (typeof p !== 'string' || p.length === 0) fail('bad-shape', `task "${id}".predecessors[${k}]: must be a task id (string), got ${show(p)}`, { taskId: id, field: 'predecessors' });
      predecessors.push(p);
    });
  }
  const result: { -readonly [K in keyof Task]: Task[K] } = { id, duration, demand, predecessors };
  if (value.release !== undefined) result.release = integer(value.release, where, 'release', 0);
  if (value.pin !== undefined) result.pin = integer(value.pin, where, 'pin', 0);
  for (const field of ['layer', 'title'] as const) {
    const text = value[field];
    if (text !== undefined) {
      if (typeof text !== 'string') fail('bad-shape', `task "${id}".${field}: must be a string, got ${show(text)}`, { taskId: id, field });
      result[field] = text;
    }
  }
  return result;
}

/**
 * Checks untrusted input (e.g. parsed JSON) against Schedule JSON v1 and returns it typed.
 * Also runs the semantic checks (ids, cycles, infeasible demands, pins), so a returned problem can
 * be scheduled. Throws ScheduleError naming the task and the field.
 */
export function validateProblem(input: unknown): Problem {
  if (!isObject(input)) fail('bad-shape', `the input must be a JSON object, got ${show(input)}`);
  if (input.version === undefined) fail('missing-field', 'version: missing (expected 1)', { field: 'version' });
  if (input.version !== 1) fail('bad-version', `version: only version 1 is supported, got ${show(input.version)}`, { field: 'version' });
  for (const field of ['resources', 'tasks'] as const) {
    if (input[field] === undefined) fail('missing-field', `${field}: missing`, { field });
    if (!Array.isArray(input[field])) fail('bad-shape', `${field}: must be an array, got ${show(input[field])}`, { field });
  }
  const problem: Problem = {
    version: 1,
    resources: (input.resources as unknown[]).map(resource),
    tasks: (input.tasks as unknown[]).map(task),
  };
  compileProblem(problem);
  return problem;
}

/** Parses Schedule JSON v1 text; malformed JSON is a ScheduleError with code `invalid-json`. */
export function parseProblem(text: string): Problem {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    fail('invalid-json', `malformed JSON: ${detail}`);
  }
  return validateProblem(input);
}
