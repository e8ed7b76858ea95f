import type { DonationsContext } from './context.js';
import { donationErrors } from './errors.js';
import { findPaymentEntry, isStripeEventRecorded } from './ledger-queries.js';
import type { StripeEventLike } from './webhook.js';

/**
 * A refunded charge names only its PaymentIntent. One-off gifts stored that id, but a subscription
 * invoice's PaymentIntent is often missing from `invoice.paid` payloads, so when the ledger does not
 * know it, Stripe is asked which invoice it paid. Done before the transaction (no network inside it);
 * a failed lookup answers 502 so Stripe redelivers the event later instead of the refund being lost.
 */
export async function invoiceForRefund(ctx: DonationsContext, event: StripeEventLike): Promise<string | undefined> {
  if (event.type !== 'charge.refunded' || !ctx.stripe) return undefined;
  const paymentIntent = event.data.object.payment_intent;
  if (typeof paymentIntent !== 'string' || (await findPaymentEntry(ctx.db, paymentIntent))) return undefined;
  // A redelivery (of a refund that is waiting for its payment, say) changes nothing: no need to ask.
  if (await isStripeEventRecorded(ctx.db, event.id)) return undefined;
  try {
    const payments = await ctx.stripe.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntent }, limit: 1 });
    const invoice = payments.data[0]?.invoice;
    return typeof invoice === 'string' ? invoice : invoice?.id;
  } catch (error) {
    ctx.log.warn({ err: error, paymentIntent }, 'stripe invoice payment lookup failed');
    throw donationErrors.raise('STRIPE_LOOKUP_FAILED');
  }
}
