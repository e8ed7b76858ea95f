import type { DonationsContext } from './context.js';
import { donorPageUrl, DONOR_LINK_DAYS, donorToken } from './donor-links.js';
import { donorDonation, donorDonations, donorEntries, hasDonations, type DonorIdentity } from './donor-queries.js';
import { donationErrors } from './errors.js';
import { NAME_MAX, optionalEmail, optionalText } from './gifts.js';
import { parseMajorAmount } from './amount-input.js';
import { updateDonation, type Donation } from './ledger-queries.js';
import { chargeableStep, minorToDecimal, moneyFormatFor } from './money.js';
import { safeTimeZone, zonedMidnight } from './period.js';
import { mailDocument, organisation, statementMail } from './receipt-mail.js';
import { escapeHtml } from '../web/html.js';
import { paidThrough } from './renewals.js';

/** Monthly gifts Tribune runs itself (demo checkout): Stripe's are changed in Stripe's portal. */
function ownMonthly(donation: Donation): boolean {
  return donation.frequency === 'monthly' && donation.provider === 'demo';
}

async function ownedMonthly(ctx: DonationsContext, who: DonorIdentity, donationId: string): Promise<Donation> {
  const donation = await donorDonation(ctx.db, who, donationId);
  if (!donation) throw donationErrors.raise('DONATION_NOT_FOUND');
  if (!ownMonthly(donation)) throw donationErrors.raise('DONOR_CHANGE_ELSEWHERE');
  if (donation.status === 'cancelled') throw donationErrors.raise('DONATION_CANCELLED');
  return donation;
}

/** `cancel` stops it now, or (`when: 'period-end'`) at the end of the month already paid for. */
export type MonthlyChange = { action: 'amount'; amount: unknown } | { action: 'pause' } | { action: 'resume' } | { action: 'cancel'; when?: unknown };

/**
 * The donor's own change to a monthly gift run by Tribune. Nothing is charged or refunded here, as
 * with Stripe: the next monthly payment is taken at the new amount, none while paused, none after
 * cancelling, and the ledger keeps what was already paid.
 */
export async function changeMonthlyGift(ctx: DonationsContext, who: DonorIdentity, donationId: string, change: MonthlyChange): Promise<Donation> {
  const donation = await ownedMonthly(ctx, who, donationId);
  const now = ctx.now().toISOString();
  if (change.action === 'amount') {
    const settings = await ctx.settings.get();
    const bounds = { minimum: Math.max(1, settings.donations.minimumAmount), maximum: settings.donations.maximumAmount };
    const raw = typeof change.amount === 'string' || typeof change.amount === 'number' ? change.amount : '';
    const amount = parseMajorAmount(raw, donation.currency, moneyFormatFor(settings).locale, bounds, 'amount');
    if (amount % chargeableStep(donation.currency) !== 0) {
      throw donationErrors.raise('DONATION_AMOUNT_INVALID', `${donation.currency} gifts are charged in steps of ${minorToDecimal(chargeableStep(donation.currency), donation.currency)}.`, 'amount');
    }
    await updateDonation(ctx.db, donation.id, { amount_minor: amount, updated_at: now });
    return { ...donation, amount_minor: amount };
  }
  if (change.action === 'cancel') {
    if (change.when !== undefined && change.when !== 'now' && change.when !== 'period-end') {
      throw donationErrors.raise('DONATION_FIELD_INVALID', 'when must be "now" or "period-end".', 'when');
    }
    if (change.when === 'period-end') {
      // Stays active (and renews no more) until the paid month ends: the renewal job ends it then.
      const cancelAt = paidThrough(donation, ctx.now()).toISOString();
      await updateDonation(ctx.db, donation.id, { cancel_at: cancelAt, updated_at: now });
      return { ...donation, cancel_at: cancelAt };
    }
    await updateDonation(ctx.db, donation.id, { status: 'cancelled', paused: 0, updated_at: now });
    return { ...donation, status: 'cancelled', paused: 0 };
  }
  const paused = change.action === 'pause' ? 1 : 0;
  // Resuming also takes back a cancellation planned for the end of the month, as Stripe's "renew" does.
  const resumed = change.action === 'resume' ? { cancel_at: null } : {};
  await updateDonation(ctx.db, donation.id, { paused, ...resumed, updated_at: now });
  return { ...donation, paused, ...resumed };
}

