// Files the compiled server reads at run time that tsc does not emit: theme assets and model weights.
import { cpSync } from 'node:fs';

for (const dir of ['web/assets', 'moderation/classifier/model']) {
  cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true });
}
