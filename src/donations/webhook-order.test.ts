import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';
import { charge, checkoutSession, event, ids, invoice } from './testing/stripe-fixtures.js';

type StripeEvent = Record<string, unknown>;

/** Every order of `items` (n! of them). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

interface Scenario {
  name: string;
  /** Starts one gift and returns the events Stripe would send about it, and what the ledger must hold after all of them. */
  make(d: DonationsTestApp): Promise<{ events: StripeEvent[]; net: number; status: string }>;
}

const ONE_OFF = 10_000;
const MONTHLY = 1_500;

const SCENARIOS: Scenario[] = [
  {
    name: 'a one-off gift, two partial refunds and the session announced again',
    async make(d) {
      const intentId = await d.give(ONE_OFF);
      const pi = ids('pi');
      const ch = ids('ch');
      const session = checkoutSession({ intentId, amount: ONE_OFF, paymentIntent: pi });
      const events = [
        event('checkout.session.completed', session, d.seconds()),
        event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: ONE_OFF, refunded: 2_500 }), d.seconds()),
        event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: ONE_OFF, refunded: 6_000 }), d.seconds()),
        // Stripe resends under a new event id: the same payment, not a second one.
        event('checkout.session.completed', session, d.seconds()),
      ];
      return { events, net: ONE_OFF - 6_000, status: 'paid' };
    },
  },
  {
    name: 'a one-off gift refunded in part, in full, and once more than it was (amount_refunded > amount)',
    async make(d) {
      const intentId = await d.give(ONE_OFF);
      const pi = ids('pi');
      const ch = ids('ch');
      const events = [
        event('checkout.session.completed', checkoutSession({ intentId, amount: ONE_OFF, paymentIntent: pi }), d.seconds()),
        event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: ONE_OFF, refunded: 4_000 }), d.seconds()),
        event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: ONE_OFF, refunded: ONE_OFF }), d.seconds()),
        event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: ONE_OFF, refunded: 12_000 }), d.seconds()),
      ];
      return { events, net: 0, status: 'refunded' };
    },
  },
  {
    name: 'a monthly gift: session, first invoice, a renewal, a partial refund of the renewal and a full refund of the first payment',
    async make(d) {
      const intentId = await d.give(MONTHLY, 'monthly');
      const sub = ids('sub');
      const firstInvoice = ids('in');
      const firstPi = ids('pi');
      const renewalPi = ids('pi');
      // The first payment's refund names only its PaymentIntent; Stripe answers which invoice it paid.
      d.fake.invoicePayments.set(firstPi, firstInvoice);
      const events = [
        event('checkout.session.completed', checkoutSession({ intentId, amount: MONTHLY, mode: 'subscription', subscription: sub, invoice: firstInvoice }), d.seconds()),
        event('invoice.paid', invoice({ intentId, subscription: sub, amount: MONTHLY, id: firstInvoice, billingReason: 'subscription_create', paymentIntent: firstPi }), d.seconds()),
        event('invoice.paid', invoice({ intentId, subscription: sub, amount: MONTHLY, billingReason: 'subscription_cycle', paymentIntent: renewalPi }), d.seconds()),
        event('charge.refunded', charge({ paymentIntent: renewalPi, amount: MONTHLY, refunded: 500 }), d.seconds()),
        event('charge.refunded', charge({ paymentIntent: firstPi, amount: MONTHLY, refunded: MONTHLY }), d.seconds()),
      ];
      return { events, net: MONTHLY + MONTHLY - 500 - MONTHLY, status: 'active' };
    },
  },
];

describe('Stripe events in every order', () => {
  let d: DonationsTestApp;
  beforeAll(async () => {
    d = await startDonationsApp();
  });
  afterAll(() => d?.close());

  async function ledgerOf(intentId: string) {
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().where('intent_id', '=', intentId).executeTakeFirst();
    if (!donation) return { net: null, status: null };
    const entries = await d.t.runtime.db.selectFrom('donation_ledger').select('amount_minor').where('donation_id', '=', donation.id).execute();
    return { net: entries.reduce((sum, entry) => sum + entry.amount_minor, 0), status: donation.status };
  }

  for (const scenario of SCENARIOS) {
    it(`keeps the ledger exact for ${scenario.name}`, async () => {
      const probe = await scenario.make(d);
      const orders = permutations(probe.events.map((_, index) => index));
      const wrong: string[] = [];
      let expectedRaise = 0;
      const before = (await d.meter()).raisedMinor;
      for (const order of orders) {
        const gift = await scenario.make(d);
        const intentId = (gift.events[0].data as { object: { client_reference_id: string } }).object.client_reference_id;
        for (const index of order) {
          const response = await d.deliver(gift.events[index]);
          if (response.statusCode !== 200) wrong.push(`${order.join('')}: event ${index} → ${response.statusCode} ${response.body}`);
        }
        // Stripe redelivers: every event again, last first, changes nothing.
        for (const index of [...order].reverse()) {
          const again = await d.deliver(gift.events[index]);
          if (again.json().duplicate !== true) wrong.push(`${order.join('')}: redelivered event ${index} was applied again`);
        }
        const ledger = await ledgerOf(intentId);
        if (ledger.net !== gift.net || ledger.status !== gift.status) wrong.push(`${order.join('')}: ${JSON.stringify(ledger)}, expected net ${gift.net}, ${gift.status}`);
        expectedRaise += gift.net;
      }
      expect(wrong).toEqual([]);
      expect(await d.count('stripe_parked_events')).toBe(0);
      // The probe's events were never delivered: it counts nothing.
      expect((await d.meter()).raisedMinor - before).toBe(expectedRaise);
      expect(orders.length).toBe([1, 1, 2, 6, 24, 120][probe.events.length]);
    });
  }

  it('keeps the ledger exact when every event of a gift arrives at once, twice', async () => {
    const before = (await d.meter()).raisedMinor;
    let expected = 0;
    for (const scenario of SCENARIOS) {
      for (let round = 0; round < 4; round++) {
        const gift = await scenario.make(d);
        // Every other round the refunds lead, so on SQLite too they reach the server before their payment.
        const order = round % 2 === 0 ? [...gift.events].reverse() : gift.events;
        const responses = await Promise.all([...order, ...order].map((stripeEvent) => d.deliver(stripeEvent)));
        expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 200));
        expected += gift.net;
      }
    }
    expect((await d.meter()).raisedMinor - before).toBe(expected);
    expect(await d.count('stripe_parked_events')).toBe(0);
  });
});
