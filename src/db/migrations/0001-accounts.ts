import type { AnyDb, MigrationFactory } from './context.js';

export const accounts: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('suspended_until', sortableText)
      .addColumn('premoderate', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_role').on('users').columns(['role', 'display_name']).execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', sortableText, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('expires_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('magic_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text')
      .addColumn('created_at', sortableText, (c) => c.notNull())
      .addColumn('expires_at', sortableText, (c) => c.notNull())
      .addColumn('used_at', sortableText)
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', sortableText, (c) => c.notNull())
      .execute();
  },
});
