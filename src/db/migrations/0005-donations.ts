import type { AnyDb, MigrationFactory } from './context.js';

// Owned by the donations domain: its tables are created here.
export const donations: MigrationFactory = ({ sortableText, bigInteger }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('donation_drives')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('cta', 'text', (c) => c.notNull())
      .addColumn('goal_minor', bigInteger, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('starts_at', sortableText)
      .addColumn('ends_at', sortableText)
      .addColumn('count_renewals', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('subtract_refunds', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('donation_intents')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('drive_id', sortableText, (c) => c.references('donation_drives.id').onDelete('set null'))
      .addColumn('amount_minor', bigInteger, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('frequency', 'text', (c) => c.notNull())
      .addColumn('public_name', 'text')
      .addColumn('message', 'text')
      .addColumn('article_slug', 'text')
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('checkout_session_id', 'text', (c) => c.unique())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('donations')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('intent_id', sortableText, (c) => c.references('donation_intents.id').onDelete('set null'))
      .addColumn('drive_id', sortableText, (c) => c.references('donation_drives.id').onDelete('set null'))
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('provider_ref', 'text', (c) => c.notNull().unique())
      .addColumn('checkout_session_id', 'text')
      .addColumn('frequency', 'text', (c) => c.notNull())
      .addColumn('amount_minor', bigInteger, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('public_name', 'text')
      .addColumn('message', 'text')
      .addColumn('article_slug', 'text')
      .addColumn('wall_hidden', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('donations_intent').on('donations').column('intent_id').execute();
    await db.schema.createIndex('donations_created').on('donations').column('created_at').execute();

    // No foreign key to drives: a deleted drive must not take its money history with it.
    await db.schema
      .createTable('donation_ledger')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('donation_id', sortableText, (c) => c.notNull().references('donations.id'))
      .addColumn('drive_id', sortableText)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('provider_ref', 'text', (c) => c.notNull().unique())
      .addColumn('payment_ref', 'text')
      .addColumn('amount_minor', bigInteger, (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('occurred_at', sortableText, (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_by', sortableText)
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('donation_ledger_drive_time').on('donation_ledger').columns(['drive_id', 'occurred_at']).execute();
    await db.schema.createIndex('donation_ledger_time').on('donation_ledger').column('occurred_at').execute();
    await db.schema.createIndex('donation_ledger_payment').on('donation_ledger').column('payment_ref').execute();
    await db.schema.createIndex('donation_ledger_donation').on('donation_ledger').column('donation_id').execute();

    await db.schema
      .createTable('stripe_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('received_at', sortableText, (c) => c.notNull())
      .execute();
  },
});
