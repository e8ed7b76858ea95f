import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader, createTestArticle } from '../comments/test-fixtures.js';
import { startSmtpCatcher, type SmtpCatcher } from '../testing/smtp-catcher.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { readSubscriberRow } from './csv.js';
import { exportSubscribersCsv, importSubscribers } from './index.js';
import { createNewsletter, editorSends, FORM, formBody, linkIn, seedSubscribers } from './testing/fixtures.js';

let t: TestApp;
let catcher: SmtpCatcher;
let daily: string;
let weekly: string;
let editor: TestIdentity;
let article: { id: string; slug: string };

async function subscriber(email: string) {
  return t.runtime.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
}

async function subscriptions(email: string): Promise<string[]> {
  const rows = await t.runtime.db
    .selectFrom('newsletter_subscriptions')
    .innerJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_subscriptions.subscriber_id')
    .where('newsletter_subscribers.email', '=', email)
    .select('newsletter_id')
    .execute();
  return rows.map((row) => row.newsletter_id).sort();
}

async function deliveries(sendId: string) {
  return t.runtime.db.selectFrom('newsletter_deliveries').selectAll().where('send_id', '=', sendId).execute();
}

async function sendDone(sendId: string) {
  for (;;) {
    const send = await t.runtime.db.selectFrom('newsletter_sends').select('status').where('id', '=', sendId).executeTakeFirstOrThrow();
    if (send.status === 'done') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  t = await startTestApp({ env: { TRIBUNE_MAIL_TRANSPORT: `${catcher.url}?pool=true` } });
  await t.runtime.settings.update('newsletters', { emailsPerMinute: 100_000 });
  daily = await createNewsletter(t, 'daily-brief', 'Daily brief');
  weekly = await createNewsletter(t, 'weekly-analysis', 'Weekly analysis');
  editor = await t.signIn('editor');
  article = await createTestArticle(t);
});

afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

