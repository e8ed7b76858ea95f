import type { DonationFrequency, DonationProvider, LedgerKind } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { announceLedgerChange, type DonationsContext } from './context.js';
import { findCurrentDrive, findDrive } from './drive-queries.js';
import { donationErrors } from './errors.js';
import { findIntent, insertDonation, insertIntent, insertLedgerEntry, type Intent } from './ledger-queries.js';
import { parseMajorAmount } from './amount-input.js';
import { chargeableStep, minorToDecimal, moneyFormatFor, normaliseCurrency, parseMinorAmount } from './money.js';
import { parseZonedDate, safeTimeZone, zonedDate } from './period.js';
import { queueReceipt, sendReceiptsSoon } from './receipts.js';
import { normaliseEmail } from '../accounts/index.js';

/** What the donate form or API sends; every field is checked here, whatever the transport. */
export interface GiftInput {
  /** Integer minor units (preset buttons, JSON). */
  amount?: unknown;
  /** Major units typed by the reader ("25", "12.50"); wins over `amount` when filled in. */
  customAmount?: unknown;
  currency?: unknown;
  frequency?: unknown;
  publicName?: unknown;
  message?: unknown;
  article?: unknown;
  /** Where the receipt goes; Stripe Checkout asks for it itself. */
  email?: unknown;
}

/** A typed email address, lower-cased, or null when left empty; a malformed one is a 400 on `email`. */
export function optionalEmail(value: unknown): string | null {
  const text = optionalText(value, 'email', 254);
  if (text === null) return null;
  try {
    return normaliseEmail(text);
  } catch {
    throw donationErrors.raise('DONATION_FIELD_INVALID', 'Enter an email address such as name@example.org, or leave it empty.', 'email');
  }
}

export const NAME_MAX = 80;
export const MESSAGE_MAX = 500;

/** Trimmed text without control characters, or null when empty; too long is a 400 naming the field. */
export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw donationErrors.raise('DONATION_FIELD_INVALID', `${field} must be text.`, field);
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (text.length > max) throw donationErrors.raise('DONATION_FIELD_INVALID', `${field} may have at most ${max} characters.`, field);
  return text === '' ? null : text;
}

export function articleSlug(value: unknown): string | null {
  const slug = optionalText(value, 'article', 200);
  if (slug === null) return null;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(slug)) throw donationErrors.raise('DONATION_FIELD_INVALID', 'article is not an article slug.', 'article');
  return slug;
}

/** A typed amount from the form (text) or an API client (a number); anything else is refused, never ignored. */
function customAmount(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw donationErrors.raise('DONATION_FIELD_INVALID', 'customAmount must be an amount such as 25 or 25.50.', 'customAmount');
}

/** Validates a gift and stores it as an intent: our own id, later the checkout's idempotency key. */
export async function createIntent(
  ctx: DonationsContext,
  input: GiftInput,
  provider: DonationProvider,
  userId: string | null = null,
  accountEmail: string | null = null,
): Promise<Intent> {
  const settings = await ctx.settings.get();
  const drive = await findCurrentDrive(ctx.db);
  const currency = input.currency === undefined || input.currency === '' ? drive?.currency ?? normaliseCurrency(settings.donations.currency) : normaliseCurrency(input.currency);
  if (drive && currency !== drive.currency) {
    throw donationErrors.raise('DONATION_CURRENCY_MISMATCH', `This drive collects in ${drive.currency}.`, 'currency');
  }
  const bounds = { minimum: Math.max(1, settings.donations.minimumAmount), maximum: settings.donations.maximumAmount };
  const custom = customAmount(input.customAmount);
  let amount: number;
  // Typed text is read in the number format the page showed it in (the donations locale).
  if (custom !== undefined) amount = parseMajorAmount(custom, currency, moneyFormatFor(settings).locale, bounds, 'customAmount');
  else if (input.amount === undefined || input.amount === null || input.amount === '') {
    throw donationErrors.raise('DONATION_AMOUNT_INVALID', 'Choose or enter an amount.', 'amount');
  } else amount = parseMinorAmount(input.amount, bounds, 'amount');
  const step = chargeableStep(currency);
  if (amount % step !== 0) {
    const field = custom !== undefined ? 'customAmount' : 'amount';
    throw donationErrors.raise('DONATION_AMOUNT_INVALID', `${currency} gifts are charged in steps of ${minorToDecimal(step, currency)}.`, field);
  }
  const frequency = input.frequency ?? 'once';
  if (frequency !== 'once' && frequency !== 'monthly') {
    throw donationErrors.raise('DONATION_FIELD_INVALID', 'frequency must be "once" or "monthly".', 'frequency');
  }
  const intent: Intent = {
    id: newId(ctx.now()),
    drive_id: drive?.id ?? null,
    amount_minor: amount,
    currency,
    frequency: frequency as DonationFrequency,
    public_name: optionalText(input.publicName, 'publicName', NAME_MAX),
    message: optionalText(input.message, 'message', MESSAGE_MAX),
    article_slug: articleSlug(input.article),
    provider,
    checkout_session_id: null,
    created_at: ctx.now().toISOString(),
    user_id: userId,
    donor_email: optionalEmail(input.email) ?? accountEmail,
  };
  await insertIntent(ctx.db, intent);
  return intent;
}

/**
 * The demo site's stand-in for Stripe: the gift lands in the ledger at once, through the same tables
 * and events as a real one, so the meter moves end to end offline.
 */
