import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { etagOf, type CachedPage, type Encoding, type PageCache } from './page-cache.js';
import type { PageCacheInvalidator } from './page-cache-events.js';

export interface PageCachePluginOptions {
  store: PageCache;
  invalidator: PageCacheInvalidator;
  /** Route patterns served from the cache to visitors without a personal cookie, each with its tags. */
  cachedRoutes: Readonly<Record<string, readonly string[]>>;
  /** Routes answered with an ETag (and 304) but never cached: their answer is per visitor. */
  validatedRoutes: readonly string[];
  /** Cookies that make a page personal: their holders always get a fresh page. */
  personalCookies: readonly string[];
  /**
   * State-changing routes whose effects the event bus announces (comments, reactions): every other
   * successful POST/PUT/PATCH/DELETE (an editor's save, a moderator's action, an import) drops every
   * cached page, on every instance, so nothing that forgets to announce itself is ever served stale.
   */
  announcedWrites: readonly string[];
  /**
   * The next moment pages change with no event to say so (a scheduled article going live), or null.
   * Asked again only after everything was dropped (an article saved or scheduled anywhere drops all) or
   * once that moment has come.
   */
  staleAt?: () => Promise<Date | null>;
  now?: () => Date;
}

interface PageCacheState {
  personal: boolean;
  cacheable: boolean;
  hit: boolean;
  epoch: number;
  tags: string[];
  /** Set when this request draws a page that other readers arriving meanwhile wait for. */
  flight?: RenderFlight;
  /** For a signed-in visitor on a cached route: drawings of this page shared by readers (./reader-pages.ts). */
  drawings?: SharedDrawings;
}

/**
 * Drawings of one address that many signed-in readers share, each under the name of what it tells them
 * (`variant`), kept with the anonymous pages: the same tags, drops, age limit and memory budget.
 */
export interface SharedDrawings {
  get(variant: string): Buffer | undefined;
  /** Stores the drawing (unless what it shows changed while it was drawn), and gives it back. */
  keep(variant: string, body: Buffer): Promise<Buffer>;
}

/** A page being drawn for the first reader who missed it; later readers wait for it instead of drawing it again. */
interface RenderFlight {
  /** The cache's epoch when the drawing began. */
  epoch: number;
  /** The page drawn, or undefined when it could not be shared (an error, a personal answer, a dropped request). */
  page: Promise<CachedPage | undefined>;
  settle(page?: CachedPage): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    pageCache: PageCacheState | null;
  }
}

/** Same negotiation as @fastify/compress (br, then gzip; `*` and `x-gzip` mean gzip; under 1 kB as is). */
const COMPRESS_THRESHOLD = 1024;
const negotiator = new Negotiator<'br' | 'gzip'>({ supportedValues: ['br', 'gzip'] });
const GZIP_ALIAS = /\*|x-gzip/gu;

export function negotiatedEncoding(request: FastifyRequest, size: number): Encoding {
  const header = request.headers['accept-encoding'];
  if (header === undefined || size < COMPRESS_THRESHOLD || request.headers['x-no-compression'] !== undefined) return 'identity';
  return negotiator.negotiate(header.toLowerCase().replace(GZIP_ALIAS, 'gzip')) ?? 'identity';
}

/** Kept out of the stored headers: per response, or set again on every send. */
const UNSTORED = new Set(['set-cookie', 'content-length', 'content-encoding', 'etag', 'last-modified', 'vary', 'date', 'connection', 'transfer-encoding']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The handler drew something only this visitor may see: the answer is not stored. */
export function keepOutOfPageCache(request: FastifyRequest): void {
  if (request.pageCache) request.pageCache.cacheable = false;
}

/** More of what this page shows (e.g. the related stories whose comment counts it lists). */
export function tagPage(request: FastifyRequest, tags: readonly string[]): void {
  request.pageCache?.tags.push(...tags);
}

function notModified(request: FastifyRequest, etag: string, lastModified?: string): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) return match === '*' || match.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
  const since = request.headers['if-modified-since'];
  return since !== undefined && lastModified !== undefined && Date.parse(since) >= Date.parse(lastModified);
}

function sendNotModified(reply: FastifyReply, etag: string, lastModified?: string) {
  reply.code(304).header('etag', etag).header('vary', 'accept-encoding');
  if (lastModified) reply.header('last-modified', lastModified);
  reply.removeHeader('content-type');
}

function sendCached(request: FastifyRequest, reply: FastifyReply, store: PageCache, page: CachedPage) {
  if (notModified(request, page.etag, page.lastModified)) {
    sendNotModified(reply, page.etag, page.lastModified);
    return reply.headers({ 'cache-control': page.headers['cache-control'] ?? 'no-cache' }).send();
  }
  const encoding = negotiatedEncoding(request, page.identity.length);
  const body = store.body(page, encoding);
  reply.headers(page.headers).header('etag', page.etag).header('last-modified', page.lastModified).header('vary', 'accept-encoding');
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(body);
}

