import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../articles/index.js';
import { createTestArticle } from '../comments/test-fixtures.js';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '../testing/smtp-catcher.js';
import { startTestApp, type TestApp, type TestIdentity } from '../testing/test-app.js';
import { until } from '../testing/wait.js';
import { renderEmailHtml, renderEmailText, type EmailContent } from './email.js';
import { forgetSubscriberEmail, subscriberDataForEmail } from './index.js';
import { createNewsletter, editorSends, seedSubscribers } from './testing/fixtures.js';
import { preferencesUrl, unsubscribeUrl } from './tokens.js';
import { clickToken, openToken, TRACKED_SENTENCE, UNTRACKED_SENTENCE } from './tracking.js';

let t: TestApp;
let catcher: SmtpCatcher;
let editor: TestIdentity;
let article: { id: string; slug: string };
const BASE = 'http://localhost:3000';
const EXTERNAL = 'https://water.example/levels?a=1&b=2';

async function sendDone(sendId: string) {
  await until(async () => (await t.runtime.db.selectFrom('newsletter_sends').select('status').where('id', '=', sendId).executeTakeFirstOrThrow()).status === 'done', `send ${sendId} done`);
}

async function sendRow(sendId: string) {
  return t.runtime.db.selectFrom('newsletter_sends').selectAll().where('id', '=', sendId).executeTakeFirstOrThrow();
}

async function subscriberId(email: string): Promise<string> {
  return (await t.runtime.db.selectFrom('newsletter_subscribers').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function engagementRows(sendId: string) {
  return t.runtime.db.selectFrom('newsletter_engagements').selectAll().where('send_id', '=', sendId).orderBy('subscriber_id').orderBy('kind').execute();
}

function path(url: string): string {
  return url.replace(BASE, '');
}

function hrefs(mail: CaughtMail): string[] {
  return [...mail.html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href.replaceAll('&amp;', '&'));
}

async function sendPage(sendId: string): Promise<string> {
  return (await t.request({ method: 'GET', url: `/admin/newsletters/sends/${sendId}`, as: editor, headers: { accept: 'text/html' } })).body;
}

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  t = await startTestApp({ env: { TRIBUNE_MAIL_TRANSPORT: catcher.url } });
  await t.runtime.settings.update('newsletters', { emailsPerMinute: 100_000 });
  editor = await t.signIn('editor');
  article = await createTestArticle(t);
  await t.runtime.db.updateTable('articles').set({ body_md: `The river rose by [two metres](${EXTERNAL}).` }).where('id', '=', article.id).execute();
});

afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

describe('the untracked email (the default)', () => {
  it('renders exactly as before counting existed', () => {
    // Hashes of this content's rendering taken before open and click counting was added.
    const fixed = { slug: 'floods-today', title: 'Floods today', summary: 'The river rose overnight.', body: 'The river **rose** by [two metres](https://water.example/levels?a=1&b=2).\n\nMore later.', author: { name: 'Ana Editor' }, coAuthors: [], featuredImageUrl: null, featuredImageAlt: null } as unknown as Article;
    const content: EmailContent = { siteName: 'Tribune', baseUrl: 'https://news.example', newsletterName: 'Daily brief', subject: 'Floods today', intro: 'Good morning.', kind: 'article', articles: [fixed], drive: { title: 'Keep local news free', cta: '', raisedLabel: '$1,000', goalLabel: '$4,700', percent: 21, fill: 21.3 }, footerAddress: '1 Main St' };
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(hash(renderEmailHtml(content))).toBe('834ab20c58aa83605eb556a833c00b52d726f3d3ac8a4036c02d48f3b9de1c66');
    expect(hash(renderEmailText(content))).toBe('d3ce48ed71dd78e1e49f7f7ab7d08fe9e4d171e27eb889dacd12c4eed3825bfe');
  });

  it('goes out byte for byte as rendered, with no pixel, no redirected link and nothing stored', async () => {
    expect((await t.runtime.settings.get()).newsletters.trackOpensAndClicks).toBe(false);
    const list = await createNewsletter(t, 'untracked', 'Untracked');
    const emails = await seedSubscribers(t.runtime.db, list, 2, 'untracked.test');
    const sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [article.id] });
    await sendDone(sendId);
    const send = await sendRow(sendId);
    expect(send.tracked_links).toBeNull();
    expect(send.body_html).toContain(UNTRACKED_SENTENCE);
    for (const email of emails) {
      const [mail] = catcher.messagesTo(email);
      const id = await subscriberId(email);
      const unsubscribe = `${unsubscribeUrl(BASE, t.config.secret, id)}&newsletter=untracked&send=${sendId}`;
      // What the worker sent before counting existed: the stored rendering with this reader's two links.
      const expected = send.body_html!.split('%%TRIBUNE_UNSUBSCRIBE_URL%%').join(unsubscribe.replaceAll('&', '&amp;')).split('%%TRIBUNE_PREFERENCES_URL%%').join(preferencesUrl(BASE, t.config.secret, id));
      expect(mail.html.replace(/\n$/, '')).toBe(expected);
      expect(mail.html).not.toContain('/n/o/');
      expect(mail.html).not.toContain('/n/c/');
      expect(hrefs(mail)).toContain(EXTERNAL);
    }
    expect(await engagementRows(sendId)).toEqual([]);
    expect(await sendPage(sendId)).toContain('Not counted');
    const list_ = await t.request({ method: 'GET', url: '/admin/newsletters', as: editor, headers: { accept: 'text/html' } });
    expect(list_.body).toContain('does not track opens or clicks');
  });
});

