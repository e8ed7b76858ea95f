import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { createReader, createTestArticle, guestBrowser, post, postId, relax } from './test-fixtures.js';

/** The like control of one comment on the article page as this viewer gets it. */
async function likeControl(t: TestApp, slug: string, id: string, as?: TestIdentity): Promise<string> {
  const page = await t.request({ url: `/articles/${slug}`, ...(as ? { as } : {}) });
  expect(page.statusCode).toBe(200);
  const card = new RegExp(`<li[^>]* id="c-${id}"[\\s\\S]*?<footer class="comment__actions">([\\s\\S]*?)</footer>`).exec(page.body);
  if (!card) throw new Error(`comment ${id} is not on the page`);
  return card[1];
}

describe('readers cannot like their own comments', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const like = (id: string, as: TestIdentity) => t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as });
  const count = async (id: string) => Number((await t.runtime.db.selectFrom('comments').select('reaction_count').where('id', '=', id).executeTakeFirstOrThrow()).reaction_count);

  it('refuses a reader’s like of their own comment with a clear 403, and takes everyone else’s', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Ada Author');
    const id = await postId(t, author, article.slug, 'My own words');

    const own = await like(id, author);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toEqual({ error: 'OWN_COMMENT_REACTION', message: 'You cannot like your own comment.' });
    expect(await count(id)).toBe(0);

    expect((await like(id, await createReader(t))).json()).toEqual({ reacted: true, reactions: 1 });
    expect((await like(id, author)).statusCode).toBe(403);
    expect(await count(id)).toBe(1);
  });

  it('refuses a guest’s like of their own comment, through the API, the plain form, and after they sign in', async () => {
    const article = await createTestArticle(t);
    const guest = guestBrowser(t);
    const posted = await post(t, guest, article.slug, { text: 'A guest’s thought', name: 'Gus Guest' });
    expect(posted.statusCode).toBe(201);
    const id = posted.json().comment.id as string;

    expect((await like(id, guest)).json()).toMatchObject({ error: 'OWN_COMMENT_REACTION' });
    const form = await t.request({
      method: 'POST', url: `/comments/${id}/react`, as: guest,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ _csrf: guest.csrf }).toString(),
    });
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('You cannot like your own comment.');

    // The same browser signed in: its guest cookie still says who wrote the comment.
    const reader = await createReader(t);
    const guestCookie = /tribune_guest=[^;]+/.exec(guest.cookie)![0];
    expect((await like(id, { ...reader, cookie: `${reader.cookie}; ${guestCookie}` })).statusCode).toBe(403);
    expect(await count(id)).toBe(0);
  });

  it('draws the count without a button for the author, and a button named by what it shows for others', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Ada Author');
    const id = await postId(t, author, article.slug, 'Worth a like');
    await like(id, await createReader(t));

    const forAuthor = await likeControl(t, article.slug, id, author);
    expect(forAuthor).not.toContain('/react');
    expect(forAuthor).not.toContain('<button type="submit" class="comment__react');
    expect(forAuthor).toMatch(/<span class="comment__likes" data-action="react"><span aria-hidden="true">♥<\/span> <span data-reactions>1<\/span> like<\/span>/);

    const forOthers = await likeControl(t, article.slug, id);
    expect(forOthers).toMatch(/<button type="submit" class="comment__react link-button" aria-pressed="false"><span aria-hidden="true">♥<\/span> Like <span data-reactions>1<\/span><\/button>/);
    // No aria-label: the accessible name is the visible text, "Like 1".
    expect(forOthers).not.toContain('aria-label');
  });
});
