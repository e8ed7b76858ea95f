import { IN_GROUP_SLURS, INSULTS, PROFANITY, SECOND_PERSON } from './lexicon.js';
import { lexicalFeatures } from './lexical.js';
import { analyse, type RuleResult } from './rules.js';
import { isWord, tokenize, type Token } from './tokens.js';
import { defaultWordClusters, type WordClusters } from './word-clusters.js';
import { defaultWordVectors, poolWords } from './word-vectors.js';

/** Sparse feature vector: bucket indices (hashed) and their values, parallel arrays. */
export interface Features {
  indices: number[];
  values: number[];
}

export interface Analysis {
  features: Features;
  rules: RuleResult;
  tokens: Token[];
  /** Where the named (rule and lexical) features and the word-vector dims start in `features`. */
  blocks: FeatureBlocks;
}

export interface FeatureBlocks {
  named: number;
  embedding: number;
}

export interface FeatureOptions {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Weight of the character n-gram block against the word block (1 = equal). */
  charWeight?: number;
  /** Count a repeated word or n-gram once (binary term frequency). */
  binary?: boolean;
  /** Shortest and longest character n-gram (3 and 5 by default). */
  charMin?: number;
  charMax?: number;
  /** Add the dense word-class counts and target + attack pairs of `lexical.ts`. */
  lexical?: boolean;
  /** Weight of the dense block. */
  lexicalWeight?: number;
  /**
   * Pretrained word vectors (`word-vectors.ts`) pooled over the text's words: `mean` (weighted mean,
   * unit length) or `pooled` (the mean plus each dimension's largest and smallest value).
   */
  embeddings?: 'mean' | 'pooled';
  /** Weight of the word-vector block. */
  embeddingWeight?: number;
  /**
   * Word-cluster unigrams (negation-marked) and bigrams at each level of `word-clusters.ts`, as a hashed
   * block of its own scaled to unit length.
   */
  clusters?: boolean;
  /** Weight of the cluster block against the word block. */
  clusterWeight?: number;
}

