import { roleFromCatalog, CATALOG_ROLES } from '../../../src/core/domain/catalog/roles';
import { LAYERS, type LayerId } from '../../../src/core/domain/layers';
import { defaultScenario, type WorkItem } from '../../../src/core/domain/planning';
import type { Capability, Person } from '../../../src/core/domain/types';
import type { PlanInput } from '../../../src/core/planner/types';

/** Which role does a layer's work in the synthetic workspace (roles that need no foundations). */
const BUILDER: Readonly<Record<LayerId, string>> = {
  collect: 'software-engineer',
  move_store: 'data-engineer',
  explore_transform: 'analytics-engineer',
  aggregate_label: 'data-analyst',
  learn_optimize: 'data-engineer',
  ai: 'software-engineer',
};

const TOPICS = ['event tracking for the mobile apps', 'nightly loads', 'customer tables', 'order history', 'returns and refunds data', 'marketing spend', 'supplier feeds', 'web analytics', 'inventory snapshots', 'payment events'];

/**
 * A large synthetic workspace: `itemCount` work items (four maturity steps per custom capability,
 * spread over the six layers, titles of varied length), a few roles, six people per role, a three-year horizon.
 */
export function largePlanInput(itemCount = 500, today = '2026-11-27'): PlanInput {
  const capabilityCount = Math.ceil(itemCount / 4);
  const capabilities: Capability[] = [];
  const workItems: WorkItem[] = [];
  for (let c = 0; c < capabilityCount; c++) {
    const layer = LAYERS[c % LAYERS.length]?.id ?? 'collect';
    const id = `cap-${c + 1}`;
    const name = `${TOPICS[c % TOPICS.length] ?? 'data'} ${c + 1}`.replace(/^./, (s) => s.toUpperCase());
    capabilities.push({ id, name, layer, description: '', currentMaturity: 0, targetMaturity: 4, owner: `Owner ${(c % 7) + 1}`, tools: '', notes: '', fromCatalog: false });
    for (let step = 0; step < 4 && workItems.length < itemCount; step++) {
      const long = (c + step) % 5 === 0 ? ' including the backfill of three years of history and the runbook the on-call rota asked for' : '';
      workItems.push({
        id: `wi-${c + 1}-${step + 1}`,
        title: `${name}: maturity ${step} → ${step + 1}${long}`,
        capabilityId: id,
        fromMaturity: step as 0 | 1 | 2 | 3,
        toMaturity: (step + 1) as 1 | 2 | 3 | 4,
        durationWeeks: 2 + ((c + step) % 3),
        demand: { [BUILDER[layer]]: 1 },
        predecessors: step === 0 ? [] : [`wi-${c + 1}-${step}`],
        releaseDate: null,
        pinnedStart: null,
        status: 'planned',
        actualStart: null,
        actualFinish: null,
        notes: '',
      });
    }
  }
  const roleIds = [...new Set(Object.values(BUILDER))];
  const roles = CATALOG_ROLES.filter((r) => roleIds.includes(r.id)).map(roleFromCatalog);
  const people: Person[] = roleIds.flatMap((roleId, r) =>
    [1, 2, 3, 4, 5, 6].map((n) => ({ id: `p-${roleId}-${n}`, name: `Person ${r * 6 + n}`, roleId, fte: 1, status: 'on_staff' as const, startDate: '2024-01-15', endDate: null })),
  );
  return { organisation: { name: 'Large Synthetic Ltd' }, capabilities, roles, people, workItems, scenario: { ...defaultScenario(today), name: 'Synthetic', horizonQuarters: 12, maxHiresPerQuarter: 0 } };
}
