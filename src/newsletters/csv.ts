import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { parseCsv } from '../moderation/index.js';
import { createProgress, type ProgressOutput } from '../transfer/index.js';
import { csvLine } from '../web/csv.js';
import { newsletterErrors } from './errors.js';
import { findNewsletter, listNewsletters } from './queries.js';
import { activateSubscriber, subscriberEmail, unsubscribeIn } from './subscriptions.js';
import { AppError } from '../errors.js';

export const SUBSCRIBER_CSV_HEADER = ['email', 'status', 'first_name', 'last_name', 'newsletters', 'source', 'confirmed_at', 'unsubscribed_at', 'created_at'];

/** Every subscriber, with the slugs of their newsletters; Tribune's own import reads this back. */
export async function exportSubscribersCsv(db: Kysely<Database>): Promise<string> {
  const newsletters = new Map((await listNewsletters(db, { includeArchived: true })).map((newsletter) => [newsletter.id, newsletter.slug]));
  const subscriptions = await db.selectFrom('newsletter_subscriptions').select(['subscriber_id', 'newsletter_id']).execute();
  const bySubscriber = new Map<string, string[]>();
  for (const row of subscriptions) bySubscriber.set(row.subscriber_id, [...(bySubscriber.get(row.subscriber_id) ?? []), newsletters.get(row.newsletter_id) ?? '']);
  const subscribers = await db.selectFrom('newsletter_subscribers').selectAll().orderBy('email').execute();
  const lines = [csvLine(SUBSCRIBER_CSV_HEADER)];
  for (const s of subscribers) {
    lines.push(csvLine([s.email, s.status, s.first_name, s.last_name, (bySubscriber.get(s.id) ?? []).sort().join(' '), s.source, s.confirmed_at, s.unsubscribed_at, s.created_at]));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface ImportedRow {
  email: string;
  subscribed: boolean;
  first: string;
  last: string;
  /** When the address opted in / confirmed, as the source service recorded it (ISO, UTC). */
  createdAt?: string;
  confirmedAt?: string;
}

function pick(row: Record<string, string>, names: string[]): string | undefined {
  for (const [key, value] of Object.entries(row)) if (names.includes(key.trim().toLowerCase())) return value.trim();
  return undefined;
}

/**
 * A date from an export, as ISO UTC: Mailchimp writes "2023-01-02 10:00:00" in UTC, Substack and
 * Tribune ISO strings. Unreadable or future dates are dropped (the import time is used instead).
 */
export function importedDate(raw: string | undefined, now: Date): string | undefined {
  if (!raw) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw;
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || date.getTime() > now.getTime()) return undefined;
  return date.toISOString();
}

/**
 * One row of any of the shapes we read: Mailchimp ("Email Address", "First Name", "Last Name"; its
 * unsubscribed and cleaned exports are separate files, so presence means subscribed unless a status
 * column says otherwise), Substack (email, active_subscription, email_disabled, …) and Tribune's own.
 */
export function readSubscriberRow(row: Record<string, string>, now: Date = new Date()): ImportedRow | null {
  const raw = pick(row, ['email address', 'email', 'e-mail', 'email_address']);
  if (!raw) return null;
  let email: string;
  try {
    email = subscriberEmail(raw);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const status = pick(row, ['status', 'member_status'])?.toLowerCase();
  const disabled = pick(row, ['email_disabled'])?.toLowerCase();
  const unsubscribed = (status !== undefined && ['unsubscribed', 'cleaned', 'bounced', 'pending'].includes(status)) || disabled === 'true' || disabled === '1';
  const createdAt = importedDate(pick(row, ['optin_time', 'created_at']), now);
  const confirmedAt = importedDate(pick(row, ['confirm_time', 'confirmed_at']), now) ?? createdAt;
  return {
    email,
    subscribed: !unsubscribed,
    first: pick(row, ['first name', 'first_name', 'fname']) ?? '',
    last: pick(row, ['last name', 'last_name', 'lname']) ?? '',
    createdAt: createdAt ?? confirmedAt,
    confirmedAt,
  };
}

export interface SubscriberImportSummary {
  rows: number;
  subscribed: number;
  unsubscribed: number;
  invalid: number;
}

/**
 * Imports a CSV into one newsletter (the first when none is named). Running it again changes nothing:
 * existing addresses are updated in place. An address marked unsubscribed in the file is never
 * resubscribed, and an address that unsubscribed here is not resubscribed by an older file either.
 */
export async function importSubscribers(deps: { db: Kysely<Database>; now: () => Date }, file: string, options: { newsletter?: string; progress?: ProgressOutput } = {}): Promise<SubscriberImportSummary> {
  const newsletter = options.newsletter ? await findNewsletter(deps.db, { slug: options.newsletter }) : (await listNewsletters(deps.db))[0];
  if (!newsletter) throw newsletterErrors.raise('NEWSLETTER_NOT_FOUND', options.newsletter ? `No newsletter "${options.newsletter}".` : 'Create a newsletter first (Admin → Newsletters).');
  const rows = parseCsv(readFileSync(file, 'utf8'));
  if (rows.length > 0 && !Object.keys(rows[0]).some((key) => /e-?mail/i.test(key))) throw newsletterErrors.raise('SUBSCRIBER_CSV_INVALID');
  const progress = options.progress ? createProgress({ label: 'subscribers', totalBytes: rows.length, output: options.progress, everyItems: 1_000 }) : undefined;
  const summary: SubscriberImportSummary = { rows: rows.length, subscribed: 0, unsubscribed: 0, invalid: 0 };
  const BATCH = 500;
  for (let start = 0; start < rows.length; start += BATCH) {
    await deps.db.transaction().execute(async (trx) => {
      for (const raw of rows.slice(start, start + BATCH)) {
        const row = readSubscriberRow(raw, deps.now());
        if (!row) {
          summary.invalid += 1;
          continue;
        }
        const existing = await trx.selectFrom('newsletter_subscribers').select(['id', 'status']).where('email', '=', row.email).executeTakeFirst();
        if (!row.subscribed) {
          summary.unsubscribed += 1;
          if (existing) await unsubscribeIn(trx, deps.now(), existing.id, { newsletterId: newsletter.id });
          continue;
        }
        if (existing && (existing.status === 'unsubscribed' || existing.status === 'bounced')) {
          summary.unsubscribed += 1;
          continue;
        }
        await activateSubscriber(trx, deps.now(), row.email, [newsletter.id], 'import', { first: row.first, last: row.last }, { createdAt: row.createdAt, confirmedAt: row.confirmedAt });
        summary.subscribed += 1;
      }
    });
    progress?.update(Math.min(start + BATCH, rows.length), Math.min(start + BATCH, rows.length));
  }
  progress?.finish(rows.length, rows.length);
  return summary;
}
