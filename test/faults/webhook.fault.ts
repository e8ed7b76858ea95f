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

describe('the Stripe webhook under duplicated, reordered and concurrent events', () => {
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
    server = await serveDemo(data.dir, { TRIBUNE_STRIPE_SECRET_KEY: 'sk_test_tribune', TRIBUNE_STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, TRIBUNE_STRIPE_API_BASE: fake.url });
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
      if (i >= ONCE - REFUNDED) {
        const chargeId = ids('ch');
        const partial = Math.floor(amount * 0.4);
        refunds.push([event('charge.refunded', charge({ id: chargeId, paymentIntent, amount, refunded: partial }), now()), event('charge.refunded', charge({ id: chargeId, paymentIntent, amount, refunded: amount }), now())]);
        expected -= amount;
      }
    }
    for (let j = 0; j < MONTHLY; j++) {
      const amount = 500 + j * 250;
      const intentId = await give(ONCE + j, amount, 'monthly');
      const subscription = ids('sub');
      const firstInvoice = ids('in');
      const session = checkoutSession({ intentId, amount, mode: 'subscription', subscription, invoice: firstInvoice });
      payments.push([
        event('checkout.session.completed', session, now()),
        event('invoice.paid', invoice({ intentId, subscription, amount, id: firstInvoice, billingReason: 'subscription_create' }), now()),
        event('invoice.paid', invoice({ intentId, subscription, amount, billingReason: 'subscription_cycle' }), now()),
      ]);
      expected += 2 * amount;
    }
    for (const donor of donors) donor.close();

    const hook = new SiteClient(server.url, { maxSockets: CONCURRENCY });
    const statuses: string[] = [];
    const deliver = async (stripeEvent: Record<string, unknown>) => {
      const payload = JSON.stringify(stripeEvent);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET, timestamp: now() });
      const response = await hook.post('/api/donations/stripe/webhook', { raw: { body: payload, type: 'application/json' }, headers: { 'stripe-signature': signature }, csrf: false });
      if (response.status !== 200) statuses.push(`${response.status} ${stripeEvent.type as string}: ${response.text.slice(0, 200)}`);
    };
    // Every event at least twice (Stripe retries), some three times, all shuffled, twelve at a time.
    const phase = (groups: Record<string, unknown>[][], seed: number) => shuffle(groups.flat().flatMap((item, index) => (index % 3 === 0 ? [item, item, item] : [item, item])), seed);
    await pool(phase(payments, 7), CONCURRENCY, deliver);
    // One event raced against itself five times at once.
    const raced = payments[ONCE - 1][0];
    await Promise.all(Array.from({ length: 5 }, () => deliver(raced)));
    await pool(phase(refunds, 11), CONCURRENCY, deliver);
    expect(statuses).toEqual([]);

    const meter = (await hook.get('/api/drives/current')).json<{ raisedMinor: number }>();
    hook.close();
    expect(meter.raisedMinor).toBe(expected);

    const db = openSiteDb(data.dir);
    try {
      const drive = db.prepare('SELECT id FROM donation_drives WHERE is_current = 1').get() as { id: string };
      const sum = db.prepare('SELECT COALESCE(SUM(amount_minor), 0) AS total FROM donation_ledger WHERE drive_id = ?').get(drive.id) as { total: number };
      const positive = db.prepare("SELECT COUNT(*) AS n FROM donation_ledger WHERE drive_id = ? AND amount_minor > 0 AND provider = 'stripe'").get(drive.id) as { n: number };
      const events = db.prepare('SELECT COUNT(*) AS n FROM stripe_events').get() as { n: number };
      const unique = new Set([...payments.flat(), ...refunds.flat()].map((item) => item.id)).size;
      expect({ ledger: sum.total, stripePayments: positive.n, storedEvents: events.n }).toEqual({ ledger: expected, stripePayments: ONCE + 2 * MONTHLY, storedEvents: unique });
      console.log(`webhook: ${unique} distinct events delivered ${phase(payments, 7).length + phase(refunds, 11).length + 5} times; raised ${expected} minor units, exact`);
    } finally {
      db.close();
    }
  });
});
