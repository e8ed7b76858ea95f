import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the articles domain (issue #16, "Pages"). A static page (About, Contact, Corrections) is an
 * article row of kind `page`: it shares the editor, the slug namespace, comments and old-address
 * redirects, and is served at `/{slug}`; lists, feeds and "More on this topic" keep to kind `article`.
 * `show_related` lets one page show "More on this topic" (articles always do).
 */
export const pages: MigrationFactory = () => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('articles').addColumn('kind', 'text', (c) => c.notNull().defaultTo('article')).execute();
    await db.schema.alterTable('articles').addColumn('show_related', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.createIndex('articles_kind').on('articles').columns(['kind', 'updated_at']).execute();
  },
});
