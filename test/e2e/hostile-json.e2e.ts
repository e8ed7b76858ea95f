import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/accounts/service.js';
import { createReader, guestBrowser } from '../../src/comments/test-fixtures.js';
import { newId, newToken } from '../../src/db/ids.js';
import { seedDemo } from '../../src/demo/seed.js';
import { startDonationsApp, type DonationsTestApp } from '../../src/donations/testing/donations-app.js';
import Stripe from 'stripe';
import { TEST_WEBHOOK_SECRET } from '../../src/donations/testing/fake-stripe.js';
import { checkoutSession, event } from '../../src/donations/testing/stripe-fixtures.js';
import { startTestApp, type TestApp, type TestIdentity } from '../../src/testing/test-app.js';
import { HOSTILE_ELSEWHERE, HOSTILE_TABLE, type Actor, type HostileRow, type Ids } from './hostile-json-table.js';
import { registeredRoutes } from './routes.js';

interface Case {
  name: string;
  /** The exact bytes sent as application/json. */
  body: string;
}

const OVERSIZED = 1_100_000;
const HUGE_NUMBERS = ['1e400', '-1', '0.5', '123456789012345678901234567890', '1e308', '9007199254740993'];
const HUGE_NUMERIC_TEXT = ['1e309', '9'.repeat(400), '-1', 'Infinity', 'NaN', '0x1F', '１２'];
const WRONG_TYPES: [string, unknown][] = [['an object', { $ne: null }], ['a list', ['a', 'b']]];

/** Every way one row's body can be wrong; the valid body comes separately. */
export function hostileCases(row: HostileRow, ids: Ids): Case[] {
  const valid = row.valid?.(ids) ?? {};
  const cases: Case[] = [
    { name: 'malformed JSON', body: '{"text": "no closing quote' },
    { name: 'oversized body', body: JSON.stringify({ ...valid, padding: 'x'.repeat(OVERSIZED) }) },
  ];
  if (!row.valid) return cases;
  cases.push({ name: 'a list instead of an object', body: JSON.stringify([valid]) }, { name: 'a string instead of an object', body: '"text"' }, { name: 'null', body: 'null' });
  if (row.required?.length) cases.push({ name: 'no fields', body: '{}' });
  for (const key of row.required ?? []) {
    const { [key]: _left, ...rest } = valid;
    cases.push({ name: `without ${key}`, body: JSON.stringify(rest) });
  }
  for (const key of Object.keys(valid)) {
    for (const [label, value] of WRONG_TYPES) {
      // A list field gets a list of the wrong things instead.
      const wrong = Array.isArray(valid[key]) && Array.isArray(value) ? [{ $ne: null }] : value;
      cases.push({ name: `${key} as ${label}`, body: JSON.stringify({ ...valid, [key]: wrong }) });
    }
    if (typeof valid[key] === 'number') {
      for (const number of HUGE_NUMBERS) cases.push({ name: `${key} = ${number}`, body: JSON.stringify({ ...valid, [key]: '__N__' }).replace('"__N__"', number) });
    }
    if (row.numbers?.includes(key)) {
      for (const text of HUGE_NUMERIC_TEXT) cases.push({ name: `${key} = "${text.slice(0, 12)}"`, body: JSON.stringify({ ...valid, [key]: text }) });
    }
  }
  return cases;
}

async function countRows(db: Kysely<Database>, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
// Table names come from introspection, so the query builder is used untyped here.
type Database = Record<string, Record<string, unknown>>;

let address = 0;
/** Each request from its own address, so per-address limits (login, magic links, gifts) never answer first. */
function nextAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

function describeFailure(row: HostileRow, name: string, status: number, body: string): string {
  return `${row.method} ${row.route} [${name}] → ${status} ${body.slice(0, 300)}`;
}

function isErrorJson(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    return typeof parsed.error === 'string' && typeof parsed.message === 'string';
  } catch {
    return false;
  }
}

