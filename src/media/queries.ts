import { sql, type Kysely } from 'kysely';
import type { Database, NewRow, Row } from '../db/schema.js';
import type { MediaFile, MediaItem, MediaOwner } from './types.js';

function toItem(row: Row<'media_items'>, usageCount: number): MediaItem {
  return {
    id: row.id,
    filename: row.filename,
    sourceFormat: row.source_format,
    width: row.width,
    height: row.height,
    hash: row.hash,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    decorative: row.decorative === 1,
    removedMetadata: JSON.parse(row.removed_metadata) as string[],
    files: JSON.parse(row.files) as MediaFile[],
    store: row.store,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    usageCount,
  };
}

async function usageCounts(db: Kysely<Database>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('media_usage').select(['media_id', (eb) => eb.fn.countAll().as('n')]).where('media_id', 'in', ids).groupBy('media_id').execute();
  // pg returns COUNT(*) as a string.
  return new Map(rows.map((row) => [row.media_id, Number(row.n)]));
}

async function withCounts(db: Kysely<Database>, rows: Row<'media_items'>[]): Promise<MediaItem[]> {
  const counts = await usageCounts(db, rows.map((row) => row.id));
  return rows.map((row) => toItem(row, counts.get(row.id) ?? 0));
}

export async function insertItem(db: Kysely<Database>, row: NewRow<'media_items'>): Promise<void> {
  await db.insertInto('media_items').values(row).execute();
}

export async function itemsById(db: Kysely<Database>, ids: string[]): Promise<MediaItem[]> {
  const unique = [...new Set(ids)].filter((id) => /^[a-z0-9]{1,40}$/.test(id));
  if (unique.length === 0) return [];
  return withCounts(db, await db.selectFrom('media_items').selectAll().where('id', 'in', unique).execute());
}

/** Newest first; `q` matches file name, alt text or caption, case-insensitively on both engines. */
export async function searchItems(db: Kysely<Database>, q: string, limit: number, offset: number): Promise<MediaItem[]> {
  let query = db.selectFrom('media_items').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset);
  const text = q.trim().toLowerCase();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or(['filename', 'alt', 'caption'].map((column) => eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`))));
  }
  return withCounts(db, await query.execute());
}

export async function updateItem(db: Kysely<Database>, id: string, values: Partial<Pick<Row<'media_items'>, 'alt' | 'caption' | 'credit' | 'decorative'>>, time: string): Promise<boolean> {
  const result = await db.updateTable('media_items').set({ ...values, updated_at: time }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function usersOf(db: Kysely<Database>, mediaId: string): Promise<MediaOwner[]> {
  const rows = await db.selectFrom('media_usage').select(['owner_kind', 'owner_id', 'owner_title', 'owner_url']).where('media_id', '=', mediaId).orderBy('owner_title').execute();
  return rows.map((row) => ({ kind: row.owner_kind, id: row.owner_id, title: row.owner_title, url: row.owner_url }));
}

/** The owner's whole list of images, replaced in one transaction (ids not in the library are skipped). */
export async function replaceUsage(db: Kysely<Database>, owner: MediaOwner, mediaIds: string[], time: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('media_usage').where('owner_kind', '=', owner.kind).where('owner_id', '=', owner.id).execute();
    const known = mediaIds.length ? await trx.selectFrom('media_items').select('id').where('id', 'in', [...new Set(mediaIds)]).execute() : [];
    if (known.length === 0) return;
    await trx.insertInto('media_usage').values(known.map((row) => ({
      media_id: row.id, owner_kind: owner.kind, owner_id: owner.id, owner_title: owner.title.slice(0, 300), owner_url: owner.url, updated_at: time,
    }))).execute();
  });
}

export async function deleteItemRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('media_items').where('id', '=', id).execute();
}
