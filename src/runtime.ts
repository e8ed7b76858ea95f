import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Db, type DialectName } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Database } from './db/schema.js';
import { createLocalEventBus, type EventBus } from './events/index.js';
import { createSettingsService, type SettingsService } from './settings/index.js';
import type { Kysely } from 'kysely';

/** Everything a domain may need, built once in `createRuntime`; each domain takes a `Pick<Deps, …>`. */
export interface Deps {
  config: Config;
  db: Kysely<Database>;
  dialect: DialectName;
  log: FastifyBaseLogger;
  events: EventBus;
  settings: SettingsService;
  now: () => Date;
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
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? pino({ level: config.logLevel });
  const database: Db = openDatabase(config.databaseUrl, { schema: options.schema });
  if (options.migrate !== false) {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
  }
  const events = createLocalEventBus();
  const now = options.now ?? (() => new Date());
  const settings = createSettingsService({ db: database.db, events, now });
  return {
    config,
    db: database.db,
    dialect: database.dialect,
    log,
    events,
    settings,
    now,
    async close() {
      await events.close();
      await database.destroy();
    },
  };
}