export async function completeDemoGift(ctx: DonationsContext, intentId: string): Promise<void> {
  const intent = await findIntent(ctx.db, intentId);
  if (!intent) throw donationErrors.raise('DONATION_INTENT_NOT_FOUND');
  const time = ctx.now().toISOString();
  const donationId = newId(ctx.now());
  const ref = `demo:${intent.id}`;
  const entryId = newId(ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    await insertDonation(trx, {
      id: donationId,
      intent_id: intent.id,
      drive_id: intent.drive_id,
      provider: 'demo',
      provider_ref: ref,
      checkout_session_id: null,
      frequency: intent.frequency,
      amount_minor: intent.amount_minor,
      currency: intent.currency,
      status: intent.frequency === 'monthly' ? 'active' : 'paid',
      public_name: intent.public_name,
      message: intent.message,
      article_slug: intent.article_slug,
      donor_email: intent.donor_email,
      created_at: time,
      updated_at: time,
    });
    await insertLedgerEntry(trx, {
      id: entryId,
      donation_id: donationId,
      drive_id: intent.drive_id,
      kind: 'payment',
      provider: 'demo',
      provider_ref: ref,
      payment_ref: null,
      amount_minor: intent.amount_minor,
      currency: intent.currency,
      occurred_at: time,
      note: 'Demo checkout: no money moved.',
      recorded_by: null,
      created_at: time,
    });
    await queueReceipt(trx, { ledgerEntryId: entryId, donationId, email: intent.donor_email, now: time });
  });
  await announceLedgerChange(ctx, [intent.drive_id]);
  // Not awaited: a slow mail server must not hold up the gift's answer; the sweep retries what fails.
  void sendReceiptsSoon(ctx);
}

export interface ManualEntryInput {
  driveId?: unknown;
  /** Major units, as typed. */
  amount?: unknown;
  kind?: unknown;
  /** `YYYY-MM-DD` in the site's zone; empty = now. */
  occurredOn?: unknown;
  publicName?: unknown;
  note?: unknown;
  /** The donor's email, for a receipt. */
  email?: unknown;
}

/**
 * A bank transfer, crypto gift or correction typed in by an admin. Entries are never edited: a mistake
 * is undone by a refund entry, so the ledger keeps every step.
 */
export async function recordManualEntry(ctx: DonationsContext, input: ManualEntryInput, adminId: string): Promise<{ id: string }> {
  const settings = await ctx.settings.get();
  const driveId = typeof input.driveId === 'string' ? input.driveId : '';
  const drive = await findDrive(ctx.db, driveId);
  if (!drive) throw donationErrors.raise('DRIVE_NOT_FOUND', undefined, 'driveId');
  const kind = (input.kind ?? 'payment') as LedgerKind;
  if (kind !== 'payment' && kind !== 'refund') throw donationErrors.raise('DONATION_FIELD_INVALID', 'kind must be payment or refund.', 'kind');
  if (typeof input.amount !== 'string' && typeof input.amount !== 'number') {
    throw donationErrors.raise('DONATION_AMOUNT_INVALID', 'Enter the amount, e.g. 25 or 12.50.', 'amount');
  }
  const amount = parseMajorAmount(input.amount, drive.currency, moneyFormatFor(settings).locale, { minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, 'amount');
  const note = optionalText(input.note, 'note', MESSAGE_MAX);
  const email = kind === 'refund' ? null : optionalEmail(input.email);
  if (!note) throw donationErrors.raise('DONATION_FIELD_INVALID', 'Say where the money came from in the note.', 'note');
  const zone = safeTimeZone(settings.site.timeZone);
  const now = ctx.now();
  let occurredAt = now;
  const day = optionalText(input.occurredOn, 'occurredOn', 10);
  if (day && day !== zonedDate(now, zone)) {
    const parsed = parseZonedDate(day, zone);
    if (!parsed || parsed > now) throw donationErrors.raise('DONATION_FIELD_INVALID', 'The date must be a past day as YYYY-MM-DD.', 'occurredOn');
    occurredAt = parsed;
  }
  const time = now.toISOString();
  const donationId = newId(now);
  const entryId = newId(now);
  const signed = kind === 'refund' ? -amount : amount;
  await ctx.db.transaction().execute(async (trx) => {
    await insertDonation(trx, {
      id: donationId,
      intent_id: null,
      drive_id: drive.id,
      provider: 'manual',
      provider_ref: `manual:${donationId}`,
      checkout_session_id: null,
      frequency: 'once',
      amount_minor: signed,
      currency: drive.currency,
      status: kind === 'refund' ? 'refunded' : 'paid',
      public_name: kind === 'refund' ? null : optionalText(input.publicName, 'publicName', NAME_MAX),
      message: null,
      article_slug: null,
      donor_email: email,
      created_at: time,
      updated_at: time,
    });
    await insertLedgerEntry(trx, {
      id: entryId,
      donation_id: donationId,
      drive_id: drive.id,
      kind,
      provider: 'manual',
      provider_ref: `manual:${entryId}`,
      payment_ref: null,
      amount_minor: signed,
      currency: drive.currency,
      occurred_at: occurredAt.toISOString(),
      note,
      recorded_by: adminId,
      created_at: time,
    });
    await queueReceipt(trx, { ledgerEntryId: entryId, donationId, email, now: time });
  });
  await announceLedgerChange(ctx, [drive.id]);
  // Not awaited: a slow mail server must not hold up the gift's answer; the sweep retries what fails.
  void sendReceiptsSoon(ctx);
  return { id: entryId };
}
