/**
 * Phrases of words matched against tokens, listed by first word so that most tokens cost one lookup:
 * `harm-wishes.ts` and `coded-hate.ts` read their lists this way.
 */
import type { Token } from './tokens.js';

/** Phrases of words ('*' stands for any one word, '…' for up to five), by first word. */
export type Phrases = ReadonlyMap<string, readonly string[][]>;

export function phrases(text: string): Phrases {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of text.split('|').map((words) => words.trim().split(/\s+/))) {
    const list = byFirst.get(phrase[0]) ?? [];
    list.push(phrase);
    byFirst.set(phrase[0], list);
  }
  return byFirst;
}

/** Where `phrase` read from `k` ends (exclusive), or -1: unquoted words of one sentence. */
export function matchEnd(tokens: Token[], k: number, phrase: readonly string[], sentence = tokens[k]?.sentence): number {
  if (phrase.length === 0) return k;
  const token = tokens[k];
  if (token === undefined || token.quoted || token.sentence !== sentence) return -1;
  const [word, ...rest] = phrase;
  if (word === '…') {
    for (let skip = 0; skip <= 5; skip++) {
      const end = matchEnd(tokens, k + skip, rest, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  return word === '*' || token.text === word ? matchEnd(tokens, k + 1, rest, sentence) : -1;
}

/** The end of the first of `list` read at `k`, or -1. */
export function endOfAny(tokens: Token[], k: number, list: Phrases): number {
  for (const phrase of list.get(tokens[k]?.text ?? '') ?? []) {
    const end = matchEnd(tokens, k, phrase);
    if (end >= 0) return end;
  }
  return -1;
}
