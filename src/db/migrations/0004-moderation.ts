import type { AnyDb, MigrationFactory } from './context.js';

// Owned by the moderation domain: its tables are created here.
export const moderation: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('moderation_actions')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      // The audit outlives what it is about: a deleted comment or account leaves its rows behind.
      .addColumn('comment_id', sortableText, (c) => c.references('comments.id').onDelete('set null'))
      .addColumn('user_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('actor_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('event_key', 'text', (c) => c.unique())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .execute();
    // History of one comment and of one reader, in time order.
    await db.schema.createIndex('moderation_actions_comment').on('moderation_actions').columns(['comment_id', 'created_at']).execute();
    await db.schema.createIndex('moderation_actions_user').on('moderation_actions').columns(['user_id', 'created_at']).execute();
    // The Reported tab walks published comments by report count, most reported first.
    await db.schema.createIndex('comments_reported').on('comments').columns(['status', 'flag_count', 'id']).execute();
  },
});
