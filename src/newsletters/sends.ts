import { sql } from 'kysely';
import { articleMediaIds, getArticle, isPublic, type Article } from '../articles/index.js';
import { newId } from '../db/ids.js';
import { findMedia } from '../media/index.js';
import type { Row, SendKind } from '../db/schema.js';
import { renderEmailHtml, renderEmailText, type EmailContent } from './email.js';
import { newsletterErrors } from './errors.js';
import { trackableLinks, trackedNotice } from './tracking.js';
import { findNewsletter } from './queries.js';
import type { NewslettersDeps } from './types.js';

export const MAX_DIGEST_ARTICLES = 20;

export interface SendInput {
  newsletterId: string;
  kind: SendKind;
  articleIds: string[];
  subject: string;
  intro: string;
}

export type SendRow = Row<'newsletter_sends'>;

export function sendArticleIds(send: Pick<SendRow, 'article_ids'>): string[] {
  return JSON.parse(send.article_ids) as string[];
}

async function validSend(deps: Pick<NewslettersDeps, 'db'>, input: SendInput): Promise<SendInput & { articles: Article[] }> {
  const newsletter = await findNewsletter(deps.db, { id: input.newsletterId });
  if (!newsletter || newsletter.archived) throw newsletterErrors.raise('NEWSLETTER_NOT_FOUND', undefined, 'newsletterId');
  if (input.kind !== 'article' && input.kind !== 'digest') throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'Choose an article or a digest.', 'kind');
  const ids = [...new Set(input.articleIds)];
  if (ids.length === 0) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'Choose at least one article.', 'articleIds');
  if (input.kind === 'article' && ids.length !== 1) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'An article newsletter sends exactly one article; choose a digest for several.', 'articleIds');
  if (ids.length > MAX_DIGEST_ARTICLES) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', `A digest holds at most ${MAX_DIGEST_ARTICLES} articles.`, 'articleIds');
  const articles: Article[] = [];
  for (const id of ids) {
    const article = await getArticle(deps.db, { id });
    if (!article) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'One of the chosen articles does not exist.', 'articleIds');
    if (article.kind === 'page') throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', `“${article.title}” is a static page, not an article: newsletters send articles.`, 'articleIds');
    articles.push(article);
  }
  const subject = input.subject.trim() || articles[0].title;
  if (subject.length > 200) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'The subject is at most 200 characters.', 'subject');
  if (input.intro.length > 5000) throw newsletterErrors.raise('NEWSLETTER_SEND_INVALID', 'The introduction is at most 5,000 characters.', 'intro');
  return { ...input, articleIds: ids, subject, intro: input.intro.trim(), articles };
}

/** A draft: previewed and test-sent by its editor before it goes to anyone. */
export async function createDraft(deps: Pick<NewslettersDeps, 'db' | 'now'>, input: SendInput, createdBy: string | null): Promise<string> {
  const valid = await validSend(deps, input);
  const id = newId(deps.now());
  await deps.db
    .insertInto('newsletter_sends')
    .values({
      id, newsletter_id: valid.newsletterId, kind: valid.kind, article_ids: JSON.stringify(valid.articleIds), subject: valid.subject, intro: valid.intro,
      status: 'draft', created_by: createdBy, created_at: deps.now().toISOString(),
    })
    .execute();
  return id;
}

export async function updateDraft(deps: Pick<NewslettersDeps, 'db'>, id: string, input: SendInput): Promise<void> {
  const valid = await validSend(deps, input);
  const result = await deps.db
    .updateTable('newsletter_sends')
    .set({ newsletter_id: valid.newsletterId, kind: valid.kind, article_ids: JSON.stringify(valid.articleIds), subject: valid.subject, intro: valid.intro })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw newsletterErrors.raise('NEWSLETTER_SEND_STARTED');
}

/**
 * Hands a draft to the queue: at `sendAfter`, or (null) as soon as every chosen article is public, so
 * a send scheduled with its article goes out when the article is published and not before.
 */
export async function scheduleSend(deps: Pick<NewslettersDeps, 'db' | 'now'>, id: string, sendAfter: Date | null): Promise<void> {
  const result = await deps.db
    .updateTable('newsletter_sends')
    .set({ status: 'scheduled', send_after: sendAfter ? sendAfter.toISOString() : null })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw newsletterErrors.raise('NEWSLETTER_SEND_STARTED');
}

/** A scheduled send goes back to being a draft; one that started cannot be taken back, only stopped. */
export async function cancelSend(deps: Pick<NewslettersDeps, 'db' | 'now'>, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const send = await trx.selectFrom('newsletter_sends').select('status').where('id', '=', id).executeTakeFirst();
    if (!send) throw newsletterErrors.raise('NEWSLETTER_SEND_NOT_FOUND');
    if (send.status === 'scheduled') {
      await trx.updateTable('newsletter_sends').set({ status: 'draft', send_after: null }).where('id', '=', id).where('status', '=', 'scheduled').execute();
    } else if (send.status === 'sending') {
      // What was already handed to the relay stays sent; the rest never leaves.
      await trx.updateTable('newsletter_deliveries').set({ status: 'skipped', lease_owner: null }).where('send_id', '=', id).where('status', '=', 'queued').execute();
      await trx.updateTable('newsletter_sends').set({ status: 'cancelled', finished_at: deps.now().toISOString() }).where('id', '=', id).execute();
    }
  });
}

