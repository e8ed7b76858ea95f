import { hostname } from 'node:os';
import type { ExpressionBuilder } from 'kysely';
import { unsubscribeToken } from '../accounts/index.js';
import { findArticleForComments } from '../articles/index.js';
import type { Database } from '../db/schema.js';
import { newId, newToken } from '../db/ids.js';
import { preparedQuery } from '../db/prepared.js';
import { addSeconds } from '../db/time.js';
import type { Mailer } from '../mail/index.js';
import { escapeHtml } from '../web/html.js';
import type { CommentRow } from './queries.js';
import type { CommentsDeps } from './types.js';

/** A claim older than this belongs to an instance that died mid-send; another may take it over. */
const STALE_CLAIM_SECONDS = 600;

/** The parent's author, when the parent was written by an account. */
const parentAuthor = preparedQuery<{ parentId: string }>()((db, arg) => db
  .selectFrom('comments')
  .innerJoin('users', 'users.id', 'comments.author_id')
  .select(['users.id as userId', 'users.notify_replies', 'users.email', 'comments.status'])
  .where('comments.id', '=', arg('parentId')));

/** Queues a mail for the parent's author if they opted in; sent later in a batch per thread. */
export async function enqueueReplyNotification(deps: Pick<CommentsDeps, 'db' | 'now'>, row: CommentRow): Promise<void> {
  if (!row.parent_id || row.status !== 'published') return;
  const [parent] = await parentAuthor(deps.db, { parentId: row.parent_id });
  if (!parent || parent.notify_replies !== 1 || !parent.email || parent.status !== 'published' || parent.userId === row.author_id) return;
  await deps.db
    .insertInto('reply_notifications')
    .values({ id: newId(deps.now()), user_id: parent.userId, article_id: row.article_id, root_id: row.root_id, comment_id: row.id, created_at: deps.now().toISOString() })
    .onConflict((conflict) => conflict.columns(['user_id', 'comment_id']).doNothing())
    .execute();
}

export interface NotifierDeps extends CommentsDeps {
  mailer: Mailer;
  secret: string;
  log?: { error(obj: unknown, message: string): void };
}

export const instanceId = `${hostname()}:${process.pid}`;

/**
 * Sends what is due: for each reader and thread whose oldest queued reply has waited a full batch window,
 * one mail with every queued reply. Rows are claimed with a conditional UPDATE first, so instances
 * running this at the same moment never send the same rows twice. Returns the number of mails sent.
 */
export async function processReplyNotifications(deps: NotifierDeps): Promise<number> {
  const { comments: settings, site } = await deps.settings.get();
  const now = deps.now();
  const dueBefore = addSeconds(now, -settings.notifyBatchMinutes * 60).toISOString();
  const staleBefore = addSeconds(now, -STALE_CLAIM_SECONDS).toISOString();
  const claimable = (eb: ExpressionBuilder<Database, 'reply_notifications'>) =>
    eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', staleBefore)]);
  const groups = await deps.db
    .selectFrom('reply_notifications')
    .select(['user_id', 'root_id'])
    .where('sent_at', 'is', null)
    .where(claimable)
    .groupBy(['user_id', 'root_id'])
    .having((eb) => eb.fn.min('created_at'), '<=', dueBefore)
    .limit(200)
    .execute();
  let sent = 0;
  for (const group of groups) {
    const claim = `${instanceId}:${newToken()}`;
    const claimed = await deps.db
      .updateTable('reply_notifications')
      .set({ claimed_by: claim, claimed_at: now.toISOString() })
      .where('user_id', '=', group.user_id)
      .where('root_id', '=', group.root_id)
      .where('sent_at', 'is', null)
      .where(claimable)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    try {
      if (await sendBatch(deps, claim, site.name)) sent += 1;
      await deps.db.updateTable('reply_notifications').set({ sent_at: now.toISOString() }).where('claimed_by', '=', claim).execute();
    } catch (error) {
      // Release the claim so the next run retries; nothing was marked sent.
      await deps.db.updateTable('reply_notifications').set({ claimed_by: null, claimed_at: null }).where('claimed_by', '=', claim).execute();
      deps.log?.error({ err: error }, 'reply notification failed');
    }
  }
  return sent;
}

async function sendBatch(deps: NotifierDeps, claim: string, siteName: string): Promise<boolean> {
  const rows = await deps.db
    .selectFrom('reply_notifications')
    .innerJoin('comments', 'comments.id', 'reply_notifications.comment_id')
    .innerJoin('users as recipient', 'recipient.id', 'reply_notifications.user_id')
    .leftJoin('users as author', 'author.id', 'comments.author_id')
    .select([
      'comments.id', 'comments.body', 'comments.status', 'comments.author_name', 'comments.article_id', 'comments.created_at',
      'author.display_name as authorDisplayName', 'recipient.id as recipientId', 'recipient.email', 'recipient.notify_replies',
    ])
    .where('reply_notifications.claimed_by', '=', claim)
    .orderBy('comments.created_at')
    .execute();
  // Re-checked at send time: a reply deleted or rejected since, or a reader who opted out, gets no mail.
  const replies = rows.filter((row) => row.status === 'published' && row.notify_replies === 1 && row.email);
  if (replies.length === 0) return false;
  const article = await findArticleForComments(deps.db, replies[0].article_id, deps.now());
  if (!article) return false;
  const recipient = replies[0];
  const unsubscribe = `${deps.baseUrl}/notifications/unsubscribe?token=${encodeURIComponent(unsubscribeToken(deps.secret, recipient.recipientId))}`;
  const count = replies.length;
  const subject = `${count === 1 ? 'A new reply' : `${count} new replies`} to your comment on “${article.title}”`;
  const items = replies.map((reply) => ({
    name: reply.authorDisplayName ?? reply.author_name,
    excerpt: excerpt(reply.body),
    link: `${deps.baseUrl}/comments/${reply.id}`,
  }));
  await deps.mailer.send({
    to: recipient.email!,
    subject,
    text: `${subject}\n\n${items.map((item) => `${item.name} wrote:\n${item.excerpt}\n${item.link}`).join('\n\n')}\n\n—\n${siteName}\nStop these emails: ${unsubscribe}\n`,
    html: `<p>${escapeHtml(subject)}</p>${items
      .map((item) => `<blockquote><p><strong>${escapeHtml(item.name)}</strong> wrote:</p><p>${escapeHtml(item.excerpt)}</p><p><a href="${escapeHtml(item.link)}">Read and reply</a></p></blockquote>`)
      .join('')}<hr><p>${escapeHtml(siteName)} · <a href="${escapeHtml(unsubscribe)}">Stop these emails</a></p>`,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  return true;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}…` : flat;
}

/** Runs the sender on a timer; returns the function that stops it. */
export function startReplyNotifier(deps: NotifierDeps, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    processReplyNotifications(deps)
      .catch((error: unknown) => deps.log?.error({ err: error }, 'reply notifier failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
