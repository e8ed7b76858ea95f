import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export interface TestDatabase {
  url: string;
  /** PostgreSQL schema this test owns; undefined on SQLite. */
  schema: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

let sqliteTemplate: Promise<string> | undefined;

/**
 * A SQLite file with every migration applied, made once per test process: copying it is a
 * millisecond, applying the migrations to each test's database took a tenth of a second.
 */
function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tribune-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'tribune.db');
    const database = openDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(database);
    } finally {
      // Closing the only connection checkpoints the write-ahead log into the file, so the file alone is whole.
      await database.destroy();
    }
    return file;
  })();
  return sqliteTemplate;
}

/**
 * A fresh database for one test: a SQLite file in a temporary folder, or, when
 * TRIBUNE_TEST_DATABASE_URL names PostgreSQL, a schema of its own that is dropped afterwards.
 * An unreachable PostgreSQL fails the test; it never falls back to SQLite.
 * `migrated` starts a SQLite file with the schema already in place (PostgreSQL migrates as it opens).
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribune-test-'));
  const postgresUrl = process.env.TRIBUNE_TEST_DATABASE_URL;
  if (!postgresUrl || postgresUrl.startsWith('sqlite:')) {
    if (options.migrated) copyFileSync(await migratedSqliteFile(), join(dataDir, 'tribune.db'));
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

/** A connection URL that confines a child process to the test's own PostgreSQL schema. */
export function schemaConnectionUrl(database: TestDatabase): string {
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.schema}`);
  return url.toString();
}