export async function findSend(deps: Pick<NewslettersDeps, 'db'>, id: string): Promise<SendRow | undefined> {
  return deps.db.selectFrom('newsletter_sends').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function emailContent(deps: NewslettersDeps, send: Pick<SendRow, 'newsletter_id' | 'kind' | 'article_ids' | 'subject' | 'intro'>): Promise<EmailContent> {
  const settings = await deps.settings.get();
  const newsletter = await findNewsletter(deps.db, { id: send.newsletter_id });
  const articles: Article[] = [];
  for (const id of sendArticleIds(send)) {
    const article = await getArticle(deps.db, { id });
    if (article) articles.push(article);
  }
  const media = await findMedia(deps, articles.flatMap((article) => articleMediaIds(article.featuredImageUrl, article.body)));
  let drive = null;
  try {
    drive = await deps.driveProgress();
  } catch (error) {
    deps.log.warn({ err: error }, 'newsletter: drive progress unavailable, sending without the meter');
  }
  return {
    siteName: settings.site.name,
    baseUrl: deps.config.baseUrl,
    newsletterName: newsletter?.name ?? settings.site.name,
    subject: send.subject,
    intro: send.intro,
    kind: send.kind,
    articles,
    drive,
    footerAddress: settings.newsletters.footerAddress,
    media,
  };
}

/**
 * Starts every due send: renders it once and writes one delivery row per active subscriber, in one
 * transaction that first flips the send from `scheduled` to `sending`, so of several instances doing
 * this at once exactly one expands it (the others update no row and stop).
 */
export async function startDueSends(deps: NewslettersDeps): Promise<number> {
  const now = deps.now();
  const due = await deps.db
    .selectFrom('newsletter_sends')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where((eb) => eb.or([eb('send_after', 'is', null), eb('send_after', '<=', now.toISOString())]))
    .orderBy('created_at')
    .limit(10)
    .execute();
  let started = 0;
  for (const send of due) {
    const articles = await Promise.all(sendArticleIds(send).map((id) => getArticle(deps.db, { id })));
    if (articles.some((article) => !article || !isPublic(article, now))) continue;
    const content = await emailContent(deps, send);
    const time = now.toISOString();
    // Counting is decided once per send, when it starts: turning it on or off later changes no mail already queued.
    const tracked = (await deps.settings.get()).newsletters.trackOpensAndClicks;
    const bodyHtml = tracked ? trackedNotice(renderEmailHtml(content)) : renderEmailHtml(content);
    const bodyText = tracked ? trackedNotice(renderEmailText(content)) : renderEmailText(content);
    const count = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('newsletter_sends')
        .set({ status: 'sending', queued_at: time, body_html: bodyHtml, body_text: bodyText, tracked_links: tracked ? JSON.stringify(trackableLinks(bodyHtml)) : null })
        .where('id', '=', send.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return null;
      // Ids only need to be unique and roughly ordered: the send's id plus the subscriber's.
      await sql`
        insert into newsletter_deliveries (id, send_id, subscriber_id, email, status, attempts, next_attempt_at)
        select ${send.id} || '-' || s.id, ${send.id}, s.id, s.email, 'queued', 0, ${time}
        from newsletter_subscriptions ns
        join newsletter_subscribers s on s.id = ns.subscriber_id
        where ns.newsletter_id = ${send.newsletter_id} and s.status = 'active'
        on conflict (send_id, subscriber_id) do nothing
      `.execute(trx);
      const total = await trx.selectFrom('newsletter_deliveries').select((eb) => eb.fn.countAll<number>().as('count')).where('send_id', '=', send.id).executeTakeFirstOrThrow();
      await trx.updateTable('newsletter_sends').set({ total: Number(total.count) }).where('id', '=', send.id).execute();
      return Number(total.count);
    });
    if (count !== null) {
      started += 1;
      deps.log.info({ sendId: send.id, recipients: count }, 'newsletter send started');
    }
  }
  return started;
}

export interface SendProgress {
  total: number;
  sent: number;
  queued: number;
  failed: number;
  bounced: number;
  skipped: number;
  unsubscribed: number;
}

export async function sendProgress(deps: Pick<NewslettersDeps, 'db'>, sendIds: string[]): Promise<Map<string, SendProgress>> {
  const progress = new Map<string, SendProgress>(sendIds.map((id) => [id, { total: 0, sent: 0, queued: 0, failed: 0, bounced: 0, skipped: 0, unsubscribed: 0 }]));
  if (sendIds.length === 0) return progress;
  const rows = await deps.db
    .selectFrom('newsletter_deliveries')
    .select(['send_id', 'status', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.count<number>('unsubscribed_at').as('unsubscribed')])
    .where('send_id', 'in', sendIds)
    .groupBy(['send_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = progress.get(row.send_id)!;
    const count = Number(row.count);
    entry.total += count;
    entry.unsubscribed += Number(row.unsubscribed);
    if (row.status === 'sent') entry.sent += count;
    else if (row.status === 'queued' || row.status === 'sending') entry.queued += count;
    else if (row.status === 'failed') entry.failed += count;
    else if (row.status === 'bounced') entry.bounced += count;
    else entry.skipped += count;
  }
  return progress;
}

export async function listSends(deps: Pick<NewslettersDeps, 'db'>, limit = 50): Promise<SendRow[]> {
  return deps.db.selectFrom('newsletter_sends').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
