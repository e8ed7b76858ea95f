import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openDatabase } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { defaultSettings, type SiteSettings } from '../../settings/index.js';
import { defaultClassifier } from '../classifier/index.js';
import { createScoreAdjustment, parseWeights } from '../adaptation/model.js';
import { modelVersion } from '../adaptation/version.js';
import type { ScoreAdjustment } from '../types.js';

export type ModerationSettings = SiteSettings['moderation'];

export interface LoadedSettings {
  settings: ModerationSettings;
  source: 'database' | 'defaults';
  note?: string;
  /** What the site learned from its moderators, when it is stored, current and switched on; as `assess()` on the site applies it. */
  adaptation?: ScoreAdjustment;
  /** Why no adaptation is applied (none learned, switched off, fitted on another model), or that one is. */
  adaptationNote: string;
}

export interface ReadOptions {
  /** Leave out what the site learned: the shipped model's scores, as `--shipped` asks. */
  shipped?: boolean;
}

/**
 * The site's moderation settings, read without side effects: an SQLite file that does not exist is not
 * created (defaults are used), the database is opened read-only and never migrated.
 */
export async function readModerationSettings(databaseUrl: string, options: ReadOptions = {}): Promise<LoadedSettings> {
  let db: Kysely<Database> | undefined;
  const none = 'no database: the shipped model';
  try {
    if (databaseUrl.startsWith('sqlite:')) {
      const path = databaseUrl.slice('sqlite:'.length);
      if (path === ':memory:' || !existsSync(path)) return { settings: defaults(), source: 'defaults', note: `no database at ${path}`, adaptationNote: none };
      db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path, { readonly: true, fileMustExist: true }) }) });
    } else {
      db = openDatabase(databaseUrl, { poolSize: 1 }).db;
    }
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'moderation').executeTakeFirst();
    const settings = row ? { ...defaults(), ...(JSON.parse(row.value) as Partial<ModerationSettings>) } : defaults();
    const learned = await readAdaptation(db, settings, options);
    return { settings, source: 'database', ...(row ? {} : { note: 'no moderation settings saved; using defaults' }), ...learned };
  } catch (error) {
    return { settings: defaults(), source: 'defaults', note: `could not read settings: ${(error as Error).message}`, adaptationNote: none };
  } finally {
    await db?.destroy();
  }
}

/** The same rules as the site's own `createSiteAdaptation().forSettings`: switched on, and fitted on the model shipped now. */
async function readAdaptation(db: Kysely<Database>, settings: ModerationSettings, options: ReadOptions): Promise<Pick<LoadedSettings, 'adaptation' | 'adaptationNote'>> {
  if (options.shipped) return { adaptationNote: '--shipped: what the site learned is not applied' };
  if (!settings.learnFromModerators) return { adaptationNote: '"Apply what was learned" is off in settings: the shipped model' };
  const row = await db.selectFrom('site_adaptation').select(['weights', 'model_version', 'decisions']).where('id', '=', 'site').executeTakeFirst();
  if (!row) return { adaptationNote: 'nothing learned from moderators yet: the shipped model' };
  if (row.model_version !== modelVersion(defaultClassifier())) return { adaptationNote: 'what was learned was fitted on an older model and is ignored until learned again' };
  const weights = parseWeights(row.weights);
  if (!weights) return { adaptationNote: 'the stored adaptation is damaged and is ignored' };
  return { adaptation: createScoreAdjustment(weights), adaptationNote: `applying what was learned from ${Number(row.decisions)} moderator decisions` };
}

function defaults(): ModerationSettings {
  return structuredClone(defaultSettings.moderation);
}
