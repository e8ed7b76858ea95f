import type { FlagReason } from '../../db/schema.js';
import type { CommentSort } from '../types.js';

/** Why a reader may report a comment, in the order the report form offers them. */
export const FLAG_REASON_LABELS: Readonly<Record<FlagReason, string>> = { abusive: 'Abusive', spam: 'Spam', 'off-topic': 'Off-topic', other: 'Other' };
export const FLAG_REASONS = Object.keys(FLAG_REASON_LABELS) as readonly FlagReason[];

export const COMMENT_SORT_LABELS: Readonly<Record<CommentSort, string>> = { oldest: 'Oldest', newest: 'Newest', reacted: 'Most liked' };
