import { accountData, deleteReaderAccount, type AccountData } from '../accounts/index.js';
import { articleRefs } from '../articles/index.js';
import { forgetReaderComments, readerCommentData, type DeletedReaderComments } from '../comments/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TransferDeps } from './types.js';

/** A reader's gifts: those given while signed in (the donations domain's `readerGifts`). */
export interface ReaderDonations {
  forReader(userId: string): Promise<unknown[]>;
  /** Blanks the public name and message of their gifts; the money records stay. */
  anonymiseForReader(userId: string): Promise<number>;
}

/**
 * A reader's newsletter subscriptions, found by their account's email (the newsletters domain's
 * `subscriberDataForEmail` / `forgetSubscriberEmail`; passed in because newsletters already depend on transfer).
 */
export interface ReaderNewsletters {
  forEmail(db: Kysely<Database>, email: string): Promise<unknown>;
  /** Deletes the subscriber, their subscriptions and deliveries; runs inside the deletion's transaction. */
  forgetEmail(db: Kysely<Database>, email: string): Promise<{ subscriptions: number; deliveries: number }>;
}

export interface ReaderDataOptions {
  baseUrl: string;
  donations?: ReaderDonations;
  newsletters?: ReaderNewsletters;
}

export const READER_DATA_FORMAT = 'tribune-reader-data';

export interface ReaderData {
  format: typeof READER_DATA_FORMAT;
  version: 1;
  exportedAt: string;
  site: { name: string; url: string };
  account: AccountData;
  comments: {
    id: string;
    article: { slug: string; title: string; url: string } | null;
    parentId: string | null;
    status: string;
    text: string;
    createdAt: string;
    editedAt: string | null;
    deletedAt: string | null;
  }[];
  reactions: { commentId: string; createdAt: string }[];
  flags: { commentId: string; reason: string; note: string; createdAt: string }[];
  donations: { records: unknown[]; note?: string };
  /** The newsletter subscriber record for the account's email and its subscriptions; null when none. */
  newsletters: unknown;
}

/** Everything the site holds about one reader, as they download it from their account page. */
export async function collectReaderData(deps: TransferDeps, userId: string, options: ReaderDataOptions): Promise<ReaderData | undefined> {
  const account = await accountData(deps.db, userId);
  if (!account) return undefined;
  const { site } = await deps.settings.get();
  const held = await readerCommentData(deps.db, userId);
  const articles = await articleRefs(deps.db, held.comments.map((comment) => comment.articleId));
  return {
    format: READER_DATA_FORMAT,
    version: 1,
    exportedAt: deps.now().toISOString(),
    site: { name: site.name, url: options.baseUrl },
    account,
    comments: held.comments.map(({ articleId, ...comment }) => {
      const article = articles.get(articleId);
      return { ...comment, article: article ? { ...article, url: `${options.baseUrl}/articles/${article.slug}` } : null };
    }),
    reactions: held.reactions,
    flags: held.flags,
    donations: options.donations
      ? { records: await options.donations.forReader(userId) }
      : { records: [], note: 'Gifts are not linked to reader accounts on this site, so none are listed; ask the site for any record of a gift.' },
    newsletters: (account.email && options.newsletters ? await options.newsletters.forEmail(deps.db, account.email) : undefined) ?? null,
  };
}

export interface DeletionResult {
  comments: number;
  reactions: number;
  flags: number;
  donations: number;
  newsletterSubscriptions: number;
  mode: DeletedReaderComments;
}

/**
 * Deletes a reader's account in one transaction: their comments anonymised or removed (the site's
 * `comments.deletedReaderComments`), reactions gone, reports no longer naming them, every session
 * ended, the account row removed, the account email's newsletter subscriber record, subscriptions and
 * deliveries deleted. Donations stay in the ledger (money records), their public name blanked.
 */
export async function deleteReader(deps: TransferDeps, userId: string, options: Pick<ReaderDataOptions, 'donations' | 'newsletters'>): Promise<DeletionResult> {
  const { comments } = await deps.settings.get();
  const mode: DeletedReaderComments = comments.deletedReaderComments === 'remove' ? 'remove' : 'anonymise';
  // Gifts first: removing the account unlinks them from the reader.
  const donations = options.donations ? await options.donations.anonymiseForReader(userId) : 0;
  const result = await deps.db.transaction().execute(async (trx) => {
    const email = (await accountData(trx, userId))?.email;
    const forgotten = await forgetReaderComments(trx, userId, mode, deps.now());
    const newsletters = email && options.newsletters ? await options.newsletters.forgetEmail(trx, email) : { subscriptions: 0 };
    await deleteReaderAccount(trx, userId);
    return { ...forgotten, newsletterSubscriptions: newsletters.subscriptions };
  });
  return { ...result, donations, mode };
}
