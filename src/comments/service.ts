import { findUserById, validateDisplayName } from '../accounts/index.js';
import { findArticleForComments } from '../articles/index.js';
import type { CommentStatus } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { assess, type Assessment, type CommentCandidate } from '../moderation/index.js';
import { renderMarkdown } from '../text/markdown.js';
import { commentErrors } from './errors.js';
import { announce, announceHeld } from './events.js';
import { enqueueReplyNotification } from './notifications.js';
import { placeUnder } from './place.js';
import * as queries from './queries.js';
import type { CommentRow } from './queries.js';
import { viewComment } from './read.js';
import { assertOpen, checkText, type CommentableArticle } from './rules.js';
import type { CommentActor, CommentsDeps, PublicComment } from './types.js';

export interface PostCommentInput {
  article: string;
  text: string;
  parentId?: string | null;
  guestName?: string;
  guestEmail?: string;
  postAnyway?: boolean;
}

export interface PostedComment {
  comment: PublicComment;
  article: { id: string; slug: string };
}

const STATUS_FOR: Record<Assessment['decision'], CommentStatus> = { publish: 'published', hold: 'pending', reject: 'rejected' };

export async function findCommentableArticle(deps: CommentsDeps, idOrSlug: string): Promise<CommentableArticle> {
  const article = await findArticleForComments(deps.db, idOrSlug, deps.now());
  if (!article) throw commentErrors.raise('COMMENT_ARTICLE_UNKNOWN');
  return article;
}

/**
 * Checks, assesses and stores a new comment. Nothing is stored when the input is refused or the reader is
 * nudged; a comment moderation rejects is stored as `rejected` (moderators see it) and the author is told.
 */
export async function postComment(deps: CommentsDeps, actor: CommentActor, input: PostCommentInput): Promise<PostedComment> {
  const { comments: settings, moderation, site } = await deps.settings.get();
  const article = await findCommentableArticle(deps, input.article);
  const now = deps.now();
  assertOpen(article, settings, now);
  const text = checkText(input.text, settings.maxLength);

  let parent: CommentRow | undefined;
  if (input.parentId) {
    parent = await queries.findComment(deps.db, input.parentId);
    if (!parent || parent.article_id !== article.id || parent.status !== 'published') {
      throw commentErrors.raise('COMMENT_PARENT_INVALID', undefined, 'parentId');
    }
  }

  const user = actor.userId ? await findUserById(deps.db, actor.userId) : undefined;
  let authorName: string;
  let authorEmail: string | null = null;
  if (user) {
    authorName = user.display_name;
  } else {
    if (!settings.guestsAllowed) throw commentErrors.raise('GUESTS_NOT_ALLOWED');
    if (!input.guestName?.trim()) throw commentErrors.raise('GUEST_NAME_REQUIRED', undefined, 'name');
    authorName = await validateDisplayName(deps.db, input.guestName, { siteName: site.name });
    authorEmail = input.guestEmail?.trim().toLowerCase() || null;
    if (authorEmail && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(authorEmail)) {
      throw commentErrors.raise('GUEST_EMAIL_INVALID', undefined, 'email');
    }
  }

  const history = user
    ? await queries.authorHistory(deps.db, { userId: user.id })
    : actor.guestKey
      ? await queries.authorHistory(deps.db, { guestKey: actor.guestKey })
      : { approvedCount: 0, rejectedCount: 0, pendingCount: 0, recent: [] };
  const candidate: CommentCandidate = {
    text,
    ...(parent ? { parentText: parent.body } : {}),
    author: {
      id: user?.id ?? null,
      role: user?.role ?? 'guest',
      status: user?.status ?? 'active',
      suspendedUntil: user?.suspended_until ?? null,
      premoderate: user?.premoderate === 1,
      approvedCount: history.approvedCount,
      rejectedCount: history.rejectedCount,
      recent: history.recent,
    },
    article: { id: article.id, commentsOpen: true, premoderate: article.premoderate === 1 },
    postAnyway: input.postAnyway === true,
  };
  const assessment = assess(candidate, { settings: moderation, now });
  if (assessment.nudge && !input.postAnyway) {
    throw commentErrors.raise('NUDGE', undefined, 'text', { reasons: assessment.reasons });
  }

  const id = newId(now);
  const time = now.toISOString();
  const row: CommentRow = {
    id,
    article_id: article.id,
    ...placeUnder(id, parent),
    author_id: user?.id ?? null,
    guest_key: actor.guestKey,
    author_name: authorName,
    author_email: authorEmail,
    body: text,
    body_html: renderMarkdown(text, 'comment').value,
    status: STATUS_FOR[assessment.decision],
    moderation_reasons: JSON.stringify(assessment.reasons),
    moderation_scores: JSON.stringify(assessment.scores),
    flag_count: 0,
    reaction_count: 0,
    created_at: time,
    updated_at: time,
    edited_at: null,
    deleted_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await queries.insertComment(trx, row);
    await enqueueReplyNotification({ db: trx, now: deps.now }, row);
  });

  if (row.status === 'published') await announce(deps, 'created', row, article.slug);
  else await announceHeld(deps, row);
  if (row.status === 'rejected') {
    const reason = assessment.reasons[0]?.message;
    throw commentErrors.raise('COMMENT_REJECTED', reason ? `This comment was not published: ${reason}` : undefined, 'text', { commentId: id, reasons: assessment.reasons });
  }
  return { comment: await viewComment(deps, row, article.slug, actor), article: { id: article.id, slug: article.slug } };
}

