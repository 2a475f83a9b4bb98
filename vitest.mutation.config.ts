import { defineConfig } from 'vitest/config';

/** The unit tests that pin down the planner's and the domain's rules, for StrykerJS (stryker.config.mjs). */
export default defineConfig({
  test: {
    include: ['tests/unit/core/planner/**/*.test.ts', 'tests/unit/core/domain/**/*.test.ts', 'tests/unit/core/progress/**/*.test.ts', 'tests/integration/progress/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
