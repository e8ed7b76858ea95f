import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { httpErrors } from '../errors.js';
import { loadAsset, sendAsset } from '../web/assets.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The esbuild bundle from `npm run build`, found from the sources (tsx) or from dist. */
const BUILT = [join(here, '../../dist/client/widget.js'), join(here, '../client/widget.js')];
const SOURCE = join(here, '../../client/widget/main.ts');

let cached: Promise<Buffer | null> | undefined;

/** The bundle; in development without a build, esbuild bundles the source once on first request. */
export function widgetBundle(): Promise<Buffer | null> {
  cached ??= (async () => {
    const built = BUILT.find((file) => existsSync(file));
    if (built) return readFileSync(built);
    if (!existsSync(SOURCE)) return null;
    try {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({ entryPoints: [SOURCE], bundle: true, minify: true, format: 'iife', target: ['es2020'], write: false, legalComments: 'none' });
      return Buffer.from(result.outputFiles[0].contents);
    } catch {
      return null;
    }
  })();
  return cached;
}

/**
 * `/widget.js`: the one tag another site embeds; the same file the article page loads from /assets under
 * its fingerprinted name. This URL never changes, so it is cached only briefly, and sent precompressed.
 */
export const widgetRoute: FastifyPluginAsync = async (app) => {
  app.get('/widget.js', async (request, reply) => {
    const built = loadAsset('widget.js');
    if (built) return sendAsset(request, reply, built, 'public, max-age=300');
    const body = await widgetBundle();
    if (!body) throw httpErrors.raise('NOT_FOUND', 'The widget is not built; run npm run build.');
    return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
  });
};
