import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the donations domain (issue #15). A gift remembers its donor's email (asked on the demo and
 * manual flows, from Stripe Checkout otherwise) and Stripe customer, the donor's own choice about the
 * donor wall, and the monthly gift's state as Stripe last described it: the amount, a pause, and the
 * time of the event that said so, so an older event delivered late cannot undo a newer one. Receipts
 * are an outbox: one row per ledger entry, written in the entry's transaction and sent after it.
 */
export const donorSelfService: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('donation_intents').addColumn('donor_email', 'text').execute();
    await db.schema.alterTable('donations').addColumn('donor_email', 'text').execute();
    await db.schema.alterTable('donations').addColumn('stripe_customer', 'text').execute();
    await db.schema.alterTable('donations').addColumn('show_on_wall', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('donations').addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('donations').addColumn('subscription_state_at', sortableText).execute();
    await db.schema.createIndex('donations_donor_email').on('donations').column('donor_email').execute();

    await db.schema
      .createTable('donation_receipts')
      .addColumn('ledger_entry_id', sortableText, (c) => c.primaryKey().references('donation_ledger.id'))
      .addColumn('donation_id', sortableText, (c) => c.notNull().references('donations.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_at', sortableText)
      .addColumn('sent_at', sortableText)
      .addColumn('last_error', 'text')
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('donation_receipts_status').on('donation_receipts').columns(['status', 'created_at']).execute();
  },
});
