import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { REAL_WORDS_NEAR_LEXICON } from './real-words.js';
import { dictionaryWords, realWordsNearLexicon } from './spelling-dictionary.js';
import { respell, unmask } from './spelling.js';
import { tokenize } from './tokens.js';

const read = (text: string) => tokenize(text.toLowerCase()).filter((token) => token.word).map((token) => token.text).join(' ');

describe('respelling', () => {
  it.each([
    ['swapped letters', 'I hate musilms', 'i hate muslims'],
    ['swapped letters', 'wmoen are disgusting', 'women are disgusting'],
    ['a missing letter', 'I hate mslims', 'i hate muslims'],
    ['a missing letter', 'immigrnts are vermin', 'immigrants are vermin'],
    ['a missing letter', 'kil them all', 'kill them all'],
    ['a missing vowel in a short word', 'I hate wmen', 'i hate women'],
    ['an added letter', 'disgustinggg', 'disgusting'],
    ['an added letter', 'immigrantss', 'immigrants'],
    ['an added letter', 'women are disgussting', 'women are disgusting'],
    ['a missing space', 'Ihate immigrants', 'i hate immigrants'],
    ['a missing space', 'women aredisgusting', 'women are disgusting'],
    ['a missing space', 'killall jews', 'kill all jews'],
    ['masked letters', 'Immigrants are sc*m', 'immigrants are scum'],
    ['masked letters', 'f**k them', 'fuck them'],
    ['masked letters', 'sl*ts', 'sluts'],
    ['masked letters', 'they are v#rmin', 'they are vermin'],
    ['a number-word', 'I h8 women', 'i hate women'],
  ])('reads %s: %s', (_trick, text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('never changes an English word, even one letter from a lexicon word', () => {
    for (const word of ['omen', 'violet', 'plaque', 'therapist', 'beats', 'island', 'hoes', 'cant', 'hat', 'scot']) {
      expect(respell(word)).toBeUndefined();
    }
  });

  it('leaves names, places and the vulgar words the dictionary omits alone', () => {
    const words = 'putin biden obama hamas kyiv gaza israel syria somalia americas indiana christina alice bloch koran pussy suck breasts nike';
    for (const word of words.split(' ')) expect(respell(word)).toBeUndefined();
    expect(unmask('pu**y')).toBe('pu**y');
  });

  it('only ever reads a word as a lexicon word', () => {
    for (const word of ['hattt', 'sooooo', 'islandd']) expect(respell(word)).toBeUndefined();
    expect(respell('bitchs')).toEqual(['bitches']);
  });

  it('keeps the flags of a word it splits', () => {
    const tokens = tokenize('he wrote "ihate them" once. killall');
    const [i, hate] = tokens.filter((token) => token.text === 'i' || token.text === 'hate');
    expect([i.quoted, hate.quoted, i.sentence, hate.sentence]).toEqual([true, true, 0, 0]);
    expect(tokens.slice(-2).map((token) => [token.text, token.sentence, token.quoted])).toEqual([['kill', 1, false], ['all', 1, false]]);
  });

  it('respells before negation is read', () => {
    const tokens = tokenize('i dont h8 musilms');
    expect(tokens.map((token) => [token.text, token.negated])).toEqual([['i', false], ['dont', false], ['hate', true], ['muslims', true]]);
  });

  it('reads masks only as a lexicon word that fits, and not footnotes, emphasis or abbreviations', () => {
    expect(unmask('they are sc*m, all of them.')).toBe('they are scum, all of them.');
    expect(unmask('sh*t happens')).toBe('shit happens');
    expect(unmask('*scum* and trash* and the u.s. and a.s. and e.g. @user')).toBe('*scum* and trash* and the u.s. and a.s. and e.g. @user');
    expect(unmask('f*** n****r')).toBe('f*** n****r');
  });
});

describe('real-words.ts', () => {
  it('lists exactly the dictionary words the respeller would change (npm run build:real-words)', () => {
    const expected = realWordsNearLexicon(dictionaryWords(readFileSync(wordListPath, 'utf8')));
    const committed = REAL_WORDS_NEAR_LEXICON.split(/\s+/).filter(Boolean);
    expect(committed).toEqual(expected);
  });
});
