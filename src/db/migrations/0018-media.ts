import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the media domain (issue #16): uploaded images, the database store's bytes, and which
 * articles use which image (deletion is refused while any does).
 */
export const media: MigrationFactory = ({ sortableText, dialect }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('media_items')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('source_format', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('decorative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('removed_metadata', 'text', (c) => c.notNull())
      .addColumn('files', 'text', (c) => c.notNull())
      .addColumn('store', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('media_blobs')
      .addColumn('key', sortableText, (c) => c.primaryKey())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('media_usage')
      .addColumn('media_id', sortableText, (c) => c.notNull().references('media_items.id'))
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', sortableText, (c) => c.notNull())
      .addColumn('owner_title', 'text', (c) => c.notNull())
      .addColumn('owner_url', 'text', (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('media_usage_pk', ['media_id', 'owner_kind', 'owner_id'])
      .execute();
    await db.schema.createIndex('media_usage_owner').on('media_usage').columns(['owner_kind', 'owner_id']).execute();
  },
});
