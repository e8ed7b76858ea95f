import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Stripe events about a payment Tribune has not recorded yet (a refund that overtook its checkout
 * session). They wait here, one row per reference they wait for, and are applied in the transaction
 * that records the payment (see `donations/webhook.ts`).
 */
export const parkedWebhookEvents: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('stripe_parked_events')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('awaiting_ref', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('hints', 'text', (c) => c.notNull())
      .addColumn('occurred_at', sortableText, (c) => c.notNull())
      .addColumn('parked_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('stripe_parked_events_pk', ['event_id', 'awaiting_ref'])
      .execute();
    await db.schema.createIndex('stripe_parked_events_awaiting').on('stripe_parked_events').column('awaiting_ref').execute();
  },
});
