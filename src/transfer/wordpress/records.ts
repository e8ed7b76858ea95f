import type { IncomingComment } from '../comment-import.js';
import type { Parsed } from '../disqus/records.js';
import { MAX_IMPORTED_COMMENT, parseEmail, parseTime, parseWebsite } from '../fields.js';
import { htmlToMarkdown } from '../html-to-markdown.js';
import { children, childText, type XmlRecord } from '../xml-records.js';
import { plainText } from '../html-tree.js';

/** Paths of the records a WordPress export (WXR) is read as; the standard prefixes (`wp:`, `dc:`…) are assumed. */
export const WXR_RECORDS = [
  'rss/channel/title',
  'rss/channel/link',
  'rss/channel/wp:base_site_url',
  'rss/channel/wp:author',
  'rss/channel/wp:category',
  'rss/channel/wp:tag',
  'rss/channel/item',
  'rss/channel/item/wp:comment',
] as const;

export interface WpAuthor {
  /** WordPress's user id (`wp:author_id`): what a comment's `comment_user_id` names. */
  wpId: string;
  login: string;
  email: string | null;
  displayName: string;
  line: number;
}

export interface WpTerm {
  slug: string;
  name: string;
  description: string;
}

export interface WpPost {
  id: string;
  type: string;
  status: string;
  /** Plain text: HTML in a WordPress title (`Title <em>With</em>`) is reduced to its words. */
  title: string;
  slug: string;
  /** The permalink and the guid (often `/?p=ID`): old addresses that should answer with the new one. */
  link: string;
  guid: string;
  /** Set for a password-protected post: never imported as public. */
  password: boolean;
  sticky: boolean;
  /** Co-Authors Plus logins (`<category domain="author">`), in the file's order. */
  coAuthors: string[];
  /** HTML as WordPress stores it (paragraphs by blank lines, shortcodes). */
  content: string;
  excerpt: string;
  creator: string;
  /** UTC ISO times; null when WordPress left them empty (drafts). */
  date: string | null;
  modified: string | null;
  commentsOpen: boolean;
  terms: WpTerm[];
  /** The attachment shown as the post's featured image (`_thumbnail_id`), or ''. */
  thumbnailId: string;
  /** For an attachment: its file's address, and the alt text WordPress kept for it. */
  attachmentUrl: string;
  attachedFile: string;
  imageAlt: string;
  line: number;
}

export function parseAuthor(record: XmlRecord): Parsed<WpAuthor> {
  const login = childText(record.node, 'wp:author_login');
  if (record.problem) return { ok: false, id: login || null, message: record.problem };
  if (!login) return { ok: false, id: null, message: 'an author without <wp:author_login>' };
  const first = childText(record.node, 'wp:author_first_name');
  const last = childText(record.node, 'wp:author_last_name');
  return {
    ok: true,
    value: {
      wpId: childText(record.node, 'wp:author_id'),
      login,
      email: parseEmail(childText(record.node, 'wp:author_email')),
      displayName: childText(record.node, 'wp:author_display_name') || `${first} ${last}`.trim() || login,
      line: record.line,
    },
  };
}

/** A site-wide category or tag definition; both become topics. */
export function parseTerm(record: XmlRecord): Parsed<WpTerm | { skip: string }> {
  const category = record.path.endsWith('wp:category');
  const slug = childText(record.node, category ? 'wp:category_nicename' : 'wp:tag_slug');
  const name = childText(record.node, category ? 'wp:cat_name' : 'wp:tag_name');
  if (record.problem) return { ok: false, id: slug || null, message: record.problem };
  if (!slug && !name) return { ok: false, id: null, message: `a ${category ? 'category' : 'tag'} without a slug or a name` };
  if (slug === 'uncategorized') return { ok: true, value: { skip: 'WordPress\'s "Uncategorized" is not a topic' } };
  const text = plainText(name);
  return { ok: true, value: { slug: slug || text, name: text || slug, description: plainText(childText(record.node, category ? 'wp:category_description' : 'wp:tag_description')) } };
}

