export type ModerationActionKind =
  | 'approve'
  | 'reject'
  | 'ban'
  | 'unban'
  | 'suspend'
  | 'warn'
  | 'premoderate'
  | 'unpremoderate'
  | 'system_hold'
  | 'system_reject'
  | 'flag'
  /** A moderator cleared every report on a comment at once (it leaves the Reported tab). */
  | 'dismiss_reports'
  | 'feature'
  | 'unfeature'
  /** An editor or moderator closed or reopened comments on the comment's article. */
  | 'close_comments'
  | 'open_comments';

/**
 * The audit log: one row per decision about a comment or a reader, by a person or by the system.
 * Rows are only ever inserted; nothing here is updated or deleted by the application.
 */
export interface ModerationActionsTable {
  id: string;
  /** The comment acted on; null for an action on a reader alone (ban from their profile page). */
  comment_id: string | null;
  /** The reader acted on (or the author of the comment); null for a guest's comment. */
  user_id: string | null;
  /** The staff member (or the reporting reader, for `flag`); null when the system decided. */
  actor_id: string | null;
  action: ModerationActionKind;
  reason: string;
  /** JSON object: pipeline reasons and scores, suspension end, previous status, flag note… */
  detail: string;
  /**
   * Set on rows recorded from events (system holds, flags) so that every instance hearing the same
   * event, and the catch-up sweep, insert the row once: unique where not null.
   */
  event_key: string | null;
  created_at: string;
}

/** A guest (no account) suspended or banned: by their cookie's hash, and their network once seen. */
export interface GuestSanctionsTable {
  id: string;
  /** SHA-256 of the guest cookie, as comments store it. */
  guest_key: string;
  /** HMAC of the guest's network (IPv4 or IPv6 /64) under a key from the site secret; erased when lifted or ended. */
  network_hash: string | null;
  status: 'suspended' | 'banned';
  /** End of a suspension; null for a ban. */
  until: string | null;
  reason: string;
  actor_id: string | null;
  comment_id: string | null;
  created_at: string;
  lifted_at: string | null;
}

/** A comment shown first under its article ("Featured"), chosen by a moderator or an editor. */
export interface FeaturedCommentsTable {
  comment_id: string;
  article_id: string;
  featured_by: string | null;
  featured_at: string;
}

export interface ModerationTables {
  moderation_actions: ModerationActionsTable;
  guest_sanctions: GuestSanctionsTable;
  featured_comments: FeaturedCommentsTable;
}
