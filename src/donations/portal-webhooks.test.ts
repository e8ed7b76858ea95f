import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { donorToken } from './donor-links.js';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';
import { checkoutSession, event, ids, invoice, subscriptionState } from './testing/stripe-fixtures.js';

type StripeEvent = Record<string, unknown>;
const DAY = 86_400;

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

interface Expected {
  amount: number;
  paused: number;
  status: string;
  /** What the ledger holds for the gift: only invoices actually paid. */
  net: number;
  /** When a cancellation at the period's end takes effect (ISO), while the gift still runs. */
  cancelAt: string | null;
}

interface Scenario {
  name: string;
  make(d: DonationsTestApp): Promise<{ intentId: string; events: StripeEvent[]; expected: Expected }>;
}

/** A monthly gift of 15 $ started through POST /donate, and the ids Stripe gives it. */
async function monthlyGift(d: DonationsTestApp) {
  const intentId = await d.give(1_500, 'monthly');
  const sub = ids('sub');
  const firstInvoice = ids('in');
  const customer = ids('cus');
  const t = d.seconds();
  const session = event('checkout.session.completed', checkoutSession({ intentId, amount: 1_500, mode: 'subscription', subscription: sub, invoice: firstInvoice, customer }), t);
  const first = event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1_500, id: firstInvoice, billingReason: 'subscription_create' }), t);
  const state = (at: number, options: Partial<Parameters<typeof subscriptionState>[0]> & { type?: string } = {}) => {
    const { type, ...rest } = options;
    return event(type ?? 'customer.subscription.updated', subscriptionState({ id: sub, intentId, amount: 1_500, customer, ...rest }), t + at);
  };
  const renewal = (at: number, amount: number) => event('invoice.paid', invoice({ intentId, subscription: sub, amount }), t + at);
  return { intentId, session, first, state, renewal, t };
}

// Events as Stripe sends them when a donor uses the customer portal: the subscription changes first
// (customer.subscription.*), money moves only with the next invoice.
const SCENARIOS: Scenario[] = [
  {
    name: 'the amount raised twice, with a renewal at the first new amount',
    async make(d) {
      const g = await monthlyGift(d);
      const events = [g.session, g.first, g.state(60, { amount: 2_500 }), g.renewal(120, 2_500), g.state(180, { amount: 3_000 })];
      return { intentId: g.intentId, events, expected: { amount: 3_000, paused: 0, status: 'active', net: 1_500 + 2_500, cancelAt: null } };
    },
  },
  {
    name: 'paused in the portal, Stripe pausing it, resumed, and the amount lowered',
    async make(d) {
      const g = await monthlyGift(d);
      const events = [
        g.session,
        g.state(60, { pauseCollection: true }),
        g.state(120, { type: 'customer.subscription.paused', status: 'paused' }),
        g.state(180, { type: 'customer.subscription.resumed', status: 'active' }),
        g.state(240, { amount: 1_000 }),
      ];
      return { intentId: g.intentId, events, expected: { amount: 1_000, paused: 0, status: 'active', net: 1_500, cancelAt: null } };
    },
  },
  {
    name: 'paused, resumed and paused again',
    async make(d) {
      const g = await monthlyGift(d);
      const events = [g.session, g.first, g.state(60, { pauseCollection: true }), g.state(120, {}), g.state(180, { pauseCollection: true })];
      return { intentId: g.intentId, events, expected: { amount: 1_500, paused: 1, status: 'paused', net: 1_500, cancelAt: null } };
    },
  },
  {
    name: 'the amount changed, a renewal, then cancelled in the portal',
    async make(d) {
      const g = await monthlyGift(d);
      const events = [
        g.session,
        g.first,
        g.state(60, { amount: 2_000 }),
        g.renewal(120, 2_000),
        g.state(180, { type: 'customer.subscription.deleted', status: 'canceled', amount: 2_000 }),
      ];
      return { intentId: g.intentId, events, expected: { amount: 2_000, paused: 0, status: 'cancelled', net: 1_500 + 2_000, cancelAt: null } };
    },
  },
  {
    name: 'raised, set to cancel at the period\'s end in the portal, then ended by Stripe',
    async make(d) {
      const g = await monthlyGift(d);
      const events = [
        g.session,
        g.first,
        g.state(60, { amount: 2_000 }),
        g.state(120, { amount: 2_000, cancelAtPeriodEnd: true, cancelAt: g.t + 30 * DAY }),
        g.state(180, { type: 'customer.subscription.deleted', status: 'canceled', amount: 2_000, cancelAtPeriodEnd: true, cancelAt: g.t + 30 * DAY }),
      ];
      return { intentId: g.intentId, events, expected: { amount: 2_000, paused: 0, status: 'cancelled', net: 1_500, cancelAt: null } };
    },
  },
  {
    name: 'set to cancel at the period\'s end, kept after all, and renewed',
    async make(d) {
      const g = await monthlyGift(d);
      const events = [g.session, g.first, g.state(60, { cancelAtPeriodEnd: true, cancelAt: g.t + 30 * DAY }), g.state(120, {}), g.renewal(180, 1_500)];
      return { intentId: g.intentId, events, expected: { amount: 1_500, paused: 0, status: 'active', net: 3_000, cancelAt: null } };
    },
  },
  {
    name: 'renewed, lowered, and set to cancel when the paid period ends (the period end on the item, as newer API versions send it)',
    async make(d) {
      const g = await monthlyGift(d);
      const end = g.t + 40 * DAY;
      const events = [g.session, g.first, g.renewal(60, 1_500), g.state(120, { amount: 1_000 }), g.state(180, { amount: 1_000, cancelAtPeriodEnd: true, currentPeriodEnd: end })];
      return { intentId: g.intentId, events, expected: { amount: 1_000, paused: 0, status: 'active', net: 3_000, cancelAt: new Date(end * 1000).toISOString() } };
    },
  },
];

