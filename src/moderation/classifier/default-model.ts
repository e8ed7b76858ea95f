import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier, type Classifier } from './classifier.js';
import { META_FILE, loadModel } from './model.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The committed weights beside this module (the build copies them into dist/ too). */
export function defaultModelDir(): string {
  const dir = join(here, 'model');
  if (!existsSync(join(dir, META_FILE))) throw new Error(`moderation model not found in ${dir}; run npm run build`);
  return dir;
}

let shared: Classifier | undefined;

/** Loaded on first use (about 10 ms, measured in bench/moderation.ts) and kept for the process. */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier(loadModel(defaultModelDir()));
  return shared;
}
