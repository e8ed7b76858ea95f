import { RegExpMatcher, type TransformerContainer } from 'obscenity';
import { describe, expect, it } from 'vitest';
import { CIVIL, MUST_HOLD } from '../fixtures/corpus.js';
import { transform, type Transformers } from './transform.js';
import { BLACKLIST_TRANSFORMERS, WHITELIST_TRANSFORMERS, unfusedTransformers } from './transformers.js';

/** obscenity's own loop over a transformer list (its matcher's `applyTransformers`), as the reference. */
function obscenityReads(containers: unknown[]): (text: string) => [number[], string] {
  const matcher = new RegExpMatcher({ blacklistedTerms: [], blacklistMatcherTransformers: containers as TransformerContainer[] }) as unknown as {
    applyTransformers(text: string, set: unknown): [number[], string];
    blacklistMatcherTransformers: unknown;
  };
  return (text) => matcher.applyTransformers(text, matcher.blacklistMatcherTransformers);
}

function fusedReads(containers: unknown[]): (text: string) => [number[], string] {
  const matcher = new RegExpMatcher({ blacklistedTerms: [], blacklistMatcherTransformers: containers as TransformerContainer[] }) as unknown as { blacklistMatcherTransformers: Transformers };
  return (text) => {
    const [toOriginal, transformed] = transform(text, matcher.blacklistMatcherTransformers);
    return [[...toOriginal], transformed];
  };
}

const EVERY_BMP_CHARACTER = Array.from({ length: 0xffff }, (_, i) => String.fromCharCode(i + 1)).join('');
const TEXTS = [
  '', 'a', 'aaaa', 'boooob  feeeel   asss', 'SHOUTING   AND  Spaces', 'ʃ𝐟ʃὗƈｋ 😀😀 shit😀shit 𝒻𝓊𝒸𝓀', 'ＡＡＡ ａａａ', '\ud800 lone \udc00 halves \ud800',
  EVERY_BMP_CHARACTER, [...EVERY_BMP_CHARACTER].reverse().join(''), ...MUST_HOLD, ...CIVIL,
];

describe('fused word-scan transformers', () => {
  it.each([
    ['listed words', BLACKLIST_TRANSFORMERS, unfusedTransformers().blacklist],
    ['allowed words', WHITELIST_TRANSFORMERS, unfusedTransformers().whitelist],
  ])('read text exactly as obscenity\'s own transformers do (%s)', (_, fused, unfused) => {
    const expected = obscenityReads(unfused);
    const actual = fusedReads(fused);
    const differing = TEXTS.filter((text) => JSON.stringify(actual(text)) !== JSON.stringify(expected(text)));
    expect(differing).toEqual([]);
    // Run twice: the lookup table is filled on the first read.
    expect(TEXTS.filter((text) => JSON.stringify(actual(text)) !== JSON.stringify(expected(text)))).toEqual([]);
    expect(actual('AAbb  cc')[1]).not.toBe('AAbb  cc');
  });
});
