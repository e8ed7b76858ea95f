import { DataSet, englishDataset, parseRawPattern } from 'obscenity';
import { collapseRuns } from './transformers.js';

/**
 * How a built-in word counts. Slurs hold a comment for review on their own; profanity and sexual words
 * do not ("f***ing great news" is fine) — they only inform the classifier, which judges whether the
 * words are aimed at someone.
 */
export type WordCategory = 'slur' | 'profanity' | 'sexual' | 'banned' | 'suspect';

export interface WordMetadata {
  originalWord: string;
  category: WordCategory;
}

const SLURS = new Set([
  'abeed', 'abo', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'fag', 'kike', 'negro', 'nigger',
  'retard', 'spastic', 'tranny', 'dyke',
]);
const SEXUAL = new Set([
  'anal', 'anus', 'bestiality', 'blowjob', 'boob', 'buttplug', 'cum', 'deepthroat', 'dildo', 'doggystyle',
  'double penetration', 'ejaculate', 'felch', 'fellatio', 'finger bang', 'fisting', 'gangbang', 'handjob',
  'hentai', 'incest', 'jerk off', 'jizz', 'lubejob', 'masturbate', 'orgasm', 'orgy', 'penis', 'porn', 'semen',
  'sex', 'vagina', 'scat',
]);

/**
 * Slurs and spellings the English preset lacks; "Americunt"-style compounds are slurs against a people.
 * Text is matched after runs of a letter collapse (`transformers.ts`), so `builtinDataset` collapses the
 * patterns the same way ("curry muncher" is looked for as "cury muncher").
 */
export const EXTRA: { word: string; category: WordCategory; patterns: string[] }[] = [
  // The preset lists "rapist" as "rape", so "Mexicans are rapists" read as "rapes", which no attack
  // list holds: each is its own word here (the preset's phrase is removed below).
  { word: 'rape', category: 'profanity', patterns: ['|rape'] },
  { word: 'rapist', category: 'profanity', patterns: ['|rapis[s]t'] },
  { word: 'fuck', category: 'profanity', patterns: ['ph[?]ck', '|phuk', '|phuq', '|fuq', 'fvck', '|fcking', '|fkin'] },
  { word: 'americunt', category: 'slur', patterns: ['americunt', 'amerikunt'] },
  { word: 'ruscist', category: 'slur', patterns: ['|ruzzian', '|russkies|'] },
  { word: 'khokhol', category: 'slur', patterns: ['|khokhol', '|khohol'] },
  { word: 'wetback', category: 'slur', patterns: ['wetback'] },
  { word: 'spic', category: 'slur', patterns: ['|spic|', '|spics|', '|spick|'] },
  { word: 'gook', category: 'slur', patterns: ['|gook|', '|gooks|'] },
  { word: 'raghead', category: 'slur', patterns: ['raghead', 'towelhead', 'sandnig', 'camel jockey', 'cameljockey'] },
  { word: 'beaner', category: 'slur', patterns: ['|beaner|', '|beaners|'] },
  { word: 'coon', category: 'slur', patterns: ['|coon|', '|coons|', 'jungle bunn'] },
  { word: 'paki', category: 'slur', patterns: ['|paki|', '|pakis|'] },
  { word: 'muzrat', category: 'slur', patterns: ['muzrat', 'muzzie', 'mudslime', 'musloid'] },
  { word: 'kyke', category: 'slur', patterns: ['|kyke', '|yids|', 'zhid'] },
  { word: 'dindu', category: 'slur', patterns: ['|dindu', '|groid', 'negroid', 'porch monkey', 'niglet'] },
  { word: 'gyppo', category: 'slur', patterns: ['|gyppo', '|pikey'] },
  { word: 'shemale', category: 'slur', patterns: ['shemale', '|trannies|', '|troon'] },
  { word: 'fag', category: 'slur', patterns: ['|fgt|'] },
  { word: 'mongoloid', category: 'slur', patterns: ['mongoloid', '|retards|', '|libtard', '|spaz|', '|spazz', '|tard|', '|tards|', 'window licker'] },
  { word: 'darkie', category: 'slur', patterns: ['|darkie', '|darky|', '|sambo', '|jigaboo', 'golliwog', '|wog|', '|wogs|', '|nignog'] },
  // Its own word, not the preset's "nigger": often said in-group, so the classifier weighs it apart.
  { word: 'nigga', category: 'slur', patterns: ['n[i]gga', 'n[i]ggah', 'n[i]gguh'] },
  { word: 'zipperhead', category: 'slur', patterns: ['zipperhead', 'slant eye', 'slanteye', '|slanty', '|jap|', '|japs|'] },
  { word: 'polack', category: 'slur', patterns: ['|polack', '|polak|', '|dago|', '|dagos|', '|wop|', '|wops|', '|krauts|'] },
  { word: 'hymie', category: 'slur', patterns: ['|hymie', '|hebe|', '|hebes|', '|heeb|', '|heebs|', '|yid|'] },
  { word: 'redskin', category: 'slur', patterns: ['|redskin', '|injun', 'half breed', 'halfbreed', '|squaw|', '|squaws|'] },
  { word: 'pajeet', category: 'slur', patterns: ['|pajeet', 'curry muncher', 'sand monkey', 'sandmonkey', 'goat fucker', 'goatfucker', 'camel fucker'] },
  { word: 'poofter', category: 'slur', patterns: ['|poofter', '|homo|', '|homos|', 'batty boy', 'battyboy', '|lesbo|', '|lezza|'] },
  { word: 'femoid', category: 'slur', patterns: ['|femoid', '|foid|', '|foids|', '|roastie'] },
];

