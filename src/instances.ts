import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { newId } from './db/ids.js';
import type { Database } from './db/schema.js';

const HEARTBEAT_MS = 10_000;
/** An instance that missed three heartbeats is taken as gone. */
const ALIVE_WINDOW_MS = 3 * HEARTBEAT_MS;

export class MultiInstanceWithoutRedisError extends Error {}

export interface InstanceRegistration {
  id: string;
  stop(): Promise<void>;
}

/**
 * Registers this instance and keeps its heartbeat. On PostgreSQL without Redis it refuses to be a
 * second live instance: live updates and rate limits would silently differ between instances.
 */
export async function registerInstance(
  { db, now }: { db: Kysely<Database>; now: () => Date },
  options: { hasRedis: boolean },
): Promise<InstanceRegistration> {
  const id = newId(now());
  const aliveSince = new Date(now().getTime() - ALIVE_WINDOW_MS).toISOString();
  await db.deleteFrom('instances').where('heartbeat_at', '<', aliveSince).execute();
  const others = await db.selectFrom('instances').select(['id', 'host', 'has_redis']).execute();
  const withoutRedis = !options.hasRedis || others.some((other) => other.has_redis === 0);
  if (others.length > 0 && withoutRedis) {
    const other = others[0];
    throw new MultiInstanceWithoutRedisError(
      `Another Tribune instance (${other.id} on ${other.host}) is serving this PostgreSQL database, and not every instance ` +
        'has Redis. Several instances need TRIBUNE_REDIS_URL on each of them, or live updates and rate limits would ' +
        'differ between instances. Set it, or stop the other instance.',
    );
  }
  const time = now().toISOString();
  await db
    .insertInto('instances')
    .values({ id, host: hostname(), has_redis: options.hasRedis ? 1 : 0, started_at: time, heartbeat_at: time })
    .execute();
  const timer = setInterval(() => {
    void db.updateTable('instances').set({ heartbeat_at: now().toISOString() }).where('id', '=', id).execute().catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    id,
    async stop() {
      clearInterval(timer);
      await db.deleteFrom('instances').where('id', '=', id).execute();
    },
  };
}
