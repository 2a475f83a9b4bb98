import { isDateInRange, RESERVED_KEYS } from '../input/limits';
import { LAYERS, type LayerId } from '../domain/layers';
import { MATURITY_RUBRIC, type Maturity } from '../domain/maturity';
import { PERSON_STATUS_LABELS, type Capability, type Person, type PersonStatus, type Role } from '../domain/types';
import { cellTextProblem, mapColumns, normaliseHeader, type CellProblem, type ColumnMapping, type FieldSpec } from './columns';

/*
 * CSV rows → what the workspace will get: for each data row, "add" or "update" (matched by id,
 * and capabilities also by name ignoring case), the values as they will be stored, and a problem
 * per cell that cannot be imported. Pure: the storage parses the file and writes the result.
 */

export type CsvKind = 'people' | 'capabilities';
export const CSV_KINDS: readonly CsvKind[] = ['people', 'capabilities'];

export type PeopleField = 'id' | 'name' | 'role' | 'fte' | 'status' | 'startDate' | 'endDate';
export type CapabilityField = 'id' | 'name' | 'layer' | 'currentMaturity' | 'targetMaturity' | 'owner' | 'tools' | 'description' | 'notes';
export type CsvField = PeopleField | CapabilityField;

export const PEOPLE_FIELDS: readonly FieldSpec<PeopleField>[] = [
  { field: 'id', label: 'Id', aliases: ['id', 'personid', 'employeeid'], required: false },
  { field: 'name', label: 'Name', aliases: ['name', 'fullname', 'person', 'employee', 'employeename'], required: true },
  { field: 'role', label: 'Role', aliases: ['role', 'roleid', 'rolename', 'position', 'jobtitle', 'title'], required: true },
  { field: 'fte', label: 'FTE', aliases: ['fte', 'capacity', 'parttime'], required: false },
  { field: 'status', label: 'Status', aliases: ['status', 'state', 'type'], required: false },
  { field: 'startDate', label: 'Start date', aliases: ['startdate', 'start', 'from', 'hiredate', 'joined'], required: false },
  { field: 'endDate', label: 'End date', aliases: ['enddate', 'end', 'to', 'leavedate', 'left'], required: false },
];

export const CAPABILITY_FIELDS: readonly FieldSpec<CapabilityField>[] = [
  { field: 'id', label: 'Id', aliases: ['id', 'capabilityid'], required: false },
  { field: 'name', label: 'Name', aliases: ['name', 'capability', 'capabilityname'], required: true },
  { field: 'layer', label: 'Layer', aliases: ['layer', 'pyramidlayer', 'level'], required: false },
  { field: 'currentMaturity', label: 'Current maturity', aliases: ['currentmaturity', 'current', 'maturity', 'now'], required: false },
  { field: 'targetMaturity', label: 'Target maturity', aliases: ['targetmaturity', 'target', 'goal'], required: false },
  { field: 'owner', label: 'Owner', aliases: ['owner', 'team'], required: false },
  { field: 'tools', label: 'Tools', aliases: ['tools', 'tooling', 'stack'], required: false },
  { field: 'description', label: 'Description', aliases: ['description', 'summary'], required: false },
  { field: 'notes', label: 'Notes', aliases: ['notes', 'note', 'comments', 'comment'], required: false },
];

