import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { defaultSettings, type SiteSettings } from '../../settings/index.js';

export type ModerationSettings = SiteSettings['moderation'];

export interface LoadedSettings {
  settings: ModerationSettings;
  source: 'database' | 'defaults';
  note?: string;
}

/**
 * The site's moderation settings, read without side effects: an SQLite file that does not exist is not
 * created (defaults are used), the database is opened read-only and never migrated.
 */
export async function readModerationSettings(databaseUrl: string): Promise<LoadedSettings> {
  let db: Kysely<Database> | undefined;
  try {
    if (databaseUrl.startsWith('sqlite:')) {
      const path = databaseUrl.slice('sqlite:'.length);
      if (path === ':memory:' || !existsSync(path)) return { settings: defaults(), source: 'defaults', note: `no database at ${path}` };
      db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path, { readonly: true, fileMustExist: true }) }) });
    } else {
      db = openDatabase(databaseUrl, { poolSize: 1 }).db;
    }
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'moderation').executeTakeFirst();
    if (!row) return { settings: defaults(), source: 'database', note: 'no moderation settings saved; using defaults' };
    return { settings: { ...defaults(), ...(JSON.parse(row.value) as Partial<ModerationSettings>) }, source: 'database' };
  } catch (error) {
    return { settings: defaults(), source: 'defaults', note: `could not read settings: ${(error as Error).message}` };
  } finally {
    await db?.destroy();
  }
}

function defaults(): ModerationSettings {
  return structuredClone(defaultSettings.moderation);
}
