import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { createReader, createTestArticle, guestBrowser, page, postId, setUpModeration } from './helpers.js';

describe('readers are told before they post that their comment will be reviewed first', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  const notice = (body: string) => /data-review-first>([^<]*)</.exec(body)?.[1] ?? null;

  it('names the rule that applies: a new reader, the reader, the article, the site; staff and settled readers see none', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    expect(notice((await page(t, reader, `/articles/${article.slug}`)).body)).toBeNull();

    await t.runtime.settings.update('moderation', { newReaderPremoderateCount: 2 });
    expect(notice((await page(t, reader, `/articles/${article.slug}`)).body)).toBe('Your first 2 comments are reviewed by a moderator before they appear.');
    const guest = guestBrowser(t);
    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: guest })).json().viewer.reviewFirst).toBe('Your first 2 comments are reviewed by a moderator before they appear.');
    for (const text of ['One approved', 'Two approved']) {
      const id = (await t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: reader, payload: { text } })).json().comment.id as string;
      await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/approve`, as: moderator, payload: {} });
    }
    expect(notice((await page(t, reader, `/articles/${article.slug}`)).body)).toBeNull();
    expect(notice((await page(t, moderator, `/articles/${article.slug}`)).body)).toBeNull();

    await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/premoderate`, as: moderator, payload: {} });
    expect(notice((await page(t, reader, `/articles/${article.slug}`)).body)).toBe('Your comments are reviewed by a moderator before they appear.');

    const reviewed = await createTestArticle(t, { premoderate: true });
    expect(notice((await page(t, await createReader(t), `/articles/${reviewed.slug}`)).body)).toBe('Comments on this article are reviewed by a moderator before they appear.');
    await t.runtime.settings.update('moderation', { premoderateAll: true });
    expect(notice((await page(t, reader, `/articles/${article.slug}`)).body)).toBe('Every comment on this site is reviewed by a moderator before it appears.');
    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: moderator })).json().viewer.reviewFirst).toBeNull();

    // The notice tells the truth: the next comment is indeed held.
    const held = await t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: reader, payload: { text: 'Reviewed, as I was told' } });
    expect(held.json().comment.status).toBe('pending');
    await postId(t, moderator, article.slug, 'Staff post straight through');
  });
});
