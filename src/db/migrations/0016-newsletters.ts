import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the newsletters domain (issue #15). Subscribers are addresses, not accounts (a reader may
 * sign in with the same address); each send expands into one delivery row per recipient, which is the
 * durable queue workers claim with a lease, so a restart or a second instance never loses or repeats one.
 */
export const newsletters: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('newsletters')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('slug', sortableText, (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('archived_at', sortableText)
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('newsletter_subscribers')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('email', sortableText, (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', sortableText)
      .addColumn('unsubscribed_at', sortableText)
      .addColumn('bounced_at', sortableText)
      .addColumn('bounce_reason', 'text')
      .addColumn('confirmation_sent_at', sortableText)
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('newsletter_subscriptions')
      .addColumn('subscriber_id', sortableText, (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
      .addColumn('newsletter_id', sortableText, (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'newsletter_id'])
      .execute();
    await db.schema.createIndex('newsletter_subscriptions_newsletter').on('newsletter_subscriptions').columns(['newsletter_id', 'subscriber_id']).execute();
    await db.schema
      .createTable('newsletter_sends')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('newsletter_id', sortableText, (c) => c.notNull().references('newsletters.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('article_ids', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('send_after', sortableText)
      .addColumn('body_html', 'text')
      .addColumn('body_text', 'text')
      .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('queued_at', sortableText)
      .addColumn('finished_at', sortableText)
      .execute();
    await db.schema.createIndex('newsletter_sends_status').on('newsletter_sends').columns(['status', 'send_after']).execute();
    await db.schema
      .createTable('newsletter_deliveries')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('send_id', sortableText, (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
      .addColumn('subscriber_id', sortableText, (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
      .addColumn('email', sortableText, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', sortableText, (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', sortableText)
      .addColumn('last_error', 'text')
      .addColumn('smtp_response', 'text')
      .addColumn('sent_at', sortableText)
      .addColumn('unsubscribed_at', sortableText)
      .addUniqueConstraint('newsletter_deliveries_once', ['send_id', 'subscriber_id'])
      .execute();
    await db.schema.createIndex('newsletter_deliveries_due').on('newsletter_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('newsletter_deliveries_send').on('newsletter_deliveries').columns(['send_id', 'status']).execute();
    await db.schema.createIndex('newsletter_deliveries_sent').on('newsletter_deliveries').columns(['sent_at']).execute();
  },
});
