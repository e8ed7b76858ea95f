import { defineConfig } from 'vitest/config';
import { TEST_SERVICES } from './src/testing/require-services.js';

/**
 * Every suite, one project each (README "Test suites"). `vitest run` alone runs `unit`, as `npm test`
 * does; the others run with `--project NAME` through their npm scripts.
 *
 * Time limits here only stop a hung test: none is near what a test needs on a loaded 2-core machine.
 * Tests wait for conditions (src/testing/wait.ts, `expect.poll`), never for time.
 */
const HUNG = { testTimeout: 240_000, hookTimeout: 240_000 };

/** `unit` and `pg` share one module graph per worker: importing the app once per worker, not once per file. */
const SHARED_WORKERS = { isolate: false, maxWorkers: 2, setupFiles: ['src/testing/setup.ts'] };

export default defineConfig({
  test: {
    // The CLI's --project filter, given a default here (vitest reads it from the config too, untyped):
    // a plain `vitest run FILE` runs FILE on SQLite only, and `--project pg` replaces this.
    ...{ project: ['unit'] },
    pool: 'forks',
    expect: { poll: { timeout: 120_000 } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], ...SHARED_WORKERS, ...HUNG },
      },
      {
        extends: true,
        test: {
          name: 'pg',
          include: ['src/**/*.test.ts', 'src/**/*.scaleout.ts'],
          ...SHARED_WORKERS,
          // One file at a time: Kysely's migrator reads the catalogue of every schema in the database, and
          // a neighbouring worker dropping its test schema mid-read fails that read ("schema … does not exist").
          maxWorkers: 1,
          ...HUNG,
          env: TEST_SERVICES,
          // An unreachable PostgreSQL or Redis fails the run before any test; it never falls back to SQLite.
          globalSetup: ['src/testing/require-services.ts'],
        },
      },
      {
        extends: true,
        // Browser journeys in Debian's Chromium against real Tribune processes, one file at a time.
        test: { name: 'e2e', include: ['test/e2e/**/*.e2e.ts'], fileParallelism: false, ...HUNG },
      },
      {
        extends: true,
        // Load and fault tests against real Tribune processes on loopback: one file at a time.
        test: { name: 'faults', include: ['test/faults/**/*.fault.ts'], fileParallelism: false, testTimeout: 600_000, hookTimeout: 240_000 },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['src/**/*.slow.ts', 'test/slow/**/*.slow.ts'],
          fileParallelism: false,
          // The memory test forces collections to see the live heap rather than garbage not yet collected.
          execArgv: ['--expose-gc'],
          testTimeout: 1_200_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
