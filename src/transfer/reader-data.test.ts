import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertImportedComments, placeOf, type ImportedComment } from '../comments/index.js';
import { newId } from '../db/ids.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { publishedArticle } from './test-helpers.js';

describe('reader data rights', () => {
  let t: TestApp;
  let articleId: string;
  let ana: TestIdentity;
  let ben: TestIdentity;
  let anaComment: ImportedComment;
  let benReply: ImportedComment;
  let benComment: ImportedComment;

  async function reader(name: string, email: string): Promise<TestIdentity> {
    const id = newId(t.clock.now());
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('users').values({ id, email, display_name: name, role: 'reader', created_at: time, updated_at: time }).execute();
    return t.identityFor(id);
  }

  function comment(authorId: string, authorName: string, body: string, parent: ImportedComment | null = null): ImportedComment {
    t.clock.advance(1000);
    const id = newId(t.clock.now());
    return { id, articleId, parent: parent ? placeOf(parent) : null, authorId, authorName, authorEmail: null, body, status: 'published', createdAt: t.clock.now().toISOString() };
  }

  beforeEach(async () => {
    t = await startTestApp();
    const editor = await t.signIn('editor');
    articleId = await publishedArticle(t, 'river-report', editor.userId);
    ana = await reader('Ana', 'ana@example.net');
    ben = await reader('Ben', 'ben@example.net');
    anaComment = comment(ana.userId, 'Ana', 'The river is **rising**.');
    benReply = comment(ben.userId, 'Ben', 'Agreed, Ana.', anaComment);
    benComment = comment(ben.userId, 'Ben', 'Ben on his own.');
    const anaReply = comment(ana.userId, 'Ana', 'Thanks, Ben.', benReply);
    await insertImportedComments(t.runtime.db, [anaComment, benReply, benComment, anaReply]);
    const time = t.clock.now().toISOString();
    await t.runtime.db.insertInto('comment_reactions').values([
      { comment_id: benComment.id, reactor_key: `u:${ana.userId}`, created_at: time },
      { comment_id: benComment.id, reactor_key: `u:${ben.userId}`, created_at: time },
      { comment_id: anaComment.id, reactor_key: `u:${ben.userId}`, created_at: time },
    ]).execute();
    await t.runtime.db.updateTable('comments').set({ reaction_count: 2 }).where('id', '=', benComment.id).execute();
    await t.runtime.db.insertInto('comment_flags').values({ id: 'flag00000000000000a1', comment_id: benReply.id, reporter_key: `u:${ana.userId}`, reporter_user_id: ana.userId, reporter_guest_key: null, reason: 'off-topic', note: 'Not about the river', created_at: time }).execute();
  });
  afterEach(() => t.close());

  const db = () => t.runtime.db;

  it('downloads everything held about the signed-in reader as a JSON attachment, and nothing about anyone else', async () => {
    const response = await t.request({ url: '/account/data.json', as: ana });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="tribune-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const data = response.json();
    expect(data).toMatchObject({ format: 'tribune-reader-data', version: 1, site: { url: 'http://localhost:3000' } });
    expect(data.account).toMatchObject({ id: ana.userId, email: 'ana@example.net', displayName: 'Ana', role: 'reader' });
    expect(data.account.sessions.length).toBe(1);
    expect(JSON.stringify(data)).not.toMatch(/password|ben@example|Agreed, Ana|Ben on his own/);
    expect(data.comments.map((row: { text: string }) => row.text)).toEqual(['The river is **rising**.', 'Thanks, Ben.']);
    expect(data.comments[1]).toMatchObject({ parentId: benReply.id, status: 'published', article: { slug: 'river-report', url: 'http://localhost:3000/articles/river-report' } });
    expect(data.reactions).toEqual([{ commentId: benComment.id, createdAt: expect.any(String) }]);
    expect(data.flags).toEqual([{ commentId: benReply.id, reason: 'off-topic', note: 'Not about the river', createdAt: expect.any(String) }]);
    expect(data.donations.records).toEqual([]);
    expect(data.newsletters).toBeNull();

    expect((await t.request({ url: '/account/data.json', as: t.anonymous() })).statusCode).toBe(401);
  });

  it('confirms before deleting, refuses without the box ticked, without a CSRF token, and for staff', async () => {
    const form = await t.request({ url: '/account/delete', as: ana, headers: { accept: 'text/html' } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('signed “Deleted reader”');
    expect(form.body).toContain('your newsletter subscriptions end');
    expect(form.body).toMatch(/<form method="post" action="\/account\/delete">\s*<input type="hidden" name="_csrf" value="[^"]+">/);
    expect((await t.request({ url: '/account/delete', as: t.anonymous() })).statusCode).toBe(303);

    const noCsrf = await t.request({ method: 'POST', url: '/account/delete', as: ana, headers: { 'x-csrf-token': 'forged' }, payload: { confirm: 'yes' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toBe('CSRF_INVALID');
    const unconfirmed = await t.request({
      method: 'POST', url: '/account/delete', as: ana,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(ana.csrf)}`,
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Tick the box to confirm');

    const staff = await t.signIn('moderator');
    expect((await t.request({ url: '/account/delete', as: staff, headers: { accept: 'text/html' } })).body).toContain('Staff accounts are not deleted here');
    const refused = await t.request({ method: 'POST', url: '/account/delete', as: staff, payload: { confirm: 'yes' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('STAFF_SELF_DELETE');
    expect(await db().selectFrom('users').select('id').where('id', 'in', [ana.userId, staff.userId]).execute()).toHaveLength(2);
  });

  it('anonymises: comments keep their text as "Deleted reader", the account and its sessions are gone', async () => {
    const response = await t.request({ method: 'POST', url: '/account/delete', as: ana, payload: { confirm: 'yes' } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Your account is deleted');
    expect(response.cookies.find((cookie) => cookie.name === 'tribune_session')?.value).toBe('');

    expect(await db().selectFrom('users').select('id').where('id', '=', ana.userId).execute()).toEqual([]);
    expect(await db().selectFrom('sessions').select('id').where('user_id', '=', ana.userId).execute()).toEqual([]);
    expect((await t.request({ url: '/account/data.json', as: ana })).statusCode).toBe(401);

    const rows = await db().selectFrom('comments').selectAll().orderBy('created_at').execute();
    const [first, reply, own, last] = rows;
    expect(first).toMatchObject({ id: anaComment.id, author_id: null, author_name: 'Deleted reader', author_email: null, status: 'published', body: 'The river is **rising**.' });
    expect(last).toMatchObject({ author_id: null, author_name: 'Deleted reader', body: 'Thanks, Ben.', parent_id: benReply.id });
    // Ben's comments are untouched, except that Ana's reaction no longer counts.
    expect(reply).toMatchObject({ author_id: ben.userId, author_name: 'Ben', body: 'Agreed, Ana.', parent_id: anaComment.id });
    expect(own).toMatchObject({ author_id: ben.userId, reaction_count: 1 });
    expect(await db().selectFrom('comment_reactions').select('reactor_key').where('reactor_key', '=', `u:${ana.userId}`).execute()).toEqual([]);
    const flag = await db().selectFrom('comment_flags').selectAll().executeTakeFirstOrThrow();
    expect(flag).toMatchObject({ reporter_user_id: null, reason: 'off-topic' });
    expect(flag.reporter_key).not.toContain(ana.userId);
    expect((await t.request({ url: '/account/data.json', as: ben })).json().comments).toHaveLength(2);
  });

  async function newsletterRows() {
    const time = t.clock.now().toISOString();
    const rows = { daily: newId(t.clock.now()), weekly: newId(t.clock.now()), ana: newId(t.clock.now()), ben: newId(t.clock.now()), lastWeek: newId(t.clock.now()), today: newId(t.clock.now()) };
    await db().insertInto('newsletters').values([
      { id: rows.daily, slug: 'daily', name: 'Daily brief', position: 0, created_at: time, updated_at: time },
      { id: rows.weekly, slug: 'weekly', name: 'Weekly analysis', position: 1, created_at: time, updated_at: time },
    ]).execute();
    await db().insertInto('newsletter_subscribers').values([
      { id: rows.ana, email: 'ana@example.net', status: 'active', first_name: 'Ana', source: 'form', confirmed_at: time, created_at: time, updated_at: time },
      { id: rows.ben, email: 'ben@example.net', status: 'active', first_name: '', source: 'form', confirmed_at: time, created_at: time, updated_at: time },
    ]).execute();
    await db().insertInto('newsletter_subscriptions').values([
      { subscriber_id: rows.ana, newsletter_id: rows.daily, created_at: time },
      { subscriber_id: rows.ana, newsletter_id: rows.weekly, created_at: time },
      { subscriber_id: rows.ben, newsletter_id: rows.daily, created_at: time },
    ]).execute();
    await db().insertInto('newsletter_sends').values([
      { id: rows.lastWeek, newsletter_id: rows.daily, kind: 'article', article_ids: '[]', subject: 'Floods last week', intro: '', status: 'done', total: 2, created_at: time },
      { id: rows.today, newsletter_id: rows.daily, kind: 'article', article_ids: '[]', subject: 'Floods today', intro: '', status: 'sending', total: 2, created_at: time },
    ]).execute();
    const delivery = (sendId: string, subscriberId: string, email: string, sent: boolean) => ({
      id: newId(t.clock.now()), send_id: sendId, subscriber_id: subscriberId, email, status: sent ? ('sent' as const) : ('queued' as const), next_attempt_at: time, sent_at: sent ? time : null,
    });
    await db().insertInto('newsletter_deliveries').values([
      delivery(rows.lastWeek, rows.ana, 'ana@example.net', true),
      delivery(rows.lastWeek, rows.ben, 'ben@example.net', true),
      delivery(rows.today, rows.ana, 'ana@example.net', false),
      delivery(rows.today, rows.ben, 'ben@example.net', false),
    ]).execute();
    return rows;
  }

  it('lists the newsletter subscriber record of the account email in the download, and deletes it, its subscriptions and deliveries with the account', async () => {
    const rows = await newsletterRows();
    const data = (await t.request({ url: '/account/data.json', as: ana })).json();
    expect(data.newsletters).toMatchObject({ email: 'ana@example.net', status: 'active', firstName: 'Ana', source: 'form', confirmedAt: expect.any(String) });
    expect(data.newsletters.subscriptions).toEqual([
      { newsletter: { slug: 'daily', name: 'Daily brief' }, since: expect.any(String) },
      { newsletter: { slug: 'weekly', name: 'Weekly analysis' }, since: expect.any(String) },
    ]);
    expect(data.newsletters.emails).toHaveLength(2);
    expect(data.newsletters.emails).toEqual(expect.arrayContaining([
      { subject: 'Floods last week', status: 'sent', sentAt: expect.any(String), unsubscribedAt: null },
      { subject: 'Floods today', status: 'queued', sentAt: null, unsubscribedAt: null },
    ]));
    expect(JSON.stringify(data)).not.toContain('ben@example');

    expect((await t.request({ method: 'POST', url: '/account/delete', as: ana, payload: { confirm: 'yes' } })).statusCode).toBe(200);
    expect(await db().selectFrom('newsletter_subscribers').select('email').execute()).toEqual([{ email: 'ben@example.net' }]);
    expect(await db().selectFrom('newsletter_subscriptions').select('subscriber_id').execute()).toEqual([{ subscriber_id: rows.ben }]);
    // Sent history goes too: a delivery row holds the address and must name a subscriber.
    const deliveries = await db().selectFrom('newsletter_deliveries').select(['subscriber_id', 'email']).execute();
    expect(deliveries).toEqual([{ subscriber_id: rows.ben, email: 'ben@example.net' }, { subscriber_id: rows.ben, email: 'ben@example.net' }]);
    expect(await db().selectFrom('newsletter_sends').select('id').execute()).toHaveLength(2);
    expect((await t.request({ url: '/account/data.json', as: ben })).json().newsletters.subscriptions).toHaveLength(1);
  });

  it('removes: with the site set so, comments become tombstones with their text erased, replies in place', async () => {
    await t.runtime.settings.update('comments', { deletedReaderComments: 'remove' });
    const form = await t.request({ url: '/account/delete', as: ana, headers: { accept: 'text/html' } });
    expect(form.body).toContain('your comments are removed');
    expect((await t.request({ method: 'POST', url: '/account/delete', as: ana, payload: { confirm: 'yes' } })).statusCode).toBe(200);

    const first = await db().selectFrom('comments').selectAll().where('id', '=', anaComment.id).executeTakeFirstOrThrow();
    expect(first).toMatchObject({ status: 'deleted', body: '', body_html: '', author_id: null, author_name: 'Deleted reader' });
    expect(first.deleted_at).not.toBeNull();
    const reply = await db().selectFrom('comments').selectAll().where('id', '=', benReply.id).executeTakeFirstOrThrow();
    expect(reply).toMatchObject({ parent_id: anaComment.id, status: 'published', body: 'Agreed, Ana.' });
    const page = await t.request({ url: '/api/articles/river-report/comments?replies=20' });
    expect(page.statusCode).toBe(200);
    expect(JSON.stringify(page.json())).not.toContain('rising');
  });
});
