import { describe, expect, it } from 'vitest';
import { deobfuscate, foldChars, normaliseForComparison } from './normalise.js';

describe('text folding', () => {
  it('folds compatibility forms and accents to lower-case ASCII, mapping back to the input', () => {
    const folded = foldChars('Ｆüｃk');
    expect(folded.text).toBe('fuck');
    expect(folded.origin).toEqual([0, 1, 2, 3]);
  });

  it('joins letters spaced or dotted apart', () => {
    expect(deobfuscate('f u c k you').text).toBe('fuck you');
    expect(deobfuscate('f.u.c.k').text).toBe('fuck');
    expect(deobfuscate('I am a U.S. citizen').text).toBe('i am a u.s. citizen');
  });

  it('reads digits and symbols as letters only inside words that have letters', () => {
    expect(deobfuscate('sh1t a$$ b!tch').text).toBe('shit ass bitch');
    expect(deobfuscate('ok 455 and 1990s, 3rd, covid19').text).toBe('ok 455 and 1990s, 3rd, covid19');
  });

  it('compares texts regardless of case, spacing, punctuation and stretching', () => {
    expect(normaliseForComparison('So   WRONG!!!')).toBe(normaliseForComparison('so wrongggg'));
  });
});
