import { RegExpMatcher } from 'obscenity';
import { describe, expect, it } from 'vitest';
import { CIVIL, COUNTER_SPEECH, FUNCTIONAL_PROBE, MUST_HOLD } from '../fixtures/corpus.js';
import { deobfuscate } from '../text/normalise.js';
import { CandidateFirstMatcher } from './candidate-matcher.js';
import { wordMatcherOptions } from './matcher.js';

const TRICKY = [
  '',
  'nothing listed here at all',
  'fuck fuck fuckfuck FUCK f u c k',
  'Typical Americunt, americunts everywhere',
  'the cocktail at Scunthorpe, then assassination and a classic bass',
  'ʃ𝐟ʃὗƈｋ 😀 shit😀shit 𝒻𝓊𝒸𝓀',
  'niggers nigga niggas n1gg3r',
  'a grifter grifts; the grift*, bad word and a badword',
  'shitshitshit' + ' padding'.repeat(40) + ' cunt',
  'Dick Cheney and a dick',
  'fuckfuckfuck, fuckfuckfuckfuck and classic bassassin',
  'f*ck fxck f ck fvck phuck g-ngbang h@ndjob',
  'ＡＳＳ and 𝐚𝐬𝐬 and AsS, SCUNTHORPE, Scunthorpe',
];

describe('candidate-first matcher', () => {
  it.each([
    ['built-in words only', { bannedWords: [], suspectWords: [], allowedWords: [] }],
    ['with a site\'s own lists', { bannedWords: ['grift*', 'bad word'], suspectWords: ['badword', 'shit'], allowedWords: ['classic bass', 'fuckfuck'] }],
  ])('finds exactly what obscenity\'s matcher finds, in the same order (%s)', (_, lists) => {
    const { options } = wordMatcherOptions(lists);
    const reference = new RegExpMatcher(options);
    const candidateFirst = new CandidateFirstMatcher(options);
    const texts = [...TRICKY, ...MUST_HOLD, ...CIVIL, ...COUNTER_SPEECH, ...FUNCTIONAL_PROBE.map(([text]) => text)];
    let matched = 0;
    for (const text of texts.flatMap((text) => [text, deobfuscate(text).text])) {
      const expected = reference.getAllMatches(text, true);
      expect(candidateFirst.getAllMatches(text, true), text).toEqual(expected);
      expect(candidateFirst.getAllMatches(text), text).toEqual(reference.getAllMatches(text));
      if (expected.length > 0) matched++;
    }
    expect(matched).toBeGreaterThan(20);
  });
});
