import type { AnyDb, MigrationFactory } from './context.js';

/** Imports from Disqus and WordPress remember what they brought in (see `tables/transfer.ts`). */
export const transfer: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('import_ids')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('local_id', sortableText, (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('import_ids_pk', ['source', 'kind', 'external_id'])
      .execute();
    await db.schema.createIndex('import_ids_local').on('import_ids').columns(['local_id']).execute();

    await db.schema
      .createTable('import_pending')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('waits_for', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_pending_pk', ['source', 'kind', 'external_id'])
      .execute();
    await db.schema.createIndex('import_pending_waits').on('import_pending').columns(['source', 'waits_for']).execute();
  },
});
