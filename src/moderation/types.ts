import type { Classification } from './classifier/index.js';
import type { SiteSettings } from '../settings/index.js';

export type Decision = 'publish' | 'hold' | 'reject';

/** Why a phase decided: stored with the comment and shown to moderators. */
export interface Reason {
  /** e.g. `READER_BANNED`, `BANNED_WORD`, `TOXICITY`, `THREAT`, `LINK_NEW_READER`, `PREMODERATE_NEW_READER`. */
  code: string;
  message: string;
  /** Words or phrases that triggered it, for highlighting in the queue. */
  matches?: string[];
  score?: number;
}

export interface Assessment {
  decision: Decision;
  reasons: Reason[];
  /** Classifier scores in 0..1, e.g. `{toxicity, threat, identity_attack}`. */
  scores: Record<string, number>;
  /** True when the reader should be nudged to edit before the comment is stored. */
  nudge: boolean;
}

/** What the pipeline knows about a comment; the comments domain gathers it before calling `assess`. */
export interface CommentCandidate {
  text: string;
  /** Present when the comment has a parent: its text, for context-aware phases. */
  parentText?: string;
  author: {
    id: string | null;
    role: 'guest' | 'reader' | 'moderator' | 'editor' | 'admin';
    status: 'active' | 'suspended' | 'banned';
    suspendedUntil: string | null;
    premoderate: boolean;
    /** Counts from the reader's history (0 for a guest or a new reader). */
    approvedCount: number;
    rejectedCount: number;
    /** Texts this author posted recently, newest first, for repeat and flood checks. */
    recent: { text: string; createdAt: string }[];
  };
  article: {
    id: string;
    premoderate: boolean;
  };
  /** The reader already saw the nudge and chose to post anyway. */
  postAnyway?: boolean;
}

export interface AssessContext {
  settings: SiteSettings['moderation'];
  now: Date;
  /** Judge the text alone: skip phases that depend on the reader's history. */
  contentOnly?: boolean;
  /** What this site learned from its moderators (src/moderation/adaptation); absent: the shipped scores. */
  adaptation?: ScoreAdjustment;
}

/** Moves the classifier's scores towards a site's own standard; given the canonical text it read. */
export interface ScoreAdjustment {
  adjust(classification: Classification, canonical: string): Classification;
  /** The plain data it was built from, so a worker thread can build the same (src/moderation/assess-pool.ts). */
  readonly weights?: unknown;
}

/** Where the comments domain gets the adjustment the site's settings call for, if any. */
export interface AdaptationSource {
  forSettings(settings: SiteSettings['moderation']): Promise<ScoreAdjustment | undefined>;
}

/** A guest's sanction as it applies now (see moderation-queue/guest-sanctions.ts). */
export interface GuestStanding {
  status: 'suspended' | 'banned';
  until: string | null;
}

/** Where the comments domain asks whether a guest (cookie key, network as `networkOf` gives it) may post. */
export interface GuestStandingSource {
  standing(guest: { guestKey: string | null; network: string | null }): Promise<GuestStanding | undefined>;
}

/** Where the comments domain finds the comments chosen to be shown first under an article. */
export interface FeaturedSource {
  /** Ids of featured comments on this article, most recently featured first. */
  forArticle(articleId: string): Promise<string[]>;
}