export function parseItem(record: XmlRecord): Parsed<WpPost> {
  const node = record.node;
  const id = childText(node, 'wp:post_id');
  if (record.problem) return { ok: false, id: id || null, message: record.problem };
  if (!id) return { ok: false, id: null, message: 'an item without <wp:post_id>' };
  const terms = children(node, 'category')
    .filter((term) => term.attrs.domain === 'category' || term.attrs.domain === 'post_tag')
    .map((term) => ({ slug: term.attrs.nicename ?? plainText(term.text), name: plainText(term.text), description: '' }))
    // WordPress files every post without a category under "Uncategorized": that is not a topic.
    .filter((term) => term.slug !== 'uncategorized' && (term.slug || term.name));
  const meta = new Map(children(node, 'wp:postmeta').map((entry) => [childText(entry, 'wp:meta_key'), childText(entry, 'wp:meta_value')]));
  const date = parseTime(childText(node, 'wp:post_date_gmt')) ?? parseTime(childText(node, 'wp:post_date'));
  return {
    ok: true,
    value: {
      id,
      type: childText(node, 'wp:post_type') || 'post',
      status: childText(node, 'wp:status') || 'publish',
      title: plainText(childText(node, 'title')),
      slug: childText(node, 'wp:post_name'),
      link: childText(node, 'link'),
      guid: childText(node, 'guid'),
      password: childText(node, 'wp:post_password') !== '',
      sticky: childText(node, 'wp:is_sticky') === '1',
      coAuthors: [...new Set(children(node, 'category')
        .filter((term) => term.attrs.domain === 'author')
        .map((term) => term.text.trim() || (term.attrs.nicename ?? '').replace(/^cap-/, ''))
        .filter(Boolean))],
      content: children(node, 'content:encoded')[0]?.text ?? '',
      excerpt: children(node, 'excerpt:encoded')[0]?.text ?? '',
      creator: childText(node, 'dc:creator'),
      date,
      modified: parseTime(childText(node, 'wp:post_modified_gmt')) ?? parseTime(childText(node, 'wp:post_modified')),
      commentsOpen: childText(node, 'wp:comment_status') !== 'closed',
      terms,
      thumbnailId: meta.get('_thumbnail_id') ?? '',
      attachmentUrl: childText(node, 'wp:attachment_url'),
      attachedFile: meta.get('_wp_attached_file') ?? '',
      imageAlt: plainText(meta.get('_wp_attachment_image_alt') ?? ''),
      line: record.line,
    },
  };
}

const APPROVAL: Record<string, IncomingComment['status']> = { '1': 'published', '0': 'pending', spam: 'rejected', trash: 'deleted', 'post-trashed': 'deleted' };

/**
 * A WordPress comment under the post `postId`: approved → published, awaiting approval → pending,
 * spam → rejected, trash → a tombstone. Pingbacks and trackbacks are not conversation: skipped.
 */
export function parseComment(record: XmlRecord, postId: string | null): Parsed<IncomingComment | { skip: string }> {
  const node = record.node;
  const id = childText(node, 'wp:comment_id');
  if (record.problem) return { ok: false, id: id || null, message: record.problem };
  if (!id) return { ok: false, id: null, message: 'a comment without <wp:comment_id>' };
  if (!postId) return { ok: false, id, message: 'the comment is not inside a post with a <wp:post_id>' };
  const type = childText(node, 'wp:comment_type');
  if (type && type !== 'comment') return { ok: true, value: { skip: type === 'pingback' || type === 'trackback' ? 'pingbacks and trackbacks' : `comment type "${type.slice(0, 30)}"` } };
  const createdAt = parseTime(childText(node, 'wp:comment_date_gmt')) ?? parseTime(childText(node, 'wp:comment_date'));
  if (!createdAt) return { ok: false, id, message: 'the comment has no valid <wp:comment_date_gmt>' };
  const parent = childText(node, 'wp:comment_parent');
  if (parent === id) return { ok: false, id, message: 'the comment names itself as its parent' };
  const status = APPROVAL[childText(node, 'wp:comment_approved')] ?? 'pending';
  const markdown = status === 'deleted' ? '' : htmlToMarkdown(children(node, 'wp:comment_content')[0]?.text ?? '', { profile: 'comment', autoParagraphs: true });
  if (markdown.length > MAX_IMPORTED_COMMENT) return { ok: false, id, message: `the comment is longer than ${MAX_IMPORTED_COMMENT.toLocaleString('en-US')} characters` };
  const email = parseEmail(childText(node, 'wp:comment_author_email'));
  const userId = childText(node, 'wp:comment_user_id');
  const website = childText(node, 'wp:comment_author_url');
  return {
    ok: true,
    value: {
      externalId: id,
      threadId: postId,
      parentId: parent && parent !== '0' ? parent : null,
      // A registered WordPress user confirmed their address when signing up; a guest's address was never checked.
      author: {
        name: childText(node, 'wp:comment_author') || 'Guest',
        email,
        handle: null,
        registered: Boolean(email && userId && userId !== '0'),
        url: parseWebsite(website),
        ...(userId && userId !== '0' ? { sourceUserId: userId } : {}),
      },
      markdown,
      status: status !== 'deleted' && markdown === '' ? 'deleted' : status,
      createdAt,
      line: record.line,
    },
  };
}
