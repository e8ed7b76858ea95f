import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import {
  auditRows, commentStatus, createReader, createTestArticle, formPost, guestBrowser, mails, post, postHeld, postId, setUpModeration, until,
} from './helpers.js';

describe('moderator actions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  const userRow = (id: string) => t.runtime.db.selectFrom('users').select(['status', 'suspended_until', 'premoderate']).where('id', '=', id).executeTakeFirstOrThrow();

  it('bans a reader with a plain form post: the pipeline then rejects their comments, and lifting the ban lets them post', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Troll');
    const moderator = await t.signIn('moderator');
    const id = await postHeld(t, reader, article.slug);

    const banned = await formPost(t, moderator, `/admin/moderation/comments/${id}/ban`, { reason: 'Repeated abuse', returnTo: '/admin/moderation?tab=pending' });
    expect(banned.statusCode).toBe(303);
    expect(banned.headers.location).toBe('/admin/moderation?tab=pending&done=ban');
    expect(await userRow(reader.userId)).toMatchObject({ status: 'banned', suspended_until: null });
    expect(mails(t).find((mail) => mail.to === reader.email)).toMatchObject({ subject: expect.stringContaining('no longer comment'), text: expect.stringContaining('Repeated abuse') });

    const refused = await post(t, reader, article.slug, { text: 'Let me back in' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().reasons).toEqual([expect.objectContaining({ code: 'READER_BANNED' })]);
    const refusedId = refused.json().commentId as string;
    await until(async () => (await auditRows(t, { commentId: refusedId })).length === 1);
    expect(await auditRows(t, { commentId: refusedId })).toEqual([expect.objectContaining({ action: 'system_reject', actor_id: null, user_id: reader.userId })]);

    t.clock.advance(1000);
    const unbanned = await formPost(t, moderator, `/admin/moderation/readers/${reader.userId}/unban`, {});
    expect(unbanned.headers.location).toBe(`/admin/moderation/readers/${reader.userId}?done=unban`);
    expect((await userRow(reader.userId)).status).toBe('active');
    expect((await post(t, reader, article.slug, { text: 'Thanks, I will behave.' })).statusCode).toBe(201);

    const log = await auditRows(t, { userId: reader.userId });
    expect(log.filter((row) => row.actor_id === moderator.userId).map((row) => [row.action, row.reason, row.comment_id])).toEqual([
      ['ban', 'Repeated abuse', id],
      ['unban', '', null],
    ]);
  });

  it('suspends for 1, 7 or 30 days only, and the suspension ends on its own', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const start = t.clock.now().getTime();
    const wrong = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/suspend`, as: moderator, payload: { days: 3, reason: 'x' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('MOD_SUSPEND_DAYS_INVALID');
    const noReason = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/suspend`, as: moderator, payload: { days: 7 } });
    expect(noReason.json().error).toBe('MOD_REASON_REQUIRED');

    const suspended = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/suspend`, as: moderator, payload: { days: 7, reason: 'Cool off' } });
    expect(suspended.statusCode).toBe(200);
    const until7 = new Date(start + 7 * 86_400_000).toISOString();
    expect(suspended.json().reader).toMatchObject({ status: 'suspended', suspendedUntil: until7 });
    expect(await userRow(reader.userId)).toMatchObject({ status: 'suspended', suspended_until: until7 });
    const during = await post(t, reader, article.slug, { text: 'Still here?' });
    expect(during.json().reasons).toEqual([expect.objectContaining({ code: 'READER_SUSPENDED' })]);

    t.clock.advance(7 * 86_400_000 - 1000);
    expect((await post(t, reader, article.slug, { text: 'One second early' })).statusCode).toBe(422);
    t.clock.advance(2000);
    expect((await post(t, reader, article.slug, { text: 'Back after my week off.' })).statusCode).toBe(201);
    const record = (await t.request({ url: `/api/admin/moderation/readers/${reader.userId}`, as: moderator })).json();
    expect(record.reader).toMatchObject({ status: 'active', suspendedUntil: null, rejectedCount: 2, approvedCount: 1 });
    expect(record.actions.find((entry: { action: string }) => entry.action === 'suspend')).toMatchObject({
      reason: 'Cool off', detail: { until: until7, days: 7 }, actor: { id: moderator.userId },
    });
  });

  it('approves and rejects in bulk, by form and by API, each comment on its own, with an audit row each', async () => {
    const article = await createTestArticle(t);
    const readers = [await createReader(t, 'One'), await createReader(t, 'Two'), await createReader(t, 'Three')];
    const moderator = await t.signIn('moderator');
    const ids = [];
    for (const reader of readers) ids.push(await postHeld(t, reader, article.slug, `Please holdme, says ${reader.userId}`));
    const another = await postHeld(t, readers[0], article.slug, 'Another holdme');
    t.clock.advance(1000);

    const form = await formPost(t, moderator, '/admin/moderation/bulk', { action: 'approve', ids: [ids[0], ids[1]], returnTo: '/admin/moderation' });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/admin/moderation?done=bulk');
    expect(await commentStatus(t, ids[0])).toBe('published');
    expect(await commentStatus(t, ids[1])).toBe('published');

    const noneSelected = await formPost(t, moderator, '/admin/moderation/bulk', { action: 'approve', returnTo: '/admin/moderation' });
    expect(noneSelected.headers.location).toBe('/admin/moderation?error=MOD_BULK_EMPTY');
    const page = await t.request({ url: noneSelected.headers.location as string, as: moderator, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Select at least one comment first.');

    const api = await t.request({
      method: 'POST', url: '/api/admin/moderation/bulk', as: moderator,
      payload: { action: 'reject', ids: [ids[2], another, '0000000000nosuchcomm'], reason: 'spam', note: 'Same link everywhere' },
    });
    expect(api.statusCode).toBe(200);
    expect(api.json().results).toEqual([
      { commentId: ids[2], ok: true, status: 'rejected' },
      { commentId: another, ok: true, status: 'rejected' },
      { commentId: '0000000000nosuchcomm', ok: false, error: { code: 'MOD_COMMENT_NOT_FOUND', message: 'No such comment.' } },
    ]);
    expect(api.json().counts).toMatchObject({ pending: 0, rejected: 2 });

    for (const id of [ids[0], ids[1]]) expect((await auditRows(t, { commentId: id })).map((row) => row.action)).toEqual(['system_hold', 'approve']);
    const rejectRows = (await auditRows(t, { commentId: ids[2] })).map((row) => [row.action, row.reason]);
    expect(rejectRows).toEqual([['system_hold', 'Uses a word this site reviews.'], ['reject', 'Spam or advertising — Same link everywhere']]);
    const noReason = await t.request({ method: 'POST', url: '/api/admin/moderation/bulk', as: moderator, payload: { action: 'reject', ids: [ids[0]], reason: 'other' } });
    expect(noReason.json().error).toBe('MOD_REASON_REQUIRED');
  });

  it('changes a comment and writes its log row together: when the log cannot be written, the comment stays as it was', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const id = await postHeld(t, reader, article.slug);
    const renameLog = (from: string, to: string) => sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(t.runtime.db);
    t.clock.advance(1000);

    await renameLog('moderation_actions', 'moderation_actions_away');
    for (const action of ['approve', 'reject']) {
      const failed = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/${action}`, as: moderator, payload: { reason: 'spam' } });
      expect(failed.statusCode).toBe(500);
      expect(await commentStatus(t, id)).toBe('pending');
    }
    await renameLog('moderation_actions_away', 'moderation_actions');

    const approved = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/approve`, as: moderator, payload: {} });
    expect(approved.statusCode).toBe(200);
    expect(await commentStatus(t, id)).toBe('published');
    expect((await auditRows(t, { commentId: id })).map((row) => row.action)).toEqual(['system_hold', 'approve']);
  });

  it('rejects with a reason, emails the reader and lists the reason on their account', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Told');
    const moderator = await t.signIn('moderator');
    const id = await postId(t, reader, article.slug, 'Published, then reported');
    t.clock.advance(1000);
    const rejected = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/reject`, as: moderator, payload: { reason: 'off-topic', note: 'Please stay on the story' } });
    expect(rejected.statusCode).toBe(200);
    expect(await commentStatus(t, id)).toBe('rejected');
    const mail = mails(t).find((m) => m.to === reader.email);
    expect(mail).toMatchObject({ subject: expect.stringContaining('was not published') });
    expect(mail?.text).toContain('Off topic — Please stay on the story');
    expect(mail?.text).toContain('Published, then reported');

    // A system reject is explained too, in the pipeline's words.
    const refused = await post(t, reader, article.slug, { text: 'zapword zapword' });
    expect(refused.statusCode).toBe(422);
    const mine = (await t.request({ url: '/api/account/rejected-comments', as: reader })).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ commentId: refused.json().commentId, reason: 'Uses a word this site does not allow.' }),
      expect.objectContaining({ commentId: id, reason: 'Off topic — Please stay on the story', article: { title: expect.any(String), url: `/articles/${article.slug}` } }),
    ]);
    const accountPage = await t.request({ url: '/account', as: reader, headers: { accept: 'text/html' } });
    expect(accountPage.body).toContain('Comments not published');
    expect(accountPage.body).toContain('Off topic — Please stay on the story');
    expect((await t.request({ url: '/api/account/rejected-comments' })).statusCode).toBe(401);
    expect((await t.request({ url: '/api/account/rejected-comments', as: await createReader(t) })).json().items).toEqual([]);
  });

  it('warns, pre-moderates and lifts pre-moderation; guests and staff are out of reach of reader actions', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const id = await postId(t, reader, article.slug, 'A normal comment.');
    const warned = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/warn`, as: moderator, payload: { reason: 'Mind your tone' } });
    expect(warned.statusCode).toBe(200);
    expect(mails(t).find((m) => m.to === reader.email)?.text).toContain('Mind your tone');

    await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/premoderate`, as: moderator, payload: {} });
    expect((await userRow(reader.userId)).premoderate).toBe(1);
    const held = (await post(t, reader, article.slug, { text: 'Reviewed first now.' })).json().comment;
    expect(held.status).toBe('pending');
    const lifted = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/unpremoderate`, as: moderator, payload: {} });
    expect(lifted.json().reader).toMatchObject({ premoderate: false, status: 'active' });
    expect((await post(t, reader, article.slug, { text: 'Straight through again.' })).json().comment.status).toBe('published');
    expect((await auditRows(t, { userId: reader.userId })).filter((row) => row.actor_id).map((row) => row.action)).toEqual(['warn', 'premoderate', 'unpremoderate']);

    await t.runtime.settings.update('moderation', { premoderateAll: true });
    const guestPost = await post(t, guestBrowser(t), article.slug, { text: 'Guest words', name: 'Visitor' });
    const guestId = guestPost.json().comment.id as string;
    // Guests can be suspended or banned (guests.test.ts), but there is no one to warn or pre-moderate.
    const guestBan = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${guestId}/warn`, as: moderator, payload: { reason: 'x' } });
    expect(guestBan.statusCode).toBe(400);
    expect(guestBan.json().error).toBe('MOD_GUEST_AUTHOR');
    expect((await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${guestId}/approve`, as: moderator, payload: {} })).statusCode).toBe(200);
    expect(await commentStatus(t, guestId)).toBe('published');

    const editor = await t.signIn('editor');
    const staffBan = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${editor.userId}/ban`, as: moderator, payload: { reason: 'coup' } });
    expect(staffBan.statusCode).toBe(403);
    expect(staffBan.json().error).toBe('MOD_NOT_A_READER');
    expect((await userRow(editor.userId)).status).toBe('active');
  });

  it('keeps a reported comment by approving it, which clears it from Reported until it is reported again', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    await t.runtime.settings.update('moderation', { reportThreshold: 2 });
    const id = await postId(t, reader, article.slug, 'Controversial but fine.');
    const flag = async (note: string) => {
      t.clock.advance(1000);
      return t.request({ method: 'POST', url: `/api/comments/${id}/flags`, as: await createReader(t), payload: { reason: 'abusive', note } });
    };
    await flag('first');
    const queue = async () => (await t.request({ url: '/api/admin/moderation/queue?tab=reported', as: moderator })).json();
    expect((await queue()).items).toEqual([]);
    await flag('second');
    expect((await queue()).items.map((item: { comment: { id: string } }) => item.comment.id)).toEqual([id]);
    expect((await queue()).items[0].flags.map((f: { note: string }) => f.note)).toEqual(['first', 'second']);

    t.clock.advance(1000);
    await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/approve`, as: moderator, payload: {} });
    expect(await commentStatus(t, id)).toBe('published');
    expect((await queue()).items).toEqual([]);
    expect((await queue()).counts.reported).toBe(0);
    t.clock.advance(1000);
    await flag('third');
    expect((await queue()).items).toHaveLength(1);
    await until(async () => (await auditRows(t, { commentId: id })).filter((row) => row.action === 'flag').length === 3);
    expect((await auditRows(t, { commentId: id })).map((row) => row.action)).toEqual(['flag', 'flag', 'approve', 'flag']);
  });
});
