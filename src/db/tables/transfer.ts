/**
 * What earlier imports brought in: `(source, kind, external_id)` is the id in the other system (a Disqus
 * post, a WordPress comment), `local_id` ours. Running an import again finds its rows here and creates
 * nothing twice. `local_id` is empty for a record deliberately left out (a thread deleted in Disqus).
 */
export interface ImportIdsTable {
  source: string;
  /**
   * The site within the source: a WordPress site's address (`old.example.org`, `example.org/blog`), a
   * Disqus forum's name. '' for rows written before imports were scoped (unscoped legacy).
   */
  scope: string;
  kind: string;
  external_id: string;
  local_id: string;
  /** The import run that wrote the row: the same run meeting the id again means a duplicate in the file. */
  run_id: string;
  created_at: string;
}

/**
 * Records waiting for another record that the file has not reached yet (a reply before its parent, a
 * post before its thread). They wait on disk, not in memory, so a 1 GB export stays in bounded memory.
 */
export interface ImportPendingTable {
  source: string;
  scope: string;
  kind: string;
  external_id: string;
  /** What it waits for: `thread:<id>` or `post:<id>` of the same source. */
  waits_for: string;
  line: number;
  /** The parsed record as JSON. */
  payload: string;
}

export interface TransferTables {
  import_ids: ImportIdsTable;
  import_pending: ImportPendingTable;
}
