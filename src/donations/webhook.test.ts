import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';
import { charge, checkoutSession, event, ids, invoice, subscription } from './testing/stripe-fixtures.js';

describe('Stripe webhook', () => {
  let d: DonationsTestApp;
  beforeEach(async () => {
    d = await startDonationsApp();
  });
  afterEach(() => d.close());

  it('refuses a forged, tampered or stale signature with 400 and stores nothing', async () => {
    const intentId = await d.give(2500);
    const completed = event('checkout.session.completed', checkoutSession({ intentId, amount: 2500 }), d.seconds());
    const forged = await d.deliver(completed, { secret: 'whsec_someone_else' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ error: 'WEBHOOK_SIGNATURE_INVALID' });
    const stale = await d.deliver(completed, { timestamp: d.seconds() - 3600 });
    expect(stale.statusCode).toBe(400);
    const unsigned = await d.t.request({ method: 'POST', url: '/api/donations/stripe/webhook', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(completed) });
    expect(unsigned.statusCode).toBe(400);
    // A valid signature over other bytes: the body was changed after signing.
    const good = await import('./testing/fake-stripe.js').then((m) => m.signedEvent(completed, { timestamp: d.seconds() }));
    const tampered = await d.t.request({
      method: 'POST',
      url: '/api/donations/stripe/webhook',
      headers: { 'content-type': 'application/json', 'stripe-signature': good.signature },
      payload: good.payload.replace('"amount_total":2500', '"amount_total":250000'),
    });
    expect(tampered.statusCode).toBe(400);
    expect(await d.count('stripe_events')).toBe(0);
    expect(await d.count('donation_ledger')).toBe(0);
    expect(await d.count('donations')).toBe(0);
    expect((await d.meter()).raisedMinor).toBe(0);
  });

  it('applies the same event delivered twice only once', async () => {
    const intentId = await d.give(2500);
    const completed = event('checkout.session.completed', checkoutSession({ intentId, amount: 2500 }), d.seconds());
    const first = await d.deliver(completed);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: true, duplicate: false });
    expect((await d.meter()).raisedMinor).toBe(2500);
    const second = await d.deliver(completed);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ duplicate: true });
    const meter = await d.meter();
    expect(meter.raisedMinor).toBe(2500);
    expect(meter.donors).toBe(1);
    expect(await d.count('donation_ledger')).toBe(1);
  });

  it('records a payment once when two different events describe it', async () => {
    const intentId = await d.give(4000);
    const session = checkoutSession({ intentId, amount: 4000, paymentStatus: 'unpaid' });
    await d.deliver(event('checkout.session.completed', session, d.seconds()));
    expect((await d.meter()).raisedMinor).toBe(0);
    await d.deliver(event('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }, d.seconds()));
    await d.deliver(event('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }, d.seconds()));
    // A late "failed" cannot move a paid gift back.
    await d.deliver(event('checkout.session.async_payment_failed', { ...session, payment_status: 'unpaid' }, d.seconds()));
    expect((await d.meter()).raisedMinor).toBe(4000);
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().executeTakeFirstOrThrow();
    expect(donation.status).toBe('paid');
    expect(await d.count('stripe_events')).toBe(4);
  });

  it('marks an async payment that failed and counts nothing', async () => {
    const intentId = await d.give(4000);
    const session = checkoutSession({ intentId, amount: 4000, paymentStatus: 'unpaid' });
    await d.deliver(event('checkout.session.completed', session, d.seconds()));
    await d.deliver(event('checkout.session.async_payment_failed', session, d.seconds()));
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().executeTakeFirstOrThrow();
    expect(donation.status).toBe('failed');
    expect((await d.meter()).raisedMinor).toBe(0);
  });

  it('handles a renewal that arrives before its checkout session', async () => {
    const intentId = await d.give(1500, 'monthly');
    const sub = ids('sub');
    const firstInvoice = ids('in');
    const renewal = invoice({ intentId, subscription: sub, amount: 1500, billingReason: 'subscription_cycle' });
    expect((await d.deliver(event('invoice.paid', renewal, d.seconds()))).json().outcome).toBe('renewal recorded');
    expect((await d.meter()).raisedMinor).toBe(1500);
    const session = checkoutSession({ intentId, amount: 1500, mode: 'subscription', subscription: sub, invoice: firstInvoice });
    await d.deliver(event('checkout.session.completed', session, d.seconds()));
    // The first invoice is announced again by invoice.paid: same invoice id, no second entry.
    await d.deliver(event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1500, id: firstInvoice, billingReason: 'subscription_create' }), d.seconds()));
    const meter = await d.meter();
    expect(meter.raisedMinor).toBe(3000);
    expect(meter.donors).toBe(1);
    const donations = await d.t.runtime.db.selectFrom('donations').selectAll().execute();
    expect(donations).toHaveLength(1);
    expect(donations[0]).toMatchObject({ provider_ref: sub, status: 'active', frequency: 'monthly', checkout_session_id: session.id });
    const kinds = await d.t.runtime.db.selectFrom('donation_ledger').select(['kind', 'provider_ref']).orderBy('kind').execute();
    expect(kinds).toEqual([
      { kind: 'payment', provider_ref: firstInvoice },
      { kind: 'renewal', provider_ref: renewal.id },
    ]);
  });

  it('subtracts a refund after the goal was reached, never twice, and marks a full refund', async () => {
    const big = await d.give(500_000);
    const pi = ids('pi');
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId: big, amount: 500_000, paymentIntent: pi }), d.seconds()));
    const small = await d.give(2_000);
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId: small, amount: 2_000 }), d.seconds()));
    let meter = await d.meter();
    expect(meter.percent).toBe(106);
    const ch = ids('ch');
    await d.deliver(event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: 500_000, refunded: 100_000 }), d.seconds()));
    meter = await d.meter();
    expect(meter.raisedMinor).toBe(402_000);
    expect(meter.percent).toBe(85);
    // A second notice of the same partial refund (another event id) changes nothing.
    await d.deliver(event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: 500_000, refunded: 100_000 }), d.seconds()));
    expect((await d.meter()).raisedMinor).toBe(402_000);
    // The rest is refunded; the older partial notice arriving late subtracts nothing more.
    await d.deliver(event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: 500_000, refunded: 500_000 }), d.seconds()));
    await d.deliver(event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: 500_000, refunded: 100_000 }), d.seconds()));
    meter = await d.meter();
    expect(meter.raisedMinor).toBe(2_000);
    expect(meter.donors).toBe(2);
    const refunds = await d.t.runtime.db.selectFrom('donation_ledger').select('amount_minor').where('kind', '=', 'refund').orderBy('amount_minor').execute();
    expect(refunds.map((r) => r.amount_minor)).toEqual([-400_000, -100_000]);
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().where('intent_id', '=', big).executeTakeFirstOrThrow();
    expect(donation.status).toBe('refunded');
  });

  it('finds the invoice a refunded renewal paid by asking Stripe, once', async () => {
    const intentId = await d.give(1_500, 'monthly');
    const sub = ids('sub');
    const renewal = invoice({ intentId, subscription: sub, amount: 1_500, withPayments: false });
    await d.deliver(event('invoice.paid', renewal, d.seconds()));
    const pi = ids('pi');
    d.fake.invoicePayments.set(pi, renewal.id as string);
    const refunded = event('charge.refunded', charge({ paymentIntent: pi, amount: 1_500, refunded: 1_500 }), d.seconds());
    d.fake.failNext(2, 500);
    const down = await d.deliver(refunded);
    expect(down.statusCode).toBe(502);
    expect(await d.count('stripe_events')).toBe(1);
    const applied = await d.deliver(refunded);
    expect(applied.json().outcome).toBe('refund of 1500 recorded');
    expect((await d.meter()).raisedMinor).toBe(0);
    const lookups = d.fake.requests.filter((r) => r.path.startsWith('/v1/invoice_payments'));
    expect(lookups.at(-1)?.path).toContain(`payment[payment_intent]=${pi}`);
    // The redelivered refund finds the payment in the ledger now, without asking Stripe again.
    const asked = d.fake.requests.length;
    expect((await d.deliver(refunded)).json()).toMatchObject({ duplicate: true });
    expect(d.fake.requests.length).toBe(asked);
  });

  it('keeps refunds out of the total when the drive does not subtract them', async () => {
    await d.t.request({ method: 'POST', url: `/admin/donations/drives/${d.driveId}`, as: d.admin, payload: { title: 'Keep local news free', goalMinor: 470_000, currency: 'USD', period: 'monthly', subtractRefunds: false } });
    const intentId = await d.give(3_000);
    const pi = ids('pi');
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId, amount: 3_000, paymentIntent: pi }), d.seconds()));
    await d.deliver(event('charge.refunded', charge({ paymentIntent: pi, amount: 3_000, refunded: 3_000 }), d.seconds()));
    expect((await d.meter()).raisedMinor).toBe(3_000);
    expect(await d.count('donation_ledger')).toBe(2);
  });

  it('cancels a subscription without touching what it paid, and a late session cannot revive it', async () => {
    const intentId = await d.give(1_000, 'monthly');
    const sub = ids('sub');
    const session = checkoutSession({ intentId, amount: 1_000, mode: 'subscription', subscription: sub });
    await d.deliver(event('checkout.session.completed', session, d.seconds()));
    await d.deliver(event('customer.subscription.deleted', subscription({ id: sub, intentId }), d.seconds()));
    // The session again under a new event id (Stripe resends): the status stays cancelled, no new money.
    await d.deliver(event('checkout.session.completed', session, d.seconds()));
    const donation = await d.t.runtime.db.selectFrom('donations').selectAll().executeTakeFirstOrThrow();
    expect(donation.status).toBe('cancelled');
    expect((await d.meter()).raisedMinor).toBe(1_000);
  });

  it('counts renewals only when the drive says so', async () => {
    await d.t.request({ method: 'POST', url: `/admin/donations/drives/${d.driveId}`, as: d.admin, payload: { title: 'Keep local news free', goalMinor: 470_000, currency: 'USD', period: 'monthly', countRenewals: false } });
    const intentId = await d.give(1_000, 'monthly');
    const sub = ids('sub');
    await d.deliver(event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1_000, billingReason: 'subscription_create' }), d.seconds()));
    await d.deliver(event('invoice.paid', invoice({ intentId, subscription: sub, amount: 1_000 }), d.seconds()));
    expect((await d.meter()).raisedMinor).toBe(1_000);
  });

  it('acknowledges events it does not use, and keeps a refund of a payment it has not seen', async () => {
    const other = await d.deliver(event('customer.created', { id: 'cus_1', object: 'customer' }, d.seconds()));
    expect(other.statusCode).toBe(200);
    expect(other.json().outcome).toMatch(/^ignored/);
    // Not ours, or not here yet: Tribune cannot tell, so the refund waits rather than being dropped.
    const foreign = await d.deliver(event('charge.refunded', charge({ paymentIntent: 'pi_not_ours', amount: 100, refunded: 100 }), d.seconds()));
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json().outcome).toBe('parked: waiting for payment pi_not_ours');
    expect(await d.count('donation_ledger')).toBe(0);
    expect(await d.count('stripe_parked_events')).toBe(1);
  });

  it('applies a refund that arrived before its payment in the transaction that records the payment', async () => {
    const intentId = await d.give(4_000);
    const pi = ids('pi');
    const ch = ids('ch');
    const partial = event('charge.refunded', charge({ id: ch, paymentIntent: pi, amount: 4_000, refunded: 1_000 }), d.seconds() - 60);
    expect((await d.deliver(partial)).json()).toMatchObject({ duplicate: false, outcome: `parked: waiting for payment ${pi}` });
    // Stripe retries the refund while the payment is still missing: it is kept once, not twice.
    expect((await d.deliver(partial)).json()).toMatchObject({ duplicate: true });
    expect(await d.count('stripe_parked_events')).toBe(1);
    expect((await d.meter()).raisedMinor).toBe(0);
    const paid = await d.deliver(event('checkout.session.completed', checkoutSession({ intentId, amount: 4_000, paymentIntent: pi }), d.seconds()));
    expect(paid.json().outcome).toBe('donation paid, payment recorded');
    expect((await d.meter()).raisedMinor).toBe(3_000);
    expect(await d.count('stripe_parked_events')).toBe(0);
    const rows = await d.t.runtime.db.selectFrom('donation_ledger').select(['kind', 'amount_minor', 'occurred_at']).orderBy('amount_minor').execute();
    // The refund keeps its own date (the event's), not the payment's.
    expect(rows).toEqual([
      { kind: 'refund', amount_minor: -1_000, occurred_at: new Date((d.seconds() - 60) * 1000).toISOString() },
      { kind: 'payment', amount_minor: 4_000, occurred_at: d.clock.now().toISOString() },
    ]);
    const outcome = await d.t.runtime.db.selectFrom('stripe_events').select('outcome').where('id', '=', partial.id as string).executeTakeFirstOrThrow();
    expect(outcome.outcome).toBe('refund of 1000 recorded (after waiting)');
  });

  it('refuses a signature dated further ahead than five minutes of clock skew', async () => {
    const intentId = await d.give(2_500);
    const completed = event('checkout.session.completed', checkoutSession({ intentId, amount: 2_500 }), d.seconds());
    const ahead = await d.deliver(completed, { timestamp: d.seconds() + 3600 });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json()).toMatchObject({ error: 'WEBHOOK_SIGNATURE_INVALID' });
    expect((await d.deliver(completed, { timestamp: d.seconds() + 301 })).statusCode).toBe(400);
    expect(await d.count('stripe_events')).toBe(0);
    // A sender whose clock runs a little fast is still heard.
    expect((await d.deliver(completed, { timestamp: d.seconds() + 120 })).statusCode).toBe(200);
    expect((await d.meter()).raisedMinor).toBe(2_500);
  });

  it('dates a payment by the event and counts it in the site zone\'s month', async () => {
    await d.t.runtime.settings.update('site', { timeZone: 'Europe/Berlin' });
    d.clock.set('2026-04-01T10:00:00Z');
    const intentId = await d.give(2_500);
    const late = Math.floor(Date.parse('2026-03-31T23:30:00Z') / 1000);
    await d.deliver(event('checkout.session.completed', checkoutSession({ intentId, amount: 2_500 }), late));
    expect((await d.meter()).raisedMinor).toBe(2_500);
    await d.t.runtime.settings.update('site', { timeZone: 'UTC' });
    expect((await d.meter()).raisedMinor).toBe(0);
  });
});
