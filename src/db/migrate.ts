import { Migrator, sql, type Migration } from 'kysely';
import type { Db } from './database.js';
import { migrationContext } from './migrations/context.js';
import { migrations } from './migrations/index.js';

/**
 * Brings the schema up to date. Kysely's migrator takes a lock first (a row lock on PostgreSQL,
 * SQLite's write lock), so instances starting together apply each migration once and the rest wait.
 */
export async function migrateToLatest({ db, dialect }: Db): Promise<string[]> {
  const context = migrationContext(dialect);
  const migrator = new Migrator({
    db,
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours; a
    // neighbouring schema's tables (another site, another test) must not count as ours.
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
    provider: {
      async getMigrations() {
        const built: Record<string, Migration> = {};
        for (const [name, factory] of Object.entries(migrations)) built[name] = factory(context);
        return built;
      },
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

async function currentSchema(db: Db['db']): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0].schema;
}
