import type { Kysely } from 'kysely';
import { findUserById, validateDisplayName } from '../accounts/index.js';
import { findArticleForComments } from '../articles/index.js';
import type { CommentStatus, Database } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { Assessment, Reason } from '../moderation/index.js';
import { renderMarkdown } from '../text/markdown.js';
import { sanctionText, type SanctionView } from '../web/sanction-text.js';
import { assessComment, refuseBlockedEditor } from './assessment.js';
import { commentErrors } from './errors.js';
import { announce, announceHeld } from './events.js';
import { enqueueReplyNotification } from './notifications.js';
import { placeUnder } from './place.js';
import { freshPresentContext, presentComment } from './present.js';
import * as queries from './queries.js';
import type { CommentRow } from './queries.js';
import { viewComment } from './read.js';
import { assertOpen, checkText, type CommentableArticle } from './rules.js';
import { NOBODY, type CommentActor, type CommentsDeps, type PublicComment } from './types.js';

export interface PostCommentInput {
  article: string;
  text: string;
  parentId?: string | null;
  guestName?: string;
  guestEmail?: string;
  postAnyway?: boolean;
  /** The guest's network (`networkOf(request.ip)`), so a sanction holds when the cookie is cleared. */
  network?: string | null;
}

export interface PostedComment {
  comment: PublicComment;
  article: { id: string; slug: string };
}

const STATUS_FOR: Record<Assessment['decision'], CommentStatus> = { publish: 'published', hold: 'pending', reject: 'rejected' };

/** The ban or suspension that refused a comment, if that is why: the reader is told it in their own terms. */
function sanctionOf(assessment: Awaited<ReturnType<typeof assessComment>>, user: { suspended_until: string | null } | undefined): SanctionView | undefined {
  const codes = new Set(assessment.reasons.map((reason) => reason.code));
  if (codes.has('READER_BANNED')) return { status: 'banned', until: null };
  if (codes.has('READER_SUSPENDED')) return { status: 'suspended', until: user?.suspended_until ?? assessment.guestStanding?.until ?? null };
  return undefined;
}

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

  const assessment = await assessComment(deps, { moderation, now }, {
    text,
    ...(parent ? { parentText: parent.body } : {}),
    user,
    guestKey: actor.guestKey,
    guestNetwork: input.network ?? null,
    article,
    postAnyway: input.postAnyway === true,
  });
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
    await recordSystemDecision(deps, trx, row, assessment.reasons, assessment.scores);
  });

  if (row.status === 'rejected') {
    await announceHeld(deps, row);
    const reason = assessment.reasons[0]?.message;
    const sanction = sanctionOf(assessment, user);
    const message = sanction ? sanctionText(sanction, site) : reason ? `This comment was not published: ${reason}` : undefined;
    throw commentErrors.raise('COMMENT_REJECTED', message, 'text', { commentId: id, reasons: assessment.reasons, ...(sanction ? { sanction } : {}) });
  }
  // Drawn once from what is at hand (its author, its parent; nothing reacted to it yet): for the event
  // as anybody sees it, and for the author's answer.
  const context = await freshPresentContext(deps.db, row, { user, parent }, { actor, slug: article.slug, baseUrl: deps.baseUrl, editWindowMinutes: settings.editWindowMinutes, now: deps.now() });
  if (row.status === 'published') await announce(deps, 'created', row, article.slug, presentComment(row, { ...context, actor: NOBODY }));
  else await announceHeld(deps, row);
  return { comment: presentComment(row, context), article: { id: article.id, slug: article.slug } };
}

