import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Issue #15, the rest of it. Newsletters: a send started while the owner had open and click counting
 * on remembers the links it may redirect to (null = not tracked), and each recipient's first open and
 * first click of a send is one row holding nothing but send, recipient and time. Donations: a monthly
 * gift the donor cancelled "at the end of the paid month" (in Stripe's portal or Tribune's own page)
 * keeps running until `cancel_at`.
 */
export const trackingAndRenewals: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('newsletter_sends').addColumn('tracked_links', 'text').execute();
    await db.schema
      .createTable('newsletter_engagements')
      .addColumn('send_id', sortableText, (c) => c.notNull().references('newsletter_sends.id').onDelete('cascade'))
      .addColumn('subscriber_id', sortableText, (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('newsletter_engagements_pk', ['send_id', 'subscriber_id', 'kind'])
      .execute();
    await db.schema.createIndex('newsletter_engagements_subscriber').on('newsletter_engagements').column('subscriber_id').execute();
    await db.schema.alterTable('donations').addColumn('cancel_at', sortableText).execute();
  },
});
