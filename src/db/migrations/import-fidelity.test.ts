import { Migrator, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { openDatabase, type Db } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { migrationContext, type AnyDb } from './context.js';
import { migrations } from './index.js';

// Migration 0014 on a database that already holds imports (SQLite here; PostgreSQL under npm run test:pg).
describe('migration 0014-import-fidelity on existing data', () => {
  let database: TestDatabase;
  let opened: Db;
  beforeEach(async () => {
    database = await createTestDatabase();
    opened = openDatabase(database.url, { schema: database.schema });
    const context = migrationContext(opened.dialect);
    const before: Record<string, Migration> = {};
    for (const [name, factory] of Object.entries(migrations)) if (name < '0014') before[name] = factory(context);
    const { error } = await new Migrator({ db: opened.db, provider: { getMigrations: async () => before }, ...(database.schema ? { migrationTableSchema: database.schema } : {}) }).migrateToLatest();
    expect(error).toBeUndefined();
  });
  afterEach(async () => {
    await opened.destroy();
    await database.drop();
  });

  it('keeps remembered ids as unscoped legacy rows and existing articles as they were, with room for bylines and old addresses', async () => {
    const db = opened.db as unknown as AnyDb;
    const time = '2024-01-01T00:00:00.000Z';
    await db.insertInto('users').values({ id: 'u1', email: 'ed@example.org', display_name: 'Ed', role: 'editor', created_at: time, updated_at: time }).execute();
    await db.insertInto('articles').values({ id: 'a1', slug: 'old-story', title: 'Old story', author_id: 'u1', status: 'published', published_at: time, created_at: time, updated_at: time }).execute();
    await db.insertInto('import_ids').values([
      { source: 'wordpress', kind: 'post', external_id: '101', local_id: 'a1', run_id: 'r1', created_at: time },
      { source: 'disqus', kind: 'thread', external_id: '1001', local_id: 'a1', run_id: 'r2', created_at: time },
    ]).execute();
    await db.insertInto('import_pending').values({ source: 'disqus', kind: 'post', external_id: '9', waits_for: 'thread:1', line: 3, payload: '{}' }).execute();

    expect(await migrateToLatest(opened)).toContain('0014-import-fidelity');

    expect(await db.selectFrom('import_ids').select(['source', 'scope', 'kind', 'external_id', 'local_id']).orderBy('source').execute()).toEqual([
      { source: 'disqus', scope: '', kind: 'thread', external_id: '1001', local_id: 'a1' },
      { source: 'wordpress', scope: '', kind: 'post', external_id: '101', local_id: 'a1' },
    ]);
    // The same post id of another site is now a row of its own.
    await db.insertInto('import_ids').values({ source: 'wordpress', scope: 'other.example', kind: 'post', external_id: '101', local_id: 'a1', run_id: 'r3', created_at: time }).execute();
    await expect(db.insertInto('import_ids').values({ source: 'wordpress', scope: 'other.example', kind: 'post', external_id: '101', local_id: 'a1', run_id: 'r4', created_at: time }).execute()).rejects.toThrow();
    // Parking is run-time state, started afresh with its scope column.
    expect(await db.selectFrom('import_pending').selectAll().execute()).toEqual([]);
    await db.insertInto('import_pending').values({ source: 'disqus', scope: 'forum', kind: 'post', external_id: '9', waits_for: 'thread:1', line: 3, payload: '{}' }).execute();

    expect(await db.selectFrom('articles').select(['slug', 'sticky']).execute()).toEqual([{ slug: 'old-story', sticky: 0 }]);
    await db.insertInto('article_bylines').values({ article_id: 'a1', user_id: 'u1', position: 1 }).execute();
    await db.insertInto('article_redirects').values({ path: '/?p=101', host: 'old.example', article_id: 'a1', source: 'wordpress', created_at: time }).execute();
    await db.deleteFrom('articles').where('id', '=', 'a1').execute();
    // An article's bylines and old addresses go with it.
    expect(await db.selectFrom('article_bylines').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('article_redirects').selectAll().execute()).toEqual([]);
  });
});
