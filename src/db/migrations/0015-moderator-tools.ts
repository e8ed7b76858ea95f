import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the moderation domain (issue #14). Guests without an account can be suspended or banned:
 * the sanction holds their cookie's hash and, once seen again, a salted hash of their network, which is
 * erased when the sanction ends or is lifted. Featured comments are pinned above an article's threads.
 * The log page reads the audit by time, actor and action.
 */
export const moderatorTools: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('guest_sanctions')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('guest_key', 'text', (c) => c.notNull())
      .addColumn('network_hash', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('until', sortableText)
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('actor_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('comment_id', sortableText, (c) => c.references('comments.id').onDelete('set null'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('lifted_at', sortableText)
      .execute();
    await db.schema.createIndex('guest_sanctions_guest').on('guest_sanctions').columns(['guest_key', 'lifted_at']).execute();
    await db.schema.createIndex('guest_sanctions_network').on('guest_sanctions').columns(['network_hash']).execute();
    // Comments moderators or editors chose to show first under an article.
    await db.schema
      .createTable('featured_comments')
      .addColumn('comment_id', sortableText, (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
      .addColumn('article_id', sortableText, (c) => c.notNull())
      .addColumn('featured_by', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('featured_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('featured_comments_article').on('featured_comments').columns(['article_id', 'featured_at']).execute();
    await db.schema.createIndex('moderation_actions_time').on('moderation_actions').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('moderation_actions_actor').on('moderation_actions').columns(['actor_id', 'created_at']).execute();
  },
});
