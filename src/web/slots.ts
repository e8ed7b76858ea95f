import type { Viewer } from './viewer.js';
import type { SiteSettings } from '../settings/index.js';
import { html, type Html } from './html.js';

/** What a page knows about the article it draws, handed to the parts other domains fill in. */
export interface ArticleSlotContext {
  article: {
    id: string;
    slug: string;
    title: string;
    url: string;
    publishedAt: string | null;
    commentsOpen: boolean;
    commentsCloseAfterDays: number | null;
    premoderate: boolean;
  };
  viewer: Viewer | null;
  settings: SiteSettings;
  csrf: string;
  /** The page's query string, e.g. a comment sort or a cursor. */
  query: Record<string, string | undefined>;
}

export type ArticleSlot = (context: ArticleSlotContext) => Promise<Html>;

/**
 * The places in public pages that later domains fill: the donation box under each article, the
 * comment section, and comment counts in article lists. app.ts wires them; pages only call them.
 */
export interface PageSlots {
  articleSupport: ArticleSlot;
  articleComments: ArticleSlot;
  /**
   * What the comment section tells this signed-in viewer that it would tell any other reader in their
   * place (their notices, as a key), or null when it shows something of their own (a comment, a like):
   * readers with the same key may share one drawing of the page (./reader-pages.ts).
   */
  articleCommentsVariant: (context: ArticleSlotContext) => Promise<string | null>;
  commentCounts: (articleIds: string[]) => Promise<Map<string, number>>;
  /** The moderation box on the admin dashboard (empty for those who do not moderate). */
  dashboardModeration: (viewer: Viewer) => Promise<Html>;
  /** The newsletter box on the front page: the same for every visitor (the page is cached). */
  homeSubscribe: () => Promise<Html>;
}

export const emptySlots: PageSlots = {
  articleSupport: async () => html``,
  articleComments: async () => html``,
  articleCommentsVariant: async () => '',
  commentCounts: async () => new Map(),
  dashboardModeration: async () => html``,
  homeSubscribe: async () => html``,
};