describe('subscribing', () => {
  it('double opt-in: the form mails a signed link, and only opening it subscribes', async () => {
    const email = 'ana@readers.test';
    const response = await t.request({ method: 'POST', url: '/newsletters/subscribe', headers: FORM, payload: formBody({ email: 'Ana@Readers.test', newsletter: ['daily-brief', 'weekly-analysis'], placement: 'article' }) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/newsletters/check-email');
    expect((await subscriber(email))?.status).toBe('pending');
    expect(await subscriptions(email)).toEqual([]);

    const [mail] = await catcher.waitFor((messages) => messages.some((m) => m.to.includes(email))).then(() => catcher.messagesTo(email));
    const link = linkIn(mail!, /http:\/\/localhost:3000\/newsletters\/confirm\?token=\S+/);
    const confirmed = await t.request({ method: 'GET', url: link.replace('http://localhost:3000', '') });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('You are subscribed');
    expect((await subscriber(email))?.status).toBe('active');
    expect(await subscriptions(email)).toEqual([daily, weekly].sort());

    // A tampered token subscribes nobody.
    const forged = await t.request({ method: 'GET', url: `${link.replace('http://localhost:3000', '')}x` });
    expect(forged.statusCode).toBe(400);
  });

  it('answers the same for a subscribed address and sends it no second mail within minutes', async () => {
    const before = catcher.messagesTo('ana@readers.test').length;
    const again = await t.request({ method: 'POST', url: '/newsletters/subscribe', headers: FORM, payload: formBody({ email: 'ana@readers.test' }) });
    const fresh = await t.request({ method: 'POST', url: '/newsletters/subscribe', headers: FORM, payload: formBody({ email: 'nobody-yet@readers.test' }) });
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.headers.location).toBe(fresh.headers.location);
    await catcher.waitFor(() => catcher.messagesTo('nobody-yet@readers.test').length === 1);
    // The first confirmation of ana went out seconds ago: the interval holds back a repeat.
    await t.request({ method: 'POST', url: '/newsletters/subscribe', headers: FORM, payload: formBody({ email: 'nobody-yet@readers.test' }) });
    expect(catcher.messagesTo('ana@readers.test').length).toBe(before);
    expect(catcher.messagesTo('nobody-yet@readers.test').length).toBe(1);
  });

  it('rejects a malformed address with a 400 and the JSON error shape', async () => {
    const response = await t.request({ method: 'POST', url: '/newsletters/subscribe', payload: { email: 'not an address' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'SUBSCRIBE_EMAIL_INVALID' });
  });

  it('subscribes a signed-in reader in one click from the account page', async () => {
    const reader = await createReader(t);
    const response = await t.request({ method: 'POST', url: '/account/newsletters', as: reader, headers: FORM, payload: formBody({ newsletter: weekly, _csrf: reader.csrf }) });
    expect(response.statusCode).toBe(303);
    expect((await subscriber(reader.email))?.status).toBe('active');
    expect(await subscriptions(reader.email)).toEqual([weekly]);
    const account = await t.request({ method: 'GET', url: '/account', as: reader, headers: { accept: 'text/html' } });
    expect(account.body).toContain('account-newsletters-heading');
    // Without the CSRF token another site cannot do it for them.
    const forged = await t.request({ method: 'POST', url: '/account/newsletters', as: reader, headers: { ...FORM, 'x-csrf-token': 'forged' }, payload: formBody({ newsletter: daily }) });
    expect(forged.statusCode).toBe(403);
  });

  it('puts the same subscribe box under every anonymous article view', async () => {
    const first = await t.request({ method: 'GET', url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    const second = await t.request({ method: 'GET', url: `/articles/${article.slug}`, headers: { accept: 'text/html' } });
    const box = (body: string) => body.match(/<section class="subscribe-box"[\s\S]*?<\/section>/)?.[0];
    expect(box(first.body)).toBeDefined();
    expect(box(first.body)).toBe(box(second.body));
    expect(box(first.body)).not.toMatch(/_csrf/);
    const home = await t.request({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(home.body).toContain('id="subscribe-home-email"');
  });
});

describe('sending', () => {
  it('sends an article to every active subscriber once, with RFC 8058 headers, text and HTML parts', async () => {
    const list = await createNewsletter(t, 'send-test', 'Send test');
    const emails = await seedSubscribers(t.runtime.db, list, 30, 'send.test');
    const sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [article.id] });
    await sendDone(sendId);
    for (const email of emails) expect(catcher.messagesTo(email)).toHaveLength(1);
    const mail = catcher.messagesTo(emails[0])[0];
    expect(mail.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/newsletters\/unsubscribe\?token=[^>]+>$/);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`/articles/${article.slug}#comments`);
    expect(mail.text).toContain('/donate');
    expect(mail.html).toContain('role="presentation"');
    expect(mail.html).toContain('prefers-color-scheme:dark');
    expect(mail.html).toMatch(/href="http:\/\/localhost:3000\/newsletters\/unsubscribe\?token=[^"]+&amp;newsletter=send-test/);
    const progress = await t.request({ method: 'GET', url: `/api/admin/newsletters/sends/${sendId}`, as: editor });
    expect(progress.json()).toMatchObject({ status: 'done', total: 30, sent: 30, failed: 0, bounced: 0 });
    const page = await t.request({ method: 'GET', url: `/admin/newsletters/sends/${sendId}`, as: editor, headers: { accept: 'text/html' } });
    expect(page.body).toContain('30 of 30 sent');
  });

  it('one-click unsubscribe: the mail client’s POST without cookies or CSRF token unsubscribes at once', async () => {
    const list = await createNewsletter(t, 'one-click', 'One click');
    const [email] = await seedSubscribers(t.runtime.db, list, 1, 'oneclick.test');
    const sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [article.id] });
    await sendDone(sendId);
    const url = catcher.messagesTo(email)[0].headers['list-unsubscribe'].slice(1, -1).replace('http://localhost:3000', '');
    const response = await t.request({ method: 'POST', url, headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(response.statusCode).toBe(200);
    expect((await subscriber(email))?.status).toBe('unsubscribed');
    expect(await subscriptions(email)).toEqual([]);
    const progress = await t.request({ method: 'GET', url: `/api/admin/newsletters/sends/${sendId}`, as: editor });
    expect(progress.json().unsubscribed).toBe(1);
    // A forged token is refused; the visible link's GET only shows a button.
    const forged = await t.request({ method: 'POST', url: url.replace(/token=[^&]+/, 'token=abc.def'), headers: FORM, payload: 'List-Unsubscribe=One-Click' });
    expect(forged.statusCode).toBe(400);
    const next = await editorSends(t, editor, { newsletterId: list, articleIds: [article.id] });
    await sendDone(next);
    expect(catcher.messagesTo(email)).toHaveLength(1);
  });

  it('preferences by signed link change newsletters without signing in', async () => {
    const email = 'prefs@readers.test';
    await t.request({ method: 'POST', url: '/newsletters/subscribe', headers: FORM, payload: formBody({ email, newsletter: 'daily-brief' }) });
    await catcher.waitFor(() => catcher.messagesTo(email).length === 1);
    await t.request({ method: 'GET', url: linkIn(catcher.messagesTo(email)[0], /http:\/\/localhost:3000\/newsletters\/confirm\?token=\S+/).replace('http://localhost:3000', '') });
    const forged = await t.request({ method: 'GET', url: '/newsletters/preferences?token=x' });
    expect(forged.statusCode).toBe(400);
    const id = (await subscriber(email))!.id;
    const sendId = await editorSends(t, editor, { newsletterId: daily, articleIds: [article.id] });
    await sendDone(sendId);
    const link = linkIn(catcher.messagesTo(email)[1], /http:\/\/localhost:3000\/newsletters\/preferences\?token=\S+/).replace('http://localhost:3000', '');
    expect(link).toContain(id);
    const pageView = await t.request({ method: 'GET', url: link });
    expect(pageView.statusCode).toBe(200);
    expect(pageView.body).toContain(email);
    const saved = await t.request({ method: 'POST', url: link, headers: FORM, payload: formBody({ newsletter: weekly }) });
    expect(saved.statusCode).toBe(303);
    expect(await subscriptions(email)).toEqual([weekly]);
    const none = await t.request({ method: 'POST', url: link, headers: FORM, payload: '' });
    expect(none.statusCode).toBe(303);
    expect((await subscriber(email))?.status).toBe('unsubscribed');
  });

  it('a hard bounce (5xx at RCPT) unsubscribes the address; a soft one is retried later', async () => {
    const list = await createNewsletter(t, 'bounces', 'Bounces');
    const [gone, busy, fine] = await seedSubscribers(t.runtime.db, list, 3, 'bounce.test');
    catcher.reject(gone, 'hard');
    catcher.reject(busy, 'soft', 1);
    const sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [article.id] });
    await catcher.waitFor(() => catcher.messagesTo(fine).length === 1);
    for (;;) {
      const rows = await deliveries(sendId);
      if (rows.length === 3 && rows.every((row) => row.status !== 'sending' && !(row.status === 'queued' && row.attempts === 0))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const byEmail = new Map((await deliveries(sendId)).map((row) => [row.email, row]));
    expect(byEmail.get(gone)!.status).toBe('bounced');
    expect(byEmail.get(busy)!.status).toBe('queued');
    expect((await subscriber(gone))?.status).toBe('bounced');
    expect((await subscriber(busy))?.status).toBe('active');
    // The retry waits for its backoff: move the clock past it.
    t.clock.advance(2 * 60_000);
    await catcher.waitFor(() => catcher.messagesTo(busy).length === 1);
    await sendDone(sendId);
    const progress = await t.request({ method: 'GET', url: `/api/admin/newsletters/sends/${sendId}`, as: editor });
    expect(progress.json()).toMatchObject({ total: 3, sent: 2, bounced: 1 });
  });

  it('waits for an unpublished article and goes out when it is published', async () => {
    const list = await createNewsletter(t, 'with-article', 'With article');
    const [email] = await seedSubscribers(t.runtime.db, list, 1, 'later.test');
    const later = await createTestArticle(t, { publishedAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() });
    const sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [later.id], when: 'with-article' });
    const preview = await t.request({ method: 'GET', url: `/admin/newsletters/sends/${sendId}/preview`, as: editor });
    expect(preview.statusCode).toBe(200);
    await t.request({ method: 'GET', url: `/api/admin/newsletters/sends/${sendId}`, as: editor });
    expect((await deliveries(sendId)).length).toBe(0);
    t.clock.advance(3_600_001);
    await sendDone(sendId);
    expect(catcher.messagesTo(email)).toHaveLength(1);
  });

  it('sends the editor a test copy first', async () => {
    const draft = await t.request({ method: 'POST', url: '/admin/newsletters/sends', as: editor, headers: FORM, payload: formBody({ newsletterId: daily, kind: 'digest', articleIds: [article.id], subject: 'Digest', intro: 'Hello' }) });
    const id = draft.headers.location!.toString().split('/').pop()!;
    const me = (await t.runtime.db.selectFrom('users').select('email').where('id', '=', editor.userId).executeTakeFirstOrThrow()).email!;
    // As the browser sends it: a form with the page's token.
    const test = await t.request({ method: 'POST', url: `/admin/newsletters/sends/${id}/test`, as: editor, headers: FORM, payload: formBody({}) });
    expect(test.statusCode).toBe(303);
    await catcher.waitFor(() => catcher.messagesTo(me).length === 1);
    expect(catcher.messagesTo(me)[0].subject).toBe('[Test] Digest');
    expect((await deliveries(id)).length).toBe(0);
  });
});

