import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/**
 * Finished responses for visitors without a session, as bytes: the body once, and each compressed form
 * the first time a client asks for it (compressed exactly as @fastify/compress would: Brotli quality 4,
 * gzip's default), so a hit costs no rendering and no compressing. Entries are dropped by tag when
 * something they show changes (./page-cache-events.ts), by age (relative dates, comments closing after
 * N days), and least recently used first past a byte budget.
 */
export type Encoding = 'br' | 'gzip' | 'identity';

export interface CachedPage {
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly identity: Buffer;
  readonly etag: string;
  /** HTTP date of when the page was made. */
  readonly lastModified: string;
  readonly storedAt: number;
  /** When the page goes stale whatever happens: its age limit, or earlier (a scheduled article's time). */
  readonly expiresAt: number;
  readonly tags: readonly string[];
  variants: Partial<Record<'br' | 'gzip', Buffer>>;
  size: number;
}

export interface PageInput {
  headers: Record<string, string>;
  identity: Buffer;
  etag: string;
  tags: readonly string[];
  staleAt?: Date | null;
}

export interface PageCacheOptions {
  maxBytes?: number;
  maxAgeMs?: number;
  now?: () => Date;
}

export interface PageCache {
  /** Incremented by every invalidation: a page rendered across one of its tags' is not stored. */
  readonly epoch: number;
  /** Incremented by every `clear`: what was known about all pages (the next scheduled article) may be old. */
  readonly clears: number;
  get(key: string): CachedPage | undefined;
  set(key: string, page: PageInput, epoch: number): CachedPage | undefined;
  /** The page `set` would store, made without storing it (for readers who asked while it was drawn). */
  unstored(key: string, page: PageInput): CachedPage;
  /** The body in this encoding, compressed (and kept) on first use. */
  body(page: CachedPage, encoding: Encoding): Buffer;
  invalidate(tags: readonly string[]): void;
  clear(): void;
  /**
   * Whether a page with these tags changed after epoch `from` and up to epoch `to`: may a page begun at
   * `from` be shown to a reader who asked at `to`? Answers yes (changed) when it no longer knows.
   */
  changedBetween(tags: readonly string[], from: number, to: number): boolean;
  /** Counts a reader served a page rendered for another reader who asked first. */
  noteShared(): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number; shared: number };
}

export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** Long enough to serve bursts from memory, short enough that "3 minutes ago" is never far off. */
export const PAGE_CACHE_MAX_AGE_MS = 60_000;

/** Invalidations remembered for `changedBetween`: far more than happen during one page's rendering. */
const INVALIDATION_LOG_SIZE = 1024;

const BROTLI = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } };

/** A weak validator: the same page in any encoding answers the same `If-None-Match`. */
export function etagOf(body: Buffer | string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

export function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body);
}

export function createPageCache(options: PageCacheOptions = {}): PageCache {
  const maxBytes = options.maxBytes ?? PAGE_CACHE_MAX_BYTES;
  const maxAgeMs = options.maxAgeMs ?? PAGE_CACHE_MAX_AGE_MS;
  const now = options.now ?? (() => new Date());
  // Map order is recency order: a hit moves its entry to the end, eviction takes from the front.
  const entries = new Map<string, CachedPage>();
  const byTag = new Map<string, Set<string>>();
  // When each tag (and everything) was last invalidated, so a page rendered meanwhile is not stored,
  // while a burst on one article does not keep every other page out.
  const invalidatedAt = new Map<string, number>();
  let clearedAt = 0;
  let clears = 0;
  let bytes = 0;
  let epoch = 0;
  let hits = 0;
  let misses = 0;
  let shared = 0;
  // What each recent epoch invalidated ('all' for a clear), by epoch modulo the log's size.
  const invalidationLog: (readonly string[] | 'all')[] = new Array(INVALIDATION_LOG_SIZE);

  function drop(key: string): void {
    const page = entries.get(key);
    if (!page) return;
    entries.delete(key);
    bytes -= page.size;
    for (const tag of page.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  }

  function makePage(key: string, input: PageInput): CachedPage {
    const at = now();
    return {
      key, headers: input.headers, identity: input.identity, etag: input.etag, tags: input.tags,
      lastModified: at.toUTCString(), storedAt: at.getTime(), variants: {}, size: input.identity.length + key.length + 512,
      expiresAt: Math.min(at.getTime() + maxAgeMs + 1, input.staleAt?.getTime() ?? Infinity),
    };
  }

  function evict(): void {
    for (const key of entries.keys()) {
      if (bytes <= maxBytes) return;
      drop(key);
    }
  }

  return {
    get epoch() {
      return epoch;
    },
    get clears() {
      return clears;
    },
    get(key) {
      const page = entries.get(key);
      if (!page || now().getTime() >= page.expiresAt || now().getTime() < page.storedAt) {
        if (page) drop(key);
        misses += 1;
        return undefined;
      }
      entries.delete(key);
      entries.set(key, page);
      hits += 1;
      return page;
    },
    set(key, input, renderedAt) {
      // Something changed while this page was being made: it may show the old state.
      if (clearedAt > renderedAt || input.tags.some((tag) => (invalidatedAt.get(tag) ?? 0) > renderedAt)) return undefined;
      const page = makePage(key, input);
      // One page may not take more than an eighth of the budget (with its compressed forms, a third more).
      if (page.size * 1.4 > maxBytes / 8) return undefined;
      drop(key);
      entries.set(key, page);
      bytes += page.size;
      for (const tag of input.tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      evict();
      return page;
    },
    unstored: makePage,
    body(page, encoding) {
      if (encoding === 'identity') return page.identity;
      let variant = page.variants[encoding];
      if (!variant) {
        variant = compress(page.identity, encoding);
        page.variants[encoding] = variant;
        if (entries.get(page.key) === page) {
          page.size += variant.length;
          bytes += variant.length;
          evict();
        }
      }
      return variant;
    },
    invalidate(tags) {
      epoch += 1;
      invalidationLog[epoch % INVALIDATION_LOG_SIZE] = tags;
      for (const tag of tags) {
        invalidatedAt.set(tag, epoch);
        for (const key of [...(byTag.get(tag) ?? [])]) drop(key);
      }
    },
    clear() {
      epoch += 1;
      invalidationLog[epoch % INVALIDATION_LOG_SIZE] = 'all';
      clearedAt = epoch;
      clears += 1;
      // Every tag is older than this now: their marks would only repeat it.
      invalidatedAt.clear();
      for (const key of [...entries.keys()]) drop(key);
    },
    changedBetween(tags, from, to) {
      if (epoch - from >= INVALIDATION_LOG_SIZE) return true;
      for (let at = from + 1; at <= to; at += 1) {
        const dropped = invalidationLog[at % INVALIDATION_LOG_SIZE]!;
        if (dropped === 'all' || dropped.some((tag) => tags.includes(tag))) return true;
      }
      return false;
    },
    noteShared() {
      shared += 1;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses, shared }),
  };
}
