import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Word clusters (spherical k-means over the word vectors, `scripts/build-word-clusters.ts`): each word
 * of the vector table gets one cluster id per level (coarse and fine). As hashed features they let the
 * linear heads read a word the labelled sets never had through the words it resembles ("cockroaches"
 * falls with "rats"), at the cost of one map lookup a word, with no dense dimensions to shrink.
 *
 * File layout (little-endian): "TWC1", uint32 header length, header JSON, the words joined by "\n"
 * (`wordBytes` of UTF-8), then uint16 ids, `levels.length` per word.
 */
export interface WordClusters {
  /** Number of clusters at each level. */
  levels: number[];
  /** Row of each word in `ids`. */
  index: Map<string, number>;
  /** `levels.length` ids per row. */
  ids: Uint16Array;
}

interface WordClustersHeader {
  format: 'tribune-word-clusters/1';
  source: string;
  levels: number[];
  count: number;
  wordBytes: number;
}

export const WORD_CLUSTERS_FILE = 'word-clusters.bin';
const MAGIC = 'TWC1';

export function encodeWordClusters(source: string, levels: number[], words: string[], ids: Uint16Array): Buffer {
  if (ids.length !== words.length * levels.length) throw new Error('word clusters: one id per word and level');
  const wordBuffer = Buffer.from(words.join('\n'), 'utf8');
  const header: WordClustersHeader = { format: 'tribune-word-clusters/1', source, levels, count: words.length, wordBytes: wordBuffer.length };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const idBytes = Buffer.alloc(ids.length * 2);
  ids.forEach((id, i) => idBytes.writeUInt16LE(id, i * 2));
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, json, wordBuffer, idBytes]);
}

export function decodeWordClusters(bytes: Buffer): WordClusters {
  if (bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a word-clusters file');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as WordClustersHeader;
  let offset = 8 + headerLength;
  const words = bytes.toString('utf8', offset, offset + header.wordBytes).split('\n');
  offset += header.wordBytes;
  if (words.length !== header.count) throw new Error('word-clusters file: word count does not match its header');
  const size = header.count * header.levels.length;
  if (bytes.length !== offset + size * 2) throw new Error('word-clusters file: id table size does not match its header');
  const ids = new Uint16Array(size);
  for (let i = 0; i < size; i++) ids[i] = bytes.readUInt16LE(offset + i * 2);
  const index = new Map<string, number>();
  words.forEach((word, i) => index.set(word, i));
  return { levels: header.levels, index, ids };
}

const here = dirname(fileURLToPath(import.meta.url));
let shared: WordClusters | undefined;

/** The committed clusters beside the model, loaded on first use and kept for the process. */
export function defaultWordClusters(): WordClusters {
  if (!shared) {
    const file = join(here, 'model', WORD_CLUSTERS_FILE);
    if (!existsSync(file)) throw new Error(`word clusters not found at ${file}; run npm run build:word-clusters`);
    shared = decodeWordClusters(readFileSync(file));
  }
  return shared;
}
