import { isIsoDate } from '../calendar';
import { isLayerId } from '../layers';
import { isMaturity } from '../maturity';
import { PERSON_STATUSES, type Capability, type Person, type Role } from '../types';
import { CATALOG_CAPABILITIES, type CatalogCapability } from './capabilities';
import { CATALOG_ROLES, type CatalogRole } from './roles';

export interface DomainData {
  readonly capabilities: readonly Capability[];
  readonly roles: readonly Role[];
  readonly people?: readonly Person[];
}

/**
 * Everything wrong with a set of capabilities, roles and people, each problem naming the entity
 * and field (`roles[2].prerequisites[0].capabilityId: …`). Empty when the data is consistent.
 */
export function findDomainProblems(data: DomainData): string[] {
  const problems: string[] = [];
  const capabilityIds = new Set<string>();
  data.capabilities.forEach((c, i) => {
    const at = `capabilities[${i}]`;
    if (c.id.trim() === '') problems.push(`${at}.id: empty`);
    else if (capabilityIds.has(c.id)) problems.push(`${at}.id: duplicate "${c.id}"`);
    capabilityIds.add(c.id);
    if (c.name.trim() === '') problems.push(`${at}.name: empty`);
    if (!isLayerId(c.layer)) problems.push(`${at}.layer: "${String(c.layer)}" is not a layer`);
    if (!isMaturity(c.currentMaturity)) problems.push(`${at}.currentMaturity: ${String(c.currentMaturity)} is not a maturity 0–4`);
    if (!isMaturity(c.targetMaturity)) problems.push(`${at}.targetMaturity: ${String(c.targetMaturity)} is not a maturity 0–4`);
  });

  const roleIds = new Set<string>();
  data.roles.forEach((r, i) => {
    const at = `roles[${i}]`;
    if (r.id.trim() === '') problems.push(`${at}.id: empty`);
    else if (roleIds.has(r.id)) problems.push(`${at}.id: duplicate "${r.id}"`);
    roleIds.add(r.id);
    if (r.name.trim() === '') problems.push(`${at}.name: empty`);
    r.builds.forEach((layer, j) => {
      if (!isLayerId(layer)) problems.push(`${at}.builds[${j}]: "${String(layer)}" is not a layer`);
    });
    r.prerequisites.forEach((p, j) => {
      const pat = `${at}.prerequisites[${j}]`;
      if (p.kind === 'capability') {
        if (!capabilityIds.has(p.capabilityId)) problems.push(`${pat}.capabilityId: no capability "${p.capabilityId}"`);
        if (!isMaturity(p.minMaturity)) problems.push(`${pat}.minMaturity: ${String(p.minMaturity)} is not a maturity 0–4`);
      } else {
        if (!isLayerId(p.layer)) problems.push(`${pat}.layer: "${String(p.layer)}" is not a layer`);
        if (!(p.minReadiness >= 0 && p.minReadiness <= 1)) problems.push(`${pat}.minReadiness: ${p.minReadiness} is not between 0 and 1`);
      }
    });
  });

  const personIds = new Set<string>();
  (data.people ?? []).forEach((p, i) => {
    const at = `people[${i}]`;
    if (p.id.trim() === '') problems.push(`${at}.id: empty`);
    else if (personIds.has(p.id)) problems.push(`${at}.id: duplicate "${p.id}"`);
    personIds.add(p.id);
    if (p.name.trim() === '') problems.push(`${at}.name: empty`);
    if (!roleIds.has(p.roleId)) problems.push(`${at}.roleId: no role "${p.roleId}"`);
    if (!(p.fte > 0 && p.fte <= 1)) problems.push(`${at}.fte: ${p.fte} is not in (0, 1]`);
    if (!PERSON_STATUSES.includes(p.status)) problems.push(`${at}.status: "${String(p.status)}" is not a status`);
    if (p.startDate !== null && !isIsoDate(p.startDate)) problems.push(`${at}.startDate: "${p.startDate}" is not a date`);
    if (p.endDate !== null && !isIsoDate(p.endDate)) problems.push(`${at}.endDate: "${p.endDate}" is not a date`);
    if (p.startDate !== null && p.endDate !== null && isIsoDate(p.startDate) && isIsoDate(p.endDate) && p.endDate < p.startDate) {
      problems.push(`${at}.endDate: ${p.endDate} is before the start ${p.startDate}`);
    }
  });
  return problems;
}

export { isIsoDate } from '../calendar';

/**
 * Problems specific to the built-in catalogs, on top of `findDomainProblems`: estimates name known
 * roles with whole, positive numbers, and no role waits forever. A role becomes hireable once the
 * capabilities (and layers) it needs can be built by roles already hireable; if some role never
 * does, the planner would deadlock (e.g. an ML engineer needing experiment tracking that only ML
 * engineers can build).
 */
export function findCatalogProblems(
  capabilities: readonly CatalogCapability[] = CATALOG_CAPABILITIES,
  roles: readonly CatalogRole[] = CATALOG_ROLES,
): string[] {
  const problems: string[] = [];
  const roleIds = new Set(roles.map((r) => r.id));
  capabilities.forEach((c, i) => {
    const at = `catalog capabilities[${i}] (${c.id})`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) problems.push(`${at}.id: not kebab-case`);
    if (c.description.trim() === '') problems.push(`${at}.description: empty`);
    if (!isMaturity(c.defaultTarget)) problems.push(`${at}.defaultTarget: ${String(c.defaultTarget)} is not a maturity 0–4`);
    const { weeksPerLevel, roles: demand } = c.estimate;
    if (!(Number.isInteger(weeksPerLevel) && weeksPerLevel > 0)) problems.push(`${at}.estimate.weeksPerLevel: ${weeksPerLevel} is not a positive whole number`);
    if (Object.keys(demand).length === 0) problems.push(`${at}.estimate.roles: no role does this work`);
    for (const [roleId, people] of Object.entries(demand)) {
      if (!roleIds.has(roleId)) problems.push(`${at}.estimate.roles.${roleId}: no such role`);
      if (!(Number.isInteger(people) && people > 0)) problems.push(`${at}.estimate.roles.${roleId}: ${people} is not a positive whole number`);
    }
  });
  roles.forEach((r, i) => {
    if (!(Number.isInteger(r.rampUpWeeks) && r.rampUpWeeks >= 0)) problems.push(`catalog roles[${i}] (${r.id}).rampUpWeeks: ${r.rampUpWeeks} is not a whole number of weeks`);
  });

  const hireable = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    const buildable = (c: CatalogCapability): boolean => Object.keys(c.estimate.roles).every((id) => hireable.has(id));
    for (const role of roles) {
      if (hireable.has(role.id)) continue;
      const ready = role.prerequisites.every((p) =>
        p.kind === 'capability'
          ? capabilities.some((c) => c.id === p.capabilityId && buildable(c))
          : capabilities.filter((c) => c.layer === p.layer).every(buildable),
      );
      if (ready) {
        hireable.add(role.id);
        changed = true;
      }
    }
  }
  for (const role of roles) {
    if (!hireable.has(role.id)) problems.push(`catalog role ${role.id}: its prerequisites can never be built by roles hireable before it`);
  }
  return problems;
}
