import { eventIdAt } from '../events/index.js';
import { assetUrl } from '../web/assets.js';
import { html, type Html } from '../web/html.js';
import type { ArticleSlotContext } from '../web/slots.js';
import { findComment, leftTraceOn, publishedCounts } from './queries.js';
import { actorKey } from './present.js';
import { listThreads, MAX_REPLIES_PER_THREAD } from './read.js';
import type { MarkupContext } from './markup/context.js';
import { commentSection } from './markup/section.js';
import { closedReason } from './rules.js';
import { featuredComments } from './featured.js';
import { viewerNotices } from './sanction.js';
import { COMMENT_SORTS, type CommentActor, type CommentSort, type CommentsDeps } from './types.js';

const ID = /^[0-9a-z]{10,40}$/;
/**
 * The live stream replays from a little before this page was read, so a comment posted between the
 * read and the stream's connection still arrives; the margin covers clocks of other instances (and
 * Redis) running a little behind. What arrives twice is recognised by the widget and dropped.
 */
const LIVE_SINCE_MARGIN_MS = 5_000;

function sectionClosed({ article, settings }: ArticleSlotContext, now: Date): string | null {
  return closedReason(
    { ...article, published_at: article.publishedAt, comments_open: article.commentsOpen ? 1 : 0, comments_close_after_days: article.commentsCloseAfterDays, premoderate: article.premoderate ? 1 : 0 },
    settings.comments,
    now,
  );
}

/**
 * The key under which signed-in readers may share one drawing of the section (src/web/reader-pages.ts):
 * what it tells them (a sanction, a review-first notice), or null when anything of theirs is on this
 * article (a comment in any state, which they may edit or see held, or a like), which only their own
 * drawing shows.
 */
export async function sharedSectionVariant(deps: CommentsDeps, context: ArticleSlotContext, actor: CommentActor): Promise<string | null> {
  const key = actorKey(actor);
  if (actor.userId === null || key === null) return null;
  if (await leftTraceOn(deps.db, context.article.id, actor.userId, key)) return null;
  const viewer = await viewerNotices(deps, actor, context.article, context.settings, null, sectionClosed(context, deps.now()) !== null);
  return JSON.stringify([viewer.sanction?.message ?? null, viewer.reviewFirst]);
}

/**
 * The comment section of an article page, complete without JavaScript: sort links, the first page of
 * threads, forms that post and redirect back, and the widget script that enhances all of it.
 */
export async function renderCommentSection(deps: CommentsDeps, context: ArticleSlotContext, actor: CommentActor): Promise<Html> {
  const { article, settings, query } = context;
  const now = deps.now();
  const sort: CommentSort = COMMENT_SORTS.includes(query.sort as CommentSort) ? (query.sort as CommentSort) : settings.comments.defaultSort;
  const focus = [query.reply, query.edit, query.report, query.comment].find((value) => value && ID.test(value));
  let pin: { rootId: string; commentId?: string } | undefined;
  if (focus) {
    const target = await findComment(deps.db, focus);
    if (target && target.article_id === article.id) pin = { rootId: target.root_id, commentId: target.id };
  } else if (query.thread && ID.test(query.thread)) {
    pin = { rootId: query.thread };
  }
  const cursor = query.cursor && query.cursor.length < 300 ? query.cursor : null;
  let listed;
  let later = false;
  try {
    listed = await listThreads(deps, { article, actor, sort, cursor, pin, ...(query.replies === 'all' && pin && !focus ? { replies: MAX_REPLIES_PER_THREAD } : {}) });
    later = cursor !== null;
  } catch {
    // A stale or hand-edited cursor: show the first page rather than an error under the article.
    listed = await listThreads(deps, { article, actor, sort, pin });
  }
  const closed = sectionClosed(context, now);
  const render: MarkupContext = {
    articleId: article.id,
    slug: article.slug,
    origin: '',
    csrf: context.csrf,
    locale: settings.site.locale,
    timeZone: settings.site.timeZone,
    now,
    closed,
    guestsAllowed: settings.comments.guestsAllowed,
    signedIn: actor.userId !== null,
    viewerName: actor.displayName,
    maxLength: settings.comments.maxLength,
    open: { reply: query.reply, edit: query.edit, report: query.report },
    scripted: false,
  };
  // Guests come here as nobody in particular (the page is the same for all of them): the widget asks
  // the comments JSON for what applies to this guest and draws the composer again (client/widget/viewer.ts).
  const viewer = await viewerNotices(deps, actor, article, settings, null, closed !== null);
  return commentSection(
    {
      count: (await publishedCounts(deps.db, [article.id])).get(article.id) ?? 0,
      sort: listed.sort,
      threads: listed.pinned ? [listed.pinned, ...listed.threads] : listed.threads,
      featured: await featuredComments(deps, article, actor),
      nextCursor: listed.nextCursor,
      viewer,
      liveSince: eventIdAt(now.getTime() - LIVE_SINCE_MARGIN_MS),
      later,
    },
    render,
    {
      head: html`<link rel="stylesheet" href="${assetUrl('comments.css')}">`,
      notice: query.posted === 'pending' ? html`<p class="notice" role="status">Thank you. Your comment is awaiting review and will appear once a moderator approves it.</p>` : undefined,
      foot: html`<script src="${assetUrl('widget.js')}" defer></script>`,
    },
  );
}
