import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { auditRows, commentStatus, createReader, createTestArticle, listen, openStream, post, postHeld, setUpModeration, until } from './helpers.js';

describe('held comments and the live queue', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  it('keeps a held comment from other readers and the article stream until a moderator approves it, then shows it live', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Held Author');
    const other = await createReader(t, 'Other Reader');
    const moderator = await t.signIn('moderator');
    const port = await listen(t);
    const articleStream = await openStream(port, `/api/articles/${article.slug}/live`);
    const queueStream = await openStream(port, '/api/admin/moderation/live', moderator.cookie);
    expect(queueStream.response.statusCode).toBe(200);
    expect(queueStream.response.headers['content-type']).toContain('text/event-stream');
    await until(() => t.runtime.events.listenerCount(`article:${article.id}`) === 1);
    // The audit recorder listens too, so the queue stream makes two.
    await until(() => t.runtime.events.listenerCount('moderation') === 2);

    const id = await postHeld(t, author, article.slug);
    expect(await queueStream.waitFor('comment.held')).toEqual({ type: 'comment.held', commentId: id, status: 'pending' });
    expect(await queueStream.waitFor('counts')).toMatchObject({ pending: 1 });

    const asOther = (await t.request({ url: `/api/articles/${article.slug}/comments`, as: other })).json();
    expect(JSON.stringify(asOther)).not.toContain(id);
    const anonymousPage = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    expect(anonymousPage.body).not.toContain('holdme');
    // The author sees their own comment as awaiting review.
    const mine = (await t.request({ url: `/api/articles/${article.slug}/comments/mine`, as: author })).json();
    expect(mine.mine).toEqual([expect.objectContaining({ id, status: 'pending' })]);
    expect(articleStream.events.filter((e) => e.event === 'comment.created')).toEqual([]);

    t.clock.advance(60_000);
    const approved = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/approve`, as: moderator, payload: {} });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ comment: { commentId: id, ok: true, status: 'published' }, counts: { pending: 0 } });
    expect(await articleStream.waitFor('comment.created')).toMatchObject({ comment: { id, status: 'published', author: { name: 'Held Author' } } });
    // One stream delivers in order: had the held comment been streamed, it would have come first.
    expect(articleStream.events.filter((e) => e.event === 'comment.created')).toHaveLength(1);
    expect(await queueStream.waitFor('moderation.action')).toMatchObject({ action: 'approve', commentIds: [id], actorId: moderator.userId });
    expect(await queueStream.waitFor('counts', (data) => data.pending === 0)).toMatchObject({ pending: 0 });
    expect(await commentStatus(t, id)).toBe('published');
    const asOtherAfter = (await t.request({ url: `/api/articles/${article.slug}/comments`, as: other })).json();
    expect(JSON.stringify(asOtherAfter)).toContain(id);

    const audit = await auditRows(t, { commentId: id });
    expect(audit.map((row) => [row.action, row.actor_id])).toEqual([['system_hold', null], ['approve', moderator.userId]]);
    expect(JSON.parse(audit[0].detail).reasons).toEqual([expect.objectContaining({ code: 'SUSPECT_WORD', matches: ['holdme'] })]);

    queueStream.close();
    articleStream.close();
    await until(() => t.runtime.events.listenerCount('moderation') === 1);
  });

  it('tells the stream when a comment is rejected on arrival or reported, and refuses the stream to non-moderators', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const port = await listen(t);
    const editorStream = await openStream(port, '/api/admin/moderation/live', (await t.signIn('editor')).cookie);
    expect(editorStream.response.statusCode).toBe(403);
    editorStream.close();
    const anonymous = await openStream(port, '/api/admin/moderation/live');
    expect(anonymous.response.statusCode).toBe(401);
    anonymous.close();

    const stream = await openStream(port, '/api/admin/moderation/live', moderator.cookie);
    await until(() => t.runtime.events.listenerCount('moderation') === 2);
    const refused = await post(t, reader, article.slug, { text: 'a zapword here' });
    expect(refused.statusCode).toBe(422);
    const rejectedId = refused.json().commentId as string;
    expect(await stream.waitFor('comment.held')).toEqual({ type: 'comment.held', commentId: rejectedId, status: 'rejected' });

    const published = (await post(t, reader, article.slug, { text: 'A fair point about the budget.' })).json().comment.id as string;
    await t.request({ method: 'POST', url: `/api/comments/${published}/flags`, as: await createReader(t), payload: { reason: 'spam', note: 'ad' } });
    expect(await stream.waitFor('comment.flagged')).toEqual({ type: 'comment.flagged', commentId: published, flagCount: 1 });
    expect(await stream.waitFor('counts', (data) => data.reported === 1)).toMatchObject({ reported: 1, rejected: 1 });
    stream.close();
  });
});
