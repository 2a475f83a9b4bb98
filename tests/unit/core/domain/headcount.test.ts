import { describe, expect, it } from 'vitest';
import { headcountByRole, totalByStatus } from '../../../../src/core/domain/headcount';
import type { Person, Role } from '../../../../src/core/domain/types';

const role = (id: string, name: string): Role => ({ id, name }) as Role;
const roles = [role('data-analyst', 'Data analyst'), role('data-engineer', 'Data engineer'), role('ml-engineer', 'ML engineer')];
const person = (id: string, roleId: string, status: Person['status'], fte = 1): Person => ({ id, name: id, roleId, fte, status, startDate: null, endDate: null });

describe('headcount by role', () => {
  const people = [
    person('a', 'data-engineer', 'on_staff', 0.1),
    person('b', 'data-engineer', 'on_staff', 0.2),
    person('c', 'data-engineer', 'open_req'),
    person('d', 'data-analyst', 'planned', 0.5),
    person('e', 'wizard', 'on_staff'),
    person('f', 'astrologer', 'on_staff', 0.8),
  ];
  // Worked out inside each test, so that mutation testing sees which tests cover it.
  const table = () => headcountByRole(people, roles);

  it('counts people and sums FTE per status, in the catalog order of the roles; roles nobody holds are left out', () => {
    const rows = table();
    expect(rows.map((r) => r.roleId)).toEqual(['data-analyst', 'data-engineer', 'astrologer', 'wizard']);
    expect(rows[1]).toEqual({
      roleId: 'data-engineer',
      roleName: 'Data engineer',
      count: { on_staff: 2, open_req: 1, planned: 0 },
      // 0.1 + 0.2 is 0.3, not 0.30000000000000004.
      fte: { on_staff: 0.3, open_req: 1, planned: 0 },
    });
    expect(rows[0]).toMatchObject({ roleName: 'Data analyst', count: { on_staff: 0, open_req: 0, planned: 1 }, fte: { planned: 0.5 } });
  });

  it('keeps a person whose role is unknown, under the role id, after the known roles in name order', () => {
    const rows = table();
    expect(rows[2]).toMatchObject({ roleId: 'astrologer', roleName: 'astrologer', count: { on_staff: 1 }, fte: { on_staff: 0.8 } });
    expect(rows[3]).toMatchObject({ roleId: 'wizard', roleName: 'wizard' });
  });

  it('totals every status over the roles, FTE rounded to hundredths', () => {
    expect(totalByStatus(table())).toEqual({
      on_staff: { count: 4, fte: 2.1 },
      open_req: { count: 1, fte: 1 },
      planned: { count: 1, fte: 0.5 },
    });
    expect(totalByStatus([])).toEqual({ on_staff: { count: 0, fte: 0 }, open_req: { count: 0, fte: 0 }, planned: { count: 0, fte: 0 } });
    expect(headcountByRole([], roles)).toEqual([]);
  });
});
