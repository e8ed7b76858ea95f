import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { auditRows, createReader, createTestArticle, formPost, mails, page, post, postHeld, postId, setUpModeration } from './helpers.js';

describe('featured comments and closing comments from the queue', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  it('a moderator or an editor features a comment: pinned above the threads, the reader is mailed once, and it can be taken back', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Insightful');
    const moderator = await t.signIn('moderator');
    const editor = await t.signIn('editor');
    const id = await postId(t, reader, article.slug, 'A *really* useful first-hand account');
    await postId(t, await createReader(t), article.slug, 'Ordinary reply');
    expect((await page(t, undefined, `/articles/${article.slug}`)).body).not.toContain('data-featured');

    const featured = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/feature`, as: editor, payload: {} });
    expect(featured.statusCode).toBe(200);
    const body = (await page(t, undefined, `/articles/${article.slug}`)).body;
    expect(body).toContain('<h3 id="comments-featured-heading">Featured</h3>');
    expect(body).toMatch(new RegExp(`data-featured-id="${id}">[\\s\\S]*<em>really</em> useful`));
    // Featuring twice changes nothing and mails once.
    await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/feature`, as: moderator, payload: {} });
    const mailed = mails(t).filter((mail) => mail.to === reader.email && mail.subject.includes('is featured'));
    expect(mailed).toHaveLength(1);
    expect(mailed[0].text).toContain(`/articles/${article.slug}#c-${id}`);
    expect((await t.request({ url: `/api/admin/moderation/comments/${id}`, as: moderator })).json()).toMatchObject({ featured: true });
    expect((await page(t, moderator, `/admin/moderation/comments/${id}`)).body).toContain('data-action="unfeature"');

    const unfeatured = await formPost(t, moderator, `/admin/moderation/comments/${id}/unfeature`, { returnTo: `/admin/moderation/comments/${id}` });
    expect(unfeatured.headers.location).toBe(`/admin/moderation/comments/${id}?done=unfeature`);
    expect((await page(t, undefined, `/articles/${article.slug}`)).body).not.toContain('data-featured');
    expect((await auditRows(t, { commentId: id })).map((row) => [row.action, row.actor_id])).toEqual([['feature', editor.userId], ['unfeature', moderator.userId]]);

    // Only published comments, and readers may not.
    const held = await postHeld(t, reader, article.slug);
    const notPublished = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${held}/feature`, as: moderator, payload: {} });
    expect(notPublished.statusCode).toBe(409);
    expect(notPublished.json().error).toBe('MOD_NOT_FEATURABLE');
    expect((await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/feature`, as: reader, payload: {} })).statusCode).toBe(401);
  });

  it('closes and reopens comments on the article from a queue item, logged', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const editor = await t.signIn('editor');
    const id = await postHeld(t, reader, article.slug);
    expect((await page(t, moderator, `/admin/moderation/comments/${id}`)).body).toContain('Close comments on the article');

    const closed = await formPost(t, moderator, `/admin/moderation/comments/${id}/close-comments`, { returnTo: '/admin/moderation' });
    expect(closed.headers.location).toBe('/admin/moderation?done=close-comments');
    const refused = await post(t, await createReader(t), article.slug, { text: 'Too late?' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('COMMENTS_CLOSED');
    expect((await page(t, moderator, `/admin/moderation/comments/${id}`)).body).toContain('Reopen comments on the article');

    const reopened = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/open-comments`, as: editor, payload: {} });
    expect(reopened.statusCode).toBe(200);
    expect((await post(t, await createReader(t), article.slug, { text: 'Open again' })).statusCode).toBe(201);
    expect((await auditRows(t, { commentId: id })).map((row) => row.action)).toEqual(['system_hold', 'close_comments', 'open_comments']);
  });
});
