import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReader } from '../comments/test-fixtures.js';
import type { TestIdentity } from '../testing/test-app.js';
import { startDonationsApp, type DonationsTestApp } from './testing/donations-app.js';

describe('Stripe Checkout through the official SDK, against a fake Stripe', () => {
  let d: DonationsTestApp;
  beforeEach(async () => {
    d = await startDonationsApp();
  });
  afterEach(() => d.close());

  it('creates a one-off donate session with price_data and our intent id as idempotency key', async () => {
    const response = await d.t.request({
      method: 'POST',
      url: '/donate',
      as: d.t.anonymous(),
      payload: { amount: 2500, frequency: 'once', publicName: 'Ada', message: 'Thanks!', article: 'city-council-budget' },
    });
    expect(response.statusCode).toBe(200);
    const { intentId, url } = response.json();
    expect(url).toBe('https://checkout.stripe.test/c/pay/cs_test_fake_1');
    expect(d.fake.requests).toHaveLength(1);
    const sent = d.fake.requests[0];
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v1/checkout/sessions');
    expect(sent.headers['idempotency-key']).toBe(`tribune-intent-${intentId}`);
    expect(sent.headers.authorization).toBe('Bearer sk_test_tribune');
    expect(sent.form).toMatchObject({
      mode: 'payment',
      submit_type: 'donate',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '2500',
      client_reference_id: intentId,
      'metadata[tribune_intent]': intentId,
      'metadata[article]': 'city-council-budget',
      'payment_intent_data[metadata][tribune_intent]': intentId,
      success_url: `http://localhost:3000/donate/thanks?intent=${intentId}`,
      cancel_url: 'http://localhost:3000/donate?cancelled=1&article=city-council-budget',
    });
    expect(sent.form['line_items[0][price_data][recurring][interval]']).toBeUndefined();
    expect(sent.form.customer_email).toBeUndefined();
    const intent = await d.t.runtime.db.selectFrom('donation_intents').selectAll().where('id', '=', intentId).executeTakeFirstOrThrow();
    expect(intent).toMatchObject({ amount_minor: 2500, currency: 'USD', frequency: 'once', public_name: 'Ada', message: 'Thanks!', article_slug: 'city-council-budget', checkout_session_id: 'cs_test_fake_1', drive_id: d.driveId });
  });

  it('creates a monthly subscription session with a recurring price and subscription metadata', async () => {
    const intentId = await d.give(1500, 'monthly');
    const sent = d.fake.requests[0];
    expect(sent.headers['idempotency-key']).toBe(`tribune-intent-${intentId}`);
    expect(sent.form).toMatchObject({
      mode: 'subscription',
      'line_items[0][price_data][unit_amount]': '1500',
      'line_items[0][price_data][recurring][interval]': 'month',
      'subscription_data[metadata][tribune_intent]': intentId,
    });
    expect(sent.form.submit_type).toBeUndefined();
  });

  it('prefills Checkout with a signed-in reader\'s account email, unless they typed another address or are staff', async () => {
    const reader = await createReader(d.t, 'Reader One', { email: 'reader.one@example.net' });
    const give = (as: TestIdentity, payload: Record<string, unknown>) => d.t.request({ method: 'POST', url: '/donate', as, payload: { amount: 2500, ...payload } });
    expect((await give(reader, { frequency: 'monthly' })).statusCode).toBe(200);
    expect((await give(reader, { frequency: 'once', email: 'reader.one@example.net' })).statusCode).toBe(200);
    expect((await give(reader, { frequency: 'once', email: 'someone.else@example.net' })).statusCode).toBe(200);
    expect((await give(await d.t.signIn('editor'), { frequency: 'once' })).statusCode).toBe(200);
    expect(d.fake.requests.map((request) => request.form.customer_email)).toEqual(['reader.one@example.net', 'reader.one@example.net', undefined, undefined]);
    expect(d.fake.requests[0].form.mode).toBe('subscription');
  });

  it('turns a typed amount into exact minor units and redirects a browser form to Stripe', async () => {
    const response = await d.t.request({
      method: 'POST',
      url: '/donate',
      as: d.t.anonymous(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'amount=1000&customAmount=4.35&frequency=once&article=some-story',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(d.fake.requests[0].form['line_items[0][price_data][unit_amount]']).toBe('435');
  });

  it('retries a failed call with the same idempotency key, then reports 502 when Stripe stays down', async () => {
    d.fake.failNext(1, 500);
    await d.give(2000);
    expect(d.fake.requests).toHaveLength(2);
    expect(d.fake.requests[0].headers['idempotency-key']).toBe(d.fake.requests[1].headers['idempotency-key']);
    d.fake.failNext(5, 500);
    const down = await d.t.request({ method: 'POST', url: '/donate', as: d.t.anonymous(), payload: { amount: 2000 } });
    expect(down.statusCode).toBe(502);
    expect(down.json()).toMatchObject({ error: 'CHECKOUT_FAILED' });
  });

  it.each([
    [{ amount: 0 }, 'DONATION_AMOUNT_INVALID', 'amount'],
    [{ amount: -500 }, 'DONATION_AMOUNT_INVALID', 'amount'],
    [{ amount: 12.5 }, 'DONATION_AMOUNT_INVALID', 'amount'],
    [{ amount: '25.00' }, 'DONATION_AMOUNT_INVALID', 'amount'],
    [{ amount: 'lots' }, 'DONATION_AMOUNT_INVALID', 'amount'],
    [{}, 'DONATION_AMOUNT_INVALID', 'amount'],
    [{ amount: 50 }, 'DONATION_AMOUNT_TOO_SMALL', 'amount'],
    [{ amount: 1_000_001 }, 'DONATION_AMOUNT_TOO_LARGE', 'amount'],
    [{ customAmount: '10.001' }, 'DONATION_AMOUNT_INVALID', 'customAmount'],
    [{ amount: 2500, currency: 'XYZ' }, 'DONATION_CURRENCY_UNKNOWN', 'currency'],
    [{ amount: 2500, currency: 'EUR' }, 'DONATION_CURRENCY_MISMATCH', 'currency'],
    [{ amount: 2500, frequency: 'weekly' }, 'DONATION_FIELD_INVALID', 'frequency'],
    [{ amount: 2500, publicName: 'x'.repeat(81) }, 'DONATION_FIELD_INVALID', 'publicName'],
    [{ amount: 2500, article: '<script>' }, 'DONATION_FIELD_INVALID', 'article'],
  ])('refuses %j with 400 %s on %s and calls nobody', async (payload, error, field) => {
    const response = await d.t.request({ method: 'POST', url: '/donate', as: d.t.anonymous(), payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error, field });
    expect(typeof response.json().message).toBe('string');
    expect(d.fake.requests).toHaveLength(0);
    expect(await d.count('donations')).toBe(0);
  });

  it('re-draws the form with the error for a browser', async () => {
    const response = await d.t.request({
      method: 'POST',
      url: '/donate',
      as: d.t.anonymous(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'customAmount=abc&publicName=%3Cb%3EBo%3C%2Fb%3E',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain('value="&lt;b&gt;Bo&lt;/b&gt;"');
  });
});

describe('without Stripe keys', () => {
  let d: DonationsTestApp;
  afterEach(() => d.close());

  it('refuses online checkout and, outside demo mode, the demo checkout too', async () => {
    d = await startDonationsApp({ stripe: false });
    const stripe = await d.t.request({ method: 'POST', url: '/donate', as: d.t.anonymous(), payload: { amount: 2500 } });
    expect(stripe.statusCode).toBe(503);
    expect(stripe.json()).toMatchObject({ error: 'CHECKOUT_UNAVAILABLE' });
    const demo = await d.t.request({ method: 'POST', url: '/donate/demo', as: d.t.anonymous(), payload: { amount: 2500 } });
    expect(demo.statusCode).toBe(403);
    expect(demo.json()).toMatchObject({ error: 'DEMO_CHECKOUT_DISABLED' });
    const page = await d.t.request({ method: 'GET', url: '/donate', headers: { accept: 'text/html' } });
    expect(page.body).toContain('Online payment is not set up');
    expect(page.body).not.toContain('Demo checkout');
    expect(await d.count('donation_ledger')).toBe(0);
  });
});
