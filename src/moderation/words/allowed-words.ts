import { originalEnd, transform, type Transformers } from './transform.js';

export interface AllowedWords {
  any: RegExp;
  words: string[];
  /** Indices into `words`, by the word's first UTF-16 unit. */
  byFirstUnit: Map<number, number[]>;
}

export interface Intervals {
  /** True when one allowed word covers the whole of `start`..`end` (inclusive), as obscenity's collection answers. */
  query(start: number, end: number): boolean;
}

/** obscenity's allowed words, ready to find; undefined when one is empty (obscenity's own loop is kept then). */
export function allowedWords(words: unknown): AllowedWords | undefined {
  if (!Array.isArray(words) || words.length === 0 || !words.every((word) => typeof word === 'string' && word.length > 0)) return undefined;
  const byFirstUnit = new Map<number, number[]>();
  words.forEach((word: string, index) => {
    const unit = word.charCodeAt(0);
    byFirstUnit.set(unit, [...(byFirstUnit.get(unit) ?? []), index]);
  });
  const escaped = words.map((word: string) => word.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  return { any: new RegExp(escaped.join('|'), 'g'), words, byFirstUnit };
}

/**
 * Where the allowed words are, as obscenity finds them with `indexOf` per word (each word's occurrences
 * left to right, not overlapping themselves): every position where any word starts, found by one
 * expression, then the words starting there.
 */
export function allowedIntervals(allowed: AllowedWords, input: string, transformers: Transformers): Intervals {
  const [toOriginal, transformed] = transform(input, transformers);
  const intervals: [number, number][] = [];
  const nextFree = new Array<number>(allowed.words.length).fill(0);
  for (let from = 0; from < transformed.length; ) {
    allowed.any.lastIndex = from;
    const found = allowed.any.exec(transformed);
    if (!found) break;
    const start = found.index;
    for (const index of allowed.byFirstUnit.get(transformed.charCodeAt(start)) ?? []) {
      const word = allowed.words[index];
      if (start < nextFree[index] || !transformed.startsWith(word, start)) continue;
      intervals.push([toOriginal[start], originalEnd(input, toOriginal, start + word.length - 1)]);
      nextFree[index] = start + word.length;
    }
    from = start + 1;
  }
  return { query: (start, end) => intervals.some(([low, high]) => low <= start && end <= high) };
}
