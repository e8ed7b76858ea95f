import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../database.js';

/** What a migration needs to know about the engine it runs on; every difference stays in here. */
export interface MigrationContext {
  dialect: DialectName;
  /** Text compared byte by byte (ids, ISO timestamps), so ordering and cursors agree on both engines. */
  sortableText: ReturnType<typeof sql>;
  /** A 64-bit integer column for money in minor units. */
  bigInteger: 'integer' | 'bigint';
}

export type MigrationFactory = (context: MigrationContext) => Migration;

export function migrationContext(dialect: DialectName): MigrationContext {
  return {
    dialect,
    sortableText: dialect === 'postgres' ? sql`text collate "C"` : sql`text`,
    bigInteger: dialect === 'postgres' ? 'bigint' : 'integer',
  };
}

// Migrations see the schema as it was then, not today's `Database` type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;
