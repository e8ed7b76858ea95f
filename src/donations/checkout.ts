import type Stripe from 'stripe';
import type { SiteSettings } from '../settings/index.js';
import type { DonationsContext } from './context.js';
import { donationErrors } from './errors.js';
import { setIntentSession, type Intent } from './ledger-queries.js';

/** Stripe's idempotency key for an intent: a retried or double-submitted request makes one session. */
export function idempotencyKey(intent: Intent): string {
  return `tribune-intent-${intent.id}`;
}

/**
 * The address Checkout is prefilled with: a signed-in reader's account email, which signing in by an
 * emailed link has verified. Stripe shows a prefilled `customer_email` read-only, so none is sent when
 * the reader typed a different address for their receipt (they enter it on Stripe's page instead).
 */
export function prefilledEmail(intent: Pick<Intent, 'donor_email'>, viewer: { role: string; email: string | null } | null): string | undefined {
  if (!viewer || viewer.role !== 'reader' || !viewer.email) return undefined;
  if (intent.donor_email && intent.donor_email.toLowerCase() !== viewer.email.toLowerCase()) return undefined;
  return viewer.email;
}

export function checkoutParams(intent: Intent, settings: SiteSettings, baseUrl: string, customerEmail?: string): Stripe.Checkout.SessionCreateParams {
  const monthly = intent.frequency === 'monthly';
  const metadata = { tribune_intent: intent.id, ...(intent.article_slug ? { article: intent.article_slug } : {}) };
  const cancel = new URL('/donate', baseUrl);
  cancel.searchParams.set('cancelled', '1');
  if (intent.article_slug) cancel.searchParams.set('article', intent.article_slug);
  const common = {
    client_reference_id: intent.id,
    metadata,
    success_url: `${baseUrl}/donate/thanks?intent=${encodeURIComponent(intent.id)}`,
    cancel_url: cancel.toString(),
    ...(customerEmail ? { customer_email: customerEmail } : {}),
  };
  const product = { name: `${monthly ? 'Monthly donation' : 'Donation'} to ${settings.site.name}` };
  const currency = intent.currency.toLowerCase();
  if (monthly) {
    return {
      ...common,
      mode: 'subscription',
      line_items: [{ quantity: 1, price_data: { currency, unit_amount: intent.amount_minor, recurring: { interval: 'month' }, product_data: product } }],
      // Copied onto every invoice, so a renewal that overtakes its session still finds our intent.
      subscription_data: { metadata },
    };
  }
  return {
    ...common,
    mode: 'payment',
    submit_type: 'donate',
    line_items: [{ quantity: 1, price_data: { currency, unit_amount: intent.amount_minor, product_data: product } }],
    payment_intent_data: { metadata },
  };
}

/** Creates the Stripe Checkout Session for an intent and returns where to send the reader. */
export async function startCheckout(ctx: DonationsContext, intent: Intent, viewer: { role: string; email: string | null } | null = null): Promise<string> {
  if (!ctx.stripe) throw donationErrors.raise('CHECKOUT_UNAVAILABLE');
  const settings = await ctx.settings.get();
  let session: Stripe.Checkout.Session;
  try {
    session = await ctx.stripe.checkout.sessions.create(checkoutParams(intent, settings, ctx.config.baseUrl, prefilledEmail(intent, viewer)), {
      idempotencyKey: idempotencyKey(intent),
    });
  } catch (error) {
    ctx.log.warn({ err: error, intent: intent.id }, 'stripe checkout session failed');
    throw donationErrors.raise('CHECKOUT_FAILED');
  }
  if (!session.url) throw donationErrors.raise('CHECKOUT_FAILED');
  await setIntentSession(ctx.db, intent.id, session.id);
  return session.url;
}
