import { LAYERS, layerById } from '../domain/layers';
import { PERSON_STATUS_LABELS, type Capability, type Person, type Role } from '../domain/types';
import { WORK_ITEM_STATUS_LABELS } from '../domain/planning';
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
const percent = (value: number | null) => (value === null ? '' : `${Math.round(value * 100)}%`);

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
 * Two or three scenarios side by side, as the comparison dialog shows them: when each layer is
 * ready, the hires by quarter, and the annual salaries of the proposed hires where salaries are
 * given.
 */
export function comparisonTable(plans: readonly PlanResult[]): Table {
  const header = ['', ...plans.map((p) => p.scenario.name)];
  const rows: string[][] = [];
  rows.push(['Start date', ...plans.map((p) => p.scenario.startDate)]);
  rows.push(['Horizon (quarters)', ...plans.map((p) => String(p.scenario.horizonQuarters))]);
  rows.push(['Target', ...plans.map((p) => `${layerById(p.scenario.targetLayer).name} by ${p.scenario.targetDate ?? 'the end of the horizon'}`)]);
  for (const layer of LAYERS) {
    rows.push([
      `${layer.name} ready`,
      ...plans.map((p) => {
        const projection = p.layers.find((l) => l.layer === layer.id);
        if (!projection) return '';
        if (projection.readyWeek === null) return `not within the plan (${percent(projection.readinessAtHorizon)} at the end)`;
        return projection.readyWeek === 0 ? 'now' : `${projection.readyQuarter ?? ''} (${projection.readyDate ?? ''})`;
      }),
    ]);
  }
  const quarters = [...new Set(plans.flatMap((p) => p.hires.map((h) => h.quarter)))].sort();
  for (const quarter of quarters) {
    rows.push([
      `Hires ${quarter}`,
      ...plans.map((p) =>
        p.hires
          .filter((h) => h.quarter === quarter)
          .map((h) => `${h.roleName}${h.source === 'proposed' ? '' : ` (${HIRE_SOURCE[h.status].toLowerCase()})`}`)
          .join('; '),
      ),
    ]);
  }
  rows.push(['Proposed hires', ...plans.map((p) => String(p.hires.filter((h) => h.source === 'proposed').length))]);
  rows.push([
    'Annual salaries of proposed hires',
    ...plans.map((p) => {
      const proposed = p.hires.filter((h) => h.source === 'proposed');
      const known = proposed.filter((h) => h.annualSalary !== null);
      if (known.length === 0) return '';
      const sum = known.reduce((s, h) => s + (h.annualSalary ?? 0), 0);
      return known.length === proposed.length ? String(sum) : `${sum} (${proposed.length - known.length} without a salary)`;
    }),
  ]);
  rows.push(['Warnings', ...plans.map((p) => String(p.warnings.length))]);
  return { header, rows };
}
