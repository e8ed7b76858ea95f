import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';

// Newsrooms co-write: an article carries further bylines, and can be pinned to the top of the home page.
describe('co-authors and pinned articles', () => {
  let t: TestApp;
  let editor: TestIdentity;
  let colleague: TestIdentity;
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.signIn('editor');
    colleague = await t.signIn('editor');
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/admin/articles', as: editor, payload: { body: 'Body.', status: 'published', ...payload } });

  it('names every byline on the page, lists the story on each author\'s page, and refuses a co-author who is not staff', async () => {
    const created = await create({ title: 'Written together', coAuthors: [colleague.userId, editor.userId] });
    expect(created.statusCode).toBe(201);
    // The author listed again as co-author is named once.
    expect(created.json().coAuthors).toEqual([{ id: colleague.userId, name: expect.any(String) }]);
    const page = (await t.request({ url: '/articles/written-together' })).body;
    expect(page).toMatch(new RegExp(`By <a rel="author" href="/authors/${editor.userId}">[^<]+</a> and <a rel="author" href="/authors/${colleague.userId}">`));
    expect((await t.request({ url: `/authors/${colleague.userId}` })).body).toContain('Written together');

    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id: 'reader00000000000001', email: 'r@example.org', display_name: 'Rea', role: 'reader', created_at: time, updated_at: time }).execute();
    const refused = await create({ title: 'Not by a reader', coAuthors: ['reader00000000000001'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'AUTHOR_UNKNOWN', field: 'coAuthors' });
  });

  it('keeps co-authors and the pin through the editor form, and pins the story above newer ones', async () => {
    const older = (await create({ title: 'Pinned story', publishedAt: '2020-01-01T00:00:00Z', sticky: true })).json();
    await create({ title: 'Newer story' });
    const home = (await t.request({ url: '/' })).body;
    expect(home.indexOf('Pinned story')).toBeGreaterThan(0);
    expect(home.indexOf('Pinned story')).toBeLessThan(home.indexOf('Newer story'));

    const form = await t.request({ url: `/admin/articles/${older.id}`, as: editor });
    expect(form.body).toMatch(/name="sticky" value="1" checked/);
    const saved = await t.request({
      method: 'POST', url: `/admin/articles/${older.id}`, as: editor,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', editor.csrf], ['action', 'save'], ['title', 'Pinned story'], ['slug', older.slug], ['body', 'Body.'], ['authorId', editor.userId], ['coAuthors', colleague.userId]]).toString(),
    });
    expect(saved.statusCode).toBe(303);
    const after = (await t.request({ url: `/api/admin/articles/${older.id}`, as: editor })).json();
    expect(after).toMatchObject({ sticky: false, coAuthors: [{ id: colleague.userId }] });
  });
});
