import type { Generated } from 'kysely';

/** Where an item's files live (src/media/stores.ts); recorded per item so a later change of store keeps old items served. */
export type MediaStoreKind = 'file' | 'database' | 's3';

/** Owned by the media domain (issue #16). */
export interface MediaItemsTable {
  id: string;
  /** As uploaded, for search and the library; never used as a path. */
  filename: string;
  /** The format the upload was sniffed as: jpeg, png, webp, avif, gif. */
  source_format: string;
  /** After auto-orientation. */
  width: number;
  height: number;
  /** First 16 hex digits of the SHA-256 of the uploaded bytes: part of every file's URL, so URLs never change meaning. */
  hash: string;
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  /** 1: purely decorative, published without alt text (rendered with alt=""). */
  decorative: Generated<number>;
  /** JSON array of what the upload carried and the stored files do not ("GPS position", …). */
  removed_metadata: string;
  /** JSON array of `{ name, width, format, bytes }`: the stored files, the re-encoded original first. */
  files: string;
  store: MediaStoreKind;
  uploaded_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The database store's bytes (several instances share them without a shared disk). */
export interface MediaBlobsTable {
  key: string;
  content_type: string;
  content: Buffer;
  created_at: string;
}

/** Which articles (or pages) use an item; written by their owners on save, so media never reads their tables. */
export interface MediaUsageTable {
  media_id: string;
  owner_kind: string;
  owner_id: string;
  owner_title: string;
  owner_url: string;
  updated_at: string;
}

export interface MediaTables {
  media_items: MediaItemsTable;
  media_blobs: MediaBlobsTable;
  media_usage: MediaUsageTable;
}
