import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

export interface KnownId {
  localId: string;
  runId: string;
}

/** Where external ids live: the source (`wordpress`, `disqus`) and the site within it. */
export interface IdScope {
  source: string;
  scope: string;
}

export interface ImportRun {
  source: string;
  /** The site being imported; set from the file's header (a WXR's `<link>`, a Disqus `<forum>`) before first use. */
  scope: string | null;
  runId: string;
  now: () => Date;
  /** Whether rows written before imports were scoped exist for this source (see `knownIds`). */
  legacy: boolean;
}

/** Sites without a name in the file share this scope, as all imports did before scoping. */
export const UNNAMED_SCOPE = 'unnamed';

/** The run's scope, fixed from now on: a file that never named its site gets `UNNAMED_SCOPE`. */
export function scopeOf(run: ImportRun): string {
  run.scope ??= UNNAMED_SCOPE;
  return run.scope;
}

export function idScope(run: ImportRun): IdScope {
  return { source: run.source, scope: scopeOf(run) };
}

/** Ids this site's earlier records (of this or an earlier run) were imported under. */
export async function lookupIds(db: Db, at: IdScope, kind: string, externalIds: readonly string[]): Promise<Map<string, KnownId>> {
  const unique = [...new Set(externalIds)];
  const found = new Map<string, KnownId>();
  if (unique.length === 0) return found;
  for (let offset = 0; offset < unique.length; offset += 1_000) {
    const rows = await db
      .selectFrom('import_ids')
      .select(['external_id', 'local_id', 'run_id'])
      .where('source', '=', at.source)
      .where('scope', '=', at.scope)
      .where('kind', '=', kind)
      .where('external_id', 'in', unique.slice(offset, offset + 1_000))
      .execute();
    for (const row of rows) found.set(row.external_id, { localId: row.local_id, runId: row.run_id });
  }
  return found;
}

/**
 * Like `lookupIds`, and also rows written before imports were scoped (scope ''), which may be this site's
 * or another's: `verify` gets those and returns the ids it recognises as this site's (the same title, the
 * same thread); those are adopted into this scope, so the check happens once. The rest are not known.
 */
export async function knownIds(
  db: Db,
  run: ImportRun,
  kind: string,
  externalIds: readonly string[],
  verify: (legacy: Map<string, KnownId>) => Promise<Set<string>> | Set<string>,
): Promise<Map<string, KnownId>> {
  const found = await lookupIds(db, idScope(run), kind, externalIds);
  if (!run.legacy) return found;
  const missing = externalIds.filter((id) => !found.has(id));
  const legacy = await lookupIds(db, { source: run.source, scope: '' }, kind, missing);
  if (legacy.size === 0) return found;
  const accepted = [...(await verify(legacy))].filter((id) => legacy.has(id));
  for (let offset = 0; offset < accepted.length; offset += 1_000) {
    await db
      .updateTable('import_ids')
      .set({ scope: scopeOf(run) })
      .where('source', '=', run.source)
      .where('scope', '=', '')
      .where('kind', '=', kind)
      .where('external_id', 'in', accepted.slice(offset, offset + 1_000))
      .execute();
  }
  for (const id of accepted) found.set(id, legacy.get(id)!);
  return found;
}

