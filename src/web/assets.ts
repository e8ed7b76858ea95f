import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { httpErrors } from '../errors.js';

interface Asset {
  body: Buffer;
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
};

const cache = new Map<string, Asset | null>();

function loadAsset(name: string): Asset | null {
  if (cache.has(name)) return cache.get(name)!;
  let asset: Asset | null = null;
  if (/^[a-z0-9-]+(\.[a-z0-9]+)+$/.test(name)) {
    for (const dir of searchPaths) {
      const file = join(dir, name);
      if (existsSync(file)) {
        const body = readFileSync(file);
        const extension = name.slice(name.lastIndexOf('.'));
        asset = { body, type: TYPES[extension] ?? 'application/octet-stream', hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
        break;
      }
    }
  }
  cache.set(name, asset);
  return asset;
}

/** A cache-busting URL, so assets can be cached for a year. */
export function assetUrl(name: string): string {
  const asset = loadAsset(name);
  return asset ? `/assets/${name}?v=${asset.hash}` : `/assets/${name}`;
}

export const assetRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { name: string } }>(
    '/assets/:name',
    { schema: { params: { type: 'object', properties: { name: { type: 'string', maxLength: 100 } }, required: ['name'] } } },
    async (request, reply) => {
      const asset = loadAsset(request.params.name);
      if (!asset) throw httpErrors.raise('NOT_FOUND', 'No such asset.');
      const versioned = 'v' in (request.query as Record<string, unknown>);
      reply.header('content-type', asset.type);
      reply.header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      reply.header('etag', `"${asset.hash}"`);
      if (asset.type.startsWith('text/javascript')) reply.header('access-control-allow-origin', '*');
      if (request.headers['if-none-match'] === `"${asset.hash}"`) return reply.code(304).send();
      return reply.send(asset.body);
    },
  );
};
