/**
 * Regenerates src/moderation/classifier/real-words.ts: the English words (npm `word-list`) that the
 * moderation respeller must never change. Run after editing the lexicon:
 *
 *   npm run build:real-words
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import wordListPath from 'word-list';
import { dictionaryWords, realWordsModule, realWordsNearLexicon } from '../src/moderation/classifier/spelling-dictionary.js';

const out = resolve('src/moderation/classifier/real-words.ts');
const words = realWordsNearLexicon(dictionaryWords(readFileSync(wordListPath, 'utf8')));
writeFileSync(out, realWordsModule(words));
process.stderr.write(`${words.length} real words near the lexicon written to ${out}\n`);
