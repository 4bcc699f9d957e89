import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The second reporter prints, after the summary, which browser the Chromium
    // suites ran in, or a banner when they were skipped for want of one.
    reporters: ['default', './test/chromium-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tests start real servers and child processes; two cores is the machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
