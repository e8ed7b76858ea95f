import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { createReader, createTestArticle, guestBrowser, post, postId, relax } from './test-fixtures.js';

describe('writing comments', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
  });
  afterEach(() => t.close());

  const count = async () => Number((await t.runtime.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses bad input with the right status and stores nothing', async () => {
    const article = await createTestArticle(t);
    const other = await createTestArticle(t);
    const reader = await createReader(t);
    const elsewhere = await postId(t, reader, other.slug, 'On another story');
    const before = await count();

    expect((await post(t, reader, article.slug, { text: '   \n\t ' })).json()).toMatchObject({ error: 'COMMENT_EMPTY' });
    expect((await post(t, reader, article.slug, { text: '\u200b ' })).statusCode).toBe(400);
    const long = await post(t, reader, article.slug, { text: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(413);
    expect(long.json()).toMatchObject({ error: 'COMMENT_TOO_LONG', limit: 5000 });
    expect(long.json().message).toContain('5000');
    expect((await post(t, reader, 'no-such-story', { text: 'Hello' })).statusCode).toBe(404);
    const wrongParent = await post(t, reader, article.slug, { text: 'Reply', parentId: elsewhere });
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().error).toBe('COMMENT_PARENT_INVALID');
    expect((await post(t, reader, article.slug, { text: 'Reply', parentId: '0000000000aaaaaaaaaa' })).statusCode).toBe(400);
    const huge = await t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: reader, payload: { text: 'x'.repeat(40_000) } });
    expect(huge.statusCode).toBe(413);
    const guest = await post(t, guestBrowser(t), article.slug, { text: 'Hi', name: ' ' });
    expect(guest.statusCode).toBe(400);
    const impersonator = await post(t, guestBrowser(t), article.slug, { text: 'Hi', name: 'The Edit0r' });
    expect(impersonator.json().error).toBe('DISPLAY_NAME_RESERVED');
    expect(await count()).toBe(before);
  });

  it('answers 403 COMMENTS_CLOSED on closed and auto-closed articles, which stay readable', async () => {
    const reader = await createReader(t);
    const open = await createTestArticle(t, { closeAfterDays: 2 });
    await postId(t, reader, open.slug, 'Early bird');
    const closed = await createTestArticle(t, { commentsOpen: false });
    const refused = await post(t, reader, closed.slug, { text: 'Hello' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'COMMENTS_CLOSED', message: 'Comments are closed on this article.' });

    t.clock.advance(2 * 86_400_000);
    const late = await post(t, reader, open.slug, { text: 'Too late' });
    expect(late.statusCode).toBe(403);
    expect(late.json().message).toContain('2 days after publication');
    const page = await t.request({ url: `/articles/${open.slug}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Early bird');
    expect(page.body).toContain('Comments closed 2 days after publication.');
    expect(page.body).not.toContain('action="/comments" data-action="post"');

    // The site default applies when the article has none.
    await t.runtime.settings.update('comments', { autoCloseDays: 1 });
    const fresh = await createTestArticle(t);
    t.clock.advance(86_400_000);
    expect((await post(t, reader, fresh.slug, { text: 'Hello' })).statusCode).toBe(403);
  });

  it('lets the author edit inside the window only, marks it edited, and refuses others', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Author');
    const other = await createReader(t, 'Other');
    const id = await postId(t, author, article.slug, 'First *draft*');
    const notMine = await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: other, payload: { text: 'Hijacked' } });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error).toBe('NOT_YOUR_COMMENT');

    t.clock.advance(14 * 60_000);
    const edited = await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: author, payload: { text: 'Second **draft**' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().comment).toMatchObject({ mine: true });
    expect(edited.json().comment.html.trim()).toBe('<p>Second <strong>draft</strong></p>');
    expect(edited.json().comment.editedAt).toBe(t.clock.now().toISOString());

    t.clock.advance(61_000);
    const late = await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: author, payload: { text: 'Third' } });
    expect(late.statusCode).toBe(403);
    expect(late.json().error).toBe('EDIT_WINDOW_CLOSED');
    const page = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('(edited)');
    expect(page.body).toContain('Second <strong>draft</strong>');
  });

  it('deletes to a tombstone that keeps the replies in place', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t, 'Author');
    const replier = await createReader(t, 'Replier');
    const root = await postId(t, author, article.slug, 'Something I regret');
    const reply = await postId(t, replier, article.slug, 'A reply', root);
    expect((await t.request({ method: 'DELETE', url: `/api/comments/${root}`, as: replier })).statusCode).toBe(403);
    t.clock.advance(3 * 3_600_000);
    const deleted = await t.request({ method: 'DELETE', url: `/api/comments/${root}`, as: author });
    expect(deleted.statusCode).toBe(200);
    const stored = await t.runtime.db.selectFrom('comments').selectAll().where('id', '=', root).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'deleted', body: '', body_html: '' });
    const [thread] = (await t.request({ url: `/api/articles/${article.slug}/comments` })).json().threads;
    expect(thread).toMatchObject({ id: root, status: 'deleted', html: '', author: { name: '' } });
    expect(thread.replies[0].id).toBe(reply);
    const page = await t.request({ url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Comment deleted');
    expect(page.body).not.toContain('Something I regret');
    expect((await t.request({ url: `/api/articles/${article.slug}/comments` })).json().count).toBe(1);
  });

  it('gives guests a cookie identity: own edits and deletes within the window, own held comments marked', async () => {
    const article = await createTestArticle(t, { premoderate: true });
    const first = await t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: t.anonymous(), payload: { text: 'Held for review', name: 'Guesty' } });
    expect(first.statusCode).toBe(201);
    expect(first.json().comment).toMatchObject({ status: 'pending', mine: true });
    const cookie = first.cookies.find((c) => c.name === 'tribune_guest');
    expect(cookie?.httpOnly).toBe(true);
    const anonymous = t.anonymous();
    const guest = { ...anonymous, cookie: `${anonymous.cookie}; tribune_guest=${cookie!.value}` };
    const id = first.json().comment.id;

    const own = (await t.request({ url: `/api/articles/${article.slug}/comments`, as: guest })).json();
    expect(own.threads.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[id, 'pending']]);
    const mine = (await t.request({ url: `/api/articles/${article.slug}/comments/mine`, as: guest })).json();
    expect(mine.mine[0]).toMatchObject({ id, status: 'pending', text: 'Held for review' });
    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: guestBrowser(t) })).json().threads).toEqual([]);
    const reader = await createReader(t);
    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: reader })).json().threads).toEqual([]);

    expect((await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: guestBrowser(t), payload: { text: 'x' } })).statusCode).toBe(404);
    const edit = await t.request({ method: 'PATCH', url: `/api/comments/${id}`, as: guest, payload: { text: 'Held, edited' } });
    expect(edit.json()).toMatchObject({ comment: { text: 'Held, edited', status: 'pending' } });
    t.clock.advance(16 * 60_000);
    expect((await t.request({ method: 'DELETE', url: `/api/comments/${id}`, as: guest })).json().error).toBe('EDIT_WINDOW_CLOSED');
  });

  it('nudges before storing, and "post anyway" sends the comment to review', async () => {
    await t.runtime.settings.update('moderation', { suspectWords: ['zorblax'], nudge: true });
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const before = await count();
    const nudged = await post(t, reader, article.slug, { text: 'You are a zorblax' });
    expect(nudged.statusCode).toBe(422);
    expect(nudged.json()).toMatchObject({ error: 'NUDGE', message: 'This may break our rules — edit or post anyway' });
    expect(nudged.json().reasons.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
    const anyway = await post(t, reader, article.slug, { text: 'You are a zorblax', postAnyway: true });
    expect(anyway.statusCode).toBe(201);
    expect(anyway.json().comment.status).toBe('pending');
    const stored = await t.runtime.db.selectFrom('comments').selectAll().where('id', '=', anyway.json().comment.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.moderation_reasons).length).toBeGreaterThan(0);
  });

  it('stores a rejected comment for moderators and tells the author with 422', async () => {
    await t.runtime.settings.update('moderation', { bannedWords: ['grobnik'] });
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const rejected = await post(t, reader, article.slug, { text: 'Total grobnik' });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error).toBe('COMMENT_REJECTED');
    const stored = await t.runtime.db.selectFrom('comments').select(['status', 'moderation_reasons']).where('id', '=', rejected.json().commentId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('rejected');
    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: reader })).json().threads).toEqual([]);
  });

  it('toggles one reaction per reader and per guest cookie', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t);
    const fan = await createReader(t);
    const guest = guestBrowser(t);
    const id = await postId(t, author, article.slug, 'Like me');
    const react = (as: TestIdentity) => t.request({ method: 'POST', url: `/api/comments/${id}/reactions`, as }).then((r) => r.json());
    expect(await react(fan)).toEqual({ reacted: true, reactions: 1 });
    expect(await react(guest)).toEqual({ reacted: true, reactions: 2 });
    expect(await react(fan)).toEqual({ reacted: false, reactions: 1 });
    expect(await react(fan)).toEqual({ reacted: true, reactions: 2 });
    const view = (await t.request({ url: `/api/articles/${article.slug}/comments`, as: fan })).json().threads[0];
    expect(view).toMatchObject({ reactions: 2, reacted: true });
    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: author })).json().threads[0].reacted).toBe(false);
  });

  it('stores flags with reason, one per reporter, and counts them', async () => {
    const article = await createTestArticle(t);
    const author = await createReader(t);
    const reporter = await createReader(t);
    const id = await postId(t, author, article.slug, 'Flag me');
    const events: unknown[] = [];
    t.runtime.events.subscribe('moderation', (event) => events.push(event));
    const flag = (as: TestIdentity, payload: object) => t.request({ method: 'POST', url: `/api/comments/${id}/flags`, as, payload });
    expect((await flag(reporter, { reason: 'spam', note: 'Selling pills' })).statusCode).toBe(201);
    expect((await flag(reporter, { reason: 'abusive' })).json()).toMatchObject({ alreadyFlagged: true });
    expect((await flag(guestBrowser(t), { reason: 'off-topic' })).statusCode).toBe(201);
    expect((await flag(reporter, { reason: 'rude' })).statusCode).toBe(400);
    const flags = await t.runtime.db.selectFrom('comment_flags').selectAll().orderBy('created_at').execute();
    expect(flags.map((f) => [f.reason, f.reporter_user_id])).toEqual([['spam', reporter.userId], ['off-topic', null]]);
    expect(flags[0].note).toBe('Selling pills');
    const stored = await t.runtime.db.selectFrom('comments').select('flag_count').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.flag_count).toBe(2);
    expect(events).toContainEqual(expect.objectContaining({ type: 'comment.flagged', commentId: id, flagCount: 2 }));
  });
});
