import type { Kysely } from 'kysely';
import type { Database, DonationStatus } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { announceLedgerChange, type DonationsContext } from './context.js';
import { findCurrentDrive } from './drive-queries.js';
import * as q from './ledger-queries.js';
import { parkedFor, parkEvent, unparkEvent } from './parked-events.js';
import { inSerializableTransaction } from './serializable.js';
import { advanceStatus } from './status.js';
import { queueMissingReceipts, queueReceipt, sendReceiptsSoon } from './receipts.js';
import { onSubscriptionChange } from './subscription-events.js';

type Db = Kysely<Database>;
export type Obj = Record<string, unknown>;

/** The parts of a Stripe event this domain reads; the payload is otherwise untrusted JSON. */
export interface StripeEventLike {
  id: string;
  type: string;
  created?: number;
  data: { object: Obj };
}

export interface WebhookResult {
  duplicate: boolean;
  outcome: string;
}

export const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});
/** An id field that may come expanded into an object. */
export const ref = (value: unknown): string | null => (typeof value === 'string' ? value : typeof obj(value).id === 'string' ? (obj(value).id as string) : null);
export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
export const minor = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/** What was learned from Stripe before the transaction (see `refund-lookup.ts`). */
export interface WebhookHints {
  /** The invoice a refunded charge's PaymentIntent paid. */
  refundedInvoice?: string;
}

export interface Step {
  trx: Db;
  event: StripeEventLike;
  hints: WebhookHints;
  occurredAt: string;
  now: string;
  changedDrives: Set<string | null>;
}

/**
 * Applies one verified Stripe event in one transaction: the event id is recorded first, so a
 * redelivery finds it and changes nothing; ledger entries are keyed by Stripe ids, so two events
 * describing the same payment (a session and its first invoice) add it once. An event about a payment
 * not recorded yet is parked and applied in the transaction that records the payment, so the ledger
 * ends the same whatever order Stripe delivers in. The transaction is serializable (and retried on a
 * conflict), so two deliveries racing on PostgreSQL cannot both miss each other's rows.
 */
export async function applyStripeEvent(ctx: DonationsContext, event: StripeEventLike, hints: WebhookHints = {}): Promise<WebhookResult> {
  const now = ctx.now().toISOString();
  let changedDrives = new Set<string | null>();
  const result = await inSerializableTransaction(ctx.db, async (trx): Promise<WebhookResult> => {
    changedDrives = new Set<string | null>();
    const fresh = await q.recordStripeEvent(trx, { id: event.id, type: event.type, outcome: 'applying', received_at: now });
    if (!fresh) return { duplicate: true, outcome: 'duplicate' };
    const outcome = await dispatch({ trx, event, hints, occurredAt: occurredAt(event, now), now, changedDrives });
    await q.setStripeEventOutcome(trx, event.id, outcome);
    return { duplicate: false, outcome };
  });
  if (changedDrives.size > 0) await announceLedgerChange(ctx, changedDrives);
  // Not awaited: Stripe waits for this answer, and a slow mail server must not make it redeliver.
  if (!result.duplicate) void sendReceiptsSoon(ctx);
  return result;
}

function occurredAt(event: StripeEventLike, now: string): string {
  return typeof event.created === 'number' && Number.isFinite(event.created) && Math.abs(event.created) < 1e11 ? new Date(event.created * 1000).toISOString() : now;
}

const presentRefs = (refs: (string | null | undefined)[]): string[] => [...new Set(refs.filter((ref): ref is string => typeof ref === 'string' && ref !== ''))];

/** Keeps the event until one of `refs` is recorded (see `releaseParked`). */
async function park(step: Step, what: string, refs: (string | null | undefined)[]): Promise<string> {
  const waiting = presentRefs(refs);
  const { event } = step;
  const parked = { eventId: event.id, type: event.type, payload: JSON.stringify(event), hints: JSON.stringify(step.hints), occurredAt: step.occurredAt };
  await parkEvent(step.trx, parked, waiting, step.now);
  return `parked: waiting for ${what} ${waiting.join(' or ')}`;
}

