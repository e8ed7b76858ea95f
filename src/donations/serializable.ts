import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

const ATTEMPTS = 8;

/**
 * Runs `work` in a serializable transaction, again when the database gives it up for a conflict with a
 * concurrent one (PostgreSQL's 40001 and 40P01). Webhook deliveries about one payment read what the
 * other writes (a refund looks for its payment, the payment looks for waiting refunds); under READ
 * COMMITTED both could miss each other. SQLite runs one transaction at a time, so it never retries.
 */
export async function inSerializableTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().setIsolationLevel('serializable').execute(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isSerializationFailure(error)) throw error;
      // A short random pause, so the deliveries that collided do not collide again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

function isSerializationFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