describe('hostile JSON on every route that takes a body', () => {
  let t: TestApp;
  let ids: Ids;
  let tables: string[];
  const as = {} as Record<Actor, TestIdentity>;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRIBUNE_DEMO: 'true' } });
    await seedDemo(t.runtime);
    await t.runtime.settings.update('comments', { postsPerMinutePerIp: 100_000, postsPerMinutePerReader: 100_000, actionsPerMinutePerIp: 100_000 });
    await t.runtime.settings.update('moderation', { floodCount: 0, repeatWindowMinutes: 0 });
    const db = t.runtime.db;
    as.admin = await t.signIn('admin');
    as.anonymous = t.anonymous();
    as.guest = guestBrowser(t);
    as.author = guestBrowser(t);
    as.reader = await createReader(t, 'Rhea Reader');
    as.leaving = await createReader(t, 'Lea Leaving');
    await t.signIn('editor', 'login.probe@staff.test');
    const resetProbe = await t.signIn('editor', 'reset.probe@staff.test');
    const [resetToken, inviteToken] = [newToken(), newToken()];
    const inOneHour = new Date(Date.now() + 3_600_000).toISOString();
    await db.insertInto('password_resets').values({ token_hash: hashToken(resetToken), user_id: resetProbe.userId, created_at: new Date().toISOString(), expires_at: inOneHour }).execute();
    await db.insertInto('staff_invites').values({
      id: newId(), token_hash: hashToken(inviteToken), email: 'invited.probe@staff.test', role: 'moderator', display_name: '', invited_by: as.admin.userId,
      created_at: new Date().toISOString(), sent_at: new Date().toISOString(), expires_at: inOneHour,
    }).execute();
    const staff = await t.signIn('moderator');
    const lead = await db.selectFrom('articles').select(['id', 'slug']).where('slug', '=', 'river-cleanup-sediment-tests').executeTakeFirstOrThrow();
    const scratch = await t.request({ method: 'POST', url: '/api/admin/articles', as: as.admin, payload: { title: 'Scratch article', body: 'Body.' } });
    const topic = await t.request({ method: 'POST', url: '/api/admin/topics', as: as.admin, payload: { name: 'Scratch topic' } });
    const own = await t.request({ method: 'POST', url: `/api/articles/${lead.slug}/comments`, as: as.author, payload: { text: 'My own comment.', name: 'Otto Author' } });
    const other = await db.selectFrom('comments').select('id').where('article_id', '=', lead.id).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const linky = async (n: number) => (await t.request({ method: 'POST', url: `/api/articles/${lead.slug}/comments`, as: guestBrowser(t), payload: { text: `See www.example-${n}.com for more`, name: `Linky ${n}` } })).json().comment;
    const held = [await linky(1), await linky(2)];
    const published = await db.selectFrom('comments').select('id').where('article_id', '=', lead.id).where('status', '=', 'published').orderBy('id', 'desc').limit(2).execute();
    const drive = await db.selectFrom('donation_drives').select('id').where('is_current', '=', 1).executeTakeFirstOrThrow();
    const donation = await db.selectFrom('donations').select('id').executeTakeFirstOrThrow();
    const readerGift = await t.request({ method: 'POST', url: '/donate/demo', as: as.reader, payload: { amount: 2500, frequency: 'monthly' } });
    ids = {
      slug: lead.slug, articleId: lead.id, scratchArticleId: scratch.json().id, topicId: topic.json().id, staffId: staff.userId,
      commentId: other.id, ownCommentId: own.json().comment.id, driveId: drive.id, donationId: donation.id,
      readerGiftId: (await db.selectFrom('donations').select('id').where('intent_id', '=', readerGift.json().intentId).executeTakeFirstOrThrow()).id,
      loginEmail: 'login.probe@staff.test', loginPassword: 'correct horse battery staple', resetToken, inviteToken, readerId: as.reader.userId,
      heldIds: [held[0].id, held[1].id], publishedIds: [published[0].id, published[1].id],
    };
    expect(held.map((comment) => comment.status)).toEqual(['pending', 'pending']);
    tables = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
  });
  afterAll(() => t?.close());

  it('has a row for every registered route that takes a body', () => {
    const listed = new Set([...HOSTILE_TABLE.map((row) => `${row.method} ${row.route}`), ...Object.keys(HOSTILE_ELSEWHERE)]);
    const withBodies = registeredRoutes(t.app).filter((route) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)).map((route) => `${route.method} ${route.path}`);
    expect(withBodies.filter((route) => !listed.has(route))).toEqual([]);
    expect([...listed].filter((route) => !withBodies.includes(route))).toEqual([]);
  });

  it.each(HOSTILE_TABLE)('$method $route answers 4xx, never 500, and stores nothing', async (row) => {
    const failures: string[] = [];
    const db = t.runtime.db as unknown as Kysely<Database>;
    for (const hostile of hostileCases(row, ids)) {
      const before = await countRows(db, tables);
      const response = await t.request({
        method: row.method, url: row.url(ids), as: as[row.as], remoteAddress: nextAddress(),
        headers: { 'content-type': 'application/json', accept: 'application/json' }, payload: hostile.body,
      });
      const after = await countRows(db, tables);
      const changed = tables.filter((table) => before[table] !== after[table]).map((table) => `${table} ${before[table]}→${after[table]}`);
      const status = response.statusCode;
      const shaped = isErrorJson(response.body) || (row.html === true && String(response.headers['content-type']).startsWith('text/html'));
      const redirectedError = row.redirectsErrors === true && status === 303 && /[?&]error=/.test(String(response.headers.location));
      if (changed.length > 0 || (!redirectedError && (status < 400 || status >= 500 || !shaped))) {
        failures.push(`${describeFailure(row, hostile.name, status, response.body)}${changed.length ? ` stored: ${changed.join(', ')}` : ''}`);
      }
    }
    if (row.valid) {
      const response = await t.request({ method: row.method, url: row.url(ids), as: as[row.as], remoteAddress: nextAddress(), payload: row.valid(ids) as Record<string, unknown> });
      const refused = response.statusCode >= 400 || /[?&]error=/.test(String(response.headers.location ?? ''));
      if (refused) failures.push(`the valid body was refused: ${describeFailure(row, 'valid', response.statusCode, response.body)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('hostile bodies on the payment routes (fake Stripe)', () => {
  let d: DonationsTestApp;
  beforeAll(async () => {
    d = await startDonationsApp();
  });
  afterAll(() => d?.close());

  async function ledgerState() {
    return { stripeEvents: await d.count('stripe_events'), ledger: await d.count('donation_ledger'), donations: await d.count('donations'), raised: (await d.meter()).raisedMinor };
  }

  it('POST /donate refuses every malformed gift and creates no checkout intent', async () => {
    const row: HostileRow = {
      method: 'POST', route: '/donate', url: () => '/donate', as: 'anonymous',
      valid: () => ({ amount: 2500, frequency: 'once', publicName: 'Dora', message: 'Thanks', customAmount: '', currency: 'USD' }),
      required: ['amount'], numbers: ['customAmount'],
    };
    const failures: string[] = [];
    const intents = async () => Number((await d.t.runtime.db.selectFrom('donation_intents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    for (const hostile of hostileCases(row, {} as Ids)) {
      const before = await intents();
      const response = await d.t.request({ method: 'POST', url: '/donate', as: d.t.anonymous(), remoteAddress: nextAddress(), headers: { 'content-type': 'application/json' }, payload: hostile.body });
      const stored = (await intents()) - before;
      if (response.statusCode < 400 || response.statusCode >= 500 || !isErrorJson(response.body) || stored !== 0) failures.push(`${describeFailure(row, hostile.name, response.statusCode, response.body)} stored ${stored}`);
    }
    expect(failures).toEqual([]);
    expect(d.fake.requests.length).toBe(0);
    expect(await d.give(2500)).toMatch(/^[0-9a-z]+$/);
  });

  it('the Stripe webhook refuses unsigned, malformed and oversized bodies, and odd amounts never reach the ledger', async () => {
    const start = await ledgerState();
    const post = (payload: string, signature?: string) =>
      d.t.request({ method: 'POST', url: '/api/donations/stripe/webhook', headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) }, payload });
    // The header Stripe would send for these exact bytes, made with the SDK's own test helper.
    const sign = (payload: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET, timestamp: d.seconds() });
    const refusals = [
      await post('{"id": "evt_1", "type": '),
      await post('{"id": "evt_1", "type": ', sign('{"id": "evt_1", "type": ')),
      await post(JSON.stringify({ id: 'evt_x', padding: 'x'.repeat(OVERSIZED) })),
      await post(JSON.stringify([1, 2]), sign(JSON.stringify([1, 2]))),
      await post(JSON.stringify({ id: 'evt_no_data', type: 'checkout.session.completed' }), sign(JSON.stringify({ id: 'evt_no_data', type: 'checkout.session.completed' }))),
    ];
    expect(refusals.map((response) => response.statusCode)).toEqual([400, 400, 413, 400, 400]);
    expect(refusals.every((response) => isErrorJson(response.body))).toBe(true);
    expect(await ledgerState()).toEqual(start);

    // Signed, so only Stripe could send these; still, an odd amount must neither fail the delivery nor bend the ledger.
    for (const amount of ['lots', -2500, 1e308, 0.5, { value: 2500 }, null, 2 ** 60]) {
      const intentId = await d.give(2500);
      const session = { ...checkoutSession({ intentId, amount: 2500 }), amount_total: amount };
      const response = await d.deliver(event('checkout.session.completed', session, d.seconds()));
      expect(response.statusCode, `amount_total ${JSON.stringify(amount)}: ${response.body}`).toBeLessThan(500);
    }
    const entries = await d.t.runtime.db.selectFrom('donation_ledger').select('amount_minor').execute();
    expect(entries.filter((entry) => !Number.isSafeInteger(entry.amount_minor) || entry.amount_minor <= 0 || entry.amount_minor > 2500)).toEqual([]);
    expect((await d.meter()).raisedMinor).toBe(entries.reduce((sum, entry) => sum + entry.amount_minor, 0));
  });
});
