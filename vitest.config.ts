import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tests start real servers and child processes; two cores is the machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
