import type { AnyDb, MigrationFactory } from './context.js';

/**
 * Owned by the comments domain (issue #19). Held edits need no column: a held edit is a `pending` comment
 * with `edited_at` set and its reasons. What needs one is the guests' like limit per network: each guest
 * like takes one of a few numbered slots for its network on that comment, and the unique index makes the
 * limit hold under concurrent likes on either engine, with no locking.
 */
export const heldEdits: MigrationFactory = () => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('comment_reactions').addColumn('address_slot', 'text').execute();
    // Readers' reactions leave it null; both engines let many nulls through a unique index.
    await db.schema.createIndex('comment_reactions_address_slot').on('comment_reactions').columns(['comment_id', 'address_slot']).unique().execute();
  },
});
