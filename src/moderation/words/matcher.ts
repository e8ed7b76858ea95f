import { DataSet, type RegExpMatcherOptions, parseRawPattern } from 'obscenity';
import { deobfuscate } from '../text/normalise.js';
import { CandidateFirstMatcher } from './candidate-matcher.js';
import { BLACKLIST_TRANSFORMERS, collapseRuns, WHITELIST_TRANSFORMERS } from './transformers.js';
import { BUILTIN_ALLOWED, builtinCategory, builtinDataset, type WordCategory, type WordMetadata } from './builtin.js';

export interface WordLists {
  bannedWords: string[];
  suspectWords: string[];
  allowedWords: string[];
}

export interface WordMatch {
  /** The listed word, e.g. `fuck` for "f.u.c.k". */
  word: string;
  category: WordCategory;
  /** The text as the reader wrote it, for highlighting. */
  text: string;
  start: number;
  end: number;
}

export interface WordScan {
  matches: WordMatch[];
  /** Folded, de-obfuscated text with every match spelled as its listed word: what the classifier reads. */
  canonical: string;
}

export interface WordMatcher {
  scan(text: string): WordScan;
}

/** A site word as an obscenity pattern: whole word, or any ending when it ends with `*`. */
export function sitePattern(word: string): string | undefined {
  const trimmed = word.trim().toLowerCase();
  const open = trimmed.endsWith('*');
  const core = collapseRuns((open ? trimmed.slice(0, -1) : trimmed).trim());
  if (core.length === 0) return undefined;
  const escaped = core.replace(/[\\[\]?|]/g, (char) => `\\${char}`);
  return open ? `|${escaped}` : `|${escaped}|`;
}

/** The built-in words with a site's own, as obscenity's matcher options (exported for the matcher's own test). */
export function wordMatcherOptions(lists: WordLists): { dataset: DataSet<WordMetadata>; options: RegExpMatcherOptions } {
  const dataset = builtinDataset();
  addSiteWords(dataset, lists.bannedWords, 'banned');
  addSiteWords(dataset, lists.suspectWords, 'suspect');
  const built = dataset.build();
  const allowed = [...BUILTIN_ALLOWED, ...lists.allowedWords.map((word) => word.trim().toLowerCase()).filter(Boolean)];
  const options = {
    blacklistedTerms: built.blacklistedTerms,
    whitelistedTerms: [...(built.whitelistedTerms ?? []), ...allowed],
    blacklistMatcherTransformers: BLACKLIST_TRANSFORMERS,
    whitelistMatcherTransformers: WHITELIST_TRANSFORMERS,
  };
  return { dataset, options };
}

export function createWordMatcher(lists: WordLists): WordMatcher {
  const { dataset, options } = wordMatcherOptions(lists);
  const matcher = new CandidateFirstMatcher(options);

  return {
    scan(text) {
      const folded = deobfuscate(text);
      const matches: WordMatch[] = [];
      for (const payload of matcher.getAllMatches(folded.text, true)) {
        const { phraseMetadata } = dataset.getPayloadWithPhraseMetadata(payload);
        const metadata = phraseMetadata as WordMetadata | undefined;
        const word = metadata?.originalWord ?? folded.text.slice(payload.startIndex, payload.endIndex + 1);
        const start = folded.origin[payload.startIndex];
        const end = (folded.origin[payload.endIndex] ?? text.length - 1) + 1;
        const written = text.slice(start, end);
        if (isPersonalName(word, text, start, end)) continue;
        matches.push({ word, category: builtinCategory(word, metadata), text: written, start, end });
      }
      const kept = dropOverlaps(matches);
      return { matches: kept, canonical: spellAsListed(folded.text, folded.origin, kept) };
    },
  };
}

function addSiteWords(dataset: DataSet<WordMetadata>, words: string[], category: 'banned' | 'suspect'): void {
  for (const word of words) {
    const source = sitePattern(word);
    if (!source) continue;
    try {
      const parsed = parseRawPattern(source);
      dataset.addPhrase((phrase) => phrase.setMetadata({ originalWord: word.trim().toLowerCase(), category }).addPattern(parsed));
    } catch {
      // A word the pattern parser rejects cannot match anything; the settings screen validates input.
    }
  }
}

// "Dick Cheney", "Dick Smith": a capitalised Dick followed by a capitalised word is a name.
function isPersonalName(word: string, text: string, start: number, end: number): boolean {
  return word === 'dick' && text.slice(start, end) === 'Dick' && /^\s+\p{Lu}/u.test(text.slice(end));
}

const PRIORITY: Record<WordCategory, number> = { banned: 0, slur: 1, suspect: 2, sexual: 3, profanity: 4 };

/** Where matches overlap ("Americunt" is both a slur and "cunt"), keep the most serious. */
function dropOverlaps(matches: WordMatch[]): WordMatch[] {
  // On a tie, the listed word spelled as written wins ("nigga" over the preset's "nigger" for "nigga").
  const spelled = (match: WordMatch) => (match.text.toLowerCase().startsWith(match.word) ? 0 : 1);
  const ordered = [...matches].sort(
    (a, b) => PRIORITY[a.category] - PRIORITY[b.category] || (b.end - b.start) - (a.end - a.start) || spelled(a) - spelled(b),
  );
  const kept: WordMatch[] = [];
  for (const match of ordered) {
    if (kept.some((other) => other.start < match.end && match.start < other.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function spellAsListed(folded: string, origin: number[], matches: WordMatch[]): string {
  if (matches.length === 0) return folded;
  let out = '';
  let i = 0;
  for (const match of matches) {
    while (i < folded.length && origin[i] < match.start) out += folded[i++];
    out += match.word.replace(/[\s*]+/g, '');
    while (i < folded.length && origin[i] < match.end) i++;
  }
  return out + folded.slice(i);
}

const cache = new Map<string, WordMatcher>();

/** Building a matcher compiles a few hundred patterns, so one is kept per set of site lists. */
export function wordMatcherFor(lists: WordLists): WordMatcher {
  const key = JSON.stringify([lists.bannedWords, lists.suspectWords, lists.allowedWords]);
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    matcher = createWordMatcher(lists);
    cache.set(key, matcher);
  }
  return matcher;
}
