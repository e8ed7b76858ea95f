import type { Kysely } from 'kysely';
import type { Database, ModerationActionKind } from '../db/schema.js';

const SANCTIONS: ModerationActionKind[] = ['ban', 'unban', 'suspend', 'warn', 'premoderate', 'unpremoderate'];

export interface ReaderSanction {
  action: ModerationActionKind;
  reason: string;
  actorId: string | null;
  createdAt: string;
}

/** The decisions about a reader themselves (not single comments), newest first: the members person page. */
export async function sanctionsForReader(db: Kysely<Database>, userId: string, limit = 50): Promise<ReaderSanction[]> {
  const rows = await db
    .selectFrom('moderation_actions')
    .select(['action', 'reason', 'actor_id', 'created_at'])
    .where('user_id', '=', userId)
    .where('action', 'in', SANCTIONS)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ action: row.action, reason: row.reason, actorId: row.actor_id, createdAt: row.created_at }));
}
