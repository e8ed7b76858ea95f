import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.js';
import { requireScaleOutEnv } from '../testing/scale-out.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('migrations on PostgreSQL', () => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('applies every migration once when several instances migrate at the same moment', async () => {
    requireScaleOutEnv();
    database = await createTestDatabase();
    const handles = [0, 1, 2].map(() => openDatabase(database.url, { schema: database.schema }));
    try {
      const applied = await Promise.all(handles.map((handle) => migrateToLatest(handle)));
      const all = applied.flat();
      expect(all.sort()).toEqual(Object.keys(migrations).sort());
      const rows = await handles[0].db.selectFrom('kysely_migration' as never).selectAll().execute();
      expect(rows).toHaveLength(Object.keys(migrations).length);
    } finally {
      await Promise.all(handles.map((handle) => handle.destroy()));
    }
  });

  it('ignores the migration tables of a neighbouring schema on the same database', async () => {
    requireScaleOutEnv();
    const neighbour = await createTestDatabase();
    const neighbourHandle = openDatabase(neighbour.url, { schema: neighbour.schema });
    try {
      await migrateToLatest(neighbourHandle);
      database = await createTestDatabase();
      const own = openDatabase(database.url, { schema: database.schema });
      try {
        expect(await migrateToLatest(own)).toEqual(Object.keys(migrations));
      } finally {
        await own.destroy();
      }
    } finally {
      await neighbourHandle.destroy();
      await neighbour.drop();
    }
  });
});
