/** The JSON the comment API sends (a subset of the server's PublicComment). */
export interface Comment {
  id: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  displayParentId: string | null;
  replyingTo: string | null;
  status: 'published' | 'pending' | 'deleted' | 'removed';
  author: { name: string; staff: boolean };
  html: string;
  createdAt: string;
  editedAt: string | null;
  reactions: number;
  reacted: boolean;
  mine: boolean;
  editableUntil: string | null;
  text?: string;
  permalink: string;
}

export interface Thread extends Comment {
  replies: Reply[];
  moreReplies?: number;
  repliesCursor?: string | null;
}

export interface Reply extends Comment {
  replies?: Reply[];
}

/** Everything the widget knows about the section it drives. */
export interface Ctx {
  section: HTMLElement;
  /** '' on the article page; the Tribune origin when embedded elsewhere. */
  api: string;
  embed: boolean;
  articleId: string;
  slug: string;
  sort: string;
  closed: boolean;
  signedIn: boolean;
  guests: boolean;
  maxLength: number;
  locale: string;
  csrf: string;
  /** The viewer's own comments by id (source text for editing). */
  mine: Map<string, Comment>;
}
