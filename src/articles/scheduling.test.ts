import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { createArticleScheduler } from './scheduler.js';

const HOUR = 3_600_000;

describe('scheduled publishing', () => {
  let t: TestApp;
  let editor: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp({ clock: createClock('2025-03-01T08:00:00Z') });
    editor = await t.signIn('editor');
  });
  afterEach(() => t.close());

  async function schedule(title: string, at: string) {
    const response = await t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { title, status: 'scheduled', publishedAt: at } });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; slug: string };
  }

  const visible = async (slug: string) => {
    const [articlePage, home, feed, sitemap] = await Promise.all([
      t.app.inject({ url: `/articles/${slug}`, headers: { accept: 'text/html' } }),
      t.app.inject({ url: '/' }),
      t.app.inject({ url: '/feed.xml' }),
      t.app.inject({ url: '/sitemap.xml' }),
    ]);
    return {
      page: articlePage.statusCode === 200,
      home: home.body.includes(`/articles/${slug}`),
      feed: feed.body.includes(`/articles/${slug}`),
      sitemap: sitemap.body.includes(`/articles/${slug}`),
    };
  };

  it('goes live at its time with no restart and no job, and stays hidden before', async () => {
    const article = await schedule('Budget hearing, line by line', '2025-03-01T10:00:00+01:00');
    expect(await visible(article.slug)).toEqual({ page: false, home: false, feed: false, sitemap: false });

    t.clock.set('2025-03-01T08:59:59Z');
    expect((await visible(article.slug)).page).toBe(false);

    t.clock.set('2025-03-01T09:00:00Z');
    expect(await visible(article.slug)).toEqual({ page: true, home: true, feed: true, sitemap: true });
  });

  it('marks due articles published in one pass of the scheduler, leaving future ones scheduled', async () => {
    const due = await schedule('Due soon', '2025-03-01T09:00:00Z');
    const later = await schedule('Due later', '2025-03-02T09:00:00Z');
    const scheduler = createArticleScheduler(t.runtime);
    expect(await scheduler.tick()).toBe(0);

    t.clock.advance(2 * HOUR);
    // Two instances running the same pass at once publish each article once, without error.
    const other = createArticleScheduler(t.runtime);
    const announced: unknown[] = [];
    const stop = t.runtime.events.subscribe('articles', (event) => announced.push(event));
    const counts = await Promise.all([scheduler.tick(), other.tick()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    // Through Redis the announcement makes a round trip; it must come, and only once.
    await expect.poll(() => announced).toEqual([{ type: 'article.published', id: due.id, slug: due.slug }]);
    stop();

    const status = async (id: string) => (await t.request({ url: `/api/admin/articles/${id}`, as: editor })).json();
    expect(await status(due.id)).toMatchObject({ status: 'published', publishedAt: '2025-03-01T09:00:00.000Z', public: true });
    expect(await status(later.id)).toMatchObject({ status: 'scheduled', public: false });
    expect((await t.request({ url: '/api/admin/articles?status=published', as: editor })).json().total).toBe(1);
  });

  it('starts and stops its timer with the app', async () => {
    const scheduler = createArticleScheduler(t.runtime, 10);
    const article = await schedule('Timer', '2025-03-01T08:30:00Z');
    t.clock.advance(HOUR);
    scheduler.start();
    await expect.poll(async () => (await t.request({ url: `/api/admin/articles/${article.id}`, as: editor })).json().status).toBe('published');
    await scheduler.stop();
  });

  it('reschedules, publishes now, or returns a scheduled article to draft', async () => {
    const article = await schedule('Movable', '2025-03-05T09:00:00Z');
    const moved = await t.request({ method: 'POST', url: `/api/admin/articles/${article.id}/schedule`, as: editor, payload: { publishedAt: '2025-03-06T09:00:00Z' } });
    expect(moved.json()).toMatchObject({ status: 'scheduled', publishedAt: '2025-03-06T09:00:00.000Z' });
    const now = await t.request({ method: 'POST', url: `/api/admin/articles/${article.id}/publish`, as: editor });
    expect(now.json()).toMatchObject({ status: 'published', publishedAt: '2025-03-01T08:00:00.000Z', public: true });
    const draft = await t.request({ method: 'POST', url: `/api/admin/articles/${article.id}/unpublish`, as: editor });
    expect(draft.json()).toMatchObject({ status: 'draft', public: false });
  });

  it('refuses a published article dated in the future; it must be scheduled instead', async () => {
    const response = await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'Too early', status: 'published', publishedAt: '2025-03-09T00:00:00Z' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'DATE_INVALID', field: 'publishedAt' });
  });
});
