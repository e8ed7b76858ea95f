import { defineConfig } from 'vitest/config';

/** Slow proofs kept out of `npm test`: the 200 MB import in bounded memory. Run by `npm run test:slow` (and CI). */
export default defineConfig({
  test: {
    include: ['src/**/*.slow.ts'],
    pool: 'forks',
    fileParallelism: false,
    // The memory test forces collections to see the live heap rather than garbage not yet collected.
    execArgv: ['--expose-gc'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
