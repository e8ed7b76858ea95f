import type { ArticleKind, ArticleStatus, MediaTag } from '../db/schema.js';

export type { ArticleKind, ArticleStatus, MediaTag };

export const MEDIA_TAGS: readonly MediaTag[] = ['video', 'photos', 'map'];
export const MEDIA_TAG_LABELS: Record<MediaTag, string> = { video: 'Video', photos: 'Photos', map: 'Map' };
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'scheduled', 'published'];

export interface TopicRef {
  id: string;
  slug: string;
  name: string;
}

export interface Topic extends TopicRef {
  description: string;
}

export interface AuthorRef {
  id: string;
  name: string;
}

/** An article as pages, feeds and the API see it. */
export interface Article {
  id: string;
  slug: string;
  title: string;
  mediaTag: MediaTag | null;
  summary: string;
  body: string;
  videoUrl: string | null;
  featuredImageUrl: string | null;
  featuredImageAlt: string | null;
  status: ArticleStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  commentsOpen: boolean;
  commentsCloseAfterDays: number | null;
  premoderate: boolean;
  /** Pinned at the top of the home page. */
  sticky: boolean;
  author: AuthorRef;
  /** Further bylines after `author`, in order (co-written stories). */
  coAuthors: AuthorRef[];
  topics: TopicRef[];
  sources: { name: string; url: string }[];
  /** `page`: a static page at /{slug} (About, Contact), outside lists, feeds and related stories. */
  kind: ArticleKind;
  /** Shows "More on this topic": always for an article, for a page when enabled. */
  showRelated: boolean;
}

/** One line of a list: home, topic, author, search, related, feeds. */
export interface ArticleTeaser {
  id: string;
  slug: string;
  title: string;
  mediaTag: MediaTag | null;
  summary: string;
  featuredImageUrl: string | null;
  featuredImageAlt: string | null;
  publishedAt: string;
  author: AuthorRef;
}

/** What an editor or API client sends; on update, an absent field keeps its value. */
export interface ArticleInput {
  title?: string;
  slug?: string;
  mediaTag?: MediaTag | '' | null;
  summary?: string;
  body?: string;
  videoUrl?: string | null;
  featuredImageUrl?: string | null;
  featuredImageAlt?: string | null;
  authorId?: string;
  /** Topic ids or slugs. */
  topics?: string[];
  sources?: { name: string; url: string }[];
  status?: ArticleStatus;
  /** ISO 8601 with a zone; for `scheduled`, when it goes live. */
  publishedAt?: string | null;
  commentsOpen?: boolean;
  commentsCloseAfterDays?: number | null;
  premoderate?: boolean;
  sticky?: boolean;
  /** Staff user ids of further bylines, in order; the author is left out if listed. */
  coAuthors?: string[];
  /** Set when created; an article never becomes a page or back (their addresses differ). */
  kind?: ArticleKind;
  showRelated?: boolean;
}

export interface TopicInput {
  name?: string;
  slug?: string;
  description?: string;
}

/** Public means published, or scheduled with its time passed. */
export function isPublic(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status !== 'draft' && article.publishedAt !== null && article.publishedAt <= now.toISOString();
}
