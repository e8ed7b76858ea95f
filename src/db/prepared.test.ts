import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { openDatabase, type Db } from './database.js';
import { migrateToLatest } from './migrate.js';
import { preparedQuery } from './prepared.js';

describe('queries compiled once', () => {
  let test: TestDatabase;
  let handle: Db;
  beforeAll(async () => {
    test = await createTestDatabase();
    handle = openDatabase(test.url, { schema: test.schema });
    await migrateToLatest(handle);
    const time = '2026-01-01T00:00:00.000Z';
    await handle.db.insertInto('settings').values([
      { key: 'alpha', value: '"one"', updated_at: time },
      { key: 'beta', value: '"two"', updated_at: time },
    ]).execute();
  });
  afterAll(async () => {
    await handle.destroy();
    await test.drop();
  });

  const settingByKey = preparedQuery<{ key: string; after: string }>()((db, arg) =>
    db.selectFrom('settings').select(['key', 'value']).where('key', '=', arg('key')).where('updated_at', '>', arg('after')).where('key', '!=', 'never'));

  it('runs the one compiled query with each call’s values, and keeps the constants it was built with', async () => {
    expect(await settingByKey(handle.db, { key: 'alpha', after: '2025-01-01' })).toEqual([{ key: 'alpha', value: '"one"' }]);
    expect(await settingByKey(handle.db, { key: 'beta', after: '2025-01-01' })).toEqual([{ key: 'beta', value: '"two"' }]);
    expect(await settingByKey(handle.db, { key: 'beta', after: '2027-01-01' })).toEqual([]);
  });

  it('refuses a query in which an argument did not become a parameter', async () => {
    const broken = preparedQuery<{ key: string }>()((db) => db.selectFrom('settings').select('key'));
    const unused = preparedQuery<{ key: string }>()((db, arg) => {
      arg('key');
      return db.selectFrom('settings').select('key');
    });
    expect(await broken(handle.db, { key: 'x' })).toHaveLength(2);
    await expect(unused(handle.db, { key: 'x' })).rejects.toThrow(/did not become a parameter/);
  });
});
