import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { seedDemoComments } from './seed.js';
import { createTestArticle } from './test-fixtures.js';

describe('demo comments', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('gives the lead story a threaded discussion: ~30 comments, replies 3+ deep, staff answers, one held', async () => {
    const older = await createTestArticle(t, { publishedAt: new Date(t.clock.now().getTime() - 27 * 3_600_000).toISOString() });
    const lead = await createTestArticle(t, { publishedAt: new Date(t.clock.now().getTime() - 3 * 3_600_000).toISOString() });
    await seedDemoComments(t.runtime);
    const rows = await t.runtime.db.selectFrom('comments').selectAll().where('article_id', '=', lead.id).execute();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(Math.max(...rows.map((row) => row.depth))).toBeGreaterThanOrEqual(3);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(1);
    expect(rows.every((row) => row.created_at <= t.clock.now().toISOString())).toBe(true);
    expect((await t.runtime.db.selectFrom('comments').select('id').where('article_id', '=', older.id).execute()).length).toBeGreaterThan(0);

    const api = (await t.request({ url: `/api/articles/${lead.slug}/comments` })).json();
    expect(api.count).toBe(rows.length - 1);
    expect(api.threads[0].replies.length).toBeGreaterThan(0);
    expect(JSON.stringify(api)).toContain('"staff":true');
    const page = await t.request({ url: `/articles/${lead.slug}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('replying to');
    expect(page.body).not.toContain('Every last one of them');
  });
});
