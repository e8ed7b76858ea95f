/**
 * The site adaptation's own small view of the text: hashed word unigrams and bigrams of the canonical
 * text (de-obfuscated by the word scan, exactly what the classifier reads), each counted once and scaled
 * to unit length. Small on purpose: a few hundred decisions cannot fill more buckets than this.
 */
export const WORD_BITS = 12;

export interface SparseVector {
  indices: number[];
  values: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

const SEED_WORD = fnv(FNV_OFFSET, 'site-w:');
const SEED_BIGRAM = fnv(FNV_OFFSET, 'site-b:');
/** Comments longer than this add nothing a moderator's decision would hinge on; it bounds the work. */
const MAX_WORDS = 400;

export function words(canonical: string): string[] {
  return (canonical.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).slice(0, MAX_WORDS);
}

/** Marks buckets already counted in the text being featurised; cleared after each text. */
let marks = new Uint8Array(0);

export function textFeatures(canonical: string, bits = WORD_BITS): SparseVector {
  const mask = (1 << bits) - 1;
  if (marks.length !== mask + 1) marks = new Uint8Array(mask + 1);
  const indices: number[] = [];
  const add = (bucket: number) => {
    if (marks[bucket]) return;
    marks[bucket] = 1;
    indices.push(bucket);
  };
  let previous = -1;
  for (const word of words(canonical)) {
    add(fnv(SEED_WORD, word) & mask);
    // The bigram "a b" hashed as one string, continued from the hash of "a ", so nothing is concatenated.
    if (previous >= 0) add(fnv(previous, word) & mask);
    previous = Math.imul(fnv(SEED_BIGRAM, word) ^ 32, FNV_PRIME) >>> 0;
  }
  for (const bucket of indices) marks[bucket] = 0;
  const scale = indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0;
  return { indices, values: indices.map(() => scale) };
}
