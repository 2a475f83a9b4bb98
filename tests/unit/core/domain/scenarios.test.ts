import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../../src/core/domain/planning';
import { isStructuredParameter, SCENARIO_PARAMETER_KEYS, scenarioParameters, whyScenarioCannotBeDeleted } from '../../../../src/core/domain/scenarios';

describe('scenario parameters', () => {
  it('are every field of a scenario but its id and whether it is the default', () => {
    const scenario = defaultScenario('2026-11-27');
    expect([...SCENARIO_PARAMETER_KEYS].sort()).toEqual(Object.keys(scenario).filter((k) => k !== 'id' && k !== 'isDefault').sort());
    expect(SCENARIO_PARAMETER_KEYS.filter(isStructuredParameter)).toEqual(['salaries', 'borrowed']);
  });

  it('copy the structures, so a duplicate never shares its salaries with the original', () => {
    const scenario = { ...defaultScenario('2026-11-27'), salaries: { 'data-engineer': 90_000 } };
    const { id: _id, isDefault: _isDefault, ...expected } = scenario;
    const copy = scenarioParameters(scenario);
    expect(copy).toStrictEqual(expected);
    expect(copy.salaries).not.toBe(scenario.salaries);
  });
});

describe('whyScenarioCannotBeDeleted', () => {
  it('refuses the default scenario, naming it, and allows any other', () => {
    expect(whyScenarioCannotBeDeleted({ name: 'Baseline', isDefault: true })).toBe('“Baseline” is the default scenario; make another scenario the default first');
    expect(whyScenarioCannotBeDeleted({ name: 'Lean', isDefault: false })).toBeNull();
  });
});
