import type { LightMyRequestResponse } from 'fastify';
import { createClock, startTestApp, type TestApp, type TestClock, type TestIdentity } from '../../testing/test-app.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../testing/smtp-catcher.js';
import { signedEvent, startFakeStripe, TEST_WEBHOOK_SECRET, type FakeStripe } from './fake-stripe.js';

/** A test app wired to a fake Stripe, with a current monthly drive (4,700 $), and helpers to give and deliver. */
export interface DonationsTestApp {
  t: TestApp;
  fake: FakeStripe;
  clock: TestClock;
  admin: TestIdentity;
  driveId: string;
  /** Unix seconds on the app's clock. */
  seconds(): number;
  /** Starts a gift through POST /donate (which creates the Checkout Session on the fake) and returns the intent id. */
  give(amount: number, frequency?: 'once' | 'monthly', extra?: Record<string, unknown>): Promise<string>;
  deliver(event: Record<string, unknown>, options?: { timestamp?: number; secret?: string }): Promise<LightMyRequestResponse>;
  /** The JSON of GET /api/drives/current (see `Meter`). */
  meter(): Promise<Record<string, unknown> & { raisedMinor: number; donors: number; percent: number; raisedLabel: string; goalLabel: string }>;
  count(table: 'stripe_events' | 'donation_ledger' | 'donations' | 'stripe_parked_events'): Promise<number>;
  close(): Promise<void>;
}

/** A donations app whose mail goes to a loopback SMTP server; `d.close()` stops both. */
export async function startDonationsAppWithMail(options: Parameters<typeof startDonationsApp>[0] = {}): Promise<{ d: DonationsTestApp; smtp: SmtpCatcher }> {
  const smtp = await startSmtpCatcher();
  try {
    const d = await startDonationsApp({ ...options, env: { ...options.env, TRIBUNE_MAIL_TRANSPORT: smtp.url } });
    const closeApp = d.close;
    d.close = async () => {
      await closeApp();
      await smtp.close();
    };
    return { d, smtp };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}

export async function startDonationsApp(options: { start?: string; stripe?: boolean; env?: Record<string, string> } = {}): Promise<DonationsTestApp> {
  const fake = await startFakeStripe();
  const clock = createClock(options.start ?? '2026-03-15T12:00:00Z');
  const stripeEnv: Record<string, string> =
    options.stripe === false
      ? {}
      : { TRIBUNE_STRIPE_SECRET_KEY: 'sk_test_tribune', TRIBUNE_STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, TRIBUNE_STRIPE_API_BASE: fake.url };
  const t = await startTestApp({ clock, env: { ...stripeEnv, ...options.env } });
  const admin = await t.signIn('admin');
  const created = await t.request({
    method: 'POST',
    url: '/admin/donations/drives',
    as: admin,
    payload: { title: 'Keep local news free', goalMinor: 470_000, currency: 'USD', period: 'monthly', makeCurrent: true },
  });
  if (created.statusCode !== 201) throw new Error(`drive not created: ${created.body}`);
  const driveId = created.json().id as string;
  const seconds = () => Math.floor(clock.now().getTime() / 1000);
  let gifts = 0;
  return {
    t,
    fake,
    clock,
    admin,
    driveId,
    seconds,
    async give(amount, frequency = 'once', extra = {}) {
      // Each gift from its own address, so the per-address gift limit never answers first.
      gifts += 1;
      const remoteAddress = `10.9.${(gifts >> 8) & 255}.${gifts & 255}`;
      const response = await t.request({ method: 'POST', url: '/donate', as: t.anonymous(), remoteAddress, payload: { amount, frequency, ...extra } });
      if (response.statusCode !== 200) throw new Error(`give failed: ${response.statusCode} ${response.body}`);
      return response.json().intentId as string;
    },
    deliver(event, deliverOptions = {}) {
      const { payload, signature } = signedEvent(event, { timestamp: deliverOptions.timestamp ?? seconds(), secret: deliverOptions.secret });
      return t.request({
        method: 'POST',
        url: '/api/donations/stripe/webhook',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        payload,
      });
    },
    async meter() {
      const response = await t.request({ method: 'GET', url: '/api/drives/current' });
      return response.json();
    },
    async count(table) {
      const row = await t.runtime.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
