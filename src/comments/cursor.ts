import { commentErrors } from './errors.js';
import type { CommentSort } from './types.js';

/** Where a page of threads ended: the sort key of its last root, so the next page starts strictly after it. */
export type ThreadCursor =
  | { sort: 'oldest' | 'newest'; createdAt: string; id: string }
  | { sort: 'reacted'; reactions: number; id: string };

export function encodeThreadCursor(cursor: ThreadCursor): string {
  const key = cursor.sort === 'reacted' ? [cursor.reactions, cursor.id] : [cursor.createdAt, cursor.id];
  return Buffer.from(JSON.stringify([cursor.sort, ...key])).toString('base64url');
}

export function decodeThreadCursor(raw: string, sort: CommentSort): ThreadCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw commentErrors.raise('COMMENT_CURSOR_INVALID', undefined, 'cursor');
  }
  if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[2] === 'string') {
    if (sort === 'reacted' && Number.isInteger(parsed[1])) return { sort, reactions: parsed[1], id: parsed[2] };
    if (sort !== 'reacted' && typeof parsed[1] === 'string') return { sort, createdAt: parsed[1], id: parsed[2] };
  }
  throw commentErrors.raise('COMMENT_CURSOR_INVALID', undefined, 'cursor');
}

/** Replies are listed in path order, so the last path shown is the whole cursor. */
export function encodeReplyCursor(path: string): string {
  return Buffer.from(path).toString('base64url');
}

export function decodeReplyCursor(raw: string): string {
  const path = Buffer.from(raw, 'base64url').toString('utf8');
  if (!/^[0-9a-z]+(\/[0-9a-z]+)*$/.test(path)) throw commentErrors.raise('COMMENT_CURSOR_INVALID', undefined, 'cursor');
  return path;
}