/**
 * Serves anonymous public pages from `store` (./page-cache.ts) straight from the request hook, stores
 * them as they are first rendered, answers conditional requests with 304, and drops every cached page
 * after unannounced writes. Registered after the cookie parser and before any route.
 */
export const pageCachePlugin = fp<PageCachePluginOptions>(async (app, options) => {
  const { store } = options;
  const cached = new Map(Object.entries(options.cachedRoutes));
  const validated = new Set(options.validatedRoutes);
  const announced = new Set(options.announcedWrites);
  const flights = new Map<string, RenderFlight>();
  const now = options.now ?? (() => new Date());
  let knownStaleAt: { clears: number; at: Promise<Date | null> } | undefined;

  async function staleAt(): Promise<Date | null> {
    if (!options.staleAt) return null;
    if (knownStaleAt?.clears === store.clears) {
      const at = await knownStaleAt.at;
      if (at === null || at > now()) return at;
    }
    const at = options.staleAt();
    knownStaleAt = { clears: store.clears, at };
    // A failed read is not remembered: the next page asks again.
    at.catch(() => {
      if (knownStaleAt?.at === at) knownStaleAt = undefined;
    });
    return at;
  }
  app.decorateRequest('pageCache', null);

  function sharedDrawings(url: string, state: PageCacheState): SharedDrawings {
    // A NUL never reaches a request's URL, so no address can name another's drawing.
    const key = (variant: string) => `${url}\u0000${variant}`;
    return {
      get: (variant) => store.get(key(variant))?.identity,
      async keep(variant, identity) {
        store.set(key(variant), { headers: {}, identity, etag: '', tags: state.tags, staleAt: await staleAt() }, state.epoch);
        return identity;
      },
    };
  }

  function startFlight(request: FastifyRequest, reply: FastifyReply, state: PageCacheState): void {
    const key = request.url;
    let settle!: (page?: CachedPage) => void;
    const page = new Promise<CachedPage | undefined>((resolve) => {
      settle = resolve;
    });
    const flight: RenderFlight = {
      epoch: state.epoch,
      page,
      settle(drawn) {
        settle(drawn);
        if (flights.get(key) === flight) flights.delete(key);
      },
    };
    flights.set(key, flight);
    state.flight = flight;
    // However the request ends (a reader who hung up never reaches onResponse), nobody waits forever.
    reply.raw.once('close', () => flight.settle());
  }

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const route = request.routeOptions.url ?? '';
    const tags = cached.get(route);
    if (!tags && !validated.has(route)) return;
    const personal = !tags || options.personalCookies.some((name) => request.cookies[name] !== undefined);
    request.pageCache = { personal, cacheable: !personal, hit: false, epoch: store.epoch, tags: [...(tags ?? [])] };
    if (personal) {
      if (tags) request.pageCache.drawings = sharedDrawings(request.url, request.pageCache);
      return;
    }
    const page = store.get(request.url);
    if (page) {
      request.pageCache.hit = true;
      return sendCached(request, reply, store, page);
    }
    // A stampede after a drop (a comment on a busy article) draws the page once: readers who ask while
    // it is being drawn get that page, unless what it shows changed between its start and their asking.
    const flight = flights.get(request.url);
    if (flight) {
      const askedAt = store.epoch;
      const drawn = await flight.page;
      if (drawn && !store.changedBetween(drawn.tags, flight.epoch, askedAt)) {
        store.noteShared();
        request.pageCache.hit = true;
        return sendCached(request, reply, store, drawn);
      }
    }
    if (!flights.has(request.url)) startFlight(request, reply, request.pageCache);
  });

  app.addHook('onResponse', async (request) => {
    request.pageCache?.flight?.settle();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (UNSAFE.has(request.method)) {
      if (reply.statusCode < 400 && !announced.has(request.routeOptions.url ?? '')) await options.invalidator.invalidate('all');
      return payload;
    }
    const state = request.pageCache;
    if (!state || state.hit || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const identity = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const etag = etagOf(identity);
    reply.header('etag', etag);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
    const storable = state.cacheable && !reply.hasHeader('set-cookie');
    const input = { headers: storedHeaders(reply), identity, etag, tags: state.tags, staleAt: storable ? await staleAt() : null };
    const stored = storable ? store.set(request.url, input, state.epoch) : undefined;
    state.flight?.settle(stored ?? (storable ? store.unstored(request.url, input) : undefined));
    if (stored) reply.header('last-modified', stored.lastModified);
    if (notModified(request, etag, stored?.lastModified)) {
      sendNotModified(reply, etag, stored?.lastModified);
      return '';
    }
    if (!stored) return payload;
    const encoding = negotiatedEncoding(request, identity.length);
    if (encoding === 'identity') return identity;
    const body = store.body(stored, encoding);
    reply.header('content-encoding', encoding).header('vary', 'accept-encoding').header('content-length', body.length);
    return body;
  });
}, { name: 'tribune-page-cache', dependencies: ['@fastify/cookie'] });

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || UNSTORED.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
