// Stripe event fixtures shaped like API version 2026-10-28 payloads, reduced to the fields Tribune reads
// plus a few that show the real shape. Ids follow Stripe's prefixes.

let sequence = 0;
const next = (prefix: string) => `${prefix}_test_${(++sequence).toString().padStart(6, '0')}`;

export function event(type: string, object: Record<string, unknown>, created: number, id = next('evt')): Record<string, unknown> {
  return { id, object: 'event', api_version: '2026-10-28.endive', created, livemode: false, pending_webhooks: 1, type, data: { object } };
}

export function checkoutSession(options: {
  intentId: string;
  id?: string;
  amount: number;
  currency?: string;
  mode?: 'payment' | 'subscription';
  paymentStatus?: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntent?: string | null;
  subscription?: string | null;
  invoice?: string | null;
  /** What the donor typed into Stripe Checkout. */
  email?: string;
  customer?: string;
}): Record<string, unknown> {
  const mode = options.mode ?? 'payment';
  return {
    id: options.id ?? next('cs'),
    object: 'checkout.session',
    mode,
    submit_type: mode === 'payment' ? 'donate' : null,
    client_reference_id: options.intentId,
    metadata: { tribune_intent: options.intentId },
    amount_total: options.amount,
    amount_subtotal: options.amount,
    currency: (options.currency ?? 'usd').toLowerCase(),
    payment_status: options.paymentStatus ?? 'paid',
    status: 'complete',
    payment_intent: mode === 'payment' ? options.paymentIntent ?? next('pi') : null,
    subscription: mode === 'subscription' ? options.subscription ?? next('sub') : null,
    invoice: mode === 'subscription' ? options.invoice ?? next('in') : null,
    customer: options.customer ?? 'cus_test_reader',
    customer_details: options.email ? { email: options.email, name: null, address: null } : null,
  };
}

export function invoice(options: {
  intentId: string;
  subscription: string;
  amount: number;
  id?: string;
  currency?: string;
  billingReason?: 'subscription_create' | 'subscription_cycle';
  paymentIntent?: string;
  /** Real payloads leave the includable `payments` list out unless asked for. */
  withPayments?: boolean;
}): Record<string, unknown> {
  return {
    id: options.id ?? next('in'),
    object: 'invoice',
    amount_due: options.amount,
    amount_paid: options.amount,
    amount_remaining: 0,
    billing_reason: options.billingReason ?? 'subscription_cycle',
    currency: (options.currency ?? 'usd').toLowerCase(),
    customer: 'cus_test_reader',
    status: 'paid',
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { subscription: options.subscription, metadata: { tribune_intent: options.intentId } },
    },
    ...(options.withPayments === false
      ? {}
      : {
          payments: {
            object: 'list',
            data: [{ object: 'invoice_payment', payment: { type: 'payment_intent', payment_intent: options.paymentIntent ?? next('pi') } }],
          },
        }),
  };
}

export function charge(options: { paymentIntent: string; amount: number; refunded: number; id?: string; currency?: string }): Record<string, unknown> {
  return {
    id: options.id ?? next('ch'),
    object: 'charge',
    amount: options.amount,
    amount_captured: options.amount,
    amount_refunded: options.refunded,
    currency: (options.currency ?? 'usd').toLowerCase(),
    payment_intent: options.paymentIntent,
    refunded: options.refunded >= options.amount,
    status: 'succeeded',
    metadata: {},
  };
}

export function subscription(options: { id: string; intentId: string }): Record<string, unknown> {
  return { id: options.id, object: 'subscription', status: 'canceled', metadata: { tribune_intent: options.intentId }, customer: 'cus_test_reader' };
}

export function ids(prefix: string): string {
  return next(prefix);
}

/** A subscription as `customer.subscription.*` events carry it: one monthly item, maybe paused or cancelled. */
export function subscriptionState(options: {
  id: string;
  intentId: string;
  amount: number;
  status?: 'active' | 'paused' | 'canceled' | 'past_due';
  /** What the customer portal sets when a donor pauses payments. */
  pauseCollection?: boolean;
  cancelAtPeriodEnd?: boolean;
  /** Unix seconds; Stripe sets it with `cancel_at_period_end` to the period's end. */
  cancelAt?: number | null;
  /** Unix seconds: the end of the period paid for, on the subscription's item (newer API versions). */
  currentPeriodEnd?: number;
  customer?: string;
}): Record<string, unknown> {
  return {
    id: options.id,
    object: 'subscription',
    status: options.status ?? 'active',
    customer: options.customer ?? 'cus_test_reader',
    cancel_at_period_end: options.cancelAtPeriodEnd ?? false,
    cancel_at: options.cancelAt ?? null,
    pause_collection: options.pauseCollection ? { behavior: 'void', resumes_at: null } : null,
    metadata: { tribune_intent: options.intentId },
    items: {
      object: 'list',
      data: [{ id: `si_${options.id}`, object: 'subscription_item', quantity: 1, ...(options.currentPeriodEnd ? { current_period_end: options.currentPeriodEnd } : {}), price: { id: 'price_test_x', object: 'price', currency: 'usd', unit_amount: options.amount, recurring: { interval: 'month' } } }],
    },
  };
}
