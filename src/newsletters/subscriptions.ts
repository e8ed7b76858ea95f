import { sql, type Kysely, type Transaction } from 'kysely';
import { normaliseEmail } from '../accounts/index.js';
import { newId } from '../db/ids.js';
import type { Database, SubscriberSource } from '../db/schema.js';
import { AppError } from '../errors.js';
import { confirmationMail } from './confirmation-mail.js';
import { newsletterErrors } from './errors.js';
import { findSubscriber, findSubscriberByEmail, listNewsletters, subscribedNewsletterIds } from './queries.js';
import { confirmUrl, verifyConfirmToken } from './tokens.js';
import type { NewslettersDeps } from './types.js';

/** One address gets at most one confirmation mail in this window, however often the form is sent. */
const CONFIRMATION_INTERVAL_MS = 5 * 60_000;

type Db = Kysely<Database> | Transaction<Database>;

export function subscriberEmail(raw: unknown): string {
  if (typeof raw !== 'string') throw newsletterErrors.raise('SUBSCRIBE_EMAIL_INVALID', undefined, 'email');
  try {
    return normaliseEmail(raw);
  } catch (error) {
    if (error instanceof AppError) throw newsletterErrors.raise('SUBSCRIBE_EMAIL_INVALID', undefined, 'email');
    throw error;
  }
}

/** The chosen newsletters that exist and are open; none chosen means every open one (a form with a single list). */
export async function chosenNewsletters(db: Db, requested: string[] | undefined): Promise<string[]> {
  const open = await listNewsletters(db as Kysely<Database>);
  if (open.length === 0) throw newsletterErrors.raise('NEWSLETTER_NOT_FOUND', 'This site has no newsletter yet.');
  if (!requested || requested.length === 0) return open.map((newsletter) => newsletter.id);
  const wanted = new Set(requested);
  const ids = open.filter((newsletter) => wanted.has(newsletter.id) || wanted.has(newsletter.slug)).map((newsletter) => newsletter.id);
  if (ids.length === 0) throw newsletterErrors.raise('NEWSLETTER_NONE_CHOSEN', undefined, 'newsletter');
  return ids;
}

/**
 * The subscribe form: sends a signed confirmation link and nothing else. The answer is the same
 * whether the address is new, pending, subscribed or bounced, so the form reveals no one's list.
 */
export async function requestSubscription(deps: NewslettersDeps, input: { email: unknown; newsletters?: string[] }): Promise<void> {
  const email = subscriberEmail(input.email);
  const newsletterIds = await chosenNewsletters(deps.db, input.newsletters);
  const now = deps.now();
  const time = now.toISOString();
  const existing = await findSubscriberByEmail(deps.db, email);
  if (existing?.confirmation_sent_at && now.getTime() - new Date(existing.confirmation_sent_at).getTime() < CONFIRMATION_INTERVAL_MS) return;
  if (existing) {
    await deps.db.updateTable('newsletter_subscribers').set({ confirmation_sent_at: time }).where('id', '=', existing.id).execute();
  } else {
    await deps.db
      .insertInto('newsletter_subscribers')
      .values({ id: newId(now), email, status: 'pending', source: 'form', confirmation_sent_at: time, created_at: time, updated_at: time })
      .onConflict((oc) => oc.column('email').doUpdateSet({ confirmation_sent_at: time }))
      .execute();
  }
  const settings = await deps.settings.get();
  const names = (await listNewsletters(deps.db)).filter((newsletter) => newsletterIds.includes(newsletter.id)).map((newsletter) => newsletter.name);
  await deps.mailer.send(confirmationMail({ siteName: settings.site.name, to: email, newsletters: names, link: confirmUrl(deps.config.baseUrl, deps.config.secret, email, newsletterIds, now) }));
}

/**
 * Makes the address an active subscriber of these newsletters (adding to any it already has).
 * `since` (an import's original opt-in and confirmation times) dates a new subscriber and its
 * subscriptions instead of now; an existing subscriber keeps its own dates.
 */