/**
 * Words and names that contain a listed word but are not it. Only spellings a pattern would otherwise
 * match are listed: every entry is searched for in every comment.
 */
export const BUILTIN_ALLOWED = [
  'cockpit', 'cockpits', 'dick cheney', 'dick van dyke', 'moby dick', 'philip k dick', 'dick durbin', 'dick turpin',
  'dick whittington', 'dickinson', 'dickson', 'penistone', 'negro league', 'negro leagues', 'negro college',
  'negroni', 'shiitake', 'spick and span', 'tit for tat', 'retardant', 'retardants', 'homo sapiens', 'homo erectus',
  'homo habilis', 'washington redskins', 'squaw valley', 'squaw peak', 'rapper',
  // Homonyms: a word that is also a slur, in the phrases that make it the other word.
  'niggard', 'chink in the armo', 'chink in his armo', 'chink in her armo', 'chink in their armo', 'chink in its armo',
  'chinks in the armo', 'chinks in their armo', 'chink of light', 'chinks of light', 'sea dyke', 'river dyke', 'dyke burst',
  'dykes burst', 'dyke broke', 'dykes broke', 'dyke breach', "offa's dyke", 'faggots and peas', 'faggots and mash',
  'faggots and gravy', 'faggots in gravy', 'faggots with gravy', 'coon hound', 'coonhound', 'retard the growth', 'retard growth',
  'retards the growth', 'retard the spread', 'retards the spread', 'retarded the growth', 'retardation', 'spastic colon',
  'spastic paralysis', 'spastic cerebral', 'spastic diplegia', 'spasticity',
];

function categoryFor(word: string): WordCategory {
  if (SLURS.has(word)) return 'slur';
  if (SEXUAL.has(word)) return 'sexual';
  return 'profanity';
}

/** The English preset re-labelled with categories, plus the extra spellings and slurs above. */
export function builtinDataset(): DataSet<WordMetadata> {
  const dataset = new DataSet<WordMetadata>();
  dataset.addAll(englishDataset as unknown as DataSet<WordMetadata>).removePhrasesIf((phrase) => phrase.metadata?.originalWord === 'rape');
  for (const extra of EXTRA) {
    dataset.addPhrase((phrase) => {
      let built = phrase.setMetadata({ originalWord: extra.word, category: extra.category });
      for (const source of extra.patterns) built = built.addPattern(parseRawPattern(collapseRuns(source)));
      return built;
    });
  }
  return dataset;
}

export function builtinCategory(originalWord: string, metadata?: Partial<WordMetadata>): WordCategory {
  return metadata?.category ?? categoryFor(originalWord);
}
