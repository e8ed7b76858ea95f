import type { AnyDb, MigrationFactory } from './context.js';

/**
 * What the site learned from its moderators (src/moderation/adaptation): one current adaptation,
 * read by every instance, and one row per night the nightly refit ran, which is also how only one
 * instance runs it (the night's key is the primary key).
 */
export const siteAdaptation: MigrationFactory = ({ sortableText }) => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('site_adaptation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('weights', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('decisions', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('fitted_at', sortableText, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('site_adaptation_runs')
      .addColumn('id', sortableText, (c) => c.primaryKey())
      .addColumn('claimed_by', 'text', (c) => c.notNull())
      .addColumn('started_at', sortableText, (c) => c.notNull())
      .addColumn('finished_at', sortableText)
      .addColumn('outcome', 'text')
      .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
});