describe('monthly gifts changed in Stripe\'s customer portal', () => {
  let d: DonationsTestApp;
  beforeAll(async () => {
    d = await startDonationsApp();
  });
  afterAll(() => d?.close());

  async function giftOf(intentId: string) {
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().where('intent_id', '=', intentId).executeTakeFirst();
    if (!donation) return null;
    const entries = await d.t.runtime.db.selectFrom('donation_ledger').select('amount_minor').where('donation_id', '=', donation.id).execute();
    const status = donation.status === 'active' && donation.paused ? 'paused' : donation.status;
    return { amount: donation.amount_minor, paused: donation.paused, status, net: entries.reduce((sum, entry) => sum + entry.amount_minor, 0), cancelAt: donation.cancel_at };
  }

  for (const scenario of SCENARIOS) {
    it(`follows ${scenario.name}, in every order and redelivered`, async () => {
      const probe = await scenario.make(d);
      const orders = permutations(probe.events.map((_, index) => index));
      const before = (await d.meter()).raisedMinor;
      let expectedRaise = 0;
      const wrong: string[] = [];
      for (const order of orders) {
        const gift = await scenario.make(d);
        for (const index of order) {
          const response = await d.deliver(gift.events[index]);
          if (response.statusCode !== 200) wrong.push(`${order.join('')}: event ${index} → ${response.statusCode}`);
        }
        for (const index of [...order].reverse()) {
          if ((await d.deliver(gift.events[index])).json().duplicate !== true) wrong.push(`${order.join('')}: event ${index} applied twice`);
        }
        const state = await giftOf(gift.intentId);
        if (JSON.stringify(state) !== JSON.stringify(gift.expected)) wrong.push(`${order.join('')}: ${JSON.stringify(state)}, expected ${JSON.stringify(gift.expected)}`);
        expectedRaise += gift.expected.net;
      }
      expect(wrong).toEqual([]);
      expect(orders).toHaveLength(120);
      // The meter counts what was paid, nothing more: amount changes and pauses move no money.
      expect((await d.meter()).raisedMinor - before).toBe(expectedRaise);
      expect(await d.count('stripe_parked_events')).toBe(0);
    }, 600_000);
  }

  it('ends the same when every event of a gift arrives at once, twice', async () => {
    const before = (await d.meter()).raisedMinor;
    let expected = 0;
    for (const scenario of SCENARIOS) {
      for (let round = 0; round < 3; round++) {
        const gift = await scenario.make(d);
        const order = round % 2 === 0 ? [...gift.events].reverse() : gift.events;
        const responses = await Promise.all([...order, ...order].map((stripeEvent) => d.deliver(stripeEvent)));
        expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 200));
        expect(await giftOf(gift.intentId)).toEqual(gift.expected);
        expected += gift.expected.net;
      }
    }
    expect((await d.meter()).raisedMinor - before).toBe(expected);
  });

  it('sends the donor to a billing portal session for their Stripe customer, and back to their page', async () => {
    const email = `portal-${ids('x')}@readers.test`;
    const intentId = await d.give(1_500, 'monthly');
    const customer = ids('cus');
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId, amount: 1_500, mode: 'subscription', customer, email }), d.seconds()));
    const token = donorToken(d.t.config.secret, email, d.clock.now());
    const page = await d.t.request({ method: 'GET', url: `/donate/manage?token=${encodeURIComponent(token)}` });
    expect(page.body).toContain('action="/donate/manage/portal"');
    // Stripe gifts are not changed behind Stripe's back.
    expect(page.body).not.toContain('/cancel"');
    const donationId = (await d.t.runtime.db.selectFrom('donations').select('id').where('intent_id', '=', intentId).executeTakeFirstOrThrow()).id;
    const direct = await d.t.request({ method: 'POST', url: `/donate/manage/gifts/${donationId}/cancel`, as: d.t.anonymous(), payload: { token } });
    expect(direct.statusCode).toBe(409);

    const response = await d.t.request({ method: 'POST', url: '/donate/manage/portal', as: d.t.anonymous(), payload: { token } });
    expect(response.statusCode).toBe(200);
    expect(response.json().url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\/bps_/);
    const sent = d.fake.requests.filter((request) => request.path === '/v1/billing_portal/sessions').at(-1)!;
    expect(sent.form.customer).toBe(customer);
    expect(sent.form.return_url).toMatch(/^http:\/\/localhost:3000\/donate\/manage\?token=.+&notice=portal$/);

    // Without a link or a session nobody opens somebody's portal.
    expect((await d.t.request({ method: 'POST', url: '/donate/manage/portal', as: d.t.anonymous(), payload: {} })).statusCode).toBe(401);
    expect((await d.t.request({ method: 'POST', url: '/donate/manage/portal', as: d.t.anonymous(), payload: { token: `${token}x` } })).statusCode).toBe(401);
  });
});
