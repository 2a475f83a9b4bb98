import { PERSON_STATUSES, type Person, type PersonStatus, type Role } from './types';

export interface RoleHeadcount {
  readonly roleId: string;
  readonly roleName: string;
  /** People per status. */
  readonly count: Readonly<Record<PersonStatus, number>>;
  /** Summed FTE per status. */
  readonly fte: Readonly<Record<PersonStatus, number>>;
}

const zero = (): Record<PersonStatus, number> => ({ on_staff: 0, open_req: 0, planned: 0 });

/**
 * Headcount by role and status, in role-catalog order; roles nobody holds are left out. A person
 * whose role is not in `roles` is still counted, under its id, so nobody disappears from a total.
 */
export function headcountByRole(people: readonly Person[], roles: readonly Role[]): RoleHeadcount[] {
  const rows = new Map<string, { roleName: string; count: Record<PersonStatus, number>; fte: Record<PersonStatus, number> }>();
  const order = new Map(roles.map((r, i) => [r.id, i]));
  for (const person of people) {
    let row = rows.get(person.roleId);
    if (!row) {
      row = { roleName: roles.find((r) => r.id === person.roleId)?.name ?? person.roleId, count: zero(), fte: zero() };
      rows.set(person.roleId, row);
    }
    row.count[person.status] += 1;
    // Rounded to hundredths so that 0.1 + 0.2 shows as 0.3.
    row.fte[person.status] = Math.round((row.fte[person.status] + person.fte) * 100) / 100;
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([roleId, row]) => ({ roleId, ...row }));
}

export function totalByStatus(rows: readonly RoleHeadcount[]): Record<PersonStatus, { count: number; fte: number }> {
  const total = Object.fromEntries(PERSON_STATUSES.map((s) => [s, { count: 0, fte: 0 }])) as Record<PersonStatus, { count: number; fte: number }>;
  for (const row of rows) {
    for (const status of PERSON_STATUSES) {
      total[status].count += row.count[status];
      total[status].fte = Math.round((total[status].fte + row.fte[status]) * 100) / 100;
    }
  }
  return total;
}
