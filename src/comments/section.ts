import { eventIdAt } from '../events/index.js';
import { assetUrl } from '../web/assets.js';
import { html, type Html } from '../web/html.js';
import type { ArticleSlotContext } from '../web/slots.js';
import { findComment, publishedCounts } from './queries.js';
import { listThreads, MAX_REPLIES_PER_THREAD } from './read.js';
import { articlePath, commentForm, renderThread, type RenderContext } from './render-comment.js';
import { closedReason } from './rules.js';
import { featuredBlock } from './featured.js';
import { reviewFirstNotice, viewerSanction } from './sanction.js';
import { sanctionText } from '../web/sanction-text.js';
import { COMMENT_SORTS, type CommentActor, type CommentSort, type CommentsDeps } from './types.js';

const SORT_LABELS: Record<CommentSort, string> = { oldest: 'Oldest', newest: 'Newest', reacted: 'Most liked' };
const ID = /^[0-9a-z]{10,40}$/;
/**
 * The live stream replays from a little before this page was read, so a comment posted between the
 * read and the stream's connection still arrives; the margin covers clocks of other instances (and
 * Redis) running a little behind. What arrives twice is recognised by the widget and dropped.
 */
const LIVE_SINCE_MARGIN_MS = 5_000;

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
  const count = (await publishedCounts(deps.db, [article.id])).get(article.id) ?? 0;
  const closed = closedReason(
    { ...article, published_at: article.publishedAt, comments_open: article.commentsOpen ? 1 : 0, comments_close_after_days: article.commentsCloseAfterDays, premoderate: article.premoderate ? 1 : 0 },
    settings.comments,
    now,
  );
  const render: RenderContext = {
    articleId: article.id,
    slug: article.slug,
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
  };
  const base = articlePath(article.slug);
  const sanction = closed ? undefined : await viewerSanction(deps, actor, null);
  const reviewFirst = closed || sanction ? null : await reviewFirstNotice(deps, actor, article, settings.moderation);
  const threads = listed.pinned ? [listed.pinned, ...listed.threads] : listed.threads;
  return html`<section id="comments" class="comments" aria-labelledby="comments-heading" data-tribune-comments
    data-article-id="${article.id}" data-article-slug="${article.slug}" data-sort="${listed.sort}" data-closed="${closed ? '1' : '0'}"
    data-guests="${render.guestsAllowed ? '1' : '0'}" data-signed-in="${render.signedIn ? '1' : '0'}" data-max-length="${render.maxLength}" data-locale="${render.locale}"
    data-live-since="${eventIdAt(now.getTime() - LIVE_SINCE_MARGIN_MS)}">
  <link rel="stylesheet" href="${assetUrl('comments.css')}">
  <h2 id="comments-heading">Comments <span class="comments__count" data-count="${count}">(${count})</span></h2>
  <nav class="comments__sort" aria-label="Sort comments"><span class="muted">Sort by</span>
    ${COMMENT_SORTS.map((option) => html`<a href="${base}?sort=${option}#comments"${option === listed.sort ? html` aria-current="true"` : ''}>${SORT_LABELS[option]}</a>`)}
  </nav>
  ${query.posted === 'pending' ? html`<p class="notice" role="status">Thank you. Your comment is awaiting review and will appear once a moderator approves it.</p>` : ''}
  ${sanction ? html`<p class="notice comments__sanction" role="note" data-sanction="${sanction.status}">${sanctionText(sanction, settings.site)}</p>` : composer(render, base, reviewFirst)}
  <div class="visually-hidden" role="status" aria-live="polite" data-live-region></div>
  ${threads.length === 0 ? html`<p class="comments__empty muted" data-empty>No comments yet.${closed ? '' : ' Start the conversation.'}</p>` : ''}
  ${later ? html`<p class="comments__first"><a href="${base}?sort=${listed.sort}#comments">Back to the first comments</a></p>` : ''}
  ${await featuredBlock(deps, article, actor)}
  <ol class="comment-list" data-threads>${threads.map((thread) => renderThread(thread, render))}</ol>
  ${listed.nextCursor
    ? html`<p class="comments__more"><a class="button button--quiet" href="${base}?sort=${listed.sort}&amp;cursor=${listed.nextCursor}#comments" data-more-threads="${listed.nextCursor}">Show more comments</a></p>`
    : ''}
  <script src="${assetUrl('widget.js')}" defer></script>
</section>`;
}

function composer(render: RenderContext, base: string, reviewFirst: string | null): Html {
  if (render.closed) return html`<p class="notice comments__closed" role="note">${render.closed} The discussion stays readable.</p>`;
  const signIn = html`<a href="/account?returnTo=${encodeURIComponent(`${base}#comments`)}">sign in with your email</a>`;
  if (!render.signedIn && !render.guestsAllowed) return html`<p class="comments__signin">To join the discussion, ${signIn}.</p>`;
  return html`<div class="comments__composer">
    <p class="comments__as muted">${render.signedIn ? html`Commenting as <strong>${render.viewerName ?? ''}</strong> · <a href="/account">Account</a>` : html`Comment as a guest, or ${signIn}.`}</p>
    ${reviewFirst ? html`<p class="comments__review-first muted" id="new-comment-review" data-review-first>${reviewFirst}</p>` : ''}
    ${commentForm(render, { idPrefix: 'new-comment', label: 'Your comment', button: 'Post comment' })}
  </div>`;
}