/** The donor's choice about the donor wall, and the name it shows. */
export async function setWallChoice(ctx: DonationsContext, who: DonorIdentity, donationId: string, input: { show: unknown; publicName: unknown }): Promise<void> {
  const donation = await donorDonation(ctx.db, who, donationId);
  if (!donation) throw donationErrors.raise('DONATION_NOT_FOUND');
  const show = input.show === '1' || input.show === true || input.show === 1;
  const name = optionalText(input.publicName, 'publicName', NAME_MAX);
  if (show && !name) throw donationErrors.raise('DONATION_FIELD_INVALID', 'Enter the name to show on the donor wall.', 'publicName');
  await updateDonation(ctx.db, donation.id, { show_on_wall: show ? 1 : 0, ...(name ? { public_name: name } : {}), updated_at: ctx.now().toISOString() });
}

/**
 * Mails a link to the donor's page. The answer is the same whether or not the address gave, so the
 * form cannot be used to learn who donates.
 */
export async function mailDonorLink(ctx: DonationsContext, rawEmail: unknown): Promise<void> {
  const email = optionalEmail(rawEmail);
  if (!email) throw donationErrors.raise('DONATION_FIELD_INVALID', 'Enter the email address you gave with.', 'email');
  if (!(await hasDonations(ctx.db, email))) return;
  const settings = await ctx.settings.get();
  const org = organisation(settings);
  const url = donorPageUrl(ctx.config.baseUrl, ctx.config.secret, email, ctx.now());
  await ctx.mailer.send({
    to: email,
    subject: `Your gifts to ${org.name}`,
    text: `Open this link to see your gifts to ${org.name}, change or cancel a monthly gift, choose how you appear on the donor wall and get a yearly statement:\n\n${url}\n\nThe link works for ${DONOR_LINK_DAYS} days. If you did not ask for it, ignore this mail.\n`,
    html: mailDocument(
      `Your gifts to ${org.name}`,
      `<p>Open this link to see your gifts to ${escapeHtml(org.name)}, change or cancel a monthly gift, choose how you appear on the donor wall and get a yearly statement:</p><p><a href="${escapeHtml(url)}">Your donor page</a></p><p>The link works for ${DONOR_LINK_DAYS} days. If you did not ask for it, ignore this mail.</p>`,
    ),
  });
}

/** A calendar year in the site's zone, as UTC instants. */
export async function yearWindow(ctx: DonationsContext, year: number): Promise<{ from: string; to: string }> {
  const zone = safeTimeZone((await ctx.settings.get()).site.timeZone);
  return { from: zonedMidnight(year, 1, 1, zone).toISOString(), to: zonedMidnight(year + 1, 1, 1, zone).toISOString() };
}

export function parseYear(value: unknown, now: Date): number {
  const year = typeof value === 'number' ? value : typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > now.getUTCFullYear() + 1) throw donationErrors.raise('DONATION_FIELD_INVALID', 'Choose a year such as 2025.', 'year');
  return year;
}

export function statementUrl(ctx: DonationsContext, email: string, year: number): string {
  return `${ctx.config.baseUrl}/donate/manage/statement?year=${year}&token=${encodeURIComponent(donorToken(ctx.config.secret, email, ctx.now()))}`;
}

/** Mails the year's statement to the address the donor is identified by. */
export async function mailStatement(ctx: DonationsContext, who: DonorIdentity, year: number): Promise<void> {
  if (!who.email) throw donationErrors.raise('DONATION_FIELD_INVALID', 'There is no email address to send the statement to.', 'year');
  const window = await yearWindow(ctx, year);
  const entries = await donorEntries(ctx.db, who, window.from, window.to);
  const settings = await ctx.settings.get();
  await ctx.mailer.send(statementMail({ settings, year, to: who.email, entries, manageUrl: statementUrl(ctx, who.email, year) }));
}

/** Opens Stripe's customer portal for the donor's Stripe customer and returns where to send them. */
export async function billingPortalUrl(ctx: DonationsContext, who: DonorIdentity, returnUrl: string): Promise<string> {
  if (!ctx.stripe) throw donationErrors.raise('CHECKOUT_UNAVAILABLE');
  const customer = (await donorDonations(ctx.db, who)).find((donation) => donation.provider === 'stripe' && donation.stripe_customer)?.stripe_customer;
  if (!customer) throw donationErrors.raise('DONOR_NO_STRIPE_CUSTOMER');
  try {
    const session = await ctx.stripe.billingPortal.sessions.create({ customer, return_url: returnUrl });
    return session.url;
  } catch (error) {
    ctx.log.warn({ err: error }, 'stripe billing portal session failed');
    throw donationErrors.raise('CHECKOUT_FAILED');
  }
}