export interface PersonValues {
  readonly id?: string;
  readonly name: string;
  readonly roleId: string;
  readonly fte: number;
  readonly status: PersonStatus;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface CapabilityValues {
  readonly id?: string;
  readonly name: string;
  readonly layer: LayerId;
  readonly currentMaturity: Maturity;
  readonly targetMaturity: Maturity;
  readonly owner: string;
  readonly tools: string;
  readonly description: string;
  readonly notes: string;
}

export interface RowPreview<V> {
  /** The row number a spreadsheet shows (the header is row 1). */
  readonly row: number;
  /** 'skip': a blank row; 'unchanged': matches an existing entry that already has these values. */
  readonly action: 'add' | 'update' | 'unchanged' | 'skip';
  /** For 'update': the id of the person or capability it changes. */
  readonly targetId: string | null;
  /** The whole entity as it will be stored (for an update: the current values with the row's applied). */
  readonly values: V | null;
  readonly problems: readonly CellProblem[];
}

export interface ImportPreview<F extends string, V> {
  readonly kind: CsvKind;
  readonly columns: readonly ColumnMapping<F>[];
  /** Problems of the file as a whole (a missing column); nothing can be imported while there are any. */
  readonly fileProblems: readonly string[];
  readonly rows: readonly RowPreview<V>[];
  readonly counts: { readonly add: number; readonly update: number; readonly unchanged: number; readonly skip: number; readonly invalid: number };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(text: string): string | { problem: string } {
  const match = ISO_DATE.exec(text);
  if (!match) return { problem: `not a date: ${JSON.stringify(text.slice(0, 40))} (use YYYY-MM-DD)` };
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { problem: `${text} is not a calendar date` };
  if (!isDateInRange(text)) return { problem: `${text} is outside 1900-01-01 … 2199-12-31` };
  return text;
}

/** "0.5", "0,5", "50%", "50 %" → 0.5. */
function parseFte(text: string): number | { problem: string } {
  const percent = /^(\d{1,3}(?:[.,]\d+)?)\s*%$/.exec(text);
  const value = percent ? Number((percent[1] as string).replace(',', '.')) / 100 : /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || value > 1) return { problem: `must be more than 0 and at most 1 (e.g. 0.5 or 50%), got ${JSON.stringify(text.slice(0, 20))}` };
  return value;
}

const STATUS_WORDS = new Map<string, PersonStatus>([
  ['onstaff', 'on_staff'],
  ['staff', 'on_staff'],
  ['employee', 'on_staff'],
  ['employed', 'on_staff'],
  ['active', 'on_staff'],
  ['openreq', 'open_req'],
  ['openrequisition', 'open_req'],
  ['requisition', 'open_req'],
  ['req', 'open_req'],
  ['open', 'open_req'],
  ['planned', 'planned'],
  ['plannedhire', 'planned'],
  ['hire', 'planned'],
]);

function parseStatus(text: string): PersonStatus | { problem: string } {
  const status = STATUS_WORDS.get(normaliseHeader(text));
  return status ?? { problem: `must be one of ${Object.values(PERSON_STATUS_LABELS).join(', ')}, got ${JSON.stringify(text.slice(0, 40))}` };
}

function parseLayer(text: string): LayerId | { problem: string } {
  const key = normaliseHeader(text);
  const layer = LAYERS.find((l) => normaliseHeader(l.id) === key || normaliseHeader(l.name) === key);
  return layer?.id ?? { problem: `must be one of ${LAYERS.map((l) => l.name).join(', ')}, got ${JSON.stringify(text.slice(0, 40))}` };
}

function parseMaturity(text: string): Maturity | { problem: string } {
  const key = normaliseHeader(text);
  const level = /^\d+$/.test(text) ? MATURITY_RUBRIC.find((m) => String(m.level) === text) : MATURITY_RUBRIC.find((m) => normaliseHeader(m.name) === key || (m.level === 4 && key === 'optimized'));
  return level?.level ?? { problem: `must be 0–4 or one of ${MATURITY_RUBRIC.map((m) => m.name).join(', ')}, got ${JSON.stringify(text.slice(0, 40))}` };
}

function isProblem(value: unknown): value is { problem: string } {
  return typeof value === 'object' && value !== null && 'problem' in value;
}

function idProblem(id: string): string | null {
  if (id.length > 200) return 'at most 200 characters';
  if (RESERVED_KEYS.has(id)) return `"${id}" is not allowed as an id`;
  return null;
}

/** One row's cells by field, with a problem list to fill. */
class RowReader<F extends string> {
  readonly problems: CellProblem[] = [];
  constructor(
    private readonly record: readonly string[],
    private readonly columns: readonly ColumnMapping<F>[],
    readonly row: number,
  ) {}

  /** The trimmed text of the column mapped to `field`, '' when empty, undefined when no column maps to it. */
  text(field: F, max?: number): string | undefined {
    const column = this.columns.find((c) => c.field === field);
    if (column === undefined) return undefined;
    const text = (this.record[column.index] ?? '').trim();
    const problem = cellTextProblem(text, max);
    if (problem !== null) {
      this.problem(field, problem);
      return '';
    }
    return text;
  }

  problem(field: F, message: string): void {
    const column = this.columns.find((c) => c.field === field);
    this.problems.push({ row: this.row, column: column?.header ?? field, message });
  }

