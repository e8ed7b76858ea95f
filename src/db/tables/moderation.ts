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
  | 'flag';

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

export interface ModerationTables {
  moderation_actions: ModerationActionsTable;
}