/** Categories from the word scan that the features use; slurs matter, plain profanity less so. */
export interface WordHints {
  slurs: number;
  profanity: number;
  /** The listed slurs found, so the rules can tell a quoted, condemned slur from one used. */
  slurWords?: string[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

const SEED_WORD = hashString(FNV_OFFSET, 'w:');
const SEED_NEGATED = hashString(SEED_WORD, 'n:');
const SEED_BIGRAM = hashString(FNV_OFFSET, 'b:');
const SEED_CHAR = hashString(FNV_OFFSET, 'c:');
const SEED_TARGETED = hashString(FNV_OFFSET, 't:');
const SEED_CLUSTER = hashString(FNV_OFFSET, 'k:');

/** FNV over the two bytes of a small integer, continuing from `seed`. */
function hashId(seed: number, id: number): number {
  return Math.imul(Math.imul(seed ^ (id & 0xff), FNV_PRIME) ^ (id >>> 8), FNV_PRIME) >>> 0;
}

/**
 * Hashed word unigrams (negation-marked), bigrams and in-word character 3–5-grams, each block scaled to
 * unit length so long comments do not shout, plus targeted features at full strength.
 */
export function extractFeatures(canonical: string, hints: WordHints, options: FeatureOptions): Analysis {
  const mask = (1 << options.bits) - 1;
  const tokens = tokenize(canonical);
  const rules = analyse(tokens, hints.slurWords);
  // Repeated indices are fine: a dot product sums them, and so does the gradient.
  const indices: number[] = [];
  const values: number[] = [];

  const words = tokens.filter(isWord);
  const seen = options.binary ? new Set<number>() : undefined;
  const add = (index: number) => {
    if (seen) {
      if (seen.has(index)) return;
      seen.add(index);
    }
    indices.push(index);
  };
  let previous = -1;
  for (const token of words) {
    add(hashString(token.negated ? SEED_NEGATED : SEED_WORD, token.text) & mask);
    // The bigram "a b" hashed as one string, continued from the hash of "a" so nothing is concatenated.
    if (previous >= 0) add(hashString(Math.imul(previous ^ 32, FNV_PRIME) >>> 0, token.text) & mask);
    previous = hashString(SEED_BIGRAM, token.text);
  }
  const wordScale = 1 / Math.sqrt(indices.length + 1);
  for (let i = 0; i < indices.length; i++) values.push(wordScale);

  const charStart = indices.length;
  if ((options.charWeight ?? 1) > 0) {
    const min = options.charMin ?? 3;
    const max = options.charMax ?? 5;
    for (const token of words) charNgrams(token.text, mask, min, max, add);
  }
  const charScale = (options.charWeight ?? 1) / Math.sqrt(indices.length - charStart + 1);
  for (let i = charStart; i < indices.length; i++) values.push(charScale);

  if (options.clusters) {
    const clusterStart = indices.length;
    clusterFeatures(words, defaultWordClusters(), mask, add);
    const clusterScale = (options.clusterWeight ?? 1) / Math.sqrt(indices.length - clusterStart + 1);
    for (let i = clusterStart; i < indices.length; i++) values.push(clusterScale);
  }

  const named = indices.length;
  for (const name of targetedFeatures(tokens, rules, hints)) {
    indices.push(hashString(SEED_TARGETED, name) & mask);
    values.push(1);
  }
  if (options.lexical) {
    const weight = options.lexicalWeight ?? 1;
    for (const [name, value] of lexicalFeatures(tokens, rules, hints)) {
      indices.push(hashString(SEED_TARGETED, name) & mask);
      values.push(value * weight);
    }
  }
  const embedding = indices.length;
  if (options.embeddings) {
    const pooled = poolWords(words.map((token) => token.text), defaultWordVectors(), options.embeddings === 'pooled');
    if (pooled) {
      const weight = options.embeddingWeight ?? 1;
      const slots = embeddingSlots(mask, pooled.mean.length);
      for (const [block, vector] of [pooled.mean, pooled.max, pooled.min].entries()) {
        if (!vector) continue;
        for (let k = 0; k < vector.length; k++) {
          indices.push(slots[block][k]);
          values.push(vector[k] * weight);
        }
      }
    }
  }
  return { features: { indices, values }, rules, tokens, blocks: { named, embedding } };
}

const slotCache = new Map<string, number[][]>();

/** Every bucket a word-vector dimension is written to, so training can treat those dense dims apart. */
export function embeddingBuckets(bits: number, dimensions = defaultWordVectors().dimensions): number[] {
  return embeddingSlots((1 << bits) - 1, dimensions).flat();
}

/** The hashed bucket of each pooled dimension (mean, max, min), like the other named features. */
function embeddingSlots(mask: number, dimensions: number): number[][] {
  const key = `${mask}:${dimensions}`;
  let slots = slotCache.get(key);
  if (!slots) {
    slots = ['mean', 'max', 'min'].map((block) => Array.from({ length: dimensions }, (_, k) => hashString(SEED_TARGETED, `vec:${block}:${k}`) & mask));
    slotCache.set(key, slots);
  }
  return slots;
}

/**
 * Per level: the cluster of each word (negation-marked, like the word unigrams) and of each pair of
 * neighbouring words; a word without a vector breaks the pair chain.
 */
function clusterFeatures(words: Token[], clusters: WordClusters, mask: number, add: (index: number) => void): void {
  const levels = clusters.levels.length;
  for (let level = 0; level < levels; level++) {
    const unigramSeed = hashId(SEED_CLUSTER, level);
    const negatedSeed = hashId(unigramSeed, 0xffff);
    const bigramSeed = hashId(unigramSeed, 0xfffe);
    let previous = -1;
    for (const token of words) {
      const row = clusters.index.get(token.text);
      if (row === undefined) {
        previous = -1;
        continue;
      }
      const id = clusters.ids[row * levels + level];
      add(hashId(token.negated ? negatedSeed : unigramSeed, id) & mask);
      if (previous >= 0) add(hashId(hashId(bigramSeed, previous), id) & mask);
      previous = id;
    }
  }
}

/** FNV over "<word>" extended one char at a time: every 3-, 4- and 5-gram without building strings. */
function charNgrams(word: string, mask: number, min: number, max: number, add: (index: number) => void): void {
  const length = Math.min(word.length, 24) + 2;
  for (let start = 0; start + min <= length; start++) {
    let hash = SEED_CHAR;
    const end = Math.min(length, start + max);
    for (let k = start; k < end; k++) {
      hash ^= k === 0 ? 60 : k === length - 1 ? 62 : word.charCodeAt(k - 1);
      hash = Math.imul(hash, FNV_PRIME);
      if (k - start >= min - 1) add((hash >>> 0) & mask);
    }
  }
}

/** Named features for who is targeted and how; their weights are learned like any other. */
export function targetedFeatures(tokens: Token[], rules: RuleResult, hints: WordHints): string[] {
  const names: string[] = ['bias'];
  if (rules.groups > 0) names.push('group');
  if (rules.condemns) names.push('condemns');
  if (rules.counterFrame) names.push('counter-frame');
  for (const finding of rules.findings) {
    const state = finding.negated ? 'negated' : finding.countered ? 'countered' : finding.reported ? 'reported' : 'active';
    names.push(`${finding.kind}:${state}`);
    if (state !== 'active') names.push('turned');
  }
  const words = tokens.filter(isWord).map((token) => token.text);
  let insults = 0;
  let aimedInsult = false;
  words.forEach((word, i) => {
    if (!INSULTS.has(word)) return;
    insults++;
    const near = words.slice(Math.max(0, i - 4), i + 3);
    if (near.some((w) => SECOND_PERSON.has(w))) aimedInsult = true;
  });
  const profane = hints.profanity + words.filter((word) => PROFANITY.has(word)).length;
  if (insults > 0) names.push('insult');
  if (aimedInsult) names.push('insult:aimed');
  if (profane > 0) names.push(insults === 0 && !aimedInsult ? 'profanity:only' : 'profanity');
  if (hints.slurs > 0) names.push('slur', hints.slurs > 1 ? 'slur:many' : 'slur:one');
  if (hints.slurWords?.some((word) => !IN_GROUP_SLURS.has(word))) names.push('slur:out-group');
  if (hints.slurs > 0 && rules.condemns) names.push('slur:condemned');
  if (rules.slursCountered) names.push('slur:countered');
  return names;
}
