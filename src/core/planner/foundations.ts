import type { Capability, Prerequisite, Role } from '../domain/types';
import type { Projection } from './projection';

/**
 * A role may start before a prerequisite it helps build is complete (its capability lies in a layer
 * the role builds), by at most this many weeks: an ML engineer joins the team that builds model
 * serving, not after it.
 */
export const LUXURY_SLACK_WEEKS = 4;

/** Whether a role helps build a capability: the capability's layer is one the role builds. */
export function helpsBuild(role: Pick<Role, 'builds'>, capability: Pick<Capability, 'layer'> | undefined): boolean {
  return capability !== undefined && role.builds.includes(capability.layer);
}

/**
 * The first week someone in the role can be productive with their foundations in place: every
 * prerequisite met then, except those the role helps build, which may come up to
 * LUXURY_SLACK_WEEKS later. Null when not within this projection.
 */
export function foundationsWeek(projection: Projection, role: Role, capabilitiesById: ReadonlyMap<string, Capability>): number | null {
  const helped: Prerequisite[] = [];
  const others: Prerequisite[] = [];
  for (const p of role.prerequisites) {
    if (p.kind === 'capability' && helpsBuild(role, capabilitiesById.get(p.capabilityId))) helped.push(p);
    else others.push(p);
  }
  const a = others.length ? projection.prerequisitesReadyWeek({ prerequisites: others }) : 0;
  const b = helped.length ? projection.prerequisitesReadyWeek({ prerequisites: helped }) : 0;
  if (a === null || b === null) return null;
  return Math.max(a, b - LUXURY_SLACK_WEEKS, 0);
}

