import pg from 'pg';

export const BENCH_POSTGRES_URL = process.env.TRIBUNE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A throwaway schema for one bench run; `drop()` removes it with everything in it. */
export async function createBenchSchema(url: string): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  return { url, schema, drop: () => run(`drop schema if exists ${schema} cascade`) };
}

/** Whether PostgreSQL answers, so a bench can say it measured only SQLite instead of failing. */
export async function postgresReachable(url = BENCH_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
