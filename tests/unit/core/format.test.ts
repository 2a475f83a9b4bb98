import { describe, expect, it } from 'vitest';
import { buildDemoOrganisation } from '../../../src/core/domain/demo';
import { defaultScenario } from '../../../src/core/domain/planning';
import { PERSON_STATUS_LABELS } from '../../../src/core/domain/types';
import { formatPercent, HIRE_STATUS_LABELS, LAYERS_TOP_DOWN, layerLabel, maturityStepLabel, maturityStepTitle } from '../../../src/core/format';
import { plan } from '../../../src/core/planner';

describe('formatPercent', () => {
  it('rounds down, so nearly ready never reads as ready', () => {
    expect(formatPercent(0.996)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.75)).toBe('75%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('is not fooled by binary fractions just under a whole percent', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(formatPercent(0.29)).toBe('29%');
    expect(formatPercent(0.57)).toBe('57%');
  });

  it('reads an untracked value as a dash, or as the caller says', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(null, 'untracked')).toBe('untracked');
  });
});

describe('labels', () => {
  it('names layers, and work without a capability', () => {
    expect(layerLabel('move_store')).toBe('Move/Store');
    expect(layerLabel(null)).toBe('No capability');
    expect(LAYERS_TOP_DOWN[0]?.id).toBe('ai');
    expect(LAYERS_TOP_DOWN.at(-1)?.id).toBe('collect');
  });

  it('calls an existing hire what the headcount calls it', () => {
    expect(HIRE_STATUS_LABELS.open_req).toBe(PERSON_STATUS_LABELS.open_req);
    expect(HIRE_STATUS_LABELS.planned).toBe(PERSON_STATUS_LABELS.planned);
  });

  it('titles a maturity step as the planner titles its proposals', () => {
    const today = '2026-11-27';
    const demo = buildDemoOrganisation(today);
    const result = plan({ ...demo, workItems: [], scenario: defaultScenario(today) });
    const names = new Map(demo.capabilities.map((c) => [c.id, c.name]));
    const proposals = result.items.filter((i) => i.source === 'proposal');
    expect(proposals.length).toBeGreaterThan(10);
    for (const item of proposals) {
      expect(item.title).toBe(maturityStepTitle(names.get(item.capabilityId ?? '') ?? '?', item.fromMaturity ?? -1, item.toMaturity ?? -1));
      expect(maturityStepLabel(item.fromMaturity, item.toMaturity)).toBe(`${item.fromMaturity}→${item.toMaturity}`);
    }
    expect(maturityStepLabel(null, 3)).toBeNull();
  });
});
