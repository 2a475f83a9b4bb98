import { LAYERS, layerById } from '../domain/layers';
import { PERSON_STATUS_LABELS, type Capability, type Person, type Role } from '../domain/types';
import { WORK_ITEM_STATUS_LABELS } from '../domain/planning';
import { compareScenarios } from '../planner/comparison';
import type { PlanResult } from '../planner/types';

/** A table as the app shows it: a header row and text cells, ready for CSV. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export const CSV_TABLES = ['inventory', 'headcount', 'hiring', 'roadmap', 'comparison'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const CSV_TABLE_LABELS: Record<CsvTable, string> = {
  inventory: 'Inventory',
  headcount: 'Headcount',
  hiring: 'Hiring plan',
  roadmap: 'Roadmap',
  comparison: 'Scenario comparison',
};

const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/**
 * The inventory, layer by layer as the Inventory screen lists it. Its headers are the CSV
 * import's, so an exported file can be edited in a spreadsheet and imported back.
 */
export function inventoryTable(capabilities: readonly Capability[]): Table {
  const ordered = LAYERS.flatMap((layer) => capabilities.filter((c) => c.layer === layer.id));
  return {
    header: ['Layer', 'Name', 'Current maturity', 'Target maturity', 'Owner', 'Tools', 'Description', 'Notes', 'Id'],
    rows: ordered.map((c) => [layerById(c.layer).name, c.name, String(c.currentMaturity), String(c.targetMaturity), c.owner, c.tools, c.description, c.notes, c.id]),
  };
}

/** Headcount, as the Headcount screen lists it (and as the CSV import reads it back). */
export function headcountTable(people: readonly Person[], roles: readonly Role[]): Table {
  const roleNames = new Map(roles.map((r) => [r.id, r.name]));
  return {
    header: ['Name', 'Role', 'FTE', 'Status', 'Start date', 'End date', 'Id'],
    rows: people.map((p) => [p.name, roleNames.get(p.roleId) ?? p.roleId, String(p.fte), PERSON_STATUS_LABELS[p.status], p.startDate ?? '', p.endDate ?? '', p.id]),
  };
}

const HIRE_SOURCE: Record<PlanResult['hires'][number]['status'], string> = {
  proposed: 'Proposed hire',
  open_req: 'Open requisition',
  planned: 'Planned hire',
};

/** The hiring plan: every proposed hire and every open requisition or planned hire, with its reason. */
export function hiringTable(plan: PlanResult): Table {
  return {
    header: ['Quarter', 'Role', 'Kind', 'Person', 'Requisition date', 'Start date', 'Productive from', 'Annual salary', 'Reason'],
    rows: plan.hires.map((h) => [
      h.quarter,
      h.roleName,
      h.kind === 'backfill' ? `${HIRE_SOURCE[h.status]} (backfill)` : HIRE_SOURCE[h.status],
      h.personName ?? '',
      h.requisitionDate ?? '',
      h.startDate,
      h.productiveDate,
      number(h.annualSalary),
      h.reason,
    ]),
  };
}

/** The roadmap: every item with its quarter, layer, dates, people and the reason for its place. */
export function roadmapTable(plan: PlanResult, roles: readonly Role[]): Table {
  const roleNames = new Map(roles.map((r) => [r.id, r.name]));
  const items = [...plan.items].sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER));
  return {
    header: ['Quarter', 'Layer', 'Title', 'Status', 'Source', 'Start date', 'Finish date', 'Weeks', 'Pinned', 'People', 'Reason'],
    rows: items.map((i) => [
      i.startQuarter ?? 'Not scheduled',
      i.layer === null ? '' : layerById(i.layer).name,
      i.title,
      WORK_ITEM_STATUS_LABELS[i.status],
      i.source === 'proposal' ? 'Planner proposal' : 'Your item',
      i.startDate ?? '',
      i.finishDate ?? '',
      String(i.durationWeeks),
      i.pinned ? 'yes' : '',
      Object.entries(i.demand)
        .filter(([, people]) => people > 0)
        .map(([roleId, people]) => `${roleNames.get(roleId) ?? roleId} ×${people}`)
        .join('; '),
      i.placement.text,
    ]),
  };
}

/**
 * Two or three scenarios side by side, as the comparison dialog and the PDF's comparison page show
 * them (one model: `compareScenarios`): every parameter (those that differ marked), when each layer
 * is ready, per quarter the hires and the salary spend with its running total, and the totals.
 * Amounts are whole numbers, for a spreadsheet to add up.
 */
export function comparisonTable(plans: readonly PlanResult[], roleName: (roleId: string) => string = (id) => id): Table {
  const c = compareScenarios(plans, roleName);
  const header = ['', ...c.scenarios.map((s) => s.name)];
  const amount = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(Math.round(value)));
  const rows: string[][] = [];
  for (const p of c.parameters) if (p.key !== 'name') rows.push([p.differs ? `${p.label} (differs)` : p.label, ...p.values]);
  for (const layer of c.layers) {
    rows.push([`${layer.name} ready`, ...layer.cells.map((cell) => `${cell.text}${cell.isTarget ? ' (target)' : ''}${cell.earliest ? ' (earliest)' : ''}`)]);
  }
  for (const q of c.quarters) {
    rows.push([`Hires ${q.label}`, ...q.hires.map((h) => h.join('; '))]);
    if (c.costed) {
      rows.push([`Salary spend ${q.label}`, ...q.spend.map(amount)]);
      rows.push([`Salary spend to date ${q.label}`, ...q.cumulative.map(amount)]);
    }
  }
  rows.push(['New hires proposed', ...c.totals.map((t) => String(t.proposedHires))]);
  rows.push(['Open or planned already', ...c.totals.map((t) => String(t.existingHires))]);
  rows.push([`Salary spend over the horizon${c.currency ? ` (${c.currency})` : ''}`, ...c.totals.map((t) => amount(t.spend))]);
  rows.push([`Annual salaries of the proposed hires${c.currency ? ` (${c.currency})` : ''}`, ...c.totals.map((t) => amount(t.annualRunRate))]);
  rows.push(['Warnings', ...c.totals.map((t) => `${t.warnings.critical} critical, ${t.warnings.warning} warning, ${t.warnings.info} info`)]);
  return { header, rows };
}
