import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.js';
import type { EventBus } from '../events/index.js';
import type { AdaptationSource, AssessPool, FeaturedSource, GuestStandingSource, Reason } from '../moderation/index.js';
import type { SettingsService } from '../settings/index.js';

export type CommentSort = 'oldest' | 'newest' | 'reacted';
export const COMMENT_SORTS: readonly CommentSort[] = ['oldest', 'newest', 'reacted'];

/** What the comments domain needs from the runtime. */
export interface CommentsDeps {
  db: Kysely<Database>;
  now: () => Date;
  settings: SettingsService;
  events: EventBus;
  /** Public origin, for absolute permalinks in the JSON API and in mails. */
  baseUrl: string;
  /** What moderation learned from this site's moderators, applied when assessing (absent: shipped scores). */
  adaptation?: AdaptationSource;
  /** Whether a guest (no account) is suspended or banned by the moderators (absent: guests are never sanctioned). */
  guestStanding?: GuestStandingSource;
  /** Comments featured by moderators or editors, pinned above the threads. */
  featured?: FeaturedSource;
  /** Writes the pipeline's holds and rejections into the moderation log (absent: not logged, as in benchmarks). */
  recordDecision?: DecisionRecorder;
  /** Where comments are scored: moderation's worker pool (`createAssessPool`); absent: in-process `assess`. */
  assess?: AssessPool['assess'];
}

/** The pipeline's hold or rejection of a new comment or an edit, as the moderation log keeps it. */
export interface SystemDecision {
  commentId: string;
  authorId: string | null;
  decision: 'hold' | 'reject';
  reasons: readonly Reason[];
  scores: Readonly<Record<string, number>>;
  /** When the comment reached this state (its `updated_at`). */
  at: string;
}

/**
 * Writes a system decision through `db`, the transaction that stores the comment: the comment and its
 * log row are kept together or not at all. Passed in by the composition root, which knows the log.
 */
export type DecisionRecorder = (db: Kysely<Database>, decision: SystemDecision) => Promise<void>;

/** Who acts: a signed-in user, a guest known by their cookie, or a reader with neither yet. */
export interface CommentActor {
  userId: string | null;
  role: Role | 'guest';
  displayName: string | null;
  /** SHA-256 of the guest cookie, when the browser has one. */
  guestKey: string | null;
}

export const NOBODY: CommentActor = { userId: null, role: 'guest', displayName: null, guestKey: null };

/**
 * A comment as readers see it (JSON API, live events, the widget). `removed` stands in for a comment
 * that is not shown (rejected, or someone else's pending one) but has visible replies.
 */
export interface PublicComment {
  id: string;
  articleId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  /** The comment this one is drawn under: its parent, or for depth 3 and deeper its depth-2 ancestor. */
  displayParentId: string | null;
  /** Set for comments drawn flattened (depth 3 and deeper): whom they answer. */
  replyingTo: string | null;
  status: 'published' | 'pending' | 'deleted' | 'removed';
  /** `url`: the commenter's website, as an imported comment may carry it (http(s) only). */
  author: { name: string; staff: boolean; url?: string };
  html: string;
  createdAt: string;
  editedAt: string | null;
  reactions: number;
  reacted: boolean;
  mine: boolean;
  /** Until when the viewer may edit (their own comment inside the window), else null. */
  editableUntil: string | null;
  /** The Markdown source, only for the author's own comments (to edit them). */
  text?: string;
  permalink: string;
}

export interface ThreadView extends PublicComment {
  /** Replies drawn nested (3 levels), deeper ones flattened under the third level. */
  replies: ThreadReply[];
  /** Visible replies in this thread not yet shown. */
  moreReplies: number;
  /** Cursor for `GET /api/comments/:rootId/replies` to load them. */
  repliesCursor: string | null;
}

export interface ThreadReply extends PublicComment {
  replies: ThreadReply[];
}

export interface ThreadPage {
  threads: ThreadView[];
  nextCursor: string | null;
}
