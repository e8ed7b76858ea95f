import { wordMatcherFor, type WordScan } from '../words/matcher.js';
import type { WordHints } from './features.js';

export interface Prepared {
  canonical: string;
  hints: WordHints;
}

/** What the classifier reads: the de-obfuscated text and what the word scan found in it. */
export function prepareFromScan(scan: WordScan): Prepared {
  const slurWords: string[] = [];
  let profanity = 0;
  for (const match of scan.matches) {
    if (match.category === 'slur') slurWords.push(match.word.replace(/[\s*]+/g, ''));
    else if (match.category === 'profanity' || match.category === 'sexual') profanity++;
  }
  return { canonical: scan.canonical, hints: { slurs: slurWords.length, profanity, slurWords } };
}

const NO_SITE_WORDS = { bannedWords: [], suspectWords: [], allowedWords: [] };

/** Training and evaluation see text exactly as the pipeline does, without any site's own lists. */
export function prepareText(text: string): Prepared {
  return prepareFromScan(wordMatcherFor(NO_SITE_WORDS).scan(text));
}
