import type { DonationStatus } from '../db/schema.js';
import * as q from './ledger-queries.js';
import { intentFor, minor, obj, ref, text, upsertDonation, type Obj, type Step } from './webhook.js';

/** What a monthly gift costs per month, from the subscription's items (price × quantity). */
function monthlyAmount(subscription: Obj): number | null {
  const items = obj(subscription.items).data;
  if (!Array.isArray(items) || items.length === 0) return null;
  let total = 0;
  for (const item of items) {
    const price = obj(obj(item).price);
    const unit = minor(price.unit_amount);
    const quantity = minor(obj(item).quantity) ?? 1;
    if (unit === null || quantity < 0) return null;
    total += unit * quantity;
  }
  return Number.isSafeInteger(total) ? total : null;
}

const iso = (seconds: unknown) => (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null);

/**
 * When a subscription the donor cancelled "at the end of the period" (the customer portal's default)
 * stops: `cancel_at`, or the current period's end (on the subscription in older API versions, on its
 * items in newer ones). Null when nothing is scheduled, which is also how a resumed one reads.
 */
function scheduledEnd(subscription: Obj): string | null {
  const at = iso(subscription.cancel_at);
  if (at) return at;
  if (subscription.cancel_at_period_end !== true) return null;
  const items = obj(subscription.items).data;
  const itemEnd = Array.isArray(items) && items.length > 0 ? obj(items[0]).current_period_end : undefined;
  return iso(subscription.current_period_end) ?? iso(itemEnd);
}

/**
 * A donor changed, paused, resumed or cancelled their monthly gift (in Stripe's customer portal, or
 * an admin in the dashboard). Every such event carries the whole subscription, so the gift takes the
 * amount and pause of the newest event seen and ignores an older one delivered late; a cancellation is
 * final whatever arrives after it. Money is never moved here: the ledger changes only when an invoice
 * is paid (at the new amount) or refunded, so the meter follows what was actually paid. A
 * cancellation at the period's end only notes the date (`cancel_at`): the gift stays active until
 * `customer.subscription.deleted`, and a later event without it (the donor resumed) clears it.
 */
export async function onSubscriptionChange(step: Step, subscription: Obj): Promise<string> {
  const subscriptionId = text(subscription.id);
  if (!subscriptionId) return 'ignored: subscription without id';
  const intent = await intentFor(step, obj(subscription.metadata).tribune_intent);
  const ended = step.event.type === 'customer.subscription.deleted' || subscription.status === 'canceled';
  const status: DonationStatus = ended ? 'cancelled' : 'active';
  const donation = await upsertDonation(step, subscriptionId, intent, status, null);
  if (!donation) return 'ignored: not a Tribune subscription';
  const customer = ref(subscription.customer);
  const fill = customer && !donation.stripe_customer ? { stripe_customer: customer } : {};
  if (donation.subscription_state_at && step.occurredAt < donation.subscription_state_at) {
    if (customer && !donation.stripe_customer) await q.updateDonation(step.trx, donation.id, { ...fill, updated_at: step.now });
    return `donation ${donation.status}; older than the state already applied`;
  }
  const amount = monthlyAmount(subscription);
  const paused = !ended && (subscription.status === 'paused' || (subscription.pause_collection !== null && subscription.pause_collection !== undefined));
  await q.updateDonation(step.trx, donation.id, {
    ...fill,
    ...(amount !== null && amount > 0 ? { amount_minor: amount } : {}),
    paused: paused ? 1 : 0,
    cancel_at: ended ? null : scheduledEnd(subscription),
    subscription_state_at: step.occurredAt,
    updated_at: step.now,
  });
  const state = donation.status === 'cancelled' ? 'cancelled' : paused ? 'paused' : donation.status;
  const cancelAt = ended ? null : scheduledEnd(subscription);
  return `donation ${state}${amount !== null ? `, ${amount} a month` : ''}${cancelAt ? `, cancels at ${cancelAt}` : ''}`;
}
