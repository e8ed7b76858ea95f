import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { runTribune } from '../testing/cli.js';
import { createTestDatabase, schemaConnectionUrl, type TestDatabase } from '../testing/database.js';
import { NOT_FETCHED } from './wordpress/media.js';
import { startOldSite, type OldSite } from './testing/wordpress-uploads.js';

/**
 * `tribune import wordpress FILE --media-dir UPLOADS`, run in this process against a database of its own
 * (a SQLite file, or under `--project pg` a PostgreSQL schema), with the old site of testing/wordpress-uploads.ts.
 */
describe('tribune import wordpress FILE --media-dir UPLOADS', () => {
  let oldSite: OldSite;
  let database: TestDatabase;
  let url: string;
  let handle: Db;

  beforeAll(async () => {
    oldSite = await startOldSite();
  });
  afterAll(() => oldSite.close());
  beforeEach(async () => {
    oldSite.requested.length = 0;
    database = await createTestDatabase({ migrated: true });
    url = database.schema ? schemaConnectionUrl(database) : database.url;
    handle = openDatabase(url);
    // PostgreSQL's schema starts empty; the checks below read tables even when the command wrote nothing.
    await migrateToLatest(handle);
  });
  afterEach(async () => {
    await handle.destroy();
    await database.drop();
  });

  const db = () => handle.db;
  const tribune = (args: string[]) =>
    runTribune(['import', 'wordpress', ...args], { TRIBUNE_DATA_DIR: database.dataDir, TRIBUNE_DATABASE_URL: url, TRIBUNE_REDIS_URL: '' });
  const count = async (table: 'articles' | 'media_items') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('brings the images in from the folder, reports what it could not fetch, and points the bodies at the library', async () => {
    const result = await tribune([oldSite.wxr, '--media-dir', oldSite.uploads]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/import wordpress images: done · 5 items in/);
    expect(result.stdout).toContain('  images: 3 imported, 0 skipped, 2 with errors\n');
    expect(result.stdout).toContain(`  ${NOT_FETCHED} (2):\n`);
    expect(result.stdout).toContain(`${oldSite.site}/wp-content/uploads/2024/05/missing.jpg: not in the media folder; the old site answered HTTP 404`);

    const harbour = await db().selectFrom('media_items').select('id').where('filename', '=', 'harbour.jpg').executeTakeFirstOrThrow();
    const story = await db().selectFrom('articles').select('body_md').where('slug', '=', 'harbour-story').executeTakeFirstOrThrow();
    expect(story.body_md).toContain(`![Boats in the harbour](/media/${harbour.id})`);
    // Only what the folder lacks (or holds unusable) was asked of the old site.
    expect(oldSite.requested).not.toContain('/wp-content/uploads/2024/05/harbour.jpg');
  });

  it('refuses a --media-dir that is not a folder, before importing anything', async () => {
    const missing = join(oldSite.uploads, 'no-such-folder');
    const result = await tribune([oldSite.wxr, '--media-dir', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${missing}: no such folder (give a copy of the old site's wp-content/uploads)`);
    expect(result.stdout).toBe('');
    expect(await Promise.all([count('articles'), count('media_items')])).toEqual([0, 0]);
  });
});
