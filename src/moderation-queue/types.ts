import type { Mailer } from '../mail/index.js';
import type { Deps } from '../runtime.js';
import type { ModerationActionKind } from '../db/schema.js';
import type { Reason } from '../moderation/index.js';

/** What the queue, its actions and its audit need from the runtime. */
export type QueueDeps = Pick<Deps, 'db' | 'now' | 'settings' | 'events' | 'log'> & {
  baseUrl: string;
  mailer: Mailer;
};

export type QueueTab = 'pending' | 'reported' | 'rejected' | 'all';
export const QUEUE_TABS: readonly QueueTab[] = ['pending', 'reported', 'rejected', 'all'];

export interface QueueCounts {
  pending: number;
  reported: number;
  rejected: number;
}

/** Who wrote a comment and how they have done so far; null fields for a guest. */
export interface ReaderSummary {
  id: string;
  name: string;
  role: string;
  /** As it applies now: an expired suspension reads `active`. */
  status: 'active' | 'suspended' | 'banned';
  suspendedUntil: string | null;
  premoderate: boolean;
  approvedCount: number;
  rejectedCount: number;
  pendingCount: number;
}

/** A guest's standing, known by the cookie key their comments carry. */
export interface GuestSummary {
  status: 'active' | 'suspended' | 'banned';
  until: string | null;
  reason: string;
}

export interface AuditEntry {
  id: string;
  action: ModerationActionKind;
  reason: string;
  detail: Record<string, unknown>;
  commentId: string | null;
  userId: string | null;
  /** Null when the system decided. */
  actor: { id: string; name: string } | null;
  createdAt: string;
}

/** Reports per reason, most first. */
export interface FlagCount {
  reason: string;
  count: number;
}

export interface FlagView {
  reason: string;
  note: string;
  reporter: string;
  createdAt: string;
}

export interface QueueItem {
  comment: {
    id: string;
    status: 'published' | 'pending' | 'rejected' | 'deleted';
    /** Sanitised HTML with the matched words wrapped in <mark>. */
    html: string;
    createdAt: string;
    updatedAt: string;
    editedAt: string | null;
    flagCount: number;
    authorName: string;
    /** Only for guests: readers' addresses stay on their account. */
    guestEmail: string | null;
  };
  parent: { id: string; authorName: string; html: string; status: string } | null;
  article: { id: string; title: string; url: string; commentsOpen: boolean } | null;
  /** Pinned above the article's threads. */
  featured: boolean;
  reasons: Reason[];
  scores: Record<string, number>;
  flags: FlagView[];
  flagCounts: FlagCount[];
  reader: ReaderSummary | null;
  /** For a guest's comment that carries a guest identity (cookie key): their standing. */
  guest: GuestSummary | null;
  audit: AuditEntry[];
}

export interface QueuePage {
  tab: QueueTab;
  items: QueueItem[];
  nextCursor: string | null;
  counts: QueueCounts;
}

/** Preset reasons for rejecting; moderators may also write their own. */
export const REJECT_REASONS: readonly { id: string; label: string }[] = [
  { id: 'abuse', label: 'Abusive or insulting' },
  { id: 'hate', label: 'Hateful or dehumanising towards a group' },
  { id: 'threat', label: 'Threatens or calls for violence' },
  { id: 'spam', label: 'Spam or advertising' },
  { id: 'off-topic', label: 'Off topic' },
  { id: 'personal', label: "Shares someone's personal information" },
];

export const SUSPEND_DAYS: readonly number[] = [1, 7, 30];

export type ReaderActionKind = 'ban' | 'unban' | 'suspend' | 'warn' | 'premoderate' | 'unpremoderate';
export const READER_ACTIONS: readonly ReaderActionKind[] = ['ban', 'unban', 'suspend', 'warn', 'premoderate', 'unpremoderate'];
