import { defineConfig } from 'vitest/config';

/** The same suite on PostgreSQL + Redis, plus the scale-out tests that need several instances. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.scaleout.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
