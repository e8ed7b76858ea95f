import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { auditRows, commentStatus, createTestArticle, guestBrowser, page, post, postHeld, setUpModeration } from './helpers.js';

describe('guest sanctions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await setUpModeration(t);
  });
  afterEach(() => t.close());

  const sanctions = () => t.runtime.db.selectFrom('guest_sanctions').selectAll().orderBy('id').execute();
  const fromAddress = (remoteAddress: string) => ({ remoteAddress });

  it('suspends a guest from the queue: their cookie, then their network, is refused until it ends; the network is then forgotten', async () => {
    const article = await createTestArticle(t);
    const guest = guestBrowser(t);
    const moderator = await t.signIn('moderator');
    const id = await postHeld(t, guest, article.slug);

    const queue = await page(t, moderator, `/admin/moderation/comments/${id}`);
    expect(queue.body).not.toContain('only this comment can be decided');
    expect(queue.body).toContain('Suspend guest');

    const suspended = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${id}/suspend`, as: moderator, payload: { days: 1, reason: 'Flooding' } });
    expect(suspended.statusCode).toBe(200);
    const until = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect(suspended.json().guest).toEqual({ status: 'suspended', until, reason: 'Flooding' });
    const [row] = await sanctions();
    expect(row).toMatchObject({ status: 'suspended', until, network_hash: null, lifted_at: null, comment_id: id, actor_id: moderator.userId });

    const refused = await post(t, guest, article.slug, { text: 'I am back' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('Your commenting is suspended until');
    expect(refused.json().reasons).toEqual([expect.objectContaining({ code: 'READER_SUSPENDED' })]);
    // Seen again: the sanction now also holds the (hashed) network, never the address itself.
    const seen = (await sanctions())[0];
    expect(seen.network_hash).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(seen)).not.toContain('127.0.0.1');

    // A fresh cookie from the same network is refused; another network is not.
    const sameNetwork = await t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: guestBrowser(t), payload: { name: 'New Name', text: 'Fresh cookie, same place' } });
    expect(sameNetwork.statusCode).toBe(422);
    const elsewhere = await t.request({ method: 'POST', url: `/api/articles/${article.slug}/comments`, as: guestBrowser(t), payload: { name: 'Someone', text: 'Hello from elsewhere' }, ...fromAddress('10.20.30.40') });
    expect(elsewhere.statusCode).toBe(201);

    expect((await t.request({ url: `/api/articles/${article.slug}/comments`, as: guest })).json().viewer.sanction).toMatchObject({ status: 'suspended', until });

    t.clock.advance(86_400_000 + 1000);
    expect((await post(t, guest, article.slug, { text: 'After my day off' })).statusCode).toBe(201);
    expect((await sanctions())[0].network_hash).toBeNull();

    const log = await auditRows(t, { commentId: id });
    expect(log.map((entry) => entry.action)).toEqual(['system_hold', 'suspend']);
    expect(JSON.parse(log[1].detail)).toMatchObject({ guest: expect.stringMatching(/^[0-9a-f]{64}$/), until, days: 1 });
  });

  it('bans a guest with clean-up, lifts the ban (erasing the network), and refuses warnings and pre-moderation for guests', async () => {
    const article = await createTestArticle(t);
    const guest = guestBrowser(t);
    const moderator = await t.signIn('moderator');
    const held = await postHeld(t, guest, article.slug);
    const publishedResponse = await post(t, guest, article.slug, { text: 'A published guest comment' });
    const published = publishedResponse.json().comment.id as string;
    expect(await commentStatus(t, published)).toBe('published');

    const warn = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${held}/warn`, as: moderator, payload: { reason: 'Mind the rules' } });
    expect(warn.statusCode).toBe(400);
    expect(warn.json().error).toBe('MOD_GUEST_AUTHOR');
    const noReason = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${held}/ban`, as: moderator, payload: {} });
    expect(noReason.json().error).toBe('MOD_REASON_REQUIRED');

    const banned = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${held}/ban`, as: moderator, payload: { reason: 'Spam', rejectPending: true, removePublished: true } });
    expect(banned.json().guest).toMatchObject({ status: 'banned', until: null });
    expect(await commentStatus(t, held)).toBe('rejected');
    expect(await commentStatus(t, published)).toBe('rejected');
    expect((await auditRows(t, { commentId: published })).map((row) => [row.action, row.reason])).toEqual([['reject', 'With the ban: Spam']]);
    const refused = await post(t, guest, article.slug, { text: 'Let me in' });
    expect(refused.json().message).toContain('banned you from commenting');
    expect((await sanctions())[0].network_hash).not.toBeNull();

    const lifted = await t.request({ method: 'POST', url: `/api/admin/moderation/comments/${held}/unban`, as: moderator, payload: {} });
    expect(lifted.json().guest).toMatchObject({ status: 'active' });
    const [row] = await sanctions();
    expect(row.lifted_at).not.toBeNull();
    expect(row.network_hash).toBeNull();
    expect((await post(t, guest, article.slug, { text: 'Thank you for another chance' })).statusCode).toBe(201);
    expect((await auditRows(t, { commentId: held })).filter((entry) => entry.actor_id).map((entry) => entry.action)).toEqual(['ban', 'reject', 'unban']);
  });
});
