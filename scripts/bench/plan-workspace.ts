import { buildDemoOrganisation } from '../../src/core/domain/demo';
import { LAYERS } from '../../src/core/domain/layers';
import { defaultScenario, type WorkItem } from '../../src/core/domain/planning';
import type { Maturity } from '../../src/core/domain/maturity';
import type { PlanInput } from '../../src/core/planner';

/** A seeded PRNG (mulberry32) so the generated workspace is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo organisation grown to `items` work items of the user's own (on top of the catalog's
 * proposals): items on every layer, demands on the roles the team has, a few predecessors each
 * within the same or a lower layer, some pinned, some done.
 */
export function planWorkspace(items: number, seed = 1, today = '2026-11-27'): PlanInput {
  const demo = buildDemoOrganisation(today);
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const staffed = [...new Set(demo.people.filter((p) => p.status === 'on_staff').map((p) => p.roleId))];
  const scenario = { ...defaultScenario(today), horizonQuarters: 12 };
  const workItems: WorkItem[] = [];
  for (let i = 0; i < items; i++) {
    const capability = pick(demo.capabilities);
    const level = LAYERS.findIndex((l) => l.id === capability.layer);
    const earlier = workItems.filter((w) => {
      const c = demo.capabilities.find((x) => x.id === w.capabilityId);
      return c !== undefined && LAYERS.findIndex((l) => l.id === c.layer) <= level;
    });
    const predecessors = earlier.length ? [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(earlier).id))] : [];
    const from = Math.floor(random() * 3) as Maturity;
    workItems.push({
      id: `w${i}`,
      title: `${capability.name}: step ${i}`,
      capabilityId: capability.id,
      fromMaturity: from,
      toMaturity: (from + 1) as Maturity,
      durationWeeks: 1 + Math.floor(random() * 6),
      demand: { [pick(staffed)]: 1 },
      predecessors,
      releaseDate: null,
      pinnedStart: null,
      status: random() < 0.05 ? 'done' : 'planned',
      actualStart: null,
      actualFinish: null,
      notes: '',
    });
  }
  return { ...demo, workItems, scenario, asOf: today };
}
