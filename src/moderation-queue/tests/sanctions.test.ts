import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleChannel } from '../../comments/index.js';
import type { TribuneEvent } from '../../events/index.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { auditRows, commentStatus, createReader, createTestArticle, formPost, mails, page, post, postHeld, postId, setUpModeration } from './helpers.js';

// The "today", so the expected dates below are fixed text.
const TODAY = '2026-12-08T21:42:24.658Z';

describe('sanctions take effect everywhere', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    t.clock.set(TODAY);
    await setUpModeration(t);
    await t.runtime.settings.update('site', { locale: 'de-DE', timeZone: 'Europe/Berlin' });
  });
  afterEach(() => t.close());

  it('a ban can reject the waiting comments and take down the published ones in one action, logged per comment, gone live from open pages', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t, 'Troll');
    const moderator = await t.signIn('moderator');
    const published = [await postId(t, reader, article.slug, 'First loud take'), await postId(t, reader, article.slug, 'Second loud take')];
    const held = await postHeld(t, reader, article.slug);
    const other = await postId(t, await createReader(t, 'Bystander'), article.slug, 'Unrelated view');
    const removed: Extract<TribuneEvent, { type: 'comment.deleted' }>[] = [];
    const stop = t.runtime.events.subscribe(articleChannel(article.id), (event) => {
      if (event.type === 'comment.deleted') removed.push(event);
    });
    t.clock.advance(1000);
    const mailsBefore = mails(t).length;

    const banned = await formPost(t, moderator, `/admin/moderation/comments/${held}/ban`, {
      reason: 'Repeated abuse', rejectPending: '1', removePublished: '1', returnTo: '/admin/moderation',
    });
    expect(banned.headers.location).toBe('/admin/moderation?done=ban');
    for (const id of [...published, held]) expect(await commentStatus(t, id)).toBe('rejected');
    expect(await commentStatus(t, other)).toBe('published');
    // Both published comments left open pages; the held one was never on them.
    expect(removed.map((event) => event.id).sort()).toEqual([...published].sort());
    expect(removed.every((event) => event.status === 'removed')).toBe(true);
    stop();

    const byMe = (await auditRows(t, { userId: reader.userId })).filter((row) => row.actor_id === moderator.userId);
    expect(byMe[0]).toMatchObject({ action: 'ban', comment_id: held, reason: 'Repeated abuse' });
    const rejects = byMe.slice(1);
    expect(rejects.map((row) => row.comment_id).sort()).toEqual([...published, held].sort());
    for (const row of rejects) expect(row).toMatchObject({ action: 'reject', reason: 'With the ban: Repeated abuse' });
    expect(rejects.map((row) => JSON.parse(row.detail).from).sort()).toEqual(['pending', 'published', 'published']);
    expect(JSON.parse(rejects[0].detail)).toMatchObject({ withBan: true });
    expect((await auditRows(t, { commentId: held })).map((row) => row.action)).toEqual(['system_hold', 'ban', 'reject']);
    // One mail about the ban, none per comment.
    expect(mails(t).slice(mailsBefore).map((mail) => mail.subject)).toEqual([expect.stringContaining('no longer comment')]);
  });

  it('a ban without the clean-up boxes leaves the comments as they are', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const id = await postId(t, reader, article.slug, 'Still here');
    const response = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/ban`, as: moderator, payload: { reason: 'Spam' } });
    expect(response.statusCode).toBe(200);
    expect(await commentStatus(t, id)).toBe('published');
    const bad = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/ban`, as: moderator, payload: { reason: 'x', removePublished: 'maybe-not-a-flag' } });
    expect(bad.statusCode).toBe(400);
  });

  it('a suspended reader sees a notice instead of the form, on the article, their account, in the mail and when refused, with the end in the site zone and locale', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    const before = await page(t, reader, `/articles/${article.slug}`);
    expect(before.body).toContain('id="new-comment');
    expect(before.body).not.toContain('comments__sanction');

    const suspended = await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/suspend`, as: moderator, payload: { days: 7, reason: 'Cool off' } });
    expect(suspended.json().reader.suspendedUntil).toBe('2026-12-15T21:42:24.658Z');
    // 21:42 UTC is 22:42 in Berlin, written the German way.
    const end = '15. Dezember 2026 um 22:42 (Europe/Berlin)';

    const articlePage = await page(t, reader, `/articles/${article.slug}`);
    expect(articlePage.body).toContain(`Your commenting is suspended until ${end}.`);
    expect(articlePage.body).not.toContain('id="new-comment');
    expect((await page(t, reader, '/account')).body).toContain(`Your commenting is suspended until ${end}.`);
    expect(mails(t).find((mail) => mail.to === reader.email && mail.subject.includes('paused'))?.text).toContain(`until ${end}.`);
    const refused = await post(t, reader, article.slug, { text: 'Can I now?' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toBe(`Your commenting is suspended until ${end}. You can read along and comment again after that.`);
    const api = await t.request({ url: `/api/articles/${article.slug}/comments`, as: reader });
    expect(api.json().viewer.sanction).toMatchObject({ status: 'suspended', until: '2026-12-15T21:42:24.658Z', message: expect.stringContaining(end) });

    // Someone else's page is unchanged, and the notice ends with the suspension.
    expect((await page(t, await createReader(t), `/articles/${article.slug}`)).body).not.toContain('comments__sanction');
    t.clock.advance(7 * 86_400_000 + 1000);
    expect((await page(t, reader, `/articles/${article.slug}`)).body).not.toContain('comments__sanction');
    expect((await page(t, reader, '/account')).body).not.toContain('account-sanction');
  });

  it('a banned reader is told plainly, and staff are never shown a sanction', async () => {
    const article = await createTestArticle(t);
    const reader = await createReader(t);
    const moderator = await t.signIn('moderator');
    await t.request({ method: 'POST', url: `/api/admin/moderation/readers/${reader.userId}/ban`, as: moderator, payload: { reason: 'Abuse' } });
    const body = (await page(t, reader, `/articles/${article.slug}`)).body;
    expect(body).toContain('data-sanction="banned"');
    expect(body).toContain('the moderators have banned you from commenting');
    expect((await page(t, moderator, `/articles/${article.slug}`)).body).not.toContain('comments__sanction');
  });
});
