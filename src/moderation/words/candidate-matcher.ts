import { RegExpMatcher, compareMatchByPositionAndId, type MatchPayload, type RegExpMatcherOptions } from 'obscenity';
import { allowedIntervals, allowedWords, type AllowedWords, type Intervals } from './allowed-words.js';
import { termPrefixes, type TermPrefixes } from './term-prefixes.js';
import { originalEnd, transform, type Transformers } from './transform.js';

/** What `RegExpMatcher` keeps privately (obscenity 0.4): read once, checked, never written. */
interface MatcherInternals {
  blacklistedTerms: { id: number; regExp: RegExp }[];
  whitelistedTerms: unknown;
  getWhitelistedIntervals(input: string): Intervals;
  blacklistMatcherTransformers: Transformers;
  whitelistMatcherTransformers: Transformers;
}

interface StickyTerm {
  id: number;
  regExp: RegExp;
}

interface Found {
  term: number;
  payload: MatchPayload;
}

/**
 * obscenity's matcher runs each of its few hundred patterns over the whole text, and reads the allowed
 * words first, even when nothing listed is there: most of a long comment's moderation time. This one
 * finds every position where any pattern starts with one combined expression and, there, tries
 * (anchored) only the patterns whose first one or two units can read there (`term-prefixes.ts`); each
 * pattern's matches are still its leftmost, non-overlapping ones, as `matchAll` gives them, so the
 * results are the parent's in the parent's order. The allowed words are read only once something listed
 * is found. Checked against the parent by its test.
 */
export class CandidateFirstMatcher extends RegExpMatcher {
  readonly #terms: StickyTerm[] | undefined;
  readonly #anyTerm: RegExp | undefined;
  readonly #prefixes: TermPrefixes;
  readonly #allowed: AllowedWords | undefined;

  constructor(options: RegExpMatcherOptions) {
    super(options);
    const internals = this as unknown as MatcherInternals;
    const compiled = internals.blacklistedTerms;
    const patterns = options.blacklistedTerms;
    const usable = Array.isArray(compiled) && compiled.length === patterns.length
      && compiled.every((term, i) => term.regExp instanceof RegExp && term.regExp.flags === 'gs' && term.id === patterns[i].id);
    this.#terms = usable ? compiled.map((term) => ({ id: term.id, regExp: new RegExp(term.regExp.source, 'ys') })) : undefined;
    this.#anyTerm = usable && compiled.length > 0 ? new RegExp(compiled.map((term) => `(?:${term.regExp.source})`).join('|'), 'gs') : undefined;
    this.#prefixes = termPrefixes(usable ? patterns.map((term) => term.pattern) : []);
    this.#allowed = allowedWords(internals.whitelistedTerms);
  }

  override getAllMatches(input: string, sorted = false): MatchPayload[] {
    const terms = this.#terms;
    const anyTerm = this.#anyTerm;
    if (!terms || !anyTerm) return super.getAllMatches(input, sorted);
    const internals = this as unknown as MatcherInternals;
    const [toOriginal, transformed] = transform(input, internals.blacklistMatcherTransformers);
    const { pairs, singles, everywhere } = this.#prefixes;
    const ends = new Array<number>(terms.length).fill(0);
    const found: Found[] = [];
    let allowed: Intervals | undefined;
    const tryAt = (start: number, candidates: number[] | undefined) => {
      if (!candidates) return;
      for (const term of candidates) {
        if (start < ends[term]) continue;
        const { regExp, id } = terms[term];
        regExp.lastIndex = start;
        const match = regExp.exec(transformed);
        if (!match) continue;
        ends[term] = start + match[0].length;
        const startIndex = toOriginal[start];
        const endIndex = originalEnd(input, toOriginal, ends[term] - 1);
        allowed ??= this.#allowed ? allowedIntervals(this.#allowed, input, internals.whitelistMatcherTransformers) : internals.getWhitelistedIntervals(input);
        if (!allowed.query(startIndex, endIndex)) found.push({ term, payload: { termId: id, startIndex, endIndex, matchLength: [...match[0]].length } });
      }
    };
    for (let from = 0; from < transformed.length; ) {
      anyTerm.lastIndex = from;
      const start = anyTerm.exec(transformed)?.index;
      if (start === undefined) break;
      const first = transformed.charCodeAt(start);
      tryAt(start, pairs.get(first * 0x10000 + transformed.charCodeAt(start + 1)));
      tryAt(start, singles.get(first));
      tryAt(start, everywhere);
      from = start + 1;
    }
    if (sorted) return found.map(({ payload }) => payload).sort(compareMatchByPositionAndId);
    // The parent lists term by term, each term's matches left to right.
    return found.sort((a, b) => a.term - b.term || a.payload.startIndex - b.payload.startIndex).map(({ payload }) => payload);
  }
}