/** Whether unscoped rows of this source exist, so lookups must consider them. */
export async function hasLegacyIds(db: Db, source: string): Promise<boolean> {
  const row = await db.selectFrom('import_ids').select('kind').where('source', '=', source).where('scope', '=', '').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function rememberIds(db: Db, run: ImportRun, kind: string, pairs: readonly { externalId: string; localId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const createdAt = run.now().toISOString();
  const scope = scopeOf(run);
  for (let at = 0; at < pairs.length; at += 1_000) {
    await db
      .insertInto('import_ids')
      .values(pairs.slice(at, at + 1_000).map((pair) => ({ source: run.source, scope, kind, external_id: pair.externalId, local_id: pair.localId, run_id: run.runId, created_at: createdAt })))
      .execute();
  }
}

/** Whether an article is a Disqus thread's stand-in, from whichever forum (stubs are keyed by our own id). */
export async function isDisqusStub(db: Db, articleId: string): Promise<boolean> {
  const row = await db.selectFrom('import_ids').select('kind').where('source', '=', 'disqus').where('kind', '=', 'stub').where('external_id', '=', articleId).executeTakeFirst();
  return row !== undefined;
}

/** The article is no longer a stand-in (WordPress filled it, or an editor attached its comments elsewhere). */
export async function forgetDisqusStub(db: Db, articleId: string): Promise<void> {
  await db.deleteFrom('import_ids').where('source', '=', 'disqus').where('kind', '=', 'stub').where('external_id', '=', articleId).execute();
}

export interface PendingRecord {
  kind: string;
  externalId: string;
  waitsFor: string;
  line: number;
  payload: string;
}

/** Parks records until what they wait for is imported; a record already parked stays as it was. */
export async function park(db: Db, at: IdScope, records: readonly PendingRecord[]): Promise<void> {
  if (records.length === 0) return;
  for (let offset = 0; offset < records.length; offset += 1_000) {
    await db
      .insertInto('import_pending')
      .values(records.slice(offset, offset + 1_000).map((record) => ({
        source: at.source, scope: at.scope, kind: record.kind, external_id: record.externalId, waits_for: record.waitsFor, line: record.line, payload: record.payload,
      })))
      .onConflict((conflict) => conflict.columns(['source', 'scope', 'kind', 'external_id']).doNothing())
      .execute();
  }
}

export async function parkedIds(db: Db, at: IdScope, kind: string, externalIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(externalIds)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .selectFrom('import_pending')
    .select('external_id')
    .where('source', '=', at.source)
    .where('scope', '=', at.scope)
    .where('kind', '=', kind)
    .where('external_id', 'in', unique)
    .execute();
  return new Set(rows.map((row) => row.external_id));
}

/** Takes (and removes) up to `limit` parked records waiting for any of `keys`. */
export async function release(db: Db, at: IdScope, keys: readonly string[], limit: number): Promise<PendingRecord[]> {
  if (keys.length === 0) return [];
  return takeWhere(db, at, limit, (query) => query.where('waits_for', 'in', [...new Set(keys)]));
}

/** Takes (and removes) up to `limit` parked records waiting for any record of a kind (`thread:`). */
export async function releaseWaitingOn(db: Db, at: IdScope, prefix: string, limit: number): Promise<PendingRecord[]> {
  return takeWhere(db, at, limit, (query) => query.where('waits_for', 'like', `${prefix}%`));
}

/**
 * Parked records of `kind` whose awaited record of the same kind is not parked itself: it will never
 * come (the file has ended). Records waiting for another parked one are left until that one lands.
 */
export async function takeOrphans(db: Db, at: IdScope, kind: string, limit: number): Promise<PendingRecord[]> {
  return takeWhere(db, at, limit, (query) =>
    query
      .where('kind', '=', kind)
      .where('waits_for', 'like', `${kind}:%`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('import_pending as awaited')
              .select('awaited.line')
              .where('awaited.source', '=', at.source)
              .where('awaited.scope', '=', at.scope)
              .where('awaited.kind', '=', kind)
              // substr() rather than concatenation, so the lookup uses the primary key.
              .where(sql<boolean>`awaited.external_id = substr(import_pending.waits_for, ${sql.lit(kind.length + 2)})`),
          ),
        ),
      ),
  );
}

/** Any parked records, oldest line first (what is left once nothing else can land). */
export async function takeAny(db: Db, at: IdScope, limit: number, kind?: string): Promise<PendingRecord[]> {
  return takeWhere(db, at, limit, (query) => (kind ? query.where('kind', '=', kind) : query));
}

type PendingQuery = ReturnType<typeof selectPending>;

function selectPending(db: Db, at: IdScope) {
  return db
    .selectFrom('import_pending')
    .select(['kind', 'external_id', 'waits_for', 'line', 'payload'])
    .where('import_pending.source', '=', at.source)
    .where('import_pending.scope', '=', at.scope);
}

async function takeWhere(db: Db, at: IdScope, limit: number, filter: (query: PendingQuery) => PendingQuery): Promise<PendingRecord[]> {
  const rows = await filter(selectPending(db, at)).orderBy('line').limit(limit).execute();
  if (rows.length === 0) return [];
  for (const kind of new Set(rows.map((row) => row.kind))) {
    const ids = rows.filter((row) => row.kind === kind).map((row) => row.external_id);
    await db.deleteFrom('import_pending').where('source', '=', at.source).where('scope', '=', at.scope).where('kind', '=', kind).where('external_id', 'in', ids).execute();
  }
  return rows.map((row) => ({ kind: row.kind, externalId: row.external_id, waitsFor: row.waits_for, line: Number(row.line), payload: row.payload }));
}

/** Forgets what a run of this source left parked (a run that was killed): each run starts afresh. */
export async function clearParked(db: Db, source: string): Promise<void> {
  await db.deleteFrom('import_pending').where('source', '=', source).execute();
}
