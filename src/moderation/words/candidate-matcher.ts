import { RegExpMatcher, compareMatchByPositionAndId, type MatchPayload, type RegExpMatcherOptions } from 'obscenity';

/** What `RegExpMatcher` keeps privately (obscenity 0.4): read once, checked, never written. */
interface MatcherInternals {
  blacklistedTerms: { id: number; regExp: RegExp }[];
  getWhitelistedIntervals(input: string): { query(start: number, end: number): boolean };
  applyTransformers(input: string, transformers: unknown): [number[], string];
  blacklistMatcherTransformers: unknown;
}

interface StickyTerm {
  id: number;
  regExp: RegExp;
}

/**
 * obscenity's matcher runs each of its few hundred patterns over the whole text, and reads the allowed
 * words first, even when nothing listed is there: most of a long comment's moderation time. This one
 * finds every position where any pattern starts with one combined expression, then tries each pattern
 * only there (anchored), which gives the same matches in the same order as `matchAll` per pattern; with
 * no position, the allowed words are never read. Same results as the parent, checked by its test.
 */
export class CandidateFirstMatcher extends RegExpMatcher {
  readonly #anyTerm: RegExp | undefined;
  readonly #terms: StickyTerm[];

  constructor(options: RegExpMatcherOptions) {
    super(options);
    const terms = (this as unknown as MatcherInternals).blacklistedTerms;
    const usable = Array.isArray(terms) && terms.every((term) => term.regExp instanceof RegExp && term.regExp.flags === 'gs');
    this.#terms = usable ? terms.map((term) => ({ id: term.id, regExp: new RegExp(term.regExp.source, 'ys') })) : [];
    this.#anyTerm = usable && terms.length > 0 ? new RegExp(terms.map((term) => `(?:${term.regExp.source})`).join('|'), 'gs') : undefined;
  }

  override getAllMatches(input: string, sorted = false): MatchPayload[] {
    const anyTerm = this.#anyTerm;
    if (!anyTerm) return super.getAllMatches(input, sorted);
    const internals = this as unknown as MatcherInternals;
    const [toOriginal, transformed] = internals.applyTransformers(input, internals.blacklistMatcherTransformers);
    const starts: number[] = [];
    for (let from = 0; from < transformed.length; ) {
      anyTerm.lastIndex = from;
      const found = anyTerm.exec(transformed);
      if (!found) break;
      starts.push(found.index);
      from = found.index + 1;
    }
    if (starts.length === 0) return [];
    const allowed = internals.getWhitelistedIntervals(input);
    const matches: MatchPayload[] = [];
    for (const term of this.#terms) {
      let end = 0;
      for (const start of starts) {
        if (start < end) continue;
        term.regExp.lastIndex = start;
        const found = term.regExp.exec(transformed);
        if (!found) continue;
        end = start + found[0].length;
        const startIndex = toOriginal[start];
        let endIndex = toOriginal[end - 1];
        if (endIndex < input.length - 1 && isSurrogatePair(input, endIndex)) endIndex++;
        if (!allowed.query(startIndex, endIndex)) matches.push({ termId: term.id, startIndex, endIndex, matchLength: [...found[0]].length });
      }
    }
    if (sorted) matches.sort(compareMatchByPositionAndId);
    return matches;
  }
}

function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
