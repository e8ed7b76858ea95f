import { describe, expect, it } from 'vitest';
import { EXTRA } from './builtin.js';
import { createWordMatcher, sitePattern } from './matcher.js';

const matcher = createWordMatcher({ bannedWords: [], suspectWords: [], allowedWords: [] });
const found = (text: string) => matcher.scan(text).matches.map((match) => match.word);

describe('word matcher (obscenity with our transformers and allow-list)', () => {
  it.each([
    ['f u c k', 'fuck'],
    ['f.u.c.k', 'fuck'],
    ['f-u-c-k off', 'fuck'],
    ['phuck', 'fuck'],
    ['fuuuuuuck', 'fuck'],
    ['sh1t', 'shit'],
    ['ʃ𝐟ʃὗƈｋ', 'fuck'],
    ['fück', 'fuck'],
    ['b!tch', 'bitch'],
    ['a$$hole', 'ass'],
    ['n1gg3r', 'nigger'],
  ])('sees through "%s"', (text, word) => {
    expect(found(text)).toContain(word);
  });

  it('keeps "nigga" apart from the hard-r slur, both slurs', () => {
    expect(matcher.scan('my nigga').matches).toMatchObject([{ word: 'nigga', category: 'slur' }]);
    expect(matcher.scan('those niggers').matches).toMatchObject([{ word: 'nigger', category: 'slur' }]);
  });

  it('keeps "rapist" its own word, so the canonical text does not read "rapists" as "rapes"', () => {
    expect(matcher.scan('Mexicans are rapists').canonical).toBe('mexicans are rapists');
    expect(matcher.scan('he was r.a.p.e.d').canonical).toBe('he was raped');
    expect(found('my favourite rapper')).toEqual([]);
  });

  it('reads "Americunt" as a slur, not just a swear word', () => {
    expect(matcher.scan('Typical Americunt').matches).toMatchObject([{ word: 'americunt', category: 'slur', text: 'Americunt' }]);
  });

  it.each(['typical darkie', 'those japs', 'dirty polacks', 'the hymies', 'a bunch of redskins', 'pajeets everywhere', 'a homo', 'femoids'])(
    'holds "%s" as a slur',
    (text) => {
      expect(matcher.scan(text).matches.map((match) => match.category)).toContain('slur');
    },
  );

  it.each([
    'Scunthorpe', 'cockpit', 'the cockpits', 'Dick Cheney', 'Dick Smith said so', 'ok 455', 'in the 45s', 'Pakistan', 'assessment', 'grapes',
    'a raccoon', 'shiitake', 'Hitchcock', 'Homo sapiens', 'the Washington Redskins', 'Squaw Valley', 'Japan', 'Nigeria', 'Yiddish', 'Hebrew', 'the island of Lesbos',
    // Homonyms of slurs.
    'niggardly with praise', 'a chink in his armour', 'a chink of light', 'the sea dyke burst', 'faggots and peas', 'our coon hound',
    'drugs that retard the growth of tumours', 'mental retardation', 'a spastic colon',
    // Ids, codes, prices and years: digits are not letters in them ("480" once read as a slur).
    'Comment r1-c1-480 from poster 0', 'ticket AB-480-C1', 'SKU A480', 'costs $480', 'order #480-12', 'in 1488 the city fell', 'ISO9001', 'F-35 and MiG-29',
  ])(
    'does not match "%s"',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it('reports the text as written, for highlighting', () => {
    expect(matcher.scan('you are a f.u.c.k').matches[0]).toMatchObject({ text: 'f.u.c.k', start: 10, end: 17 });
  });

  it('spells matches as their word for the classifier', () => {
    expect(matcher.scan('f u c k you, phuck').canonical).toBe('fuck you, fuck');
  });

  it('adds site lists: banned and suspect words, whole words unless they end in *', () => {
    const site = createWordMatcher({ bannedWords: ['grifter'], suspectWords: ['shill*'], allowedWords: [] });
    expect(site.scan('GRIFTER').matches).toMatchObject([{ category: 'banned' }]);
    expect(site.scan('grifters').matches).toEqual([]);
    expect(site.scan('shilling').matches).toMatchObject([{ category: 'suspect' }]);
  });

  it('matches site words with doubled letters, however the text stretches them', () => {
    const site = createWordMatcher({ bannedWords: ['spammer', 'forbiddenword'], suspectWords: ['kill*'], allowedWords: [] });
    expect(site.scan('what a spammer').matches).toMatchObject([{ word: 'spammer', category: 'banned' }]);
    expect(site.scan('what a spammmmer').matches).toMatchObject([{ word: 'spammer' }]);
    expect(site.scan('FORBIDDENWORD here').matches).toMatchObject([{ word: 'forbiddenword' }]);
    expect(site.scan('killing').matches).toMatchObject([{ category: 'suspect' }]);
  });

  it('honours the site allow-list', () => {
    const site = createWordMatcher({ bannedWords: [], suspectWords: [], allowedWords: ['dick tracy'] });
    expect(site.scan('like dick tracy').matches).toEqual([]);
  });

  it('turns site words into safe patterns', () => {
    expect(sitePattern(' Foo[bar] ')).toBe('|foo\\[bar\\]|');
    expect(sitePattern('spam*')).toBe('|spam');
    expect(sitePattern('  ')).toBeUndefined();
  });
});

describe('the built-in extra words', () => {
  // Text is matched after runs of a letter collapse, so a pattern written with "rr" or "tt" never matched.
  it.each(EXTRA.flatMap(({ word, patterns }) => patterns.map((pattern) => [pattern, word])))('finds pattern "%s" as %s, spelled in full', (pattern, word) => {
    const literal = pattern.replace(/\|/g, '').replace(/\[\?\]/g, '').replace(/\[(.)\]/g, '$1');
    expect(found(`well, ${literal} again`)).toContain(word);
  });

  it.each([
    ['curry muncher', 'pajeet'],
    ['batty boy', 'poofter'],
    ['jungle bunny', 'coon'],
    ['zipperhead', 'zipperhead'],
    ['the trannies', 'shemale'],
  ])('finds "%s", whose doubled letters collapse before matching', (text, word) => {
    expect(found(text)).toContain(word);
  });
});
