import { committedFile, decodeWordTable, encodeWordTable, type WordTableHeader } from './word-table-file.js';

/**
 * Word clusters (spherical k-means over the word vectors, `scripts/build-word-clusters.ts`): each word
 * of the vector table gets one cluster id per level (coarse and fine). As hashed features they let the
 * linear heads read a word the labelled sets never had through the words it resembles ("cockroaches"
 * falls with "rats"), at the cost of one map lookup a word, with no dense dimensions to shrink.
 *
 * File layout: "TWC1" and the word table of `word-table-file.ts`, then uint16 ids (little-endian),
 * `levels.length` per word.
 */
export interface WordClusters {
  /** Number of clusters at each level. */
  levels: number[];
  /** Row of each word in `ids`. */
  index: Map<string, number>;
  /** `levels.length` ids per row. */
  ids: Uint16Array;
}

interface WordClustersHeader extends WordTableHeader {
  format: 'tribune-word-clusters/1';
  source: string;
  levels: number[];
}

export const WORD_CLUSTERS_FILE = 'word-clusters.bin';
const MAGIC = 'TWC1';

export function encodeWordClusters(source: string, levels: number[], words: string[], ids: Uint16Array): Buffer {
  if (ids.length !== words.length * levels.length) throw new Error('word clusters: one id per word and level');
  const idBytes = Buffer.alloc(ids.length * 2);
  ids.forEach((id, i) => idBytes.writeUInt16LE(id, i * 2));
  return encodeWordTable(MAGIC, { format: 'tribune-word-clusters/1', source, levels }, words, [idBytes]);
}

export function decodeWordClusters(bytes: Buffer): WordClusters {
  const { header, index, offset } = decodeWordTable<WordClustersHeader>(bytes, MAGIC, 'word-clusters');
  const size = header.count * header.levels.length;
  if (bytes.length !== offset + size * 2) throw new Error('word-clusters file: id table size does not match its header');
  const ids = new Uint16Array(size);
  for (let i = 0; i < size; i++) ids[i] = bytes.readUInt16LE(offset + i * 2);
  return { levels: header.levels, index, ids };
}

/** The committed clusters beside the model, loaded on first use and kept for the process. */
export const defaultWordClusters = committedFile(WORD_CLUSTERS_FILE, decodeWordClusters, 'build:word-clusters');
