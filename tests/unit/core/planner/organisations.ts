import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWorkspaceJson } from '../../../../src/core/workspace-json';
import type { PlanInput } from '../../../../src/core/planner';

/** The organisations of tests/fixtures/organisations (written by scripts/make-org-fixtures.ts). */
export const ORGANISATIONS_DIR = fileURLToPath(new URL('../../../fixtures/organisations', import.meta.url));

/** Today for every fixture: they were made on this day and are planned as of it. */
export const FIXTURE_TODAY = '2026-12-01';

export function organisationFiles(): string[] {
  return readdirSync(ORGANISATIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** A fixture as the planner's input, through the same Workspace JSON validation an import uses. */
export function loadOrganisation(file: string, asOf = FIXTURE_TODAY): PlanInput {
  const doc = parseWorkspaceJson(JSON.parse(readFileSync(`${ORGANISATIONS_DIR}/${file}`, 'utf8')));
  const scenario = doc.scenarios.find((s) => s.isDefault) ?? doc.scenarios[0]!;
  return {
    organisation: doc.organisation,
    capabilities: doc.capabilities,
    roles: doc.roles,
    people: doc.people,
    workItems: doc.workItems,
    scenario,
    asOf,
    settings: doc.settings,
  } as PlanInput;
}
