import { defineConfig } from 'vitest/config';

/** Load and fault tests against real Tribune processes on loopback: one file at a time, each bounded. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
