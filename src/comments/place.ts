/** What a comment needs of its parent to find its own place: the thread's root, its depth and path. */
export interface ParentPlace {
  id: string;
  root_id: string;
  depth: number;
  path: string;
}

/**
 * The stored columns that put a new comment in its thread, so a thread reads in one ordered query:
 * a top-level comment is its own root at depth 0; a reply extends its parent's path.
 */
export function placeUnder(id: string, parent: ParentPlace | null | undefined) {
  return {
    parent_id: parent?.id ?? null,
    root_id: parent?.root_id ?? id,
    depth: parent ? parent.depth + 1 : 0,
    path: parent ? `${parent.path}/${id}` : id,
  };
}
