import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClock, startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { relatedTeasers } from './queries.js';

describe('"More on this topic"', () => {
  let t: TestApp;
  let editor: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp({ clock: createClock('2025-06-01T12:00:00Z') });
    editor = await t.signIn('editor');
    for (const name of ['Housing', 'City Hall', 'Environment', 'Transit']) {
      await t.request({ method: 'POST', url: '/api/admin/topics', as: editor, payload: { name } });
    }
  });
  afterEach(() => t.close());

  async function story(slug: string, topics: string[], daysAgo: number, status = 'published') {
    const publishedAt = new Date(Date.parse('2025-06-01T12:00:00Z') - daysAgo * 86_400_000).toISOString();
    const response = await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: slug, slug, topics, status, ...(status === 'draft' ? {} : { publishedAt }) },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string };
  }

  it('ranks by shared topics, then newest first, never itself, public only, at most five', async () => {
    const main = await story('main', ['housing', 'city-hall', 'environment'], 0);
    await story('three-shared-old', ['housing', 'city-hall', 'environment'], 30);
    await story('two-shared-new', ['housing', 'city-hall'], 1);
    await story('two-shared-older', ['city-hall', 'environment', 'transit'], 5);
    await story('one-shared-newest', ['housing'], 2);
    await story('one-shared-middle', ['environment'], 3);
    await story('one-shared-oldest', ['city-hall'], 40);
    await story('no-shared', ['transit'], 0.5);
    await story('draft-three-shared', ['housing', 'city-hall', 'environment'], 0, 'draft');
    const future = await t.request({
      method: 'POST', url: '/api/admin/articles', as: editor,
      payload: { title: 'future', slug: 'future-three-shared', topics: ['housing', 'city-hall', 'environment'], status: 'scheduled', publishedAt: '2025-06-03T00:00:00Z' },
    });
    expect(future.statusCode).toBe(201);

    const related = await relatedTeasers(t.runtime.db, main.id, t.clock.now(), 5);
    expect(related.map((row) => row.slug)).toEqual([
      'three-shared-old', 'two-shared-new', 'two-shared-older', 'one-shared-newest', 'one-shared-middle',
    ]);

    const page = await t.app.inject({ url: '/articles/main', headers: { accept: 'text/html' } });
    const aside = page.body.slice(page.body.indexOf('More on this topic'));
    const order = ['three-shared-old', 'two-shared-new', 'two-shared-older', 'one-shared-newest', 'one-shared-middle'].map((slug) => aside.indexOf(`/articles/${slug}"`));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(aside).not.toContain('/articles/main"');
    expect(aside).not.toContain('one-shared-oldest');
    expect(aside).not.toContain('draft-three-shared');
    expect(aside).not.toContain('future-three-shared');
  });

  it('shows no related box for an article without topics', async () => {
    await story('lonely', [], 0);
    const page = await t.app.inject({ url: '/articles/lonely', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('More on this topic');
  });
});
