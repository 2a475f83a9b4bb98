import type { Capability, Organisation, Person, Role } from '../types';
import { CATALOG_CAPABILITIES, capabilityFromCatalog } from './capabilities';
import { CATALOG_ROLES, roleFromCatalog } from './roles';

/** Everything a new workspace is seeded with. */
export interface WorkspaceSeed {
  readonly organisation: Organisation;
  readonly capabilities: Capability[];
  readonly roles: Role[];
  readonly people: Person[];
}

/** "Start from the catalog": every catalog capability at maturity 0 aiming at its default target, every catalog role, nobody yet. */
export function buildCatalogWorkspace(organisation: Organisation): WorkspaceSeed {
  return {
    organisation,
    capabilities: CATALOG_CAPABILITIES.map(capabilityFromCatalog),
    roles: CATALOG_ROLES.map(roleFromCatalog),
    people: [],
  };
}
