import type { AnyDb, MigrationFactory } from './context.js';

/** Running instances announce themselves, so one on PostgreSQL without Redis can see it is not alone. */
export const instances: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('has_redis', 'integer', (c) => c.notNull())
      .addColumn('started_at', sortableText, (c) => c.notNull())
      .addColumn('heartbeat_at', sortableText, (c) => c.notNull())
      .execute();
  },
});
