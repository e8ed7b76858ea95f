import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeStripe, TEST_WEBHOOK_SECRET, type FakeStripe } from '../../src/donations/testing/fake-stripe.js';
import { charge, checkoutSession, event, ids, invoice } from '../../src/donations/testing/stripe-fixtures.js';
import type { ServerProcess } from '../../src/testing/server-process.js';
import { SiteClient } from '../../src/testing/site-client.js';
import { openSiteDb, serveDemo, tempDataDir } from './support.js';

const DEMO_RAISED = 143_700;
const ONCE = 20;
const ASYNC = 5;
const MONTHLY = 10;
const REFUNDED = 6;
/** One-off gifts refunded in part only. */
const PARTLY = 4;
const RENEWALS_REFUNDED = 3;
const CONCURRENCY = 12;

/** A fixed shuffle, so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await run(items[next++]);
  }));
}

describe('the Stripe webhook under duplicated, reordered and concurrent events, and a crash between them', () => {
  const data = tempDataDir();
  let server: ServerProcess;
  let fake: FakeStripe;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await fake?.close();
    data.remove();
  });

  it('keeps the ledger and the meter exact', async () => {
    fake = await startFakeStripe();
    const env = { TRIBUNE_STRIPE_SECRET_KEY: 'sk_test_tribune', TRIBUNE_STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, TRIBUNE_STRIPE_API_BASE: fake.url };
    server = await serveDemo(data.dir, env);
    // Readers start gifts on the donate page (20 a minute per address): each gets a Checkout Session from the fake.
    const donors = [2, 3, 4].map((n) => new SiteClient(server.url, { localAddress: `127.0.0.${n}` }));
    for (const donor of donors) await donor.loadPage('/donate');
    const give = async (index: number, amount: number, frequency: 'once' | 'monthly') => {
      const response = await donors[Math.floor(index / 15)].post('/donate', { json: { amount, frequency } });
      expect(response.status, response.text).toBe(200);
      return response.json<{ intentId: string }>().intentId;
    };
    const now = () => Math.floor(Date.now() / 1000);

    const payments: Record<string, unknown>[][] = [];
    const refunds: Record<string, unknown>[][] = [];
    let expected = DEMO_RAISED;
    for (let i = 0; i < ONCE; i++) {
      const amount = 1_000 + i * 137;
      const intentId = await give(i, amount, 'once');
      const paymentIntent = ids('pi');
      expected += amount;
      if (i < ASYNC) {
        // Paid later (bank debit): "completed, unpaid" and "succeeded" may arrive in either order.
        const session = checkoutSession({ intentId, amount, paymentStatus: 'unpaid', paymentIntent });
        payments.push([event('checkout.session.completed', session, now()), event('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }, now())]);
      } else {
        const session = checkoutSession({ intentId, amount, paymentIntent });
        // The same session announced twice under two event ids.
        payments.push([event('checkout.session.completed', session, now()), event('checkout.session.completed', session, now())]);
      }
      const chargeId = ids('ch');
      const partial = Math.floor(amount * 0.4);
      const refunded = (total: number) => event('charge.refunded', charge({ id: chargeId, paymentIntent, amount, refunded: total }), now());
      if (i >= ONCE - REFUNDED) {
        // A partial refund, the rest, and a notice claiming more than was paid: the gift counts nothing.
        refunds.push([refunded(partial), refunded(amount), refunded(amount + 500)]);
        expected -= amount;
      } else if (i >= ONCE - REFUNDED - PARTLY) {
        refunds.push([refunded(partial)]);
        expected -= partial;
      }
    }
    for (let j = 0; j < MONTHLY; j++) {
      const amount = 500 + j * 250;
      const intentId = await give(ONCE + j, amount, 'monthly');
      const subscription = ids('sub');
      const firstInvoice = ids('in');
      const renewalIntent = ids('pi');
      const session = checkoutSession({ intentId, amount, mode: 'subscription', subscription, invoice: firstInvoice });
      payments.push([
        event('checkout.session.completed', session, now()),
        event('invoice.paid', invoice({ intentId, subscription, amount, id: firstInvoice, billingReason: 'subscription_create' }), now()),
        event('invoice.paid', invoice({ intentId, subscription, amount, billingReason: 'subscription_cycle', paymentIntent: renewalIntent }), now()),
      ]);
      expected += 2 * amount;
      if (j < RENEWALS_REFUNDED) {
        refunds.push([event('charge.refunded', charge({ paymentIntent: renewalIntent, amount, refunded: 100 }), now())]);
        expected -= 100;
      }
    }
    for (const donor of donors) donor.close();

    let hook = new SiteClient(server.url, { maxSockets: CONCURRENCY });
    const statuses: string[] = [];
    const deliver = async (stripeEvent: Record<string, unknown>) => {
      const payload = JSON.stringify(stripeEvent);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET, timestamp: now() });
      const response = await hook.post('/api/donations/stripe/webhook', { raw: { body: payload, type: 'application/json' }, headers: { 'stripe-signature': signature }, csrf: false });
      if (response.status !== 200) statuses.push(`${response.status} ${stripeEvent.type as string}: ${response.text.slice(0, 200)}`);
    };
    // Every event at least twice (Stripe retries), some three times, all shuffled, twelve at a time.
    const phase = (groups: Record<string, unknown>[][], seed: number) => shuffle(groups.flat().flatMap((item, index) => (index % 3 === 0 ? [item, item, item] : [item, item])), seed);
    const half = Math.floor(payments.length / 2);
    // Refunds overtake their payments: every refund and half the payments, mixed.
    const first = phase([...refunds, ...payments.slice(0, half)], 7);
    await pool(first, CONCURRENCY, deliver);
    const db = openSiteDb(data.dir);
    const waiting = (db.prepare('SELECT COUNT(DISTINCT event_id) AS n FROM stripe_parked_events').get() as { n: number }).n;
    db.close();
    expect(waiting).toBeGreaterThan(0);

    // The process dies with refunds still waiting for their payments; they were acknowledged, so they are kept.
    hook.close();
    await server.stop('SIGKILL');
    server = await serveDemo(data.dir, env);
    hook = new SiteClient(server.url, { maxSockets: CONCURRENCY });

    const second = phase([...payments.slice(half), ...refunds], 11);
    await pool(second, CONCURRENCY, deliver);
    // One event raced against itself five times at once.
    const raced = payments[ONCE - 1][0];
    await Promise.all(Array.from({ length: 5 }, () => deliver(raced)));
    expect(statuses).toEqual([]);

    const meter = (await hook.get('/api/drives/current')).json<{ raisedMinor: number }>();
    hook.close();
    expect(meter.raisedMinor).toBe(expected);

    const site = openSiteDb(data.dir);
    try {
      const drive = site.prepare('SELECT id FROM donation_drives WHERE is_current = 1').get() as { id: string };
      const sum = site.prepare('SELECT COALESCE(SUM(amount_minor), 0) AS total FROM donation_ledger WHERE drive_id = ?').get(drive.id) as { total: number };
      const positive = site.prepare("SELECT COUNT(*) AS n FROM donation_ledger WHERE drive_id = ? AND amount_minor > 0 AND provider = 'stripe'").get(drive.id) as { n: number };
      const events = site.prepare('SELECT COUNT(*) AS n FROM stripe_events').get() as { n: number };
      const parked = site.prepare('SELECT COUNT(*) AS n FROM stripe_parked_events').get() as { n: number };
      const unique = new Set([...payments.flat(), ...refunds.flat()].map((item) => item.id)).size;
      expect({ ledger: sum.total, stripePayments: positive.n, storedEvents: events.n, stillWaiting: parked.n }).toEqual({
        ledger: expected,
        stripePayments: ONCE + 2 * MONTHLY,
        storedEvents: unique,
        stillWaiting: 0,
      });
      console.log(`webhook: ${unique} distinct events delivered ${first.length + second.length + 5} times across a SIGKILL, ${waiting} refunds waited for their payment; raised ${expected} minor units, exact`);
    } finally {
      site.close();
    }
  });
});