/** The author's own comment, inside the edit window; the caller says what to do with it. */
async function ownComment(deps: CommentsDeps, actor: CommentActor, id: string, windowApplies: boolean): Promise<CommentRow> {
  const row = await queries.findComment(deps.db, id);
  if (!row || !queries.isVisibleTo(row, actor)) throw commentErrors.raise('COMMENT_NOT_FOUND');
  if (!queries.isAuthor(row, actor)) throw commentErrors.raise('NOT_YOUR_COMMENT');
  if (row.status !== 'published' && row.status !== 'pending') throw commentErrors.raise('COMMENT_NOT_EDITABLE');
  const { comments: settings } = await deps.settings.get();
  const closesAt = new Date(row.created_at).getTime() + settings.editWindowMinutes * 60_000;
  if (windowApplies && deps.now().getTime() >= closesAt) throw commentErrors.raise('EDIT_WINDOW_CLOSED');
  return row;
}

/** Changes the text inside the edit window; the new text is assessed again on its own. */
export async function editComment(
  deps: CommentsDeps,
  actor: CommentActor,
  id: string,
  input: { text: string; postAnyway?: boolean },
): Promise<PostedComment> {
  const row = await ownComment(deps, actor, id, true);
  const { comments: settings, moderation } = await deps.settings.get();
  const article = await findCommentableArticle(deps, row.article_id);
  assertOpen(article, settings, deps.now());
  const text = checkText(input.text, settings.maxLength);
  const user = actor.userId ? await findUserById(deps.db, actor.userId) : undefined;
  const assessment = assess(
    {
      text,
      author: {
        id: user?.id ?? null, role: user?.role ?? 'guest', status: user?.status ?? 'active', suspendedUntil: user?.suspended_until ?? null,
        premoderate: user?.premoderate === 1, approvedCount: 0, rejectedCount: 0, recent: [],
      },
      article: { id: article.id, commentsOpen: true, premoderate: false },
      postAnyway: input.postAnyway === true,
    },
    { settings: moderation, now: deps.now(), contentOnly: true },
  );
  if (assessment.nudge && !input.postAnyway) throw commentErrors.raise('NUDGE', undefined, 'text', { reasons: assessment.reasons });
  if (assessment.decision === 'reject') {
    throw commentErrors.raise('COMMENT_REJECTED', 'This edit breaks our rules; the comment keeps its earlier text.', 'text', { reasons: assessment.reasons });
  }
  const time = deps.now().toISOString();
  const status: CommentStatus = assessment.decision === 'hold' ? 'pending' : row.status;
  const changes = {
    body: text,
    body_html: renderMarkdown(text, 'comment').value,
    status,
    edited_at: time,
    updated_at: time,
    ...(assessment.reasons.length > 0 || status !== row.status
      ? { moderation_reasons: JSON.stringify(assessment.reasons), moderation_scores: JSON.stringify(assessment.scores) }
      : {}),
  };
  await deps.db.updateTable('comments').set(changes).where('id', '=', id).execute();
  const updated: CommentRow = { ...row, ...changes };
  if (row.status === 'published' && status === 'published') await announce(deps, 'updated', updated, article.slug);
  if (row.status === 'published' && status === 'pending') {
    await announce(deps, 'removed', updated);
    await announceHeld(deps, updated);
  }
  return { comment: await viewComment(deps, updated, article.slug, actor), article: { id: article.id, slug: article.slug } };
}

/**
 * Replaces the author's comment with a tombstone: its text is erased and replies stay in place.
 * Readers may delete any time; a guest only inside the edit window (their cookie is the only proof).
 */
export async function deleteComment(deps: CommentsDeps, actor: CommentActor, id: string): Promise<PostedComment> {
  const existing = await queries.findComment(deps.db, id);
  if (existing?.status === 'deleted' && queries.isAuthor(existing, actor)) {
    const article = await findCommentableArticle(deps, existing.article_id);
    return { comment: await viewComment(deps, existing, article.slug, actor), article: { id: article.id, slug: article.slug } };
  }
  const row = await ownComment(deps, actor, id, !actor.userId);
  const article = await findCommentableArticle(deps, row.article_id);
  const time = deps.now().toISOString();
  const changes = { status: 'deleted' as const, body: '', body_html: '', deleted_at: time, updated_at: time };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set(changes).where('id', '=', id).execute();
    await trx.deleteFrom('reply_notifications').where('comment_id', '=', id).where('sent_at', 'is', null).execute();
  });
  const deleted: CommentRow = { ...row, ...changes };
  if (row.status === 'published') await announce(deps, 'removed', deleted);
  return { comment: await viewComment(deps, deleted, article.slug, actor), article: { id: article.id, slug: article.slug } };
}
