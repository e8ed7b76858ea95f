import type { Kysely } from 'kysely';
import { newId } from '../db/ids.js';
import type { Database } from '../db/schema.js';
import { mediaErrors } from './errors.js';
import { CONTENT_TYPES, processImage } from './process.js';
import * as queries from './queries.js';
import { createMediaStores, type MediaStores } from './stores.js';
import type { MediaDeps, MediaEdit, MediaItem, MediaOwner, MediaReadDeps, UploadInput } from './types.js';

// One set of stores per database handle (an S3 client keeps its connections): made on first use, not at import.
const storesByDb = new WeakMap<Kysely<Database>, MediaStores>();
export function mediaStores(deps: Pick<MediaDeps, 'db' | 'config' | 'now'>): MediaStores {
  let stores = storesByDb.get(deps.db);
  if (!stores) {
    stores = createMediaStores(deps.config, deps.db, deps.now);
    storesByDb.set(deps.db, stores);
  }
  return stores;
}

export async function uploadLimits(deps: Pick<MediaDeps, 'settings'>) {
  const { media } = await deps.settings.get();
  return { maxBytes: media.maxUploadMegabytes * 1_000_000, maxPixels: media.maxMegapixels * 1_000_000, keepCreditLine: media.keepCreditLine };
}

const MAX_TEXT = { alt: 1000, caption: 2000, credit: 300 } as const;

function cleanText(value: string | undefined, field: keyof typeof MAX_TEXT): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length > MAX_TEXT[field]) throw mediaErrors.raise('MEDIA_INVALID', `At most ${MAX_TEXT[field]} characters.`, field);
  return text;
}

/** Validates, processes and stores an upload; the row is written last, so a failed upload leaves no item behind. */
export async function storeUpload(deps: MediaDeps, input: UploadInput): Promise<MediaItem> {
  const alt = cleanText(input.alt, 'alt') ?? '';
  const caption = cleanText(input.caption, 'caption') ?? '';
  const credit = cleanText(input.credit, 'credit') ?? '';
  const limits = await uploadLimits(deps);
  const processed = await processImage(input.bytes, { ...limits, credit });
  const id = newId(deps.now());
  const store = mediaStores(deps).current;
  for (const file of processed.files) await store.put(`${id}/${file.name}`, file.bytes, CONTENT_TYPES[file.format]);
  const time = deps.now().toISOString();
  await queries.insertItem(deps.db, {
    id,
    filename: input.filename.replace(/[\u0000-\u001f\\/]/g, '_').slice(0, 255) || 'image',
    source_format: processed.format,
    width: processed.width,
    height: processed.height,
    hash: processed.hash,
    alt,
    caption,
    credit,
    decorative: input.decorative ? 1 : 0,
    removed_metadata: JSON.stringify(processed.removed),
    files: JSON.stringify(processed.files.map(({ bytes, ...file }) => ({ ...file, bytes: bytes.length }))),
    store: store.kind,
    uploaded_by: input.uploadedBy ?? null,
    created_at: time,
    updated_at: time,
  });
  return (await findMedia(deps, [id])).get(id)!;
}

export async function findMedia(deps: MediaReadDeps, ids: string[]): Promise<Map<string, MediaItem>> {
  return new Map((await queries.itemsById(deps.db, ids)).map((item) => [item.id, item]));
}

export async function requireMedia(deps: MediaReadDeps, id: string): Promise<MediaItem> {
  const item = (await findMedia(deps, [id])).get(id);
  if (!item) throw mediaErrors.raise('MEDIA_NOT_FOUND');
  return item;
}

export async function searchMedia(deps: MediaReadDeps, q: string, page = 1, pageSize = 48): Promise<MediaItem[]> {
  return queries.searchItems(deps.db, q, pageSize, (page - 1) * pageSize);
}

export async function editMedia(deps: Pick<MediaDeps, 'db' | 'now'>, id: string, edit: MediaEdit): Promise<MediaItem> {
  const values = {
    ...(edit.alt !== undefined ? { alt: cleanText(edit.alt, 'alt') } : {}),
    ...(edit.caption !== undefined ? { caption: cleanText(edit.caption, 'caption') } : {}),
    ...(edit.credit !== undefined ? { credit: cleanText(edit.credit, 'credit') } : {}),
    ...(edit.decorative !== undefined ? { decorative: edit.decorative ? 1 : 0 } : {}),
  };
  if (!(await queries.updateItem(deps.db, id, values, deps.now().toISOString()))) throw mediaErrors.raise('MEDIA_NOT_FOUND');
  return requireMedia(deps, id);
}

/** The articles (or pages) that use an image. */
export async function mediaUsers(deps: MediaReadDeps, id: string): Promise<MediaOwner[]> {
  return queries.usersOf(deps.db, id);
}

/** Called by the owner on every save with every image it now uses; media never reads the owners' tables. */
export async function setMediaUsage(deps: Pick<MediaDeps, 'db' | 'now'>, owner: MediaOwner, mediaIds: string[]): Promise<void> {
  await queries.replaceUsage(deps.db, owner, mediaIds, deps.now().toISOString());
}

/**
 * Refused while anything uses the image, naming what does. The usage table's foreign key makes the
 * refusal hold even when an article starts using the image between the check and the delete.
 */
export async function deleteMedia(deps: Pick<MediaDeps, 'db' | 'now' | 'config'>, id: string): Promise<void> {
  const item = await requireMedia(deps, id);
  const users = await mediaUsers(deps, id);
  if (users.length > 0) throw inUse(users);
  try {
    await queries.deleteItemRow(deps.db, id);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') throw inUse(await mediaUsers(deps, id));
    throw error;
  }
  await mediaStores(deps).of(item.store).deleteItem(id, item.files.map((file) => `${id}/${file.name}`));
}

function inUse(users: MediaOwner[]) {
  const titles = users.map((user) => `“${user.title}”`).join(', ');
  return mediaErrors.raise('MEDIA_IN_USE', `This image is used by ${users.length === 1 ? 'an article' : `${users.length} articles`}: ${titles}. Remove it from ${users.length === 1 ? 'it' : 'them'} first.`, undefined, {
    usedBy: users.map((user) => ({ kind: user.kind, id: user.id, title: user.title, url: user.url })),
  });
}
