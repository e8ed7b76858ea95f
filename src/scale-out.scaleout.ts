import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/database.js';
import { requireScaleOutEnv } from './testing/scale-out.js';
import { startServerProcess, type ServerProcess } from './testing/server-process.js';

/** A connection URL that confines a child process to the test's own schema. */
export function schemaUrl(database: TestDatabase): string {
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.schema}`);
  return url.toString();
}

describe('several instances on one PostgreSQL', () => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await database?.drop();
  });

  it('refuses a second instance without Redis, with a message that says what to do', async () => {
    requireScaleOutEnv();
    database = await createTestDatabase();
    const env = { TRIBUNE_DATABASE_URL: schemaUrl(database), TRIBUNE_DATA_DIR: database.dataDir, TRIBUNE_SECRET: 'shared-secret-for-both-instances' };
    servers.push(await startServerProcess(env));
    const error = await startServerProcess(env).catch((failure: Error) => failure);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/exited with 1/);
    expect((error as Error).message).toMatch(/TRIBUNE_REDIS_URL/);
  });
});
