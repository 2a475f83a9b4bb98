import { defaultScenario, type Scenario } from './planning';

/** A scenario's planning parameters: everything but its id and whether it is the default. */
export type ScenarioParameters = Omit<Scenario, 'id' | 'isDefault'>;
export type ScenarioParameterKey = keyof ScenarioParameters;

const DEFAULTS = defaultScenario('2000-01-01');

/**
 * Every planning parameter of a scenario, in the order defaultScenario sets them. defaultScenario
 * must set every field of Scenario (the type says so), so a field added there is listed here at
 * once, and storage, the JSON export and the forms that walk this list carry it without an edit.
 */
export const SCENARIO_PARAMETER_KEYS: readonly ScenarioParameterKey[] = Object.keys(DEFAULTS).filter(
  (key): key is ScenarioParameterKey => key !== 'id' && key !== 'isDefault',
);

/** Parameters whose value is a structure (e.g. salaries by role) rather than a single value. */
export function isStructuredParameter(key: ScenarioParameterKey): boolean {
  const value = DEFAULTS[key];
  return typeof value === 'object' && value !== null;
}

/** A copy whose structures are new objects, so its holder may change them (e.g. a form's fields). */
export type FreshCopy<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] extends object ? { -readonly [P in keyof T[K]]: T[K][P] } : T[K];
};

/** A scenario's parameters as a fresh object (structures copied), e.g. to duplicate it. */
export function scenarioParameters(scenario: Scenario): FreshCopy<ScenarioParameters> {
  const entries = SCENARIO_PARAMETER_KEYS.map((key) => {
    const value = scenario[key];
    return [key, typeof value === 'object' && value !== null ? structuredClone(value) : value] as const;
  });
  return Object.fromEntries(entries) as unknown as FreshCopy<ScenarioParameters>;
}

/**
 * Why a scenario may not be deleted, or null when it may. The default scenario is what the CLI,
 * the menu's PDF export and a fresh window plan with, so it is never deleted from under them: the
 * user makes another scenario the default first (and so there is always at least one scenario).
 */
export function whyScenarioCannotBeDeleted(scenario: Pick<Scenario, 'name' | 'isDefault'>): string | null {
  return scenario.isDefault ? `“${scenario.name}” is the default scenario; make another scenario the default first` : null;
}
