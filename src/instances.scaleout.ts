import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { MultiInstanceWithoutRedisError, registerInstance } from './instances.js';
import { createTestDatabase, type TestDatabase } from './testing/database.js';
import { requireScaleOutEnv } from './testing/scale-out.js';

describe('instance registry on PostgreSQL', () => {
  let database: TestDatabase;
  let handle: Db;
  afterEach(async () => {
    await handle?.destroy();
    await database?.drop();
  });

  async function setUp() {
    requireScaleOutEnv();
    database = await createTestDatabase();
    handle = openDatabase(database.url, { schema: database.schema });
    await migrateToLatest(handle);
    return { db: handle.db, now: () => new Date() };
  }

  it('refuses a second live instance when Redis is missing', async () => {
    const deps = await setUp();
    const first = await registerInstance(deps, { hasRedis: false });
    await expect(registerInstance(deps, { hasRedis: false })).rejects.toBeInstanceOf(MultiInstanceWithoutRedisError);
    await expect(registerInstance(deps, { hasRedis: true })).rejects.toThrow(/TRIBUNE_REDIS_URL/);
    await first.stop();
    const again = await registerInstance(deps, { hasRedis: false });
    await again.stop();
  });

  it('lets any number of instances run together when all have Redis', async () => {
    const deps = await setUp();
    const all = [await registerInstance(deps, { hasRedis: true }), await registerInstance(deps, { hasRedis: true })];
    expect(new Set(all.map((instance) => instance.id)).size).toBe(2);
    await Promise.all(all.map((instance) => instance.stop()));
  });

  it('forgets an instance that stopped sending heartbeats', async () => {
    const deps = await setUp();
    let clock = new Date('2026-01-01T00:00:00Z');
    const crashed = await registerInstance({ db: deps.db, now: () => clock }, { hasRedis: false });
    void crashed; // never stopped: its process died
    clock = new Date('2026-01-01T00:05:00Z');
    const next = await registerInstance({ db: deps.db, now: () => clock }, { hasRedis: false });
    await next.stop();
  });
});