describe('import and export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tribune-subscribers-'));

  it('dates a row by the export\'s own opt-in time, and by the import for an unreadable or future one', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(readSubscriberRow({ 'Email Address': 'a@import.test', OPTIN_TIME: '2023-01-02 10:00:00', CONFIRM_TIME: '' }, now)).toMatchObject({ createdAt: '2023-01-02T10:00:00.000Z', confirmedAt: '2023-01-02T10:00:00.000Z' });
    expect(readSubscriberRow({ email: 'b@import.test', created_at: 'yesterday' }, now)).toMatchObject({ createdAt: undefined, confirmedAt: undefined });
    expect(readSubscriberRow({ email: 'c@import.test', created_at: '2027-01-01T00:00:00Z' }, now)?.createdAt).toBeUndefined();
  });

  it('reads Mailchimp and Substack exports, idempotently, and exports what it holds', async () => {
    const mailchimp = join(dir, 'mailchimp.csv');
    writeFileSync(mailchimp, [
      '"Email Address","First Name","Last Name","MEMBER_RATING","OPTIN_TIME","OPTIN_IP","CONFIRM_TIME","CONFIRM_IP","LATITUDE","LONGITUDE","GMTOFF","DSTOFF","TIMEZONE","CC","REGION","LAST_CHANGED","LEID","EUID","NOTES","TAGS"',
      '"mc1@import.test","Maria","Curie",2,"2023-01-02 10:00:00",,"2023-01-02 10:01:00",,,,,,,,,"2023-01-02 10:01:00",1,abc,,',
      '"MC2@import.test","Jean","Dupont",2,"2023-01-02 10:00:00",,"2023-01-02 10:01:00",,,,,,,,,"2023-01-02 10:01:00",2,def,,"""a, b"""',
      '"not-an-email","","",,,,,,,,,,,,,,,,,',
    ].join('\r\n'));
    const substack = join(dir, 'substack.csv');
    writeFileSync(substack, ['email,active_subscription,expiry,plan,email_disabled,created_at', 'ss1@import.test,false,,free,false,2022-05-01T00:00:00.000Z', 'ss2@import.test,false,,free,true,2022-05-01T00:00:00.000Z'].join('\n'));

    const first = await importSubscribers(t.runtime, mailchimp, { newsletter: 'weekly-analysis' });
    expect(first).toEqual({ rows: 3, subscribed: 2, unsubscribed: 0, invalid: 1 });
    const again = await importSubscribers(t.runtime, mailchimp, { newsletter: 'weekly-analysis' });
    expect(again).toEqual(first);
    expect(await t.runtime.db.selectFrom('newsletter_subscribers').select('email').where('email', 'like', 'mc%').execute()).toHaveLength(2);
    expect((await subscriber('mc1@import.test'))?.first_name).toBe('Maria');
    // Mailchimp's OPTIN_TIME / CONFIRM_TIME (UTC) date the subscriber and its subscription, not the import.
    expect(await subscriber('mc1@import.test')).toMatchObject({ created_at: '2023-01-02T10:00:00.000Z', confirmed_at: '2023-01-02T10:01:00.000Z' });
    const subscribedAt = await t.runtime.db.selectFrom('newsletter_subscriptions').innerJoin('newsletter_subscribers as s', 's.id', 'subscriber_id').select('newsletter_subscriptions.created_at').where('s.email', '=', 'mc2@import.test').executeTakeFirst();
    expect(subscribedAt?.created_at).toBe('2023-01-02T10:01:00.000Z');
    expect(await subscriptions('mc2@import.test')).toEqual([weekly]);

    const ss = await importSubscribers(t.runtime, substack, { newsletter: 'daily-brief' });
    expect(ss).toEqual({ rows: 2, subscribed: 1, unsubscribed: 1, invalid: 0 });
    expect((await subscriber('ss1@import.test'))?.status).toBe('active');
    expect(await subscriber('ss1@import.test')).toMatchObject({ created_at: '2022-05-01T00:00:00.000Z', confirmed_at: '2022-05-01T00:00:00.000Z' });
    expect(await subscriber('ss2@import.test')).toBeUndefined();

    const csv = await exportSubscribersCsv(t.runtime.db);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('email,status,first_name,last_name,newsletters,source,confirmed_at,unsubscribed_at,created_at');
    expect(lines.find((line) => line.startsWith('mc1@import.test,'))).toMatch(/^mc1@import\.test,active,Maria,Curie,weekly-analysis,import,/);
    // Tribune reads its own export back without change.
    const own = join(dir, 'own.csv');
    writeFileSync(own, csv);
    const back = await importSubscribers(t.runtime, own, { newsletter: 'weekly-analysis' });
    expect(back.invalid).toBe(0);
    expect(await exportSubscribersCsv(t.runtime.db)).not.toBe('');
  });
});
