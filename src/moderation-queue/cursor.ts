import { moderationErrors } from './errors.js';
import type { QueueTab } from './types.js';

/** Where a page of a tab ends: the sort key of its last item and its id, so inserts never shift pages. */
export interface QueueCursor {
  tab: QueueTab | 'reader';
  key: string | number;
  id: string;
}

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.tab, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined, tab: QueueCursor['tab']): QueueCursor | null {
  if (!text) return null;
  try {
    const [cursorTab, key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (cursorTab !== tab || typeof id !== 'string' || (typeof key !== 'string' && typeof key !== 'number')) throw new Error('cursor');
    return { tab, key, id };
  } catch {
    throw moderationErrors.raise('MOD_CURSOR_INVALID', undefined, 'cursor');
  }
}
