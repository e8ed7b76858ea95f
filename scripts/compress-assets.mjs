// Precompresses what the server sends as static files (dist/client bundles, dist/web/assets theme
// files) into NAME.br and NAME.gz beside each one, at the highest levels: done once here, not per
// request. src/web/assets.ts serves them when they are at least as new as the file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIRS = ['dist/client', 'dist/web/assets'];
const TEXT = /\.(css|js|svg|map|ico)$/;

let files = 0;
let before = 0;
let after = 0;
for (const dir of DIRS) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!TEXT.test(name) || !statSync(file).isFile()) continue;
    const body = readFileSync(file);
    // Below this an encoding saves less than its headers cost; the server sends these as they are.
    if (body.length <= 256) continue;
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    files += 1;
    before += body.length;
    after += br.length;
  }
}
process.stdout.write(`precompressed ${files} assets: ${before} bytes, ${after} as Brotli\n`);