export async function activateSubscriber(
  db: Db,
  now: Date,
  email: string,
  newsletterIds: string[],
  source: SubscriberSource,
  names: { first?: string; last?: string } = {},
  since: { createdAt?: string; confirmedAt?: string } = {},
): Promise<string> {
  const time = now.toISOString();
  const createdAt = since.createdAt ?? since.confirmedAt ?? time;
  const row = await db
    .insertInto('newsletter_subscribers')
    .values({ id: newId(now), email, status: 'active', source, first_name: names.first ?? '', last_name: names.last ?? '', confirmed_at: since.confirmedAt ?? createdAt, created_at: createdAt, updated_at: time })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({ status: 'active', confirmed_at: sql`coalesce(newsletter_subscribers.confirmed_at, excluded.confirmed_at)`, unsubscribed_at: null, bounced_at: null, bounce_reason: null, updated_at: time }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await addSubscriptions(db, new Date(since.confirmedAt ?? createdAt), row.id, newsletterIds);
  return row.id;
}

export async function addSubscriptions(db: Db, now: Date, subscriberId: string, newsletterIds: string[]): Promise<void> {
  if (newsletterIds.length === 0) return;
  const time = now.toISOString();
  await db
    .insertInto('newsletter_subscriptions')
    .values(newsletterIds.map((newsletterId) => ({ subscriber_id: subscriberId, newsletter_id: newsletterId, created_at: time })))
    .onConflict((oc) => oc.columns(['subscriber_id', 'newsletter_id']).doNothing())
    .execute();
}

/** The link in the confirmation mail. Clicking it twice is harmless. */
export async function confirmSubscription(deps: NewslettersDeps, token: string): Promise<string> {
  const confirmed = verifyConfirmToken(deps.config.secret, token, deps.now());
  if (!confirmed) throw newsletterErrors.raise('NEWSLETTER_LINK_INVALID');
  const open = new Set((await listNewsletters(deps.db)).map((newsletter) => newsletter.id));
  return deps.db.transaction().execute((trx) => activateSubscriber(trx, deps.now(), confirmed.email, confirmed.newsletterIds.filter((id) => open.has(id)), 'form'));
}

/** A signed-in reader's address was proven by signing in: no confirmation mail. */
export async function subscribeVerifiedEmail(deps: NewslettersDeps, email: string, newsletters: string[] | undefined): Promise<string> {
  const ids = await chosenNewsletters(deps.db, newsletters);
  return deps.db.transaction().execute((trx) => activateSubscriber(trx, deps.now(), email, ids, 'account'));
}

/**
 * Unsubscribes from one newsletter, or from all of them when none is named; with nothing left the
 * address is marked unsubscribed so no later send picks it up. Queued mail to it is skipped at send time.
 */
export async function unsubscribe(deps: Pick<NewslettersDeps, 'db' | 'now'>, subscriberId: string, options: { newsletterId?: string; sendId?: string } = {}): Promise<void> {
  await deps.db.transaction().execute((trx) => unsubscribeIn(trx, deps.now(), subscriberId, options));
}

export async function unsubscribeIn(trx: Db, now: Date, subscriberId: string, options: { newsletterId?: string; sendId?: string } = {}): Promise<void> {
  const time = now.toISOString();
  let remove = trx.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriberId);
  if (options.newsletterId) remove = remove.where('newsletter_id', '=', options.newsletterId);
  await remove.execute();
  const left = await trx.selectFrom('newsletter_subscriptions').select('newsletter_id').where('subscriber_id', '=', subscriberId).limit(1).executeTakeFirst();
  if (!left) {
    await trx.updateTable('newsletter_subscribers').set({ status: 'unsubscribed', unsubscribed_at: time, updated_at: time }).where('id', '=', subscriberId).where('status', 'in', ['active', 'pending']).execute();
  }
  if (options.sendId) {
    await trx.updateTable('newsletter_deliveries').set({ unsubscribed_at: time }).where('send_id', '=', options.sendId).where('subscriber_id', '=', subscriberId).where('unsubscribed_at', 'is', null).execute();
  }
}

/** The preferences page: exactly these newsletters. The signed link proves the address, so choosing any reactivates it. */
export async function setPreferences(deps: Pick<NewslettersDeps, 'db' | 'now'>, subscriberId: string, newsletterIds: string[]): Promise<void> {
  const subscriber = await findSubscriber(deps.db, subscriberId);
  if (!subscriber) throw newsletterErrors.raise('NEWSLETTER_LINK_INVALID');
  const open = new Set((await listNewsletters(deps.db)).map((newsletter) => newsletter.id));
  const ids = newsletterIds.filter((id) => open.has(id));
  const now = deps.now();
  if (ids.length === 0) return unsubscribe(deps, subscriberId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', subscriberId).where('newsletter_id', 'not in', ids).execute();
    await activateSubscriber(trx, now, subscriber.email, ids, subscriber.source);
  });
}

export async function subscriptionState(deps: Pick<NewslettersDeps, 'db'>, subscriberId: string) {
  const subscriber = await findSubscriber(deps.db, subscriberId);
  if (!subscriber) return undefined;
  const ids = subscriber.status === 'active' ? await subscribedNewsletterIds(deps.db, subscriberId) : [];
  return { subscriber, newsletterIds: ids };
}

/** The relay said the address does not exist: stop mailing it (it can subscribe again). */
export async function markBounced(db: Db, now: Date, subscriberId: string, reason: string): Promise<void> {
  const time = now.toISOString();
  await db.updateTable('newsletter_subscribers').set({ status: 'bounced', bounced_at: time, bounce_reason: reason.slice(0, 500), updated_at: time }).where('id', '=', subscriberId).execute();
}
