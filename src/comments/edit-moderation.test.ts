import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TribuneEvent } from '../events/index.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { commentsDeps } from './plugin.js';
import { editComment } from './service.js';
import { setCommentStatus } from './status.js';
import { createReader, createTestArticle, guestBrowser, postId, relax } from './test-fixtures.js';

describe('an edit goes through the same moderation as a new comment', () => {
  let t: TestApp;
  let moderator: TestIdentity;
  beforeEach(async () => {
    t = await startTestApp();
    await relax(t);
    // "holdme" always holds and "zapword" always rejects, whatever the classifier model says.
    await t.runtime.settings.update('moderation', { nudge: false, suspectWords: ['holdme'], bannedWords: ['zapword'] });
    moderator = await t.signIn('moderator');
  });
  afterEach(() => t.close());

  const edit = (as: TestIdentity, id: string, text: string) => t.request({ method: 'PATCH', url: `/api/comments/${id}`, as, payload: { text } });
  const stored = (id: string) => t.runtime.db.selectFrom('comments').select(['status', 'body', 'moderation_reasons']).where('id', '=', id).executeTakeFirstOrThrow();
  const reasonCodes = async (id: string) => (JSON.parse((await stored(id)).moderation_reasons) as { code: string }[]).map((reason) => reason.code);
  const threadIds = async (slug: string, as?: TestIdentity) =>
    ((await t.request({ url: `/api/articles/${slug}/comments`, ...(as ? { as } : {}) })).json().threads as { id: string; status: string }[]).map((c) => `${c.id}:${c.status}`);
  const page = async (slug: string) => (await t.request({ url: `/articles/${slug}`, headers: { accept: 'text/html' } })).body;
  const audit = (id: string) => t.runtime.db.selectFrom('moderation_actions').selectAll().where('comment_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const moderate = (path: string, payload: Record<string, unknown> = {}) => t.request({ method: 'POST', url: `/api/admin/moderation/${path}`, as: moderator, payload });

  it("holds a new guest's edit that adds a link: hidden from others, queued with its reasons, and approving publishes the edited text", async () => {
    await t.runtime.settings.update('moderation', { linkMinApproved: 1 });
    const article = await createTestArticle(t);
    const guest = guestBrowser(t);
    const id = await postId(t, guest, article.slug, 'Nice article');
    expect((await stored(id)).status).toBe('published');
    const live: TribuneEvent[] = [];
    const queue: TribuneEvent[] = [];
    t.runtime.events.subscribe(`article:${article.id}`, (event) => live.push(event));
    t.runtime.events.subscribe('moderation', (event) => queue.push(event));

    t.clock.advance(60_000);
    const edited = await edit(guest, id, 'Nice article. Better deals at https://cheap-pills.example/buy');
    expect(edited.statusCode).toBe(200);
    expect(edited.json().comment).toMatchObject({ id, status: 'pending', mine: true, text: 'Nice article. Better deals at https://cheap-pills.example/buy' });
    expect(await stored(id)).toMatchObject({ status: 'pending' });
    expect(await reasonCodes(id)).toEqual(['LINK_NEW_READER', 'EDITED']);

    // Others see nothing of it, not even a placeholder; its author sees it waiting.
    expect(await threadIds(article.slug)).toEqual([]);
    expect(await threadIds(article.slug, guestBrowser(t))).toEqual([]);
    expect(await threadIds(article.slug, guest)).toEqual([`${id}:pending`]);
    const html = await page(article.slug);
    expect(html).not.toContain(`c-${id}`);
    expect(html).not.toContain('cheap-pills');
    expect(html).not.toContain('Nice article');
    expect(live).toEqual([{ type: 'comment.deleted', id, rootId: id, status: 'removed' }]);
    expect(queue).toContainEqual(expect.objectContaining({ type: 'comment.held', commentId: id }));

    const pending = (await t.request({ url: '/api/admin/moderation/queue?tab=pending', as: moderator })).json();
    const item = pending.items.find((entry: { comment: { id: string } }) => entry.comment.id === id);
    expect(item.comment).toMatchObject({ status: 'pending', editedAt: t.clock.now().toISOString() });
    expect(item.comment.html).toContain('cheap-pills.example');
    expect(item.reasons).toContainEqual(expect.objectContaining({ code: 'LINK_NEW_READER', matches: ['https://cheap-pills.example/buy'] }));
    await until(async () => (await audit(id)).some((row) => row.action === 'system_hold'));
    expect((await audit(id)).map((row) => [row.action, row.actor_id, row.created_at])).toEqual([['system_hold', null, t.clock.now().toISOString()]]);
    expect((await audit(id))[0].reason).toContain('link');

    t.clock.advance(60_000);
    expect((await moderate(`comments/${id}/approve`)).statusCode).toBe(200);
    expect(await threadIds(article.slug)).toEqual([`${id}:published`]);
    const [shown] = (await t.request({ url: `/api/articles/${article.slug}/comments` })).json().threads;
    expect(shown.html).toContain('Better deals at');
    expect(await page(article.slug)).toContain('Better deals at');
    expect(live.at(-1)).toMatchObject({ type: 'comment.created', comment: { id, html: expect.stringContaining('Better deals at') } });
  });

  it("refuses a banned reader's edit with 403 and leaves the published comment as it was", async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Soon Banned');
    const id = await postId(t, reader, article.slug, 'A fair point, politely made');
    expect((await moderate(`readers/${reader.userId}/ban`, { reason: 'Abuse elsewhere' })).statusCode).toBe(200);

    const refused = await edit(reader, id, 'A fair point, politely made. Read my blog for more!');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'COMMENTER_BANNED', message: expect.stringContaining('banned') });
    // Standing is judged first: the refusal does not turn into a rejection that takes the comment down.
    expect((await edit(reader, id, 'Now that I am banned: zapword')).json().error).toBe('COMMENTER_BANNED');
    expect(await stored(id)).toMatchObject({ status: 'published', body: 'A fair point, politely made' });
    expect(await threadIds(article.slug)).toEqual([`${id}:published`]);
  });

  it('refuses a suspended reader until the suspension ends, then takes the edit', async () => {
    await t.runtime.settings.update('comments', { editWindowMinutes: 3 * 24 * 60 });
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postId(t, reader, article.slug, 'First thoughts');
    expect((await moderate(`readers/${reader.userId}/suspend`, { days: 1, reason: 'Cool off' })).statusCode).toBe(200);
    const until1 = new Date(t.clock.now().getTime() + 86_400_000).toISOString();

    const refused = await edit(reader, id, 'Second thoughts');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'COMMENTER_SUSPENDED', until: until1, message: expect.stringContaining(until1) });
    expect(await stored(id)).toMatchObject({ status: 'published', body: 'First thoughts' });

    t.clock.advance(86_400_000 + 1000);
    const later = await edit(reader, id, 'Second thoughts');
    expect(later.statusCode).toBe(200);
    expect(later.json().comment).toMatchObject({ status: 'published', text: 'Second thoughts' });
  });

  it('holds edits where pre-moderation applies now: the whole site, one reader, one article', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const [a, b, c] = [await postId(t, reader, article.slug, 'Comment A'), await postId(t, reader, article.slug, 'Comment B'), await postId(t, reader, article.slug, 'Comment C')];

    await t.runtime.settings.update('moderation', { premoderateAll: true });
    expect((await edit(reader, a, 'Comment A, edited')).json().comment.status).toBe('pending');
    expect(await reasonCodes(a)).toContain('PREMODERATED');
    await t.runtime.settings.update('moderation', { premoderateAll: false });

    expect((await moderate(`readers/${reader.userId}/premoderate`)).statusCode).toBe(200);
    expect((await edit(reader, b, 'Comment B, edited')).json().comment.status).toBe('pending');
    expect(await reasonCodes(b)).toContain('PREMODERATED_READER');
    expect((await moderate(`readers/${reader.userId}/unpremoderate`)).statusCode).toBe(200);

    await t.runtime.db.updateTable('articles').set({ premoderate: 1 }).where('id', '=', article.id).execute();
    expect((await edit(reader, c, 'Comment C, edited')).json().comment.status).toBe('pending');
    expect(await reasonCodes(c)).toContain('PREMODERATED_ARTICLE');
    await t.runtime.db.updateTable('articles').set({ premoderate: 0 }).where('id', '=', article.id).execute();

    // Editing while held never publishes: the moderator was asked to look, and sees the newest text.
    expect((await edit(reader, a, 'Comment A, edited twice')).json().comment.status).toBe('pending');
    expect(await reasonCodes(a)).toEqual(['EDITED_WHILE_HELD']);
    expect(await threadIds(article.slug)).toEqual([]);
  });

  it('rejects an edit that adds a banned word, keeping the attempt for moderators; a suspect word holds it', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postId(t, reader, article.slug, 'I disagree with the mayor');
    const rejected = await edit(reader, id, 'I disagree with the mayor, zapword');
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json()).toMatchObject({ error: 'COMMENT_REJECTED', commentId: id, reasons: [expect.objectContaining({ code: 'BANNED_WORD' })] });
    expect(await stored(id)).toMatchObject({ status: 'rejected', body: 'I disagree with the mayor, zapword' });
    expect(await threadIds(article.slug)).toEqual([]);
    expect(await page(article.slug)).not.toContain('I disagree with the mayor');
    await until(async () => (await audit(id)).length > 0);
    expect((await audit(id)).map((row) => [row.action, row.user_id])).toEqual([['system_reject', reader.userId]]);
    const tab = (await t.request({ url: '/api/admin/moderation/queue?tab=rejected', as: moderator })).json();
    expect(tab.items.map((entry: { comment: { id: string } }) => entry.comment.id)).toContain(id);
    // Out of the author's reach too, like any rejected comment: a second edit cannot bring it back.
    expect((await edit(reader, id, 'I take it back')).json().error).toBe('COMMENT_NOT_FOUND');
    expect(await stored(id)).toMatchObject({ status: 'rejected' });

    const other = await postId(t, reader, article.slug, 'Another view');
    const held = await edit(reader, other, 'Another view, holdme');
    expect(held.json().comment.status).toBe('pending');
    expect(await reasonCodes(other)).toEqual(['SUSPECT_WORD', 'EDITED']);
  });

  it('rejecting a held edit rejects the comment (the earlier text does not come back) and tells the reader why', async () => {
    await t.runtime.settings.update('moderation', { linkMinApproved: 1 });
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postId(t, reader, article.slug, 'Calm words');
    expect((await edit(reader, id, 'Calm words. Buy now at www.cheap-pills.biz')).json().comment.status).toBe('pending');
    expect((await moderate(`comments/${id}/reject`, { reason: 'spam' })).statusCode).toBe(200);
    expect(await stored(id)).toMatchObject({ status: 'rejected', body: 'Calm words. Buy now at www.cheap-pills.biz' });
    expect(await threadIds(article.slug)).toEqual([]);
    expect(await page(article.slug)).not.toContain('Calm words');
    const told = (await t.request({ url: '/api/account/rejected-comments', as: reader })).json();
    expect(told.items).toEqual([expect.objectContaining({ commentId: id, reason: 'Spam or advertising', excerpt: 'Calm words. Buy now at www.cheap-pills.biz' })]);
  });

  it("lets a moderator's decision taken while an edit is being judged stand (409), instead of the edit undoing it", async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const id = await postId(t, reader, article.slug, 'Borderline words');
    const deps = commentsDeps(t.runtime);
    let decided = false;
    // The moderator rejects the comment after the edit read it and before it writes.
    const settings = {
      ...deps.settings,
      get: async () => {
        if (!decided) {
          decided = true;
          await setCommentStatus(deps, id, 'rejected');
        }
        return deps.settings.get();
      },
    };
    const actor = { userId: reader.userId, role: 'reader' as const, displayName: null, guestKey: null };
    await expect(editComment({ ...deps, settings }, actor, id, { text: 'Harmless now, honest' })).rejects.toMatchObject({ code: 'COMMENT_CHANGED', status: 409 });
    expect(await stored(id)).toMatchObject({ status: 'rejected', body: 'Borderline words' });
  });

  it("judges an edit against the author's other comments and never against itself", async () => {
    await t.runtime.settings.update('moderation', { repeatWindowMinutes: 60, floodCount: 3, floodWindowSeconds: 60, linkMinApproved: 1 });
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const first = await postId(t, reader, article.slug, 'The same words');
    const second = await postId(t, reader, article.slug, 'Different words');
    const third = await postId(t, reader, article.slug, 'More words');
    // Its own earlier text is no repeat, and the comment being edited is not counted twice as a flood.
    expect((await edit(reader, first, 'The same words!')).json().comment.status).toBe('published');
    // Two approved comments besides this one vouch for a link, as they would on a new comment.
    expect((await edit(reader, third, 'More words: https://example.org/report')).json().comment.status).toBe('published');
    // Another comment's text is a repeat.
    expect((await edit(reader, second, 'The same words')).json().comment.status).toBe('pending');
    expect(await reasonCodes(second)).toEqual(['REPEAT_POST', 'EDITED']);
  });
});
