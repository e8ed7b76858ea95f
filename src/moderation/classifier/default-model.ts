import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier, type Classifier } from './classifier.js';
import { META_FILE, loadModel } from './model.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The committed weights live beside the source. A build copies only compiled code into dist/, so from
 * there the source folder of the same checkout is used.
 */
export function defaultModelDir(): string {
  const candidates = [join(here, 'model'), resolve(here, '../../../src/moderation/classifier/model')];
  const found = candidates.find((dir) => existsSync(join(dir, META_FILE)));
  if (!found) throw new Error(`moderation model not found; looked in ${candidates.join(', ')}`);
  return found;
}

let shared: Classifier | undefined;

/** Loaded on first use (about 10 ms, measured in bench/moderation.ts) and kept for the process. */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier(loadModel(defaultModelDir()));
  return shared;
}
