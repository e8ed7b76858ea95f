import type { Row } from '../db/schema.js';
import { assess, type Assessment, type CommentCandidate, type GuestStanding } from '../moderation/index.js';
import type { SiteSettings } from '../settings/index.js';
import { commentErrors } from './errors.js';
import * as queries from './queries.js';
import type { CommentableArticle } from './rules.js';
import type { CommentsDeps } from './types.js';

export interface AssessCommentInput {
  text: string;
  /** The parent's text, for a reply. */
  parentText?: string;
  /** The author's account as it stands now (status, suspension, pre-moderation); undefined for a guest. */
  user: Row<'users'> | undefined;
  /** A guest's cookie key: their history stands in for an account's. */
  guestKey: string | null;
  /** A guest's network (`networkOf(ip)`), for sanctions that outlast a cleared cookie; never stored as such. */
  guestNetwork?: string | null;
  article: Pick<CommentableArticle, 'id' | 'premoderate'>;
  postAnyway: boolean;
  /** The comment being edited, left out of its author's history. */
  editing?: string;
}

const NO_HISTORY: queries.AuthorHistory = { approvedCount: 0, rejectedCount: 0, pendingCount: 0, recent: [] };

/**
 * One way into the moderation pipeline for new comments and edits alike, so an edit meets every rule a
 * new comment does (standing, links, pre-moderation, repeats, words, classifier) — a rule skipped for
 * edits is a rule anyone can walk around by posting "Nice article" first.
 */
export async function assessComment(
  deps: Pick<CommentsDeps, 'db' | 'adaptation' | 'guestStanding' | 'assess'>,
  context: { moderation: SiteSettings['moderation']; now: Date },
  input: AssessCommentInput,
): Promise<Assessment & { guestStanding?: GuestStanding }> {
  const { user } = input;
  // A guest's sanction stands in for an account's status.
  const guestStanding = user ? undefined : await deps.guestStanding?.standing({ guestKey: input.guestKey, network: input.guestNetwork ?? null });
  const author = user ? { userId: user.id } : input.guestKey ? { guestKey: input.guestKey } : undefined;
  const history = author ? await queries.authorHistory(deps.db, author, { excludeId: input.editing }) : NO_HISTORY;
  const candidate: CommentCandidate = {
    text: input.text,
    ...(input.parentText !== undefined ? { parentText: input.parentText } : {}),
    author: {
      id: user?.id ?? null,
      role: user?.role ?? 'guest',
      status: user?.status ?? guestStanding?.status ?? 'active',
      suspendedUntil: user?.suspended_until ?? guestStanding?.until ?? null,
      premoderate: user?.premoderate === 1,
      approvedCount: history.approvedCount,
      rejectedCount: history.rejectedCount,
      recent: history.recent,
    },
    article: { id: input.article.id, premoderate: input.article.premoderate === 1 },
    postAnyway: input.postAnyway,
  };
  // What the site learned from its moderators, when it has learned something and the setting is on.
  const adaptation = await deps.adaptation?.forSettings(context.moderation);
  const assessment = await (deps.assess ?? assess)(candidate, { settings: context.moderation, now: context.now, ...(adaptation ? { adaptation } : {}) });
  return guestStanding ? { ...assessment, guestStanding } : assessment;
}

/**
 * A banned or suspended reader may not change what they wrote: the refusal is about the person, so
 * it is a 403 and the comment stays as it was (what to do with it is the moderators' call).
 */
export function refuseBlockedEditor(assessment: Assessment, user: Row<'users'> | undefined): void {
  if (assessment.decision !== 'reject') return;
  const codes = new Set(assessment.reasons.map((reason) => reason.code));
  if (codes.has('READER_BANNED')) throw commentErrors.raise('COMMENTER_BANNED', undefined, undefined, { reasons: assessment.reasons });
  if (codes.has('READER_SUSPENDED')) {
    const until = user?.suspended_until ?? null;
    const message = until
      ? `Your commenting is suspended until ${until}; you can change your comments again after that.`
      : undefined;
    throw commentErrors.raise('COMMENTER_SUSPENDED', message, undefined, { until, reasons: assessment.reasons });
  }
}
