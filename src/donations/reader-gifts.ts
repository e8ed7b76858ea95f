import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A signed-in reader's gifts, for their data download and for anonymising them when they leave. */
export function readerGifts(db: Kysely<Database>) {
  const theirIntents = (userId: string) => db.selectFrom('donation_intents').select('id').where('user_id', '=', userId);
  return {
    async forReader(userId: string) {
      const rows = await db
        .selectFrom('donations')
        .select(['id', 'amount_minor', 'currency', 'frequency', 'status', 'public_name', 'message', 'article_slug', 'created_at'])
        .where('intent_id', 'in', theirIntents(userId))
        .orderBy('created_at')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        amountMinor: row.amount_minor,
        currency: row.currency,
        frequency: row.frequency,
        status: row.status,
        publicName: row.public_name,
        message: row.message,
        article: row.article_slug,
        createdAt: row.created_at,
      }));
    },
    /** Blanks the public name and message; amounts and the ledger, being money records, stay. */
    async anonymiseForReader(userId: string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const gifts = await trx
          .updateTable('donations')
          .set({ public_name: null, message: null })
          .where('intent_id', 'in', trx.selectFrom('donation_intents').select('id').where('user_id', '=', userId))
          .executeTakeFirst();
        await trx.updateTable('donation_intents').set({ public_name: null, message: null, user_id: null }).where('user_id', '=', userId).execute();
        return Number(gifts.numUpdatedRows);
      });
    },
  };
}
