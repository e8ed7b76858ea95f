import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/**
 * A table in the export: its name and the unique columns its rows are ordered (and paged) by; an empty
 * key means none is known, and the rows are ordered by all columns and paged by offset.
 */
export interface ExportTable {
  name: string;
  key: string[];
  columns: string[];
}

/**
 * Tables in the order a restore inserts them: every row after the rows it refers to. Comments go by
 * depth, so a parent always precedes its replies. Tables added later by other domains (moderation's,
 * say) are found in the schema and exported after these, ordered by `id` when they have one.
 */
export const TABLE_ORDER: readonly { name: string; key: string[] }[] = [
  { name: 'users', key: ['id'] },
  { name: 'settings', key: ['key'] },
  { name: 'topics', key: ['id'] },
  { name: 'articles', key: ['id'] },
  { name: 'article_topics', key: ['article_id', 'topic_id'] },
  { name: 'article_sources', key: ['id'] },
  { name: 'article_bylines', key: ['article_id', 'user_id'] },
  { name: 'article_redirects', key: ['path', 'host'] },
  { name: 'comments', key: ['depth', 'id'] },
  { name: 'comment_reactions', key: ['comment_id', 'reactor_key'] },
  { name: 'comment_flags', key: ['id'] },
  { name: 'reply_notifications', key: ['id'] },
  { name: 'moderation_actions', key: ['id'] },
  { name: 'donation_drives', key: ['id'] },
  { name: 'donation_intents', key: ['id'] },
  { name: 'donations', key: ['id'] },
  { name: 'donation_ledger', key: ['id'] },
  { name: 'donation_receipts', key: ['ledger_entry_id'] },
  { name: 'stripe_events', key: ['id'] },
  { name: 'import_ids', key: ['source', 'scope', 'kind', 'external_id'] },
  // Newsletters (src/newsletters): lists, then their subscribers, then sends and each send's deliveries.
  { name: 'newsletters', key: ['id'] },
  { name: 'newsletter_subscribers', key: ['id'] },
  { name: 'newsletter_subscriptions', key: ['subscriber_id', 'newsletter_id'] },
  { name: 'newsletter_sends', key: ['id'] },
  { name: 'newsletter_deliveries', key: ['id'] },
];

/**
 * Left out, each for a reason: sessions, sign-in, invitation and password-reset links are live secrets
 * of this installation; instances, import parking, pending two-factor sign-ins and sign-in failures and
 * locks are run-time state; migrations are recorded in the header; search indexes are rebuilt from the
 * articles as they are restored.
 */
const EXCLUDED = new Set([
  'sessions', 'magic_links', 'staff_invites', 'password_resets', 'login_failures', 'login_lockouts', 'two_factor_pending',
  'instances', 'import_pending', 'kysely_migration', 'kysely_migration_lock',
]);

function excluded(name: string): boolean {
  return EXCLUDED.has(name) || name.startsWith('sqlite_') || /_fts($|_)/.test(name);
}

/** The tables of this database that an export holds, in restore order, with their columns. */
export async function exportTables(db: Kysely<Database>, dialect: DialectName): Promise<ExportTable[]> {
  let tables = await db.introspection.getTables();
  if (dialect === 'postgres') {
    // The introspector lists every schema of the database; ours is the one on the search path.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    tables = tables.filter((table) => table.schema === rows[0].schema);
  }
  const found = new Map(tables.filter((table) => !table.isView && !excluded(table.name)).map((table) => [table.name, table.columns.map((column) => column.name)]));
  const ordered: ExportTable[] = [];
  for (const { name, key } of TABLE_ORDER) {
    const columns = found.get(name);
    if (!columns) continue;
    ordered.push({ name, key, columns });
    found.delete(name);
  }
  for (const [name, columns] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) {
    ordered.push({ name, key: columns.includes('id') ? ['id'] : [], columns });
  }
  return ordered;
}

/** Names of the migrations applied to this database, for the export's header. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}
