import type { CommentSort, PublicComment, ThreadReply, ThreadView } from '../../src/comments/index.js';

/** The JSON the comment API sends: the server's own types, so the two cannot drift apart. */
export type Comment = PublicComment;
export type Thread = ThreadView;
export type Reply = ThreadReply;

/** Everything the widget knows about the section it drives. */
export interface Ctx {
  section: HTMLElement;
  /** '' on the article page; the Tribune origin when embedded elsewhere. */
  api: string;
  embed: boolean;
  articleId: string;
  slug: string;
  sort: CommentSort;
  closed: boolean;
  signedIn: boolean;
  guests: boolean;
  maxLength: number;
  locale: string;
  /** The site's time zone, for exact times; undefined: the reader's. */
  timeZone: string | undefined;
  csrf: string;
  /** The viewer's own comments by id (source text for editing). */
  mine: Map<string, Comment>;
  /** Whether the count includes a comment, for those whose state changed since the page was drawn. */
  counted: Map<string, boolean>;
  /** The live stream's cursor for this page (server-drawn pages): replays start here. */
  liveSince: string | null;
}

/** `GET /api/articles/:article/comments`: what embed.ts draws a whole section from, and enhance.ts reads the viewer from (the route's response schema). */
export type { SectionJson } from '../../src/comments/contract.js';
