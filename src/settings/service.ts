import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EventBus } from '../events/index.js';
import { defaultSettings, type SettingsGroup, type SiteSettings } from './defaults.js';

export interface SettingsService {
  /** The current settings; cached, and refreshed when any instance changes them. */
  get(): Promise<SiteSettings>;
  update<G extends SettingsGroup>(group: G, values: Partial<SiteSettings[G]>): Promise<SiteSettings>;
  /** The settings table was written as a whole (a restore): every instance reads it again. */
  reloaded(): Promise<void>;
}

export interface SettingsDeps {
  db: Kysely<Database>;
  events: EventBus;
  now: () => Date;
}

export function createSettingsService({ db, events, now }: SettingsDeps): SettingsService {
  let cached: Promise<SiteSettings> | undefined;
  events.subscribe('settings', () => {
    cached = undefined;
  });

  async function load(): Promise<SiteSettings> {
    const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
    const settings = structuredClone(defaultSettings);
    for (const row of rows) {
      if (row.key in settings) {
        const group = row.key as SettingsGroup;
        Object.assign(settings[group], JSON.parse(row.value));
      }
    }
    return settings;
  }

  return {
    get() {
      cached ??= load().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    async update(group, values) {
      const current = await load();
      const merged = { ...current[group], ...values };
      const value = JSON.stringify(merged);
      const updatedAt = now().toISOString();
      await db
        .insertInto('settings')
        .values({ key: group, value, updated_at: updatedAt })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: updatedAt }))
        .execute();
      cached = undefined;
      await events.publish('settings', { type: 'settings.changed', group });
      return this.get();
    },
    async reloaded() {
      cached = undefined;
      await events.publish('settings', { type: 'settings.changed', group: 'all' });
    },
  };
}
