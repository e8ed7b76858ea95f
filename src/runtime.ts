import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Db, type DialectName } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Database } from './db/schema.js';
import { createLocalEventBus, type EventBus } from './events/index.js';
import { createRedisEventBus } from './events/redis-bus.js';
import { createSettingsService, type SettingsService } from './settings/index.js';
import { createPageCache, type PageCache } from './web/page-cache.js';
import { withPageCacheInvalidation, type PageCacheInvalidator } from './web/page-cache-events.js';

/** Everything a domain may need, built once in `createRuntime`; each domain takes a `Pick<Deps, …>`. */
export interface Deps {
  config: Config;
  db: Kysely<Database>;
  dialect: DialectName;
  log: FastifyBaseLogger;
  events: EventBus;
  settings: SettingsService;
  now: () => Date;
  /** Shared counters across instances (rate limits); absent on a single instance. */
  redis: Redis | undefined;
  /** Prefix for this site's Redis keys (tests give each run its own). */
  redisNamespace: string;
  /** Anonymous pages as finished bytes (src/web/page-cache.ts); `events` drops what each event changes. */
  pageCache: { store: PageCache } & PageCacheInvalidator;
}

export interface Runtime extends Deps {
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** PostgreSQL schema to confine queries to (tests). */
  schema?: string;
  now?: () => Date;
  log?: FastifyBaseLogger;
  migrate?: boolean;
  redisNamespace?: string;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? pino({ level: config.logLevel });
  const database: Db = openDatabase(config.databaseUrl, { schema: options.schema });
  if (options.migrate !== false) {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
  }
  const redisNamespace = options.redisNamespace ?? config.redisPrefix;
  const now = options.now ?? (() => new Date());
  // The replay log's ids carry the publishing time: in-process, the runtime's clock, so tests control it.
  const bus = config.redisUrl ? await createRedisEventBus(config.redisUrl, redisNamespace) : createLocalEventBus({ now });
  const pageStore = createPageCache({ now });
  const { events, invalidator } = withPageCacheInvalidation(bus, pageStore, config.redisUrl !== undefined);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true }) : undefined;
  const settings = createSettingsService({ db: database.db, events, now });
  return {
    config,
    db: database.db,
    dialect: database.dialect,
    log,
    events,
    settings,
    now,
    redis,
    redisNamespace,
    pageCache: { store: pageStore, invalidate: (tags) => invalidator.invalidate(tags) },
    async close() {
      await events.close();
      redis?.disconnect();
      await database.destroy();
    },
  };
}
