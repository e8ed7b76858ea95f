import type { IncomingComment } from '../comment-import.js';
import { MAX_IMPORTED_COMMENT, parseEmail, parseFlag, parseTime } from '../fields.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { plainText } from '../html-tree.js';
import { child, childText, type XmlRecord } from '../xml-records.js';

/** Paths of the records a Disqus export is read as. */
export const DISQUS_RECORDS = ['disqus/category', 'disqus/thread', 'disqus/post'] as const;

export interface DisqusThread {
  id: string;
  /** The forum it belongs to (`<forum>`): the scope of this export's ids. */
  forum: string;
  link: string;
  /** Plain text (HTML in a page title is reduced to its words). */
  title: string;
  /** The site's own id for the page (WordPress's plugin writes `123 https://…/?p=123`). */
  identifier: string;
  createdAt: string | null;
  isClosed: boolean;
  isDeleted: boolean;
  line: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; id: string | null; message: string };

function dsqId(attrs: Record<string, string> | undefined): string | null {
  const id = attrs?.['dsq:id']?.trim();
  return id ? id : null;
}

export function parseThread(record: XmlRecord): Parsed<DisqusThread> {
  const node = record.node;
  const id = dsqId(node.attrs);
  if (record.problem) return { ok: false, id, message: record.problem };
  if (!id) return { ok: false, id: null, message: 'a <thread> without dsq:id' };
  const link = childText(node, 'link');
  const title = plainText(childText(node, 'title'));
  if (!link && !title) return { ok: false, id, message: 'a thread needs a <link> or a <title>' };
  return {
    ok: true,
    value: {
      id,
      forum: childText(node, 'forum'),
      link,
      title,
      identifier: childText(node, 'id'),
      createdAt: parseTime(childText(node, 'createdAt')),
      isClosed: parseFlag(childText(node, 'isClosed')),
      isDeleted: parseFlag(childText(node, 'isDeleted')),
      line: record.line,
    },
  };
}

export interface ParsedPost {
  comment: IncomingComment;
  /** Something to tell the operator although the post is imported. */
  note?: string;
}

/**
 * A Disqus post as a comment: its HTML message becomes Markdown, a deleted post a tombstone (its text
 * is not kept), spam a rejected comment. Guests (`isAnonymous`) stay guest names.
 */
export function parsePost(record: XmlRecord): Parsed<ParsedPost> {
  const node = record.node;
  const id = dsqId(node.attrs);
  if (record.problem) return { ok: false, id, message: record.problem };
  if (!id) return { ok: false, id: null, message: 'a <post> without dsq:id' };
  const threadId = dsqId(child(node, 'thread')?.attrs);
  if (!threadId) return { ok: false, id, message: 'the post names no <thread dsq:id>' };
  const createdAt = parseTime(childText(node, 'createdAt'));
  if (!createdAt) return { ok: false, id, message: `<createdAt> is missing or not a date ("${childText(node, 'createdAt').slice(0, 40)}")` };
  const parentId = dsqId(child(node, 'parent')?.attrs);
  if (parentId === id) return { ok: false, id, message: 'the post names itself as its parent' };

  const author = child(node, 'author');
  const name = author ? childText(author, 'name') : '';
  const username = author ? childText(author, 'username') : '';
  const anonymous = author ? parseFlag(childText(author, 'isAnonymous')) : true;
  const email = author ? parseEmail(childText(author, 'email')) : null;

  const deleted = parseFlag(childText(node, 'isDeleted'));
  const spam = parseFlag(childText(node, 'isSpam'));
  const markdown = deleted ? '' : htmlToMarkdown(child(node, 'message')?.text ?? '', { profile: 'comment' });
  if (markdown.length > MAX_IMPORTED_COMMENT) {
    return { ok: false, id, message: `the message is longer than ${MAX_IMPORTED_COMMENT.toLocaleString('en-US')} characters` };
  }
  // A post with no text left (an image-only message) stays as a tombstone, so its replies keep their place.
  const empty = !deleted && markdown === '';
  return {
    ok: true,
    value: {
      comment: {
        externalId: id,
        threadId,
        parentId,
        author: { name: name || username || 'Guest', email, handle: username || null, registered: !anonymous && Boolean(username || email) },
        markdown,
        status: deleted || empty ? 'deleted' : spam ? 'rejected' : 'published',
        createdAt,
        line: record.line,
      },
      ...(empty ? { note: 'the message has no text; kept as a deleted comment so its replies keep their place' } : {}),
    },
  };
}
