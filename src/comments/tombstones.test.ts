import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createReader, createTestArticle, guestBrowser, post, postId, relax } from './test-fixtures.js';

interface Listed {
  threads: { id: string; status: string; replies: { id: string; status: string }[] }[];
}

describe('tombstones', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const threadsFor = async (slug: string, as?: Parameters<TestApp['request']>[0]['as']) =>
    (await t.request({ url: `/api/articles/${slug}/comments`, as })).json<Listed>().threads;

  it('leaves none for others where a comment was deleted before it was ever published; its author still sees theirs', async () => {
    const article = await createTestArticle(t, { premoderate: true });
    const guest = guestBrowser(t);
    const held = await post(t, guest, article.slug, { text: 'Waiting for a moderator, then withdrawn.', name: 'Hana Held' });
    expect(held.json().comment.status).toBe('pending');
    const id = held.json().comment.id as string;
    expect((await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: guest })).statusCode).toBe(200);

    const stranger = await createReader(t, 'Someone Else');
    expect(await threadsFor(article.slug, stranger)).toEqual([]);
    expect(await threadsFor(article.slug)).toEqual([]);
    const page = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    expect(page.body).not.toContain('Comment deleted');
    expect(page.body).toContain('No comments yet.');
    expect((await threadsFor(article.slug, guest)).map((thread) => [thread.id, thread.status])).toEqual([[id, 'deleted']]);
  });

  it('keeps one where it holds up replies, and drops a deleted leaf for others as the live page does', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Author');
    const replier = await createReader(t, 'Replier');
    const root = await postId(t, author, article.slug, 'A comment that gets an answer.');
    const reply = await postId(t, replier, article.slug, 'The answer.', root);
    const leaf = await postId(t, author, article.slug, 'A comment nobody answered.');
    for (const id of [root, leaf]) expect((await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: author })).statusCode).toBe(200);

    const seen = await threadsFor(article.slug, replier);
    expect(seen.map((thread) => [thread.id, thread.status, thread.replies.map((r) => r.id)])).toEqual([[root, 'deleted', [reply]]]);
    // Once the reply goes too, nothing is left to hold up.
    expect((await t.request({ method: 'DELETE', url: `/api/comments/${reply}`, as: replier })).statusCode).toBe(200);
    expect(await threadsFor(article.slug)).toEqual([]);
    expect((await threadsFor(article.slug, author)).map((thread) => thread.id).sort()).toEqual([leaf, root].sort());
  });
});
