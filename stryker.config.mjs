// Mutation testing of the planner and the domain rules (npm run test:mutation; not part of npm test).
// StrykerJS changes one thing at a time in the code under test (a `>` into `>=`, a condition into
// `true`, …) and runs the unit tests that cover it: a mutant that no test notices is a rule no test
// pins down. The report goes to reports/mutation/ (not committed); the score is in the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/planner/**/*.ts',
    'src/core/domain/**/*.ts',
    // Data, not rules: the catalogs and the demo organisation.
    '!src/core/domain/catalog/capabilities.ts',
    '!src/core/domain/catalog/roles.ts',
    '!src/core/domain/catalog/starter.ts',
    '!src/core/domain/demo.ts',
    '!src/core/domain/maturity.ts',
    '!src/core/domain/layers.ts',
    '!src/core/**/index.ts',
  ],
  ignoreStatic: true,
  // The wording of reasons is checked where it matters (tests that read them); a mutant of every
  // string would measure the prose, not the rules.
  mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  // Re-runs only the mutants whose code or tests changed since the last run (reports/stryker-incremental.json).
  incremental: true,
};
