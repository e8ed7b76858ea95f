import { defineConfig } from 'vitest/config';

/** Browser journeys in Debian's Chromium against real Tribune processes. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
