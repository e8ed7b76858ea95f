import { displayParentOf, pathIds, presentComment, removedComment, type PresentContext } from './present.js';
import type { ShownRow } from './queries.js';
import type { PublicComment, ThreadReply } from './types.js';

/** Ancestors a comment is drawn inside: depth 1 and 2 only, since deeper replies are flattened. */
function containerIds(row: ShownRow): { id: string; parentId: string; depth: number }[] {
  const ids = pathIds(row.path);
  const containers = [];
  for (let depth = 1; depth <= Math.min(2, row.depth - 1); depth++) containers.push({ id: ids[depth], parentId: ids[depth - 1], depth });
  return containers;
}

/**
 * Nests a thread's replies (given in path order): three levels, then everything deeper in conversation
 * order under its depth-2 ancestor. A hidden ancestor that has shown replies becomes a placeholder.
 */
export function nestReplies(rootId: string, rows: readonly ShownRow[], context: PresentContext): ThreadReply[] {
  const top: ThreadReply[] = [];
  const nodes = new Map<string, ThreadReply>();
  const childrenOf = (id: string | null) => (id === null || id === rootId ? top : nodes.get(id)?.replies ?? top);
  for (const row of rows) {
    for (const container of containerIds(row)) {
      if (nodes.has(container.id)) continue;
      const placeholder: ThreadReply = {
        ...removedComment({ id: container.id, articleId: row.article_id, parentId: container.parentId, rootId, depth: container.depth, displayParentId: container.parentId }, context),
        replies: [],
      };
      nodes.set(container.id, placeholder);
      childrenOf(container.parentId).push(placeholder);
    }
    const node: ThreadReply = { ...presentComment(row, context), replies: [] };
    nodes.set(row.id, node);
    childrenOf(displayParentOf(row)).push(node);
  }
  return top;
}

/**
 * The same replies as a flat list for "Show more replies": each item names the comment it is drawn
 * under, and hidden containers not shown before come as placeholders just ahead of their replies.
 */
export function flattenReplies(rows: readonly ShownRow[], shownElsewhere: ReadonlySet<string>, context: PresentContext): PublicComment[] {
  const emitted = new Set(rows.map((row) => row.id));
  const out: PublicComment[] = [];
  for (const row of rows) {
    for (const container of containerIds(row)) {
      if (emitted.has(container.id) || shownElsewhere.has(container.id)) continue;
      emitted.add(container.id);
      out.push(removedComment({ id: container.id, articleId: row.article_id, parentId: container.parentId, rootId: row.root_id, depth: container.depth, displayParentId: container.parentId }, context));
    }
    out.push(presentComment(row, context));
  }
  return out;
}

/** Ancestor ids a batch of replies may need drawn (for deciding which of them are placeholders). */
export function containersOf(rows: readonly ShownRow[]): string[] {
  const present = new Set(rows.map((row) => row.id));
  return [...new Set(rows.flatMap((row) => containerIds(row).map((container) => container.id)))].filter((id) => !present.has(id));
}
