import type { AnyDb, MigrationFactory } from './context.js';

/** A gift given while signed in remembers the reader, so they can download it or have it anonymised. */
export const donorReaders: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .alterTable('donation_intents')
      .addColumn('user_id', sortableText, (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('donation_intents_user').on('donation_intents').column('user_id').execute();
  },
});
