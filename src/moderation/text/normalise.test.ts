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

  it('reads ids, codes and prices part by part, so digits in them stay digits', () => {
    // "480" read as letters was "abo", a slur: the reproducible false hold of issue #12.
    expect(deobfuscate('Comment r1-c1-480 from poster 0').text).toBe('comment ri-c1-480 from poster 0');
    expect(deobfuscate('code AB-480-C1, $480, ISO9001, SKU-A480, 1080p').text).toBe('code ab-480-c1, $480, iso9001, sku-a480, 1080p');
    expect(deobfuscate('5h1t n1gg3r a55hole').text).toBe('shit nigger asshole');
  });

  it('compares texts regardless of case, spacing, punctuation and stretching', () => {
    expect(normaliseForComparison('So   WRONG!!!')).toBe(normaliseForComparison('so wrongggg'));
  });
});
