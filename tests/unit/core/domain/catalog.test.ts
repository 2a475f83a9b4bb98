import { describe, expect, it } from 'vitest';
import {
  CATALOG_CAPABILITIES,
  CATALOG_ROLES,
  LAYER_IDS,
  MATURITY_RUBRIC,
  buildCatalogWorkspace,
  capabilityFromCatalog,
  catalogCapability,
  catalogRole,
  estimateGap,
  findCatalogProblems,
  findDomainProblems,
  isLayerId,
  roleFromCatalog,
  type CatalogCapability,
  type Person,
} from '../../../../src/core/domain';

const capabilityIds = new Set(CATALOG_CAPABILITIES.map((c) => c.id));
const roleIds = new Set(CATALOG_ROLES.map((r) => r.id));

describe('capability catalog', () => {
  it('has about thirty capabilities with unique kebab-case ids', () => {
    expect(CATALOG_CAPABILITIES.length).toBeGreaterThanOrEqual(28);
    expect(CATALOG_CAPABILITIES.length).toBeLessThanOrEqual(34);
    expect(capabilityIds.size).toBe(CATALOG_CAPABILITIES.length);
    for (const c of CATALOG_CAPABILITIES) expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('puts every capability on a valid layer and covers all six layers', () => {
    for (const c of CATALOG_CAPABILITIES) expect(isLayerId(c.layer), c.id).toBe(true);
    for (const layer of LAYER_IDS) {
      expect(CATALOG_CAPABILITIES.filter((c) => c.layer === layer).length, layer).toBeGreaterThanOrEqual(3);
    }
  });

  it('contains the capabilities other parts of the app refer to by key', () => {
    for (const id of [
      'event-instrumentation',
      'batch-ingestion',
      'warehouse',
      'orchestration',
      'transformation-layer',
      'data-quality-tests',
      'metric-definitions',
      'feature-store',
      'ab-testing',
      'experiment-tracking',
      'model-serving',
    ]) {
      expect(catalogCapability(id), id).toBeDefined();
    }
    expect(catalogCapability('no-such-thing')).toBeUndefined();
  });

  it('gives every capability a description and a default target', () => {
    for (const c of CATALOG_CAPABILITIES) {
      expect(c.description.length, c.id).toBeGreaterThan(20);
      expect(c.defaultTarget).toBeGreaterThanOrEqual(0);
      expect(c.defaultTarget).toBeLessThanOrEqual(4);
    }
    expect(catalogCapability('warehouse')?.defaultTarget).toBe(3);
    expect(catalogCapability('orchestration')?.levelNotes?.[1]).toMatch(/cron/i);
  });

  it('estimates work in whole weeks and whole people of roles that exist', () => {
    for (const c of CATALOG_CAPABILITIES) {
      expect(Number.isInteger(c.estimate.weeksPerLevel) && c.estimate.weeksPerLevel > 0, c.id).toBe(true);
      const entries = Object.entries(c.estimate.roles);
      expect(entries.length, c.id).toBeGreaterThan(0);
      for (const [roleId, people] of entries) {
        expect(roleIds.has(roleId), `${c.id} → ${roleId}`).toBe(true);
        expect(Number.isInteger(people) && people > 0).toBe(true);
      }
    }
  });

  it('makes a fresh inventory entry from a catalog entry', () => {
    const entry = catalogCapability('warehouse');
    if (!entry) throw new Error('warehouse missing');
    expect(capabilityFromCatalog(entry)).toEqual({
      id: 'warehouse',
      name: entry.name,
      layer: 'move_store',
      description: entry.description,
      currentMaturity: 0,
      targetMaturity: 3,
      owner: '',
      tools: '',
      notes: '',
      fromCatalog: true,
    });
  });

  it('splits a gap into one step per maturity level', () => {
    const estimate = { weeksPerLevel: 4, roles: { 'data-engineer': 1 } };
    expect(estimateGap(estimate, 1, 3)).toEqual([
      { from: 1, to: 2, weeks: 4, roles: { 'data-engineer': 1 } },
      { from: 2, to: 3, weeks: 4, roles: { 'data-engineer': 1 } },
    ]);
    expect(estimateGap(estimate, 3, 3)).toEqual([]);
    expect(estimateGap(estimate, 3, 1)).toEqual([]);
  });
});

describe('role catalog', () => {
  it('has the eight roles of the design', () => {
    expect([...roleIds].sort()).toEqual(
      [
        'analytics-engineer',
        'data-analyst',
        'data-engineer',
        'data-scientist',
        'ml-engineer',
        'platform-engineer',
        'software-engineer',
        'statistician',
      ].sort(),
    );
  });

  it('flags only data scientist and ML engineer as needing foundations', () => {
    const luxury = CATALOG_ROLES.filter((r) => r.needsFoundations).map((r) => r.id);
    expect(luxury.sort()).toEqual(['data-scientist', 'ml-engineer']);
  });

  it('refers only to capabilities and layers that exist', () => {
    for (const role of CATALOG_ROLES) {
      expect(role.builds.length, role.id).toBeGreaterThan(0);
      for (const layer of role.builds) expect(isLayerId(layer)).toBe(true);
      for (const p of role.prerequisites) {
        if (p.kind === 'capability') {
          expect(capabilityIds.has(p.capabilityId), `${role.id} → ${p.capabilityId}`).toBe(true);
          expect(p.minMaturity).toBeGreaterThan(0);
        } else {
          expect(isLayerId(p.layer)).toBe(true);
          expect(p.minReadiness).toBeGreaterThan(0);
          expect(p.minReadiness).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('gives the foundation roles no prerequisites and the luxury roles several', () => {
    for (const id of ['data-engineer', 'software-engineer', 'platform-engineer']) {
      expect(catalogRole(id)?.prerequisites).toEqual([]);
    }
    expect(catalogRole('data-scientist')?.prerequisites.length).toBeGreaterThanOrEqual(4);
    const ml = catalogRole('ml-engineer')?.prerequisites ?? [];
    const mlCapabilities = ml.flatMap((p) => (p.kind === 'capability' ? [p.capabilityId] : []));
    expect(mlCapabilities).toEqual(expect.arrayContaining(['orchestration', 'experiment-tracking', 'model-serving', 'training-data']));
  });

  it('gives every role some catalog work to do', () => {
    for (const role of CATALOG_ROLES) {
      const work = CATALOG_CAPABILITIES.filter((c) => role.id in c.estimate.roles);
      expect(work.length, role.id).toBeGreaterThan(0);
    }
  });

  it('never needs a role for a layer whose work that role waits for (the planner could not climb)', () => {
    // Work on layer L is scheduled before the layers above it are built, so a role doing it may
    // only need capabilities of layers up to L, and layer readiness of layers below L.
    const level = (layer: string) => LAYER_IDS.indexOf(layer as (typeof LAYER_IDS)[number]);
    const problems: string[] = [];
    for (const capability of CATALOG_CAPABILITIES) {
      for (const roleId of Object.keys(capability.estimate.roles)) {
        for (const p of catalogRole(roleId)?.prerequisites ?? []) {
          const needed = p.kind === 'capability' ? level(catalogCapability(p.capabilityId)?.layer ?? '') : level(p.layer);
          const bad = p.kind === 'capability' ? needed > level(capability.layer) : needed >= level(capability.layer);
          if (bad) problems.push(`${capability.id} is built by ${roleId}, who needs ${p.kind === 'capability' ? p.capabilityId : p.layer}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('stores catalog roles without the catalog-only ramp-up', () => {
    const entry = catalogRole('ml-engineer');
    if (!entry) throw new Error('ml-engineer missing');
    const role = roleFromCatalog(entry);
    expect(role.fromCatalog).toBe(true);
    expect(role).not.toHaveProperty('rampUpWeeks');
    expect(entry.rampUpWeeks).toBeGreaterThan(catalogRole('data-analyst')?.rampUpWeeks ?? Infinity);
  });
});

describe('catalog integrity checks', () => {
  it('finds no problems in the built-in catalogs', () => {
    expect(findCatalogProblems()).toEqual([]);
    const seed = buildCatalogWorkspace({ name: 'Acme' });
    expect(findDomainProblems(seed)).toEqual([]);
    expect(seed.people).toEqual([]);
    expect(seed.capabilities.every((c) => c.currentMaturity === 0 && c.fromCatalog)).toBe(true);
  });

  it('detects a role that could never be hired because only it builds what it needs', () => {
    const deadlocked: CatalogCapability[] = CATALOG_CAPABILITIES.map((c) =>
      c.id === 'experiment-tracking' ? { ...c, estimate: { weeksPerLevel: 3, roles: { 'ml-engineer': 1 } } } : c,
    );
    expect(findCatalogProblems(deadlocked)).toEqual([
      'catalog role ml-engineer: its prerequisites can never be built by roles hireable before it',
    ]);
  });

  it('detects estimates that name unknown roles or are not whole numbers', () => {
    const broken: CatalogCapability[] = CATALOG_CAPABILITIES.map((c) =>
      c.id === 'warehouse' ? { ...c, estimate: { weeksPerLevel: 2.5, roles: { wizard: 1 } } } : c,
    );
    const problems = findCatalogProblems(broken);
    expect(problems).toContain('catalog capabilities[7] (warehouse).estimate.weeksPerLevel: 2.5 is not a positive whole number');
    expect(problems).toContain('catalog capabilities[7] (warehouse).estimate.roles.wizard: no such role');
  });

  it('names the entity and field of each domain problem', () => {
    const seed = buildCatalogWorkspace({ name: 'Acme' });
    const capabilities = seed.capabilities.filter((c) => c.id !== 'orchestration');
    const person: Person = { id: 'p1', name: 'Ada', roleId: 'wizard', fte: 1.5, status: 'on_staff', startDate: '2026-02-30', endDate: null };
    const problems = findDomainProblems({ capabilities, roles: seed.roles, people: [person, { ...person, name: 'Bob' }] });
    const mlIndex = seed.roles.findIndex((r) => r.id === 'ml-engineer');
    expect(problems).toEqual([
      `roles[${mlIndex}].prerequisites[0].capabilityId: no capability "orchestration"`,
      'people[0].roleId: no role "wizard"',
      'people[0].fte: 1.5 is not in (0, 1]',
      'people[0].startDate: "2026-02-30" is not a date',
      'people[1].id: duplicate "p1"',
      'people[1].roleId: no role "wizard"',
      'people[1].fte: 1.5 is not in (0, 1]',
      'people[1].startDate: "2026-02-30" is not a date',
    ]);
  });
});

describe('maturity rubric', () => {
  it('has five levels, 0 to 4, each with a one-line rubric', () => {
    expect(MATURITY_RUBRIC.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
    for (const level of MATURITY_RUBRIC) {
      expect(level.rubric.length).toBeGreaterThan(10);
      expect(level.rubric).not.toContain('\n');
    }
  });
});

describe('docs/domain.md', () => {
  it('lists every catalog capability and role id', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../../docs/domain.md', import.meta.url), 'utf8');
    for (const id of [...capabilityIds, ...roleIds]) expect(doc, id).toContain(`\`${id}\``);
  });
});
