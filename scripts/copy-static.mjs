// Files the compiled server reads at run time that tsc does not emit: theme assets and model weights.
import { chmodSync, cpSync } from 'node:fs';

for (const dir of ['web/assets', 'moderation/classifier/model']) {
  cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true });
}
// tsc writes files without the execute bit; `npm exec tribune` runs the bin entry directly.
chmodSync('dist/main.js', 0o755);
