import { describe, expect, it } from 'vitest';
import { importSlug } from './import-writer.js';
import { isSlug, slugFrom } from './slugs.js';
import { assertSlug, slugify } from './validate.js';

describe('slugs in any alphabet', () => {
  it('keeps non-Latin words readable, never an opaque id', () => {
    expect(slugFrom('泱泱大国 2024', 'unicode')).toBe('泱泱大国-2024');
    expect(slugFrom('Işık Yılı: İstanbul’da şehir', 'unicode')).toBe('işık-yılı-istanbulda-şehir');
    expect(slugFrom('हिन्दी समाचार', 'unicode')).toBe('हिन्दी-समाचार');
    // A WordPress post_name arrives percent-encoded.
    expect(importSlug('%e6%b3%b1%e6%b3%b1%e5%a4%a7%e5%9b%bd')).toBe('泱泱大国');
    expect(importSlug('%c4%b1%c5%9f%c4%b1k-y%c4%b1l%c4%b1')).toBe('ışık-yılı');
  });

  it('spells Latin, Turkish, Greek and Cyrillic in a–z when asked, and keeps scripts it cannot spell', () => {
    expect(slugFrom('Işık Yılı: İstanbul’da şehir', 'ascii')).toBe('isik-yili-istanbulda-sehir');
    expect(slugFrom('Ünïcode straße', 'ascii')).toBe('unicode-strasse');
    expect(slugFrom('Москва и Київ', 'ascii')).toBe('moskva-i-kiyiv');
    expect(slugFrom('Άθηνα', 'ascii')).toBe('athina');
    expect(slugFrom('泱泱大国', 'ascii')).toBe('泱泱大国');
    expect(importSlug('%c4%b1%c5%9f%c4%b1k-y%c4%b1l%c4%b1', 'ascii')).toBe('isik-yili');
    // Editors' slugs from headlines fold as before, and no longer lose Turkish letters.
    expect(slugify('Água & Rates: Council’s Vote!')).toBe('agua-rates-councils-vote');
    expect(slugify('Işık')).toBe('isik');
  });

  it('accepts lower-case letters of any script, refuses capitals, symbols, spaces and invisible characters', () => {
    for (const good of ['泱泱大国', 'ışık-yılı', 'école-2', 'москва']) expect(isSlug(good, 100), good).toBe(true);
    for (const bad of ['Ecole', 'a--b', '-a', 'a b', 'a/b', 'a%20b', 'a\u200db', '🎉', 'e\u0301cole'.normalize('NFD')]) expect(isSlug(bad, 100), bad).toBe(false);
    expect(assertSlug('泱泱大国')).toBe('泱泱大国');
    expect(() => assertSlug('Ünïcode')).toThrow(/lower-case letters/);
  });
});
