import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Issue #20. Every comment posted counts its author's comments by status (moderation's standing). The
 * author indexes held only the time, so the count read every one of the author's rows, bodies and all:
 * a reader with thousands of comments paid thousands of row reads per post. With the status in the
 * index the count reads the index alone (a guest's also holds the author, which tells a claimed comment
 * from a guest's), and the newest-first read of recent texts keeps its order.
 */
export const authorHistoryIndex: MigrationFactory = () => ({
  async up(db: AnyDb) {
    await db.schema.createIndex('comments_author_history').on('comments').columns(['author_id', 'created_at', 'status']).execute();
    await db.schema.createIndex('comments_guest_history').on('comments').columns(['guest_key', 'created_at', 'status', 'author_id']).execute();
    await db.schema.dropIndex('comments_author').execute();
    await db.schema.dropIndex('comments_guest').execute();
  },
});