/** Applies, in this transaction and in Stripe's order, every parked event that waited for one of `refs`. */
async function releaseParked(step: Step, refs: (string | null | undefined)[]): Promise<void> {
  for (const parked of await parkedFor(step.trx, presentRefs(refs))) {
    // A parked event applied a moment ago by a nested release is not applied twice.
    if (!(await unparkEvent(step.trx, parked.eventId))) continue;
    const event = JSON.parse(parked.payload) as StripeEventLike;
    const hints = JSON.parse(parked.hints) as WebhookHints;
    const outcome = await dispatch({ ...step, event, hints, occurredAt: parked.occurredAt });
    await q.setStripeEventOutcome(step.trx, parked.eventId, `${outcome} (after waiting)`);
  }
}

async function dispatch(step: Step): Promise<string> {
  const object = step.event.data.object;
  switch (step.event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return onSession(step, object);
    case 'invoice.paid':
      return onInvoicePaid(step, object);
    case 'charge.refunded':
      return onChargeRefunded(step, object);
    case 'customer.subscription.deleted':
    case 'customer.subscription.updated':
    case 'customer.subscription.paused':
    case 'customer.subscription.resumed':
      return onSubscriptionChange(step, object);
    default:
      return 'ignored: event type not used';
  }
}

/** Finds the gift by Stripe reference or creates it from our intent; its status only moves forward. */
export async function upsertDonation(
  step: Step,
  providerRef: string,
  intent: q.Intent | undefined,
  status: DonationStatus,
  sessionId: string | null,
): Promise<q.Donation | undefined> {
  const { trx, now } = step;
  let donation = await q.findDonationByRef(trx, providerRef);
  if (!donation) {
    if (!intent) return undefined;
    await trx
      .insertInto('donations')
      .values({
        id: newId(new Date(now)),
        intent_id: intent.id,
        drive_id: intent.drive_id,
        provider: 'stripe',
        provider_ref: providerRef,
        checkout_session_id: sessionId,
        frequency: intent.frequency,
        amount_minor: intent.amount_minor,
        currency: intent.currency,
        status,
        public_name: intent.public_name,
        message: intent.message,
        article_slug: intent.article_slug,
        created_at: now,
        updated_at: now,
      })
      // A concurrent delivery about the same gift may have inserted it a moment ago.
      .onConflict((conflict) => conflict.column('provider_ref').doNothing())
      .execute();
    donation = await q.findDonationByRef(trx, providerRef);
    return donation;
  }
  const next = advanceStatus(donation.status, status);
  const sessionMissing = sessionId !== null && donation.checkout_session_id === null;
  if (next !== donation.status || sessionMissing) {
    await q.updateDonation(trx, donation.id, {
      status: next,
      ...(sessionMissing ? { checkout_session_id: sessionId } : {}),
      updated_at: now,
    });
    donation = { ...donation, status: next, checkout_session_id: donation.checkout_session_id ?? sessionId };
  }
  return donation;
}

export async function intentFor(step: Step, ...candidates: unknown[]): Promise<q.Intent | undefined> {
  for (const candidate of candidates) {
    const id = text(candidate);
    if (id) {
      const intent = await q.findIntent(step.trx, id);
      if (intent) return intent;
    }
  }
  return undefined;
}

