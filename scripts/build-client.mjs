// Bundles browser code (client/*/main.ts) into dist/client with esbuild.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const entries = readdirSync('client', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join('client', entry.name, 'main.ts')))
  .map((entry) => ({ in: join('client', entry.name, 'main.ts'), out: entry.name }));

if (entries.length > 0) {
  await build({
    entryPoints: entries,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    outdir: 'dist/client',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
