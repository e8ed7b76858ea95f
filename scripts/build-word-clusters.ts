/**
 * Regenerates src/moderation/classifier/model/word-clusters.bin from the committed word vectors:
 * spherical k-means (cosine, the rows have unit length) at each level of --levels, seeded k-means++
 * starts, a fixed number of rounds, so the same vectors always give the same bytes.
 *
 *   npm run build:word-clusters [-- --levels 64,512 --rounds 25]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORD_CLUSTERS_FILE, encodeWordClusters } from '../src/moderation/classifier/word-clusters.js';
import { WORD_VECTORS_FILE, decodeWordVectors } from '../src/moderation/classifier/word-vectors.js';
import { random } from '../src/moderation/classifier/training/augment.js';

const modelDir = 'src/moderation/classifier/model';
const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: '64,512' },
    rounds: { type: 'string', default: '25' },
    out: { type: 'string', default: join(modelDir, WORD_CLUSTERS_FILE) },
  },
});
const levels = values.levels!.split(',').map(Number);
const rounds = Number(values.rounds);
const log = (message: string) => process.stderr.write(`${message}\n`);

const table = decodeWordVectors(readFileSync(join(modelDir, WORD_VECTORS_FILE)));
const words = [...table.index.keys()];
const n = words.length;
const d = table.dimensions;
const rows = table.vectors;
const ids = new Uint16Array(n * levels.length);
levels.forEach((k, level) => {
  const assignment = sphericalKMeans(k, 7 + level);
  for (let i = 0; i < n; i++) ids[i * levels.length + level] = assignment[i];
});
writeFileSync(resolve(values.out!), encodeWordClusters(`spherical k-means of ${WORD_VECTORS_FILE} (GloVe 6B), ${rounds} rounds`, levels, words, ids));
log(`wrote ${values.out}: ${n} words, levels ${levels.join(', ')}`);

function dot(row: number, centres: Float32Array, centre: number): number {
  let sum = 0;
  const a = row * d;
  const b = centre * d;
  for (let j = 0; j < d; j++) sum += rows[a + j] * centres[b + j];
  return sum;
}

function sphericalKMeans(k: number, seed: number): Uint16Array {
  const rand = random(seed);
  const centres = new Float32Array(k * d);
  // k-means++: each next centre drawn in proportion to its distance (1 − cosine) from the nearest one.
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    centres.set(rows.subarray(pick * d, pick * d + d), c * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], Math.max(0, 1 - dot(i, centres, c)));
      total += nearest[i];
    }
    let target = rand() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i];
      if (target <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assignment = new Uint16Array(n);
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    let cohesion = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const score = dot(i, centres, c);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (assignment[i] !== best) moved++;
      assignment[i] = best;
      cohesion += bestScore;
    }
    centres.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) centres[assignment[i] * d + j] += rows[i * d + j];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < d; j++) norm += centres[c * d + j] ** 2;
      norm = Math.sqrt(norm);
      // An emptied centre keeps a zero vector and takes no words; with k-means++ starts this is rare.
      if (norm > 0) for (let j = 0; j < d; j++) centres[c * d + j] /= norm;
    }
    log(`k=${k} round ${round + 1}: ${moved} words moved, mean cosine ${(cohesion / n).toFixed(3)}`);
    if (moved === 0) break;
  }
  return assignment;
}
