// The unit suites alone, for mutation testing (npm run mutate): no bundle build,
// no browser, only a temporary folder for the run. The fuzz suite is left out:
// it takes seconds per run and a random seed, where every mutant wants a quick,
// repeatable answer.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/config/fuzz.test.ts'],
    globalSetup: ['test/tmp-setup.ts'],
    testTimeout: 30_000,
  },
});
