import type { ColumnType, Generated } from 'kysely';

export type CommentStatus = 'published' | 'pending' | 'rejected' | 'deleted';
export type FlagReason = 'abusive' | 'spam' | 'off-topic' | 'other';

export interface CommentsTable {
  id: string;
  article_id: string;
  /** Null for a top-level comment. */
  parent_id: string | null;
  /** The top-level comment of the thread; a top-level comment is its own root. */
  root_id: string;
  /** 0 for a top-level comment. */
  depth: number;
  /**
   * Ids from the root down to this comment joined by `/`. Ids have a fixed length, so ordering by path
   * lists a thread depth-first in conversation order, and a subtree is one range of the index.
   */
  path: string;
  /** Null for a guest. */
  author_id: string | null;
  /** SHA-256 of the guest cookie that wrote it, so a guest can edit or delete their own comment. */
  guest_key: string | null;
  /** The name given by a guest; for readers the current users.display_name is shown instead. */
  author_name: string;
  author_email: string | null;
  /** The commenter's website as the old site had it (imports only): http(s), shown as a nofollow link. */
  author_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** Markdown as written (trimmed); emptied when the author deletes the comment. */
  body: string;
  /** `renderMarkdown(body, 'comment')`, kept so a page of 200 comments is not re-rendered per request. */
  body_html: string;
  status: CommentStatus;
  /** JSON array of the moderation reasons (`Reason[]`). */
  moderation_reasons: Generated<string>;
  /** JSON object of classifier scores. */
  moderation_scores: Generated<string>;
  flag_count: Generated<number>;
  reaction_count: Generated<number>;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

/** One reaction per reader (`u:ID`) or guest cookie (`g:KEY`) per comment. */
export interface CommentReactionsTable {
  comment_id: string;
  reactor_key: string;
  created_at: string;
  /**
   * A guest's like only: `HASH.N`, N-th of the few slots one network may fill on this comment (unique per
   * comment). HASH is keyed by the site secret and the comment, so it neither reveals the address nor links
   * one network's likes across comments. Null for readers' reactions.
   */
  address_slot: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CommentFlagsTable {
  id: string;
  comment_id: string;
  /** `u:ID` or `g:KEY`: unique per comment, so one flag per reporter. */
  reporter_key: string;
  reporter_user_id: string | null;
  reporter_guest_key: string | null;
  reason: FlagReason;
  note: string;
  created_at: string;
}

/**
 * Outbox of reply notifications: one row per reply a subscribed reader should hear about. Rows of one
 * reader and thread are sent together in one mail; `claimed_by` makes one instance own them.
 */
export interface ReplyNotificationsTable {
  id: string;
  user_id: string;
  article_id: string;
  root_id: string;
  comment_id: string;
  created_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  sent_at: string | null;
}

export interface CommentsTables {
  comments: CommentsTable;
  comment_reactions: CommentReactionsTable;
  comment_flags: CommentFlagsTable;
  reply_notifications: ReplyNotificationsTable;
}
