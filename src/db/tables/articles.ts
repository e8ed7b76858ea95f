export type ArticleStatus = 'draft' | 'scheduled' | 'published';
export type MediaTag = 'video' | 'photos' | 'map';

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

export interface ArticlesTables {
  articles: ArticlesTable;
  topics: TopicsTable;
  article_topics: ArticleTopicsTable;
  article_sources: ArticleSourcesTable;
}