describe('open and click counting, turned on by the owner', () => {
  let sendId: string;
  let emails: string[];

  beforeAll(async () => {
    const owner = await t.signIn('admin');
    const settings = await t.request({ method: 'GET', url: '/admin/settings', as: owner, headers: { accept: 'text/html' } });
    expect(settings.body).toContain('not which link, not the address, browser or device');
    await t.runtime.settings.update('newsletters', { trackOpensAndClicks: true });
    const list = await createNewsletter(t, 'tracked', 'Tracked');
    emails = await seedSubscribers(t.runtime.db, list, 3, 'tracked.test');
    sendId = await editorSends(t, editor, { newsletterId: list, articleIds: [article.id] });
    await sendDone(sendId);
  });

  it('sends each recipient their own pixel and redirected links, and says so in the footer', async () => {
    const send = await sendRow(sendId);
    const links = JSON.parse(send.tracked_links!) as string[];
    expect(links).toContain(EXTERNAL);
    expect(links).toContain(`${BASE}/articles/${article.slug}`);
    const mail = catcher.messagesTo(emails[0])[0];
    expect(mail.html).toContain(TRACKED_SENTENCE);
    expect(mail.text).toContain(TRACKED_SENTENCE);
    expect(mail.html).toContain(`${BASE}/n/o/${openToken(t.config.secret, sendId, await subscriberId(emails[0]))}.gif`);
    const links_ = hrefs(mail);
    expect(links_).not.toContain(EXTERNAL);
    expect(links_.filter((href) => href.startsWith(`${BASE}/n/c/`)).length).toBeGreaterThanOrEqual(links.length);
    // Unsubscribing never goes through the redirect.
    expect(links_.some((href) => href.startsWith(`${BASE}/newsletters/unsubscribe?token=`))).toBe(true);
  });

  it('counts one open and one click per recipient however often they come, and redirects to the original link', async () => {
    const [first, second] = emails;
    const firstMail = catcher.messagesTo(first)[0];
    const pixel = firstMail.html.match(/src="(http:\/\/localhost:3000\/n\/o\/[^"]+)"/)![1];
    for (let i = 0; i < 3; i += 1) {
      const open = await t.request({ method: 'GET', url: path(pixel) });
      expect(open.statusCode).toBe(200);
      expect(open.headers['content-type']).toBe('image/gif');
      expect(open.headers['cache-control']).toContain('no-store');
    }
    const external = hrefs(firstMail).find((href) => href.startsWith(`${BASE}/n/c/`) && !href.includes('#'))!;
    const links = JSON.parse((await sendRow(sendId)).tracked_links!) as string[];
    for (let i = 0; i < 2; i += 1) {
      const click = await t.request({ method: 'GET', url: path(external) });
      expect(click.statusCode).toBe(302);
      expect(links).toContain(click.headers.location);
    }
    const secondExternal = hrefs(catcher.messagesTo(second)[0]).filter((href) => href.startsWith(`${BASE}/n/c/`));
    for (const href of secondExternal) expect((await t.request({ method: 'GET', url: path(href) })).statusCode).toBe(302);

    const rows = await engagementRows(sendId);
    expect(rows.map((row) => Object.keys(row).sort())).toEqual(rows.map(() => ['at', 'kind', 'send_id', 'subscriber_id']));
    expect(rows.filter((row) => row.kind === 'open')).toHaveLength(1);
    expect(rows.filter((row) => row.kind === 'click')).toHaveLength(2);
    const page = await sendPage(sendId);
    expect(page).toMatch(/data-progress-opened>1</);
    expect(page).toMatch(/data-progress-clicked>2</);
    expect(page).toContain('3 of 3 sent');
  });

  it('redirects only to links of that email: forged, altered or unknown tokens are refused', async () => {
    const id = await subscriberId(emails[2]);
    const valid = clickToken(t.config.secret, sendId, id, 0);
    const [send, subscriber, , signature] = valid.split('.');
    const attempts = [
      `${send}.${subscriber}.1.${signature}`,
      clickToken(t.config.secret, sendId, id, 999),
      clickToken('another-secret-another-secret-another', sendId, id, 0),
      'https%3A%2F%2Fevil.example',
      'x',
    ];
    for (const token of attempts) {
      const response = await t.request({ method: 'GET', url: `/n/c/${token}` });
      expect(response.statusCode, token).toBe(400);
      expect(response.json()).toMatchObject({ error: 'NEWSLETTER_LINK_INVALID' });
    }
    // A query naming another target changes nothing: the token's own link is where it goes.
    const links = JSON.parse((await sendRow(sendId)).tracked_links!) as string[];
    const redirected = await t.request({ method: 'GET', url: `/n/c/${clickToken(t.config.secret, sendId, await subscriberId(emails[0]), 0)}?url=https://evil.example` });
    expect(redirected.statusCode).toBe(302);
    expect(redirected.headers.location).toBe(links[0]);
    // A forged open is answered with the pixel and stores nothing.
    expect((await t.request({ method: 'GET', url: `/n/o/${sendId}.${id}.forged.gif` })).statusCode).toBe(200);
    expect((await engagementRows(sendId)).filter((row) => row.subscriber_id === id)).toEqual([]);
  });

  it('keeps old links working once counting is off again, without recording', async () => {
    await t.runtime.settings.update('newsletters', { trackOpensAndClicks: false });
    try {
      const id = await subscriberId(emails[2]);
      const click = await t.request({ method: 'GET', url: `/n/c/${clickToken(t.config.secret, sendId, id, 0)}` });
      expect(click.statusCode).toBe(302);
      await t.request({ method: 'GET', url: `/n/o/${openToken(t.config.secret, sendId, id)}.gif` });
      expect((await engagementRows(sendId)).filter((row) => row.subscriber_id === id)).toEqual([]);
    } finally {
      await t.runtime.settings.update('newsletters', { trackOpensAndClicks: true });
    }
  });

  it('puts a reader’s opens and clicks in their data download and erases them with the address', async () => {
    const [first, second] = emails;
    const data = await subscriberDataForEmail(t.runtime.db, first);
    const tracked = data!.emails.find((email) => email.sentAt && email.openedAt);
    expect(tracked).toMatchObject({ status: 'sent', openedAt: expect.any(String), clickedAt: expect.any(String) });
    const secondData = await subscriberDataForEmail(t.runtime.db, second);
    expect(secondData!.emails[0].openedAt).toBeUndefined();
    expect(secondData!.emails[0].clickedAt).toEqual(expect.any(String));

    const id = await subscriberId(first);
    await t.runtime.db.transaction().execute((trx) => forgetSubscriberEmail(trx, first));
    expect(await t.runtime.db.selectFrom('newsletter_engagements').select('kind').where('subscriber_id', '=', id).execute()).toEqual([]);
    // Its old pixel now stores nothing (the recipient is gone), and the send's counts drop by one.
    await t.request({ method: 'GET', url: `/n/o/${openToken(t.config.secret, sendId, id)}.gif` });
    expect(await t.runtime.db.selectFrom('newsletter_engagements').select('kind').where('subscriber_id', '=', id).execute()).toEqual([]);
    expect(await sendPage(sendId)).toMatch(/data-progress-opened>0</);
  });
});
