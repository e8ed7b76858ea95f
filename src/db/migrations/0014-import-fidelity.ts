import { sql } from 'kysely';
import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the transfer domain (issue #17): what imports keep of the old site.
 * - `import_ids.scope`: the site an external id belongs to (a WordPress site's address, a Disqus forum),
 *   so a second site's post 101 is not taken for the first site's. Rows written before have scope ''
 *   ("unscoped legacy"), which an import adopts only when it recognises them as its own.
 * - `article_redirects`: old addresses (permalinks, `/?p=ID`, an editor's earlier slug) answering 301.
 * - `article_bylines`: co-authors after the article's author.
 * - `articles.sticky`, `comments.author_url`.
 */
export const importFidelity: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    // A primary key cannot change in place on SQLite: the table is rebuilt, the same way on both engines.
    await db.schema
      .createTable('import_ids_scoped')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('local_id', sortableText, (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('import_ids_scoped_pk', ['source', 'scope', 'kind', 'external_id'])
      .execute();
    await sql`insert into import_ids_scoped (source, scope, kind, external_id, local_id, run_id, created_at)
      select source, '', kind, external_id, local_id, run_id, created_at from import_ids`.execute(db);
    await db.schema.dropTable('import_ids').execute();
    await db.schema.alterTable('import_ids_scoped').renameTo('import_ids').execute();
    await db.schema.createIndex('import_ids_by_local').on('import_ids').columns(['local_id']).execute();

    // Parked records are run-time state, cleared when a run starts: the table is simply made anew.
    await db.schema.dropTable('import_pending').execute();
    await db.schema
      .createTable('import_pending')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('waits_for', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_pending_scoped_pk', ['source', 'scope', 'kind', 'external_id'])
      .execute();
    await db.schema.createIndex('import_pending_scoped_waits').on('import_pending').columns(['source', 'scope', 'waits_for']).execute();

    await db.schema
      .createTable('article_redirects')
      .addColumn('path', 'text', (c) => c.notNull())
      // The old site's host without `www.`; '' for an address of this site (an earlier slug).
      .addColumn('host', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('article_id', sortableText, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('article_redirects_pk', ['path', 'host'])
      .execute();
    await db.schema.createIndex('article_redirects_article').on('article_redirects').columns(['article_id']).execute();

    await db.schema
      .createTable('article_bylines')
      .addColumn('article_id', sortableText, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_bylines_pk', ['article_id', 'user_id'])
      .execute();
    await db.schema.createIndex('article_bylines_user').on('article_bylines').columns(['user_id', 'article_id']).execute();

    await db.schema.alterTable('articles').addColumn('sticky', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('comments').addColumn('author_url', 'text').execute();
  },
});
