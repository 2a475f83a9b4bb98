import { describe, expect, it } from 'vitest';
import {
  CATALOG_CAPABILITIES,
  buildDemoOrganisation,
  catalogRole,
  computeReadiness,
  findDomainProblems,
  prerequisitesMet,
  readyUpTo,
} from '../../../../src/core/domain';

const TODAY = '2026-11-27';
const demo = buildDemoOrganisation(TODAY);
const maturityOf = (id: string) => demo.capabilities.find((c) => c.id === id)?.currentMaturity;

describe('demo organisation', () => {
  it('is a named company whose data passes the integrity checks', () => {
    expect(demo.organisation.name).toBe('Northwind Commerce');
    expect(findDomainProblems(demo)).toEqual([]);
  });

  it('tracks every catalog capability and role', () => {
    expect(demo.capabilities.map((c) => c.id)).toEqual(CATALOG_CAPABILITIES.map((c) => c.id));
    expect(demo.capabilities.every((c) => c.fromCatalog)).toBe(true);
    expect(demo.roles).toHaveLength(8);
  });

  it('has ad-hoc events, a warehouse at 2, no orchestration and no experiment tracking', () => {
    expect(maturityOf('event-instrumentation')).toBe(1);
    expect(maturityOf('warehouse')).toBe(2);
    expect(maturityOf('orchestration')).toBe(0);
    expect(maturityOf('experiment-tracking')).toBe(0);
    expect(maturityOf('bi-dashboards')).toBeGreaterThanOrEqual(1);
    expect(demo.capabilities.find((c) => c.id === 'warehouse')?.owner).not.toBe('');
  });

  it('has three analysts, one data engineer and software engineers on staff, all started before today', () => {
    const staff = demo.people.filter((p) => p.status === 'on_staff');
    const count = (roleId: string) => staff.filter((p) => p.roleId === roleId).length;
    expect(count('data-analyst')).toBe(3);
    expect(count('data-engineer')).toBe(1);
    expect(count('software-engineer')).toBeGreaterThanOrEqual(1);
    for (const p of staff) expect(p.startDate !== null && p.startDate < TODAY, p.name).toBe(true);
  });

  it('has an open requisition for an ML engineer starting six weeks after today', () => {
    const reqs = demo.people.filter((p) => p.status === 'open_req');
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({ roleId: 'ml-engineer', startDate: '2027-01-08' });
    expect(buildDemoOrganisation('2027-03-01').people.find((p) => p.status === 'open_req')?.startDate).toBe('2027-04-12');
  });

  it('is about to make the luxury-hire mistake: the ML engineer\'s prerequisites are not met', () => {
    const ml = catalogRole('ml-engineer');
    if (!ml) throw new Error('ml-engineer missing');
    const check = prerequisitesMet(ml, demo.capabilities, computeReadiness(demo.capabilities));
    expect(check.met).toBe(false);
    expect(check.unmet.map((u) => u.text)).toContain('Orchestration of pipelines at maturity 0, needs 2');
    expect(readyUpTo(computeReadiness(demo.capabilities), 0.6)).toBeNull();
  });

  it('refuses a today that is not an ISO date', () => {
    expect(() => buildDemoOrganisation('27/11/2026')).toThrow(/today/);
  });
});