async function addEntry(
  step: Step,
  donation: q.Donation,
  entry: { kind: 'payment' | 'renewal' | 'refund'; providerRef: string; paymentRef: string | null; amount: number; currency: string; driveId: string | null },
): Promise<boolean> {
  const ledgerId = newId(new Date(step.now));
  const added = await q.insertLedgerEntry(step.trx, {
    id: ledgerId,
    donation_id: donation.id,
    drive_id: entry.driveId,
    kind: entry.kind,
    provider: 'stripe',
    provider_ref: entry.providerRef,
    payment_ref: entry.paymentRef,
    amount_minor: entry.amount,
    currency: entry.currency.toUpperCase(),
    occurred_at: step.occurredAt,
    note: null,
    recorded_by: null,
    created_at: step.now,
  });
  if (added) {
    step.changedDrives.add(entry.driveId);
    if (entry.kind !== 'refund') await queueReceipt(step.trx, { ledgerEntryId: ledgerId, donationId: donation.id, email: donation.donor_email, now: step.now });
    if (entry.kind !== 'refund') await releaseParked(step, [entry.providerRef, entry.paymentRef]);
  } else if (entry.paymentRef) {
    // Only the matching key for later refunds may be filled in; amounts never change.
    const filled = await step.trx
      .updateTable('donation_ledger')
      .set({ payment_ref: entry.paymentRef })
      .where('provider_ref', '=', entry.providerRef)
      .where('payment_ref', 'is', null)
      .executeTakeFirst();
    if (Number(filled.numUpdatedRows) > 0) await releaseParked(step, [entry.paymentRef]);
  }
  return added;
}

async function onSession(step: Step, session: Obj): Promise<string> {
  const sessionId = text(session.id);
  if (!sessionId) return 'ignored: session without id';
  const intent = await intentFor(step, session.client_reference_id, obj(session.metadata).tribune_intent);
  if (!intent) return 'ignored: not a Tribune checkout';
  const subscription = session.mode === 'subscription';
  const providerRef = subscription ? ref(session.subscription) : sessionId;
  if (!providerRef) return 'ignored: subscription session without subscription';
  const type = step.event.type;
  const paid =
    type === 'checkout.session.async_payment_succeeded' ||
    (type === 'checkout.session.completed' && (session.payment_status === 'paid' || session.payment_status === 'no_payment_required'));
  const status: DonationStatus = type === 'checkout.session.async_payment_failed' ? 'failed' : paid ? (subscription ? 'active' : 'paid') : 'pending';
  const found = await upsertDonation(step, providerRef, intent, status, sessionId);
  if (!found) return 'ignored: no donation';
  const donation = await rememberDonor(step, found, text(obj(session.customer_details).email) ?? text(session.customer_email) ?? intent.donor_email, ref(session.customer));
  if (!paid) return `donation ${donation.status}`;
  const amount = minor(session.amount_total) ?? intent.amount_minor;
  if (amount <= 0) return `donation ${donation.status}, nothing paid`;
  const paymentIntent = ref(session.payment_intent);
  // The first invoice of a subscription is also announced by invoice.paid: both use the invoice id.
  const entryRef = subscription ? ref(session.invoice) ?? sessionId : paymentIntent ?? sessionId;
  const added = await addEntry(step, donation, {
    kind: 'payment',
    providerRef: entryRef,
    paymentRef: subscription ? null : paymentIntent,
    amount,
    currency: text(session.currency) ?? intent.currency,
    driveId: donation.drive_id,
  });
  return `donation ${donation.status}${added ? ', payment recorded' : ', payment already recorded'}`;
}

async function onInvoicePaid(step: Step, invoice: Obj): Promise<string> {
  const invoiceId = text(invoice.id);
  const details = obj(obj(invoice.parent).subscription_details);
  // Older API versions put the subscription on the invoice itself.
  const subscriptionId = ref(details.subscription) ?? ref(invoice.subscription);
  if (!invoiceId || !subscriptionId) return 'ignored: not a subscription invoice';
  const amount = minor(invoice.amount_paid);
  if (amount === null || amount <= 0) return 'ignored: nothing paid';
  const intent = await intentFor(step, obj(details.metadata).tribune_intent, obj(invoice.metadata).tribune_intent);
  // A renewal may arrive before its checkout session: the subscription's metadata names our intent.
  const found = await upsertDonation(step, subscriptionId, intent, 'active', null);
  if (!found) return 'ignored: not a Tribune subscription';
  const donation = await rememberDonor(step, found, text(invoice.customer_email) ?? intent?.donor_email ?? null, ref(invoice.customer));
  const renewal = invoice.billing_reason !== 'subscription_create';
  const current = renewal ? await findCurrentDrive(step.trx) : undefined;
  const currency = (text(invoice.currency) ?? donation.currency).toUpperCase();
  const payment = obj(obj((obj(invoice.payments).data as unknown[] | undefined)?.[0]).payment);
  const added = await addEntry(step, donation, {
    kind: renewal ? 'renewal' : 'payment',
    providerRef: invoiceId,
    paymentRef: ref(payment.payment_intent) ?? ref(invoice.payment_intent),
    amount,
    currency,
    // A renewal supports the newsroom's drive of the day; the first payment, the drive the reader saw.
    driveId: current && current.currency === currency ? current.id : donation.drive_id,
  });
  return `${renewal ? 'renewal' : 'first payment'} ${added ? 'recorded' : 'already recorded'}`;
}

