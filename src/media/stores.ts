import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database, MediaStoreKind } from '../db/schema.js';
import { mediaErrors } from './errors.js';

/**
 * Where an image's files live. Keys are `ITEM_ID/FILE_NAME`, both made by us from [a-z0-9.-], never
 * from the uploader's file name.
 */
export interface MediaStore {
  kind: MediaStoreKind;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  /** Removes every file of an item (its keys start with `ITEM_ID/`). */
  deleteItem(itemId: string, keys: string[]): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9]+\/[a-z0-9.-]+$/;
function checked(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`unsafe media key ${key}`);
  return key;
}

/** The default: files under DATA_DIR/media, written whole then renamed, so a reader never sees half a file. */
export function fileStore(dataDir: string): MediaStore {
  const root = join(dataDir, 'media');
  return {
    kind: 'file',
    async put(key, bytes) {
      const path = join(root, checked(key));
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(key) {
      try {
        return await readFile(join(root, checked(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async deleteItem(itemId) {
      await rm(join(root, checked(`${itemId}/x`).split('/')[0]), { recursive: true, force: true });
    },
  };
}

/** Bytes in the database: every instance behind a load balancer serves every image, with no shared disk or bucket. */
export function databaseStore(db: Kysely<Database>, now: () => Date): MediaStore {
  return {
    kind: 'database',
    async put(key, bytes, contentType) {
      await db
        .insertInto('media_blobs')
        .values({ key: checked(key), content_type: contentType, content: bytes, created_at: now().toISOString() })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute();
    },
    async get(key) {
      const row = await db.selectFrom('media_blobs').select('content').where('key', '=', checked(key)).executeTakeFirst();
      return row ? Buffer.from(row.content) : undefined;
    },
    async deleteItem(_itemId, keys) {
      if (keys.length > 0) await db.deleteFrom('media_blobs').where('key', 'in', keys.map(checked)).execute();
    },
  };
}

/** An S3-compatible bucket through the official SDK (AWS, MinIO, R2, Garage…). Not exercised by the test suite: no S3 runs here. */
export function s3Store(settings: NonNullable<Config['media']['s3']>): MediaStore {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
  });
  const objectKey = (key: string) => `${settings.prefix}${checked(key)}`;
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async deleteItem(_itemId, keys) {
      if (keys.length === 0) return;
      await client.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: keys.map((key) => ({ Key: objectKey(key) })) } }));
    },
  };
}

export interface MediaStores {
  /** Where new uploads go (TRIBUNE_MEDIA_STORE). */
  current: MediaStore;
  /** The store an item was written to; a site that moved to another store still serves its older items. */
  of(kind: MediaStoreKind): MediaStore;
}

export function createMediaStores(config: Config, db: Kysely<Database>, now: () => Date): MediaStores {
  const made = new Map<MediaStoreKind, MediaStore>();
  const of = (kind: MediaStoreKind): MediaStore => {
    let store = made.get(kind);
    if (!store) {
      if (kind === 's3' && !config.media.s3) throw mediaErrors.raise('MEDIA_STORE_UNAVAILABLE');
      store = kind === 'file' ? fileStore(config.dataDir) : kind === 'database' ? databaseStore(db, now) : s3Store(config.media.s3!);
      made.set(kind, store);
    }
    return store;
  };
  return { current: of(config.media.store), of };
}
