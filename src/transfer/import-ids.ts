import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

export interface KnownId {
  localId: string;
  runId: string;
}

export interface ImportRun {
  source: string;
  runId: string;
  now: () => Date;
}

/** Ids this source's earlier records (of this or an earlier run) were imported under. */
export async function lookupIds(db: Db, source: string, kind: string, externalIds: readonly string[]): Promise<Map<string, KnownId>> {
  const unique = [...new Set(externalIds)];
  const found = new Map<string, KnownId>();
  if (unique.length === 0) return found;
  const rows = await db
    .selectFrom('import_ids')
    .select(['external_id', 'local_id', 'run_id'])
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('external_id', 'in', unique)
    .execute();
  for (const row of rows) found.set(row.external_id, { localId: row.local_id, runId: row.run_id });
  return found;
}

export async function rememberIds(db: Db, run: ImportRun, kind: string, pairs: readonly { externalId: string; localId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const createdAt = run.now().toISOString();
  for (let at = 0; at < pairs.length; at += 1_000) {
    await db
      .insertInto('import_ids')
      .values(pairs.slice(at, at + 1_000).map((pair) => ({ source: run.source, kind, external_id: pair.externalId, local_id: pair.localId, run_id: run.runId, created_at: createdAt })))
      .execute();
  }
}

export async function forgetId(db: Db, source: string, kind: string, externalId: string): Promise<void> {
  await db.deleteFrom('import_ids').where('source', '=', source).where('kind', '=', kind).where('external_id', '=', externalId).execute();
}

export interface PendingRecord {
  kind: string;
  externalId: string;
  waitsFor: string;
  line: number;
  payload: string;
}

/** Parks records until what they wait for is imported; a record already parked stays as it was. */
export async function park(db: Db, source: string, records: readonly PendingRecord[]): Promise<void> {
  if (records.length === 0) return;
  for (let at = 0; at < records.length; at += 1_000) {
    await db
      .insertInto('import_pending')
      .values(records.slice(at, at + 1_000).map((record) => ({ source, kind: record.kind, external_id: record.externalId, waits_for: record.waitsFor, line: record.line, payload: record.payload })))
      .onConflict((conflict) => conflict.columns(['source', 'kind', 'external_id']).doNothing())
      .execute();
  }
}

export async function parkedIds(db: Db, source: string, kind: string, externalIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(externalIds)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .selectFrom('import_pending')
    .select('external_id')
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('external_id', 'in', unique)
    .execute();
  return new Set(rows.map((row) => row.external_id));
}

/** Takes (and removes) up to `limit` parked records waiting for any of `keys`. */
export async function release(db: Db, source: string, keys: readonly string[], limit: number): Promise<PendingRecord[]> {
  if (keys.length === 0) return [];
  return takeWhere(db, source, limit, (query) => query.where('waits_for', 'in', [...new Set(keys)]));
}

/** Takes (and removes) up to `limit` parked records waiting for any record of a kind (`thread:`). */
export async function releaseWaitingOn(db: Db, source: string, prefix: string, limit: number): Promise<PendingRecord[]> {
  return takeWhere(db, source, limit, (query) => query.where('waits_for', 'like', `${prefix}%`));
}

/**
 * Parked records of `kind` whose awaited record of the same kind is not parked itself: it will never
 * come (the file has ended). Records waiting for another parked one are left until that one lands.
 */
export async function takeOrphans(db: Db, source: string, kind: string, limit: number): Promise<PendingRecord[]> {
  return takeWhere(db, source, limit, (query) =>
    query
      .where('kind', '=', kind)
      .where('waits_for', 'like', `${kind}:%`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('import_pending as awaited')
              .select('awaited.line')
              .where('awaited.source', '=', source)
              .where('awaited.kind', '=', kind)
              // substr() rather than concatenation, so the lookup uses the primary key.
              .where(sql<boolean>`awaited.external_id = substr(import_pending.waits_for, ${sql.lit(kind.length + 2)})`),
          ),
        ),
      ),
  );
}

/** Any parked records, oldest line first (what is left once nothing else can land). */
export async function takeAny(db: Db, source: string, limit: number, kind?: string): Promise<PendingRecord[]> {
  return takeWhere(db, source, limit, (query) => (kind ? query.where('kind', '=', kind) : query));
}

type PendingQuery = ReturnType<typeof selectPending>;

function selectPending(db: Db, source: string) {
  return db.selectFrom('import_pending').select(['kind', 'external_id', 'waits_for', 'line', 'payload']).where('import_pending.source', '=', source);
}

async function takeWhere(db: Db, source: string, limit: number, filter: (query: PendingQuery) => PendingQuery): Promise<PendingRecord[]> {
  const rows = await filter(selectPending(db, source)).orderBy('line').limit(limit).execute();
  if (rows.length === 0) return [];
  for (const kind of new Set(rows.map((row) => row.kind))) {
    const ids = rows.filter((row) => row.kind === kind).map((row) => row.external_id);
    await db.deleteFrom('import_pending').where('source', '=', source).where('kind', '=', kind).where('external_id', 'in', ids).execute();
  }
  return rows.map((row) => ({ kind: row.kind, externalId: row.external_id, waitsFor: row.waits_for, line: Number(row.line), payload: row.payload }));
}

export async function clearParked(db: Db, source: string): Promise<void> {
  await db.deleteFrom('import_pending').where('source', '=', source).execute();
}
