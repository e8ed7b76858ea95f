import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Staff accounts: emailed invitations and password resets (only token hashes stored), sessions that
 * remember when and from what browser they were last used, and the per-account sign-in limit.
 */
export const staffAccounts: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('sessions').addColumn('last_seen_at', sortableText).execute();
    await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();

    await db.schema
      .createTable('staff_invites')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('invited_by', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('sent_at', sortableText, (c) => c.notNull())
      .addColumn('expires_at', sortableText, (c) => c.notNull())
      .addColumn('accepted_at', sortableText)
      .addColumn('accepted_user_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('revoked_at', sortableText)
      .execute();
    await db.schema.createIndex('staff_invites_email').on('staff_invites').columns(['email', 'created_at']).execute();

    await db.schema
      .createTable('password_resets')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('expires_at', sortableText, (c) => c.notNull())
      .addColumn('used_at', sortableText)
      .execute();
    await db.schema.createIndex('password_resets_user').on('password_resets').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('login_failures')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('attempted_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_account').on('login_failures').columns(['account_key', 'attempted_at']).execute();
    await db.schema.createIndex('login_failures_time').on('login_failures').column('attempted_at').execute();

    await db.schema
      .createTable('login_lockouts')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('account_key', 'text', (c) => c.notNull())
      .addColumn('user_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('addresses', 'text', (c) => c.notNull())
      .addColumn('locked_at', sortableText, (c) => c.notNull())
      .addColumn('locked_until', sortableText, (c) => c.notNull())
      .addColumn('cleared_at', sortableText)
      .addColumn('cleared_reason', 'text')
      .execute();
    await db.schema.createIndex('login_lockouts_account').on('login_lockouts').columns(['account_key', 'locked_until']).execute();
  },
});