async function onChargeRefunded(step: Step, charge: Obj): Promise<string> {
  const chargeId = text(charge.id);
  const paymentIntent = ref(charge.payment_intent);
  const refundedTotal = minor(charge.amount_refunded);
  if (!chargeId || !paymentIntent || refundedTotal === null) return 'ignored: charge without payment';
  let payment = await q.findPaymentEntry(step.trx, paymentIntent);
  if (!payment && step.hints.refundedInvoice) {
    // A subscription payment recorded by its invoice id: remember its PaymentIntent from now on.
    await step.trx
      .updateTable('donation_ledger')
      .set({ payment_ref: paymentIntent })
      .where('provider_ref', '=', step.hints.refundedInvoice)
      .where('payment_ref', 'is', null)
      .execute();
    payment = await q.findPaymentEntry(step.trx, paymentIntent);
    // Other refunds of it may be waiting for the PaymentIntent alone.
    if (payment) await releaseParked(step, [paymentIntent]);
  }
  // Stripe may deliver the refund days before the payment: it waits for it instead of being lost.
  // (A refund of a payment that is not Tribune's waits too; it is one small row that is never applied.)
  if (!payment) return park(step, 'payment', [paymentIntent, step.hints.refundedInvoice]);
  // amount_refunded is cumulative: the entry is the part not refunded yet, so partial refunds arriving in
  // any order, or twice, never subtract more than Stripe says was refunded.
  const already = await q.refundedSoFar(step.trx, paymentIntent);
  const delta = Math.min(refundedTotal, payment.amount_minor) - already;
  if (delta <= 0) return 'refund already recorded';
  const donation = await q.findDonation(step.trx, payment.donation_id);
  if (!donation) return 'ignored: donation missing';
  await addEntry(step, donation, {
    kind: 'refund',
    providerRef: `${chargeId}:refunded:${refundedTotal}`,
    paymentRef: paymentIntent,
    amount: -delta,
    currency: payment.currency,
    driveId: payment.drive_id,
  });
  if (donation.frequency === 'once' && already + delta >= payment.amount_minor) {
    await q.updateDonation(step.trx, donation.id, { status: advanceStatus(donation.status, 'refunded'), updated_at: step.now });
  }
  return `refund of ${delta} recorded`;
}

/**
 * Keeps the first email and customer Stripe names for a gift: the email is where receipts go (and
 * payments recorded before it was known get theirs now), the customer opens the billing portal.
 */
async function rememberDonor(step: Step, donation: q.Donation, rawEmail: string | null, customer: string | null): Promise<q.Donation> {
  const email = rawEmail && rawEmail.length <= 254 && rawEmail.includes('@') ? rawEmail.trim().toLowerCase() : null;
  const values: { donor_email?: string; stripe_customer?: string } = {};
  if (email && !donation.donor_email) values.donor_email = email;
  if (customer && !donation.stripe_customer) values.stripe_customer = customer;
  if (!values.donor_email && !values.stripe_customer) return donation;
  await q.updateDonation(step.trx, donation.id, { ...values, updated_at: step.now });
  if (values.donor_email) await queueMissingReceipts(step.trx, donation.id, values.donor_email, step.now);
  return { ...donation, ...values };
}