/** A held or rejected comment's log row, written by `db` (the transaction storing the comment). */
async function recordSystemDecision(
  deps: CommentsDeps,
  db: Kysely<Database>,
  row: CommentRow,
  reasons: readonly Reason[],
  scores: Assessment['scores'],
): Promise<void> {
  if (!deps.recordDecision || (row.status !== 'pending' && row.status !== 'rejected')) return;
  const decision = row.status === 'rejected' ? 'reject' : 'hold';
  await deps.recordDecision(db, { commentId: row.id, authorId: row.author_id, decision, reasons, scores, at: row.updated_at });
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

/** Why a comment an edit took out of public view, or kept held, is waiting: for moderators and the log. */
const EDITED_AFTER_PUBLISHING: Reason = { code: 'EDITED', message: 'Changed by its author after it was published.' };
const EDITED_WHILE_HELD: Reason = { code: 'EDITED_WHILE_HELD', message: 'Changed by its author while waiting for review.' };

/**
 * Where an edit leaves a comment: what the pipeline says, except that an edit never publishes a
 * comment that waits for review (a moderator was asked to look at it, and will see the new text).
 */
function statusAfterEdit(before: CommentStatus, decision: Assessment['decision']): CommentStatus {
  if (decision === 'publish') return before;
  return STATUS_FOR[decision];
}

/**
 * Changes the text inside the edit window. The new text goes through the same pipeline as a new comment,
 * with the author's standing as it is now: a banned or suspended author is refused (403) and nothing
 * changes; a held edit hides the comment until a moderator approves it (then the new text is public);
 * a rejected edit rejects the comment, as a new comment with that text would be — the author chose to
 * replace the earlier text, so it is not brought back, and moderators see what was attempted.
 */
export async function editComment(
  deps: CommentsDeps,
  actor: CommentActor,
  id: string,
  input: { text: string; postAnyway?: boolean },
): Promise<PostedComment> {
  const row = await ownComment(deps, actor, id, true);
  const { comments: settings, moderation } = await deps.settings.get();
  const article = await findCommentableArticle(deps, row.article_id);
  const now = deps.now();
  assertOpen(article, settings, now);
  const text = checkText(input.text, settings.maxLength);
  // The comment's author, not whoever holds the cookie now: their account decides the standing.
  const user = row.author_id ? await findUserById(deps.db, row.author_id) : undefined;
  const parent = row.parent_id ? await queries.findComment(deps.db, row.parent_id) : undefined;
  const assessment = await assessComment(deps, { moderation, now }, {
    text,
    ...(parent ? { parentText: parent.body } : {}),
    user,
    guestKey: row.author_id ? null : row.guest_key,
    article,
    postAnyway: input.postAnyway === true,
    editing: row.id,
  });
  refuseBlockedEditor(assessment, user);
  if (assessment.nudge && !input.postAnyway) throw commentErrors.raise('NUDGE', undefined, 'text', { reasons: assessment.reasons });

  const status = statusAfterEdit(row.status, assessment.decision);
  const reasons = [
    ...assessment.reasons,
    ...(row.status === 'pending' ? [EDITED_WHILE_HELD] : status !== 'published' ? [EDITED_AFTER_PUBLISHING] : []),
  ];
  const time = now.toISOString();
  const changes = {
    body: text,
    body_html: renderMarkdown(text, 'comment').value,
    status,
    edited_at: time,
    updated_at: time,
    moderation_reasons: JSON.stringify(reasons),
    moderation_scores: JSON.stringify(assessment.scores),
  };
  const updated: CommentRow = { ...row, ...changes };
  await deps.db.transaction().execute(async (trx) => {
    // Only over the state that was judged: a moderator's decision (or another edit) in between wins.
    const result = await trx
      .updateTable('comments')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', row.status)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw commentErrors.raise('COMMENT_CHANGED');
    await recordSystemDecision(deps, trx, updated, reasons, assessment.scores);
  });
  if (status === 'published') {
    await announce(deps, 'updated', updated, article.slug);
  } else {
    // Gone from open pages (without its text), and into the queue and the log with its reasons.
    if (row.status === 'published') await announce(deps, 'removed', updated);
    await announceHeld(deps, updated);
  }
  if (status === 'rejected') {
    const reason = assessment.reasons[0]?.message;
    throw commentErrors.raise(
      'COMMENT_REJECTED',
      `This edit breaks our rules, so the comment is no longer shown${reason ? `: ${reason}` : '.'}`,
      'text',
      { commentId: id, reasons: assessment.reasons },
    );
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
