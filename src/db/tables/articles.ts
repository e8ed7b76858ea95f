import type { Generated } from 'kysely';

export type ArticleStatus = 'draft' | 'scheduled' | 'published';
export type MediaTag = 'video' | 'photos' | 'map';
export type ArticleKind = 'article' | 'page';

export interface ArticlesTable {
  id: string;
  slug: string;
  title: string;
  media_tag: MediaTag | null;
  summary: string;
  body_md: string;
  video_url: string | null;
  featured_image_url: string | null;
  featured_image_alt: string | null;
  author_id: string;
  status: ArticleStatus;
  /** When it went or goes live; a scheduled article is public once this time has passed. */
  published_at: string | null;
  created_at: string;
  updated_at: string;
  /** 0: comments closed by an editor (the thread stays readable). */
  comments_open: number;
  /** Days after publication when comments close; null means the site default. */
  comments_close_after_days: number | null;
  /** 1: every comment on this article is held for review. */
  premoderate: number;
  /** 1: pinned above newer articles at the top of the home page (WordPress's sticky posts). */
  sticky: Generated<number>;
  /** `article`, or `page`: a static page at /{slug}, kept out of lists, feeds and related stories. */
  kind: Generated<ArticleKind>;
  /** 1: the page shows "More on this topic" (every article does; a page only when enabled). */
  show_related: Generated<number>;
}

export interface TopicsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface ArticleTopicsTable {
  article_id: string;
  topic_id: string;
}

export interface ArticleSourcesTable {
  id: string;
  article_id: string;
  position: number;
  name: string;
  url: string;
}

/** Co-authors after the article's author (`author_id`), in byline order. */
export interface ArticleBylinesTable {
  article_id: string;
  user_id: string;
  /** 1 for the first co-author. */
  position: number;
}

/**
 * An old address of an article that answers 301 with its current one: an imported post's permalink or
 * `/?p=ID`, a Disqus thread's page, a slug an editor replaced. `path` is normalised (decoded, lower case,
 * no trailing slash; only `p`/`page_id` kept of a query); `host` is the old site's, '' for this site's.
 */
export interface ArticleRedirectsTable {
  path: string;
  host: string;
  article_id: string;
  /** `wordpress`, `disqus` or `slug`. */
  source: string;
  created_at: string;
}

export interface ArticlesTables {
  article_bylines: ArticleBylinesTable;
  article_redirects: ArticleRedirectsTable;
  articles: ArticlesTable;
  topics: TopicsTable;
  article_topics: ArticleTopicsTable;
  article_sources: ArticleSourcesTable;
}
