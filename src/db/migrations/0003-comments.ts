import type { AnyDb, MigrationFactory } from './context.js';

export const comments: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('comments')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('article_id', sortableText, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('parent_id', sortableText, (c) => c.references('comments.id').onDelete('cascade'))
      .addColumn('root_id', sortableText, (c) => c.notNull())
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('path', sortableText, (c) => c.notNull())
      .addColumn('author_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('guest_key', 'text')
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_email', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('moderation_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('moderation_scores', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reaction_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .addColumn('edited_at', sortableText)
      .addColumn('deleted_at', sortableText)
      .execute();
    // Keyset pages of top-level threads, one index per sort.
    await db.schema.createIndex('comments_roots_time').on('comments').columns(['article_id', 'depth', 'created_at', 'id']).execute();
    await db.schema.createIndex('comments_roots_reacted').on('comments').columns(['article_id', 'depth', 'reaction_count', 'id']).execute();
    // A thread (or any subtree) in conversation order.
    await db.schema.createIndex('comments_thread').on('comments').columns(['root_id', 'path']).execute();
    // Reply counts per thread ("Show N more replies"): covering, so it wins over any status index.
    await db.schema.createIndex('comments_reply_counts').on('comments').columns(['root_id', 'status', 'depth']).execute();
    await db.schema.createIndex('comments_article_status').on('comments').columns(['article_id', 'status']).execute();
    await db.schema.createIndex('comments_author').on('comments').columns(['author_id', 'created_at']).execute();
    await db.schema.createIndex('comments_guest').on('comments').columns(['guest_key', 'created_at']).execute();
    // The moderation queue lists by status, oldest first.
    await db.schema.createIndex('comments_status').on('comments').columns(['status', 'created_at', 'id']).execute();

    await db.schema
      .createTable('comment_reactions')
      .addColumn('comment_id', sortableText, (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('reactor_key', 'text', (c) => c.notNull())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_reactions_pk', ['comment_id', 'reactor_key'])
      .execute();
    await db.schema.createIndex('comment_reactions_reactor').on('comment_reactions').columns(['reactor_key', 'comment_id']).execute();

    await db.schema
      .createTable('comment_flags')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('comment_id', sortableText, (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('reporter_key', 'text', (c) => c.notNull())
      .addColumn('reporter_user_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('reporter_guest_key', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addUniqueConstraint('comment_flags_one_per_reporter', ['comment_id', 'reporter_key'])
      .execute();

    await db.schema
      .createTable('reply_notifications')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('article_id', sortableText, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('root_id', sortableText, (c) => c.notNull())
      .addColumn('comment_id', sortableText, (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at', sortableText)
      .addColumn('sent_at', sortableText)
      .addUniqueConstraint('reply_notifications_once', ['user_id', 'comment_id'])
      .execute();
    await db.schema.createIndex('reply_notifications_due').on('reply_notifications').columns(['sent_at', 'user_id', 'root_id', 'created_at']).execute();
  },
});