  isBlank(): boolean {
    return this.record.every((cell) => cell.trim() === '');
  }
}

/** Keeps only problems and values when valid; counts the rows. */
function finish<F extends string, V>(kind: CsvKind, columns: ColumnMapping<F>[], fileProblems: string[], rows: RowPreview<V>[]): ImportPreview<F, V> {
  const counts = { add: 0, update: 0, unchanged: 0, skip: 0, invalid: 0 };
  for (const row of rows) {
    if (row.problems.length > 0) counts.invalid++;
    else counts[row.action]++;
  }
  return { kind, columns, fileProblems, rows, counts };
}

/**
 * People rows: a row with an `Id` of an existing person updates that person (blank cells keep
 * its values); any other row adds a person (Name and Role needed; FTE 1, status On staff and no
 * dates when blank). Roles are matched by id, or by name ignoring case.
 */
export function previewPeople(
  headers: readonly string[],
  records: readonly (readonly string[])[],
  context: { readonly roles: readonly Role[]; readonly people: readonly Person[] },
  overrides?: ReadonlyMap<number, PeopleField | null>,
): ImportPreview<PeopleField, PersonValues> {
  const { columns, problems: fileProblems } = mapColumns(headers, PEOPLE_FIELDS, overrides);
  const rolesById = new Map(context.roles.map((r) => [r.id, r]));
  const rolesByName = new Map(context.roles.map((r) => [r.name.trim().toLowerCase(), r]));
  const peopleById = new Map(context.people.map((p) => [p.id, p]));
  const seenIds = new Map<string, number>();
  const rows = records.map((record, index): RowPreview<PersonValues> => {
    const r = new RowReader(record, columns, index + 2);
    if (r.isBlank()) return { row: r.row, action: 'skip', targetId: null, values: null, problems: [] };
    const id = r.text('id', 500) ?? '';
    if (id) {
      const bad = idProblem(id);
      if (bad) r.problem('id', bad);
      const earlier = seenIds.get(id);
      if (earlier !== undefined) r.problem('id', `"${id.slice(0, 60)}" is already used by row ${earlier}`);
      seenIds.set(id, r.row);
    }
    const existing = id ? peopleById.get(id) : undefined;
    const name = r.text('name', 500) ?? '';
    if (!name && !existing) r.problem('name', 'required');
    if (name.length > 120) r.problem('name', 'at most 120 characters');
    const roleText = r.text('role', 500) ?? '';
    let roleId = existing?.roleId ?? '';
    if (roleText) {
      const role = rolesById.get(roleText) ?? rolesByName.get(roleText.toLowerCase());
      if (role) roleId = role.id;
      else {
        const names = context.roles.slice(0, 6).map((x) => x.name).join(', ');
        r.problem('role', `no role ${JSON.stringify(roleText.slice(0, 60))} in this workspace (roles: ${names}${context.roles.length > 6 ? ', …' : ''})`);
      }
    } else if (!existing) r.problem('role', 'required');
    const fteText = r.text('fte', 40) ?? '';
    const fte = fteText ? parseFte(fteText) : (existing?.fte ?? 1);
    if (isProblem(fte)) r.problem('fte', fte.problem);
    const statusText = r.text('status', 60) ?? '';
    const status = statusText ? parseStatus(statusText) : (existing?.status ?? 'on_staff');
    if (isProblem(status)) r.problem('status', status.problem);
    const startText = r.text('startDate', 40) ?? '';
    const startDate = startText ? parseDate(startText) : (existing?.startDate ?? null);
    if (isProblem(startDate)) r.problem('startDate', startDate.problem);
    const endText = r.text('endDate', 40) ?? '';
    const endDate = endText ? parseDate(endText) : (existing?.endDate ?? null);
    if (isProblem(endDate)) r.problem('endDate', endDate.problem);
    if (typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate) r.problem('endDate', `${endDate} is before the start date ${startDate}`);
    if (r.problems.length > 0 || isProblem(fte) || isProblem(status) || isProblem(startDate) || isProblem(endDate)) {
      return { row: r.row, action: existing ? 'update' : 'add', targetId: existing?.id ?? null, values: null, problems: r.problems };
    }
    const values: PersonValues = {
      ...(id ? { id } : {}),
      name: name || (existing?.name ?? ''),
      roleId,
      fte,
      status,
      startDate,
      endDate,
    };
    const same =
      existing !== undefined &&
      existing.name === values.name &&
      existing.roleId === values.roleId &&
      existing.fte === values.fte &&
      existing.status === values.status &&
      existing.startDate === values.startDate &&
      existing.endDate === values.endDate;
    return { row: r.row, action: same ? 'unchanged' : existing ? 'update' : 'add', targetId: existing?.id ?? null, values, problems: [] };
  });
  return finish('people', columns, fileProblems, rows);
}

/**
 * Capability rows: matched to an existing capability by `Id`, else by name ignoring case (then
 * the row updates it; blank cells keep its values); otherwise a new capability (Layer and Target
 * maturity needed; current maturity 0 when blank).
 */
export function previewCapabilities(
  headers: readonly string[],
  records: readonly (readonly string[])[],
  context: { readonly capabilities: readonly Capability[] },
  overrides?: ReadonlyMap<number, CapabilityField | null>,
): ImportPreview<CapabilityField, CapabilityValues> {
  const { columns, problems: fileProblems } = mapColumns(headers, CAPABILITY_FIELDS, overrides);
  const byId = new Map(context.capabilities.map((c) => [c.id, c]));
  const byName = new Map(context.capabilities.map((c) => [c.name.trim().toLowerCase(), c]));
  const seen = new Map<string, number>();
  const rows = records.map((record, index): RowPreview<CapabilityValues> => {
    const r = new RowReader(record, columns, index + 2);
    if (r.isBlank()) return { row: r.row, action: 'skip', targetId: null, values: null, problems: [] };
    const id = r.text('id', 500) ?? '';
    if (id) {
      const bad = idProblem(id);
      if (bad) r.problem('id', bad);
    }
    const name = r.text('name', 500) ?? '';
    if (!name && !(id && byId.has(id))) r.problem('name', 'required');
    if (name.length > 120) r.problem('name', 'at most 120 characters');
    const existing = (id ? byId.get(id) : undefined) ?? (name ? byName.get(name.toLowerCase()) : undefined);
    const key = existing?.id ?? `name:${name.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) r.problem(name ? 'name' : 'id', `the same capability as row ${earlier}`);
    seen.set(key, r.row);
    const layerText = r.text('layer', 60) ?? '';
    const layer = layerText ? parseLayer(layerText) : existing?.layer;
    if (isProblem(layer)) r.problem('layer', layer.problem);
    else if (layer === undefined) r.problem('layer', 'required for a new capability');
    const currentText = r.text('currentMaturity', 40) ?? '';
    const current = currentText ? parseMaturity(currentText) : (existing?.currentMaturity ?? 0);
    if (isProblem(current)) r.problem('currentMaturity', current.problem);
    const targetText = r.text('targetMaturity', 40) ?? '';
    const target = targetText ? parseMaturity(targetText) : existing?.targetMaturity;
    if (isProblem(target)) r.problem('targetMaturity', target.problem);
    else if (target === undefined) r.problem('targetMaturity', 'required for a new capability');
    const texts = {
      owner: r.text('owner', 120) ?? existing?.owner ?? '',
      tools: r.text('tools', 500) ?? existing?.tools ?? '',
      description: r.text('description', 2000) ?? existing?.description ?? '',
      notes: r.text('notes', 5000) ?? existing?.notes ?? '',
    };
    const keep = (field: 'owner' | 'tools' | 'description' | 'notes') => (texts[field] === '' && existing ? existing[field] : texts[field]);
    if (r.problems.length > 0 || layer === undefined || isProblem(layer) || isProblem(current) || target === undefined || isProblem(target)) {
      return { row: r.row, action: existing ? 'update' : 'add', targetId: existing?.id ?? null, values: null, problems: r.problems };
    }
    const values: CapabilityValues = {
      ...(id && !existing ? { id } : {}),
      name: name || (existing?.name ?? ''),
      layer,
      currentMaturity: current,
      targetMaturity: target,
      owner: keep('owner'),
      tools: keep('tools'),
      description: keep('description'),
      notes: keep('notes'),
    };
    const same =
      existing !== undefined &&
      (['name', 'layer', 'currentMaturity', 'targetMaturity', 'owner', 'tools', 'description', 'notes'] as const).every((field) => existing[field] === values[field]);
    return { row: r.row, action: same ? 'unchanged' : existing ? 'update' : 'add', targetId: existing?.id ?? null, values, problems: [] };
  });
  return finish('capabilities', columns, fileProblems, rows);
}
