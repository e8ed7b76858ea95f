import type { JsonSchemaToTsProvider } from '@fastify/type-provider-json-schema-to-ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { httpErrors } from '../errors.js';
import { negotiateEncoding, type Encoding } from './encoding.js';

export interface Asset {
  /** The body in each encoding: built with `.br`/`.gz` beside the file, or compressed once on first use. */
  bodies: Partial<Record<Encoding, Buffer>>;
  type: string;
  hash: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/**
 * Theme files live beside this module (the build copies them into dist/). Browser bundles are built by
 * esbuild into dist/client: beside dist/web when compiled, under dist/ when run from source.
 */
const searchPaths = [join(here, 'assets'), join(here, '../client'), join(here, '../../dist/client')];

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

const NAME = /^[a-z0-9-]+(\.[a-z0-9]+)+$/;
/** `theme.0123456789ab.css`: a name with its content's hash, so it can be cached for good. */
const FINGERPRINTED = /^([a-z0-9-]+)\.([0-9a-f]{12})(\.[a-z0-9.]+)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Unversioned names (the embed snippet's, feeds' images, old pages): short, and revalidated by ETag. */
const SHORT = 'public, max-age=300';

const cache = new Map<string, Asset>();

/** The build's precompressed copy when it is at least as new as the file; else compressed now, once. */
function encoded(file: string, body: Buffer, suffix: '.br' | '.gz'): Buffer {
  const built = file + suffix;
  if (existsSync(built) && statSync(built).mtimeMs >= statSync(file).mtimeMs) return readFileSync(built);
  return suffix === '.br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}

export function loadAsset(name: string): Asset | null {
  const cached = cache.get(name);
  if (cached) return cached;
  let asset: Asset | null = null;
  if (NAME.test(name)) {
    for (const dir of searchPaths) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      const body = readFileSync(file);
      const extension = name.slice(name.lastIndexOf('.'));
      const type = TYPES[extension] ?? 'application/octet-stream';
      const bodies: Asset['bodies'] = { identity: body };
      // Every type we serve is text or an uncompressed bitmap (.ico); tiny files gain nothing but headers.
      if (extension in TYPES && body.length > 256) {
        bodies.br = encoded(file, body, '.br');
        bodies.gzip = encoded(file, body, '.gz');
      }
      asset = { bodies, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
      break;
    }
  }
  // Only files found: a miss cached per name would let any visitor grow this map without bound.
  if (asset) cache.set(name, asset);
  return asset;
}

/** The asset's fingerprinted URL, cached by browsers for a year; a new build changes the name. */
export function assetUrl(name: string): string {
  const asset = loadAsset(name);
  const dot = name.indexOf('.');
  return asset ? `/assets/${name.slice(0, dot)}.${asset.hash}${name.slice(dot)}` : `/assets/${name}`;
}

/**
 * Sends an asset in the best encoding the client accepts, with an ETag per encoding (each is its own
 * representation) and `Vary: Accept-Encoding` for caches. Compression is done already: routes using
 * this turn the compression plugin off.
 */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl: string): FastifyReply {
  const offered = (['br', 'gzip', 'identity'] as const).filter((encoding) => asset.bodies[encoding]);
  const encoding = negotiateEncoding(request.headers['accept-encoding'], offered) ?? 'identity';
  const etag = `"${asset.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  reply.header('content-type', asset.type);
  reply.header('cache-control', cacheControl);
  reply.header('etag', etag);
  if (offered.length > 1) reply.header('vary', 'accept-encoding');
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  if (asset.type.startsWith('text/javascript')) reply.header('access-control-allow-origin', '*');
  const tags = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (tags.includes(etag) || tags.includes('*')) return reply.code(304).send();
  return reply.send(asset.bodies[encoding]);
}

/** `/assets/NAME` and `/assets/NAME.HASH.EXT`, and `/favicon.ico` where browsers look for it unasked. */
export const assetRoutes: FastifyPluginAsync = async (plain) => {
  const app = plain.withTypeProvider<JsonSchemaToTsProvider>();
  app.get(
    '/assets/:name',
    { compress: false, schema: { params: { type: 'object', properties: { name: { type: 'string', maxLength: 100 } }, required: ['name'] } } },
    async (request, reply) => {
      const { name } = request.params;
      const fingerprint = FINGERPRINTED.exec(name);
      const asset = (fingerprint && loadAsset(`${fingerprint[1]}${fingerprint[3]}`)) || loadAsset(name);
      if (!asset) throw httpErrors.raise('NOT_FOUND', 'No such asset.');
      // A page from before a deploy names the old hash: it gets today's file, but only briefly cached.
      const current = fingerprint ? fingerprint[2] === asset.hash : (request.query as Record<string, unknown>).v === asset.hash;
      return sendAsset(request, reply, asset, current ? IMMUTABLE : SHORT);
    },
  );

  app.get('/favicon.ico', { compress: false }, async (request, reply) => {
    const asset = loadAsset('favicon.ico');
    if (!asset) throw httpErrors.raise('NOT_FOUND', 'No favicon.');
    return sendAsset(request, reply, asset, 'public, max-age=86400');
  });
};
