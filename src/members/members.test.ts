import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader, createTestArticle, post, relax } from '../comments/test-fixtures.js';
import { recordAction } from '../moderation-queue/index.js';
import { createNewsletter, seedSubscribers } from '../newsletters/testing/fixtures.js';
import { startDonationsApp, type DonationsTestApp } from '../donations/testing/donations-app.js';
import { checkoutSession, event, ids } from '../donations/testing/stripe-fixtures.js';

/** Parses the CSV the export sends (RFC 4180: quoted cells, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += char;
  }
  return rows;
}

describe('members admin', () => {
  let d: DonationsTestApp;
  let daily: string;
  let weekly: string;
  let alice: Awaited<ReturnType<typeof createReader>>;
  const rows = async (query: string) => {
    const response = await d.t.request({ method: 'GET', url: `/admin/members.csv${query}`, as: d.admin });
    expect(response.statusCode).toBe(200);
    const [header, ...data] = parseCsv(response.body);
    return data.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
  };
  const emailsOf = async (query: string) => (await rows(query)).map((row) => row.email).sort();

  const giveAs = async (email: string, amount: number, frequency: 'once' | 'monthly') => {
    const intentId = await d.give(amount, frequency);
    const session = frequency === 'monthly' ? checkoutSession({ intentId, amount, email, mode: 'subscription' }) : checkoutSession({ intentId, amount, email });
    expect((await d.deliver(event('checkout.session.completed', session, d.seconds()))).statusCode).toBe(200);
  };

  beforeAll(async () => {
    d = await startDonationsApp({ start: '2026-01-10T12:00:00Z' });
    await relax(d.t);
    daily = await createNewsletter(d.t, 'daily-brief', 'Daily brief');
    weekly = await createNewsletter(d.t, 'weekly', 'Weekly analysis');
    alice = await createReader(d.t, 'Alice Reader', { email: 'alice@readers.test' });
    await seedSubscribers(d.t.runtime.db, daily, 2, 'daily.test'); // subscriber0@daily.test, subscriber1@daily.test
    await seedSubscribers(d.t.runtime.db, weekly, 1, 'weekly.test');
    // Alice also subscribes to the daily brief, with her account's address.
    const time = d.clock.now().toISOString();
    await d.t.runtime.db.insertInto('newsletter_subscribers').values({ id: ids('sb'), email: 'alice@readers.test', status: 'active', source: 'form', confirmed_at: time, created_at: time, updated_at: time }).execute();
    const aliceSub = await d.t.runtime.db.selectFrom('newsletter_subscribers').select('id').where('email', '=', 'alice@readers.test').executeTakeFirstOrThrow();
    await d.t.runtime.db.insertInto('newsletter_subscriptions').values({ subscriber_id: aliceSub.id, newsletter_id: daily, created_at: time }).execute();

    d.clock.set('2025-11-01T12:00:00Z'); // a one-off gift 70 days before "now"
    await giveAs('carol@donors.test', 4_000, 'once');
    d.clock.set('2026-01-08T12:00:00Z');
    await giveAs('alice@readers.test', 1_500, 'monthly');
    await giveAs('subscriber0@daily.test', 2_500, 'once');
    d.clock.set('2026-01-10T12:00:00Z');

    const article = await createTestArticle(d.t, { slug: 'council-budget' });
    await post(d.t, alice, article.id, { text: 'The <b>budget</b> numbers do not add up.' });
    await recordAction({ db: d.t.runtime.db, now: d.clock.now }, { action: 'warn', userId: alice.userId, actorId: d.admin.userId, reason: 'Keep it civil' });
  });
  afterAll(() => d?.close());

  it('lists readers, subscribers and donors once each, joined by email', async () => {
    const all = await rows('');
    expect(all.map((row) => row.email).sort()).toEqual(['alice@readers.test', 'carol@donors.test', 'subscriber0@daily.test', 'subscriber0@weekly.test', 'subscriber1@daily.test']);
    const aliceRow = all.find((row) => row.email === 'alice@readers.test')!;
    expect(aliceRow).toMatchObject({ name: 'Alice Reader', account_status: 'active', subscriber_status: 'active', newsletters: 'Daily brief', donor_gifts: '1', donor_monthly: 'active', donor_total_minor: '1500', donor_currency: 'USD' });
    expect(all.find((row) => row.email === 'carol@donors.test')).toMatchObject({ account_status: '', subscriber_status: '', donor_gifts: '1', donor_monthly: '', donor_total_minor: '4000', last_gift_at: '2025-11-01T12:00:00.000Z' });
  });

  it('filters by newsletter, donor status, last gift and search, in the page and the CSV alike', async () => {
    expect(await emailsOf(`?newsletter=${daily}`)).toEqual(['alice@readers.test', 'subscriber0@daily.test', 'subscriber1@daily.test']);
    expect(await emailsOf(`?newsletter=${weekly}`)).toEqual(['subscriber0@weekly.test']);
    expect(await emailsOf('?donor=donor')).toEqual(['alice@readers.test', 'carol@donors.test', 'subscriber0@daily.test']);
    expect(await emailsOf('?donor=monthly')).toEqual(['alice@readers.test']);
    expect(await emailsOf('?donor=one-off')).toEqual(['carol@donors.test', 'subscriber0@daily.test']);
    expect(await emailsOf('?donor=none')).toEqual(['subscriber0@weekly.test', 'subscriber1@daily.test']);
    expect(await emailsOf('?lastGift=30')).toEqual(['alice@readers.test', 'subscriber0@daily.test']);
    expect(await emailsOf('?lastGift=90')).toEqual(['alice@readers.test', 'carol@donors.test', 'subscriber0@daily.test']);
    expect(await emailsOf(`?newsletter=${daily}&donor=donor`)).toEqual(['alice@readers.test', 'subscriber0@daily.test']);
    expect(await emailsOf('?search=ALICE')).toEqual(['alice@readers.test']);
    expect(await emailsOf('?kind=reader')).toEqual(['alice@readers.test']);
    const page = await d.t.request({ method: 'GET', url: `/admin/members?donor=monthly`, as: d.admin });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 person');
    expect(page.body).toContain('alice@readers.test');
    expect(page.body).not.toContain('carol@donors.test');
    expect(page.body).toContain('href="/admin/members.csv?donor=monthly"');
  });

  it('pages through a long list, 50 at a time', async () => {
    await seedSubscribers(d.t.runtime.db, weekly, 120, 'many.test');
    const first = await d.t.request({ method: 'GET', url: '/admin/members?search=many.test', as: d.admin });
    expect(first.body).toContain('120 people');
    expect(first.body).toContain('Page 1 of 3');
    expect(first.body.match(/@many\.test<\/td>/g)).toHaveLength(50);
    const last = await d.t.request({ method: 'GET', url: '/admin/members?search=many.test&page=3', as: d.admin });
    expect(last.body.match(/@many\.test<\/td>/g)).toHaveLength(20);
    expect(last.body).toContain('rel="prev"');
    expect(last.body).not.toContain('rel="next"');
    expect((await rows('?search=many.test')).length).toBe(120);
  });

  it("joins a person's comments, sanctions, subscriptions and gifts on their page", async () => {
    const page = await d.t.request({ method: 'GET', url: `/admin/members/person?user=${alice.userId}`, as: d.admin });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alice Reader');
    expect(page.body).toContain('Daily brief');
    expect(page.body).toContain('15 $');
    expect(page.body).toContain('monthly');
    expect(page.body).toContain('Comments (1)');
    // The comment's text is shown as written, escaped.
    expect(page.body).toContain('The &lt;b&gt;budget&lt;/b&gt; numbers');
    expect(page.body).toContain('href="/council-budget#comment-');
    expect(page.body).toContain('<strong>warn</strong> — Keep it civil');
    const byEmail = await d.t.request({ method: 'GET', url: '/admin/members/person?email=carol%40donors.test', as: d.admin });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.body).toContain('40 $');
    expect(byEmail.body).toContain('Not subscribed');
    expect((await d.t.request({ method: 'GET', url: '/admin/members/person?email=nobody%40x.test', as: d.admin })).statusCode).toBe(404);
  });

  it('is for admins only and refuses malformed filters', async () => {
    const editor = await d.t.signIn('editor');
    expect((await d.t.request({ method: 'GET', url: '/admin/members', as: editor })).statusCode).toBe(403);
    expect((await d.t.request({ method: 'GET', url: '/admin/members.csv', as: d.t.anonymous() })).statusCode).not.toBe(200);
    const bad = await d.t.request({ method: 'GET', url: '/admin/members?donor=everyone', as: d.admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toHaveProperty('error');
  });
});
