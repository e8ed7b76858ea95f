import type { AnyDb, MigrationFactory } from './context.js';

/** Second factors for staff: an authenticator app, recovery codes, passkeys, and pending sign-ins. */
export const twoFactor: MigrationFactory = ({ sortableText, bigInteger }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('two_factor_totp')
      .addColumn('user_id', sortableText, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', sortableText)
      .addColumn('last_used_step', bigInteger)
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', sortableText)
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('two_factor_recovery_codes')
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', sortableText)
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addPrimaryKeyConstraint('two_factor_recovery_codes_pk', ['user_id', 'code_hash'])
      .execute();

    await db.schema
      .createTable('two_factor_passkeys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      // Authenticators count up to 2^32 - 1, past a PostgreSQL integer.
      .addColumn('counter', bigInteger, (c) => c.notNull())
      .addColumn('transports', 'text', (c) => c.notNull())
      .addColumn('device_type', 'text', (c) => c.notNull())
      .addColumn('backed_up', 'integer', (c) => c.notNull())
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('last_used_at', sortableText)
      .execute();
    await db.schema.createIndex('two_factor_passkeys_user').on('two_factor_passkeys').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('two_factor_pending')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('next', 'text')
      .addColumn('challenge', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('expires_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('two_factor_pending_user').on('two_factor_pending').columns(['user_id', 'purpose']).execute();
  },
});
