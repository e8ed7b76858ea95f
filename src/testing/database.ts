import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  /** PostgreSQL schema this test owns; undefined on SQLite. */
  schema: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test: a SQLite file in a temporary folder, or, when
 * TRIBUNE_TEST_DATABASE_URL names PostgreSQL, a schema of its own that is dropped afterwards.
 * An unreachable PostgreSQL fails the test; it never falls back to SQLite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribune-test-'));
  const postgresUrl = process.env.TRIBUNE_TEST_DATABASE_URL;
  if (!postgresUrl || postgresUrl.startsWith('sqlite:')) {
    return {
      url: `sqlite:${join(dataDir, 'tribune.db')}`,
      schema: undefined,
      dataDir,
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return {
    url: postgresUrl,
    schema,
    dataDir,
    async drop() {
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await cleanup.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
