import type { Deps } from '../runtime.js';
import type { MediaStoreKind } from '../db/schema.js';
import type { OutputFormat } from './process.js';

/** What the media functions need; the stores are made from `config` (src/media/stores.ts). */
export type MediaDeps = Pick<Deps, 'db' | 'now' | 'config' | 'settings'>;
/** Reading items and their usage needs only the database. */
export type MediaReadDeps = Pick<Deps, 'db'>;

export interface MediaFile {
  name: string;
  width: number;
  height: number;
  format: OutputFormat;
  original: boolean;
  bytes: number;
}

export interface MediaItem {
  id: string;
  filename: string;
  sourceFormat: string;
  width: number;
  height: number;
  hash: string;
  alt: string;
  caption: string;
  credit: string;
  decorative: boolean;
  /** What the upload carried and no stored file does ("GPS position", "camera serial number", …). */
  removedMetadata: string[];
  files: MediaFile[];
  store: MediaStoreKind;
  uploadedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** How many articles (or pages) use it. */
  usageCount: number;
}

/** An article or page that uses images; its owner tells media on every save. */
export interface MediaOwner {
  kind: string;
  id: string;
  title: string;
  url: string;
}

export interface UploadInput {
  bytes: Buffer;
  filename: string;
  alt?: string;
  caption?: string;
  credit?: string;
  decorative?: boolean;
  uploadedBy?: string | null;
}

export interface MediaEdit {
  alt?: string;
  caption?: string;
  credit?: string;
  decorative?: boolean;
}
