/**
 * Reads a misspelt word as the lexicon word it stands for: the spelling tricks of adversarial test suites
 * (HateCheck's spelling variations) and of commenters dodging a filter that the word matcher's folding
 * does not undo — swapped, missing or extra letters ("musilms", "mslims", "immigrantss"), stretched
 * letters ("disgustinggg"), words run together ("ihate"), masked letters ("sc*m") and "h8".
 *
 * It only reads a word as a lexicon word (or one split off a short word, or a form of "hate"), and it
 * never changes an English word: "violet" is not "violent", "beats" is not "beast", "therapist" is not
 * "the rapist". Every dictionary word these rules would change is listed in `real-words.ts`, generated
 * at build time (`spelling-dictionary.ts`); a few names no dictionary lists are kept in `NAMES`.
 */
import {
  DEHUMANISING, GROUP_ADJECTIVES, GROUP_NOUNS, HATE_VERBS, INSULTS, NEGATIVE_ATTRIBUTES, PROFANITY, VIOLENCE,
  VIOLENCE_DONE,
} from './lexicon.js';
import { EXCLUSION, NEGATIVE } from './lexicon-attitude.js';
import { REAL_WORDS_NEAR_LEXICON } from './real-words.js';

/** Lexicon lists in the order that settles a tie: who is attacked first, then how. */
const TARGET_LISTS: ReadonlySet<string>[] = [
  GROUP_NOUNS, GROUP_ADJECTIVES, DEHUMANISING, VIOLENCE, VIOLENCE_DONE, HATE_VERBS, NEGATIVE_ATTRIBUTES, INSULTS,
  PROFANITY, NEGATIVE, EXCLUSION,
];

/** Every lexicon word → the rank of the first list that holds it. */
const TARGET_RANK = new Map<string, number>();
TARGET_LISTS.forEach((list, rank) => {
  for (const word of list) if (!TARGET_RANK.has(word)) TARGET_RANK.set(word, rank);
});

const PLAIN_WORD = /^[a-z]+$/;
const plainTargets = [...TARGET_RANK.keys()].filter((word) => PLAIN_WORD.test(word));

// Below four letters one edit reaches too many other words ("rat": "hat", "rag", "ray"…).
const FUZZY_MIN_TARGET = 4;
const FUZZY_MIN_WORD = 3;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Symmetric-delete index: each fuzzy target and each of its one-letter deletions → the targets. A word
 * within one edit of a target shares a key with it (itself or one of its own deletions), so a lookup costs
 * one probe per letter instead of a scan of the lexicon; `editBetween` then confirms the edit.
 */
const DELETE_INDEX = new Map<string, string[]>();
for (const target of plainTargets) {
  if (target.length < FUZZY_MIN_TARGET) continue;
  for (const key of new Set([target, ...deletions(target)])) {
    const list = DELETE_INDEX.get(key);
    if (list) list.push(target);
    else DELETE_INDEX.set(key, [target]);
  }
}

/**
 * How a word differs from a target by one edit, most plausible first. A swapped or doubled letter keeps
 * every letter of the word, so it is rarely a different word; a replaced letter most often is.
 */
const EDIT_RANK = { swapped: 0, extra: 1, missing: 2, replaced: 3 } as const;
type Edit = keyof typeof EDIT_RANK;

/**
 * The single edit that turns `target` into `word`, if there is one, and where. The first letter must
 * stay: people who misspell or dodge a filter keep it so the word is still read, while letting it change
 * turns unrelated words and names into slurs ("hunt" and "cunt").
 */
export function editBetween(word: string, target: string): { edit: Edit; at: number } | undefined {
  let at = 0;
  while (at < word.length && at < target.length && word[at] === target[at]) at++;
  if (at === 0) return undefined;
  const longer = word.length - target.length;
  if (longer === 1 && word.slice(at + 1) === target.slice(at)) return { edit: 'extra', at };
  if (longer === -1 && word.slice(at) === target.slice(at + 1)) return { edit: 'missing', at };
  if (longer !== 0 || at === word.length) return undefined;
  if (word.slice(at + 1) === target.slice(at + 1)) return { edit: 'replaced', at };
  if (word[at] === target[at + 1] && word[at + 1] === target[at] && word.slice(at + 2) === target.slice(at + 2)) return { edit: 'swapped', at };
  return undefined;
}

const GROUP_WORDS = new Set([...GROUP_NOUNS, ...GROUP_ADJECTIVES]);
const VOWELS = new Set('aeiouy');
const doubles = (text: string, at: number) => text[at] === text[at - 1] || text[at] === text[at + 1];

/**
 * Which slips are read as a misspelling. The dictionary cannot protect what it does not list — slang,
 * names, and the vulgar words word-list leaves out — and comment text showed which slips turn those into
 * lexicon words ("pussy" to "pushy", "suck" to "sick", "breasts" to "beasts", "pokis" to "pakis"):
 * - an extra letter only when it doubles its neighbour ("immigrantss", "disgussting");
 * - a missing letter in a word of five letters or more ("mslims"), a vowel in one of four ("wmen"), or
 *   one of a double ("kil"): other short words are slang and names as often as slips ("raed", "chea");
 * - a replaced letter only a vowel for a vowel, inside a word of six letters or more ("exacuted"), and
 *   never into a group word, where it mostly makes another group or a slur ("hindis", "pokis", "asean");
 * - a group word not in its last two letters: "syria", "israel", "somalia", "africas", "christina" are
 *   places and names.
 */
function isPlausibleSlip(word: string, target: string, edit: Edit, at: number): boolean {
  const group = GROUP_WORDS.has(target);
  switch (edit) {
    case 'swapped':
      return word.length >= 4 && !(group && at >= word.length - 2);
    case 'extra':
      return doubles(word, at);
    case 'missing':
      return (word.length >= 5 || doubles(target, at) || (word.length === 4 && VOWELS.has(target[at]))) && !(group && at >= word.length - 1);
    case 'replaced':
      return word.length >= 6 && !group && at < word.length - 1 && VOWELS.has(word[at]) && VOWELS.has(target[at]);
  }
}

/** The likelier edit first, then the earlier lexicon list, then alphabetical, so no tie depends on iteration order. */
function compareCandidates(a: [Edit, string], b: [Edit, string]): number {
  return EDIT_RANK[a[0]] - EDIT_RANK[b[0]] || (TARGET_RANK.get(a[1]) ?? 0) - (TARGET_RANK.get(b[1]) ?? 0) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function nearestTarget(word: string): string | undefined {
  if (word.length < FUZZY_MIN_WORD) return undefined;
  let best: [Edit, string] | undefined;
  for (let i = -1; i < word.length; i++) {
    const key = i < 0 ? word : word.slice(0, i) + word.slice(i + 1);
    for (const target of DELETE_INDEX.get(key) ?? []) {
      const found = editBetween(word, target);
      if (found === undefined || !isPlausibleSlip(word, target, found.edit, found.at)) continue;
      const candidate: [Edit, string] = [found.edit, target];
      if (best === undefined || compareCandidates(candidate, best) < 0) best = candidate;
    }
  }
  return best?.[1];
}

// Three or more of a letter is never English spelling ("disgustinggg", "kiiill").
const STRETCHED = /([a-z])\1{2,}/;
const STRETCHED_ALL = /([a-z])\1{2,}/g;

/** A stretched word with its runs cut to two letters, then to one ("immigrantsss": "immigrantss", "immigrants"). */
function unstretched(word: string): string[] {
  if (!STRETCHED.test(word)) return [];
  const double = word.replace(STRETCHED_ALL, '$1$1');
  const single = word.replace(STRETCHED_ALL, '$1');
  return double === single ? [double] : [double, single];
}

/** Short words that run into a lexicon word when a space is dropped ("ihate", "killall", "aredisgusting"). */
const GLUE_WORDS = new Set(
  'i we you they them all are is be the should must to so just those these really fucking a an of like kill hate'.split(' '),
);
// These only ever come first: at the end they are a name's last letters ("indiana", "somalia").
const GLUE_FIRST_ONLY = new Set(['i', 'a', 'an']);
const GLUE_MIN = 5;
const GLUE_MIN_TARGET = 4;

/** Two words run together, at least one of them a lexicon word; the split with the longest lexicon word wins. */
function unglued(word: string): [string, string] | undefined {
  if (word.length < GLUE_MIN) return undefined;
  let best: [string, string] | undefined;
  let bestScore = 0;
  for (let i = 1; i < word.length; i++) {
    const left = word.slice(0, i);
    const leftTarget = TARGET_RANK.has(left);
    if (!leftTarget && !GLUE_WORDS.has(left)) continue;
    const right = word.slice(i);
    const rightTarget = TARGET_RANK.has(right);
    if (!rightTarget && (!GLUE_WORDS.has(right) || GLUE_FIRST_ONLY.has(right) || !leftTarget)) continue;
    // A three-letter lexicon word glued to a short one is too often a word of its own ("apeso", "jewis").
    const score = Math.max(leftTarget ? left.length : 0, rightTarget ? right.length : 0);
    if (score < GLUE_MIN_TARGET && !(leftTarget && rightTarget)) continue;
    if (score > bestScore) {
      best = [left, right];
      bestScore = score;
    }
  }
  return best;
}

/**
 * Number-words, as written and as the word matcher's leetspeak reading leaves them ("h8ed" arrives as
 * "hbed"). "hbs" (for "h8s") is left out: it is also an abbreviation.
 */
const NUMBER_WORDS = new Map([
  ['h8', 'hate'], ['h8s', 'hates'], ['h8ed', 'hated'], ['hbed', 'hated'], ['h8ers', 'haters'], ['hbers', 'haters'],
]);

/**
 * The lexicon word(s) a word stands for, or undefined when it stands as written. `isRealWord` guards the
 * forms a stretched word is cut back to ("hattt" is "hat", not "hate"); the whole word is the caller's to
 * check, so the dictionary generator can ask what would change without any protection.
 */
export function readMisspelling(word: string, isRealWord: (word: string) => boolean): string[] | undefined {
  if (TARGET_RANK.has(word)) return undefined;
  const number = NUMBER_WORDS.get(word);
  if (number) return [number];
  if (!PLAIN_WORD.test(word)) return undefined;
  const cutBack = unstretched(word);
  for (const form of cutBack) if (TARGET_RANK.has(form)) return [form];
  if (cutBack.some(isRealWord)) return undefined;
  for (const form of cutBack.length > 0 ? cutBack : [word]) {
    const target = nearestTarget(form);
    if (target) return [target];
  }
  return unglued(word);
}

/** Names the dictionary does not list that comment text showed being read as a lexicon word. */
const NAMES: ReadonlySet<string> = new Set(['alice', 'bloch', 'koran']);

const REAL_WORDS: ReadonlySet<string> = new Set(REAL_WORDS_NEAR_LEXICON.split(/\s+/).filter(Boolean));
const isProtected = (word: string) => REAL_WORDS.has(word) || NAMES.has(word);

const CACHE_LIMIT = 20_000;
const AS_WRITTEN: readonly string[] = [];
const cache = new Map<string, readonly string[]>();

/**
 * What a word token is read as — the lexicon word it misspells, or two words run together — or undefined
 * when it stands as written, which is nearly always: that answer is cached and allocates nothing.
 */
export function respell(word: string): readonly string[] | undefined {
  // Nothing of one or two letters is read differently except "h8".
  if (word.length < 3 && word !== 'h8') return undefined;
  let read = cache.get(word);
  if (read === undefined) {
    read = (isProtected(word) ? undefined : readMisspelling(word, isProtected)) ?? AS_WRITTEN;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, read);
  }
  return read === AS_WRITTEN ? undefined : read;
}

const MASK_CHARS = '*#%$@_.';
// Lexicon words are plain ASCII, so ASCII classes suffice and keep this cheap on every comment.
const MASK_SYMBOL = /[*#%$@_]/;
const MASK_DOT = /[a-z]\.[a-z]/;
// A whole run of letters and mask characters, not touching digits: "sc*m", "f**k", "v#rmin".
const MASKED_RUN = /(?<![a-z0-9*#%$@_.])[a-z*#%$@_.]*[*#%$@_.][a-z*#%$@_.]*(?![a-z0-9*#%$@_.])/g;

const maskTargets = new Map<number, string[]>();
for (const target of plainTargets) {
  const list = maskTargets.get(target.length);
  if (list) list.push(target);
  else maskTargets.set(target.length, [target]);
}

function fitsMask(masked: string, target: string): boolean {
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] !== target[i] && !masksAt(masked, i)) return false;
  }
  return true;
}

/** Masks hide profanity and insults most often, so they win a tie ("sh*t" is "shit", not "shot"). */
function maskRank(word: string): number {
  if (PROFANITY.has(word)) return -2;
  if (INSULTS.has(word)) return -1;
  return TARGET_RANK.get(word) ?? 0;
}

/**
 * Words people star out that word-list leaves out and the lexicon does not hold: when one fits, the mask
 * is theirs ("pu**y" is not "pushy").
 */
const MASK_DECOYS = new Set('pussy pussies penis cock cocks tits porn sexy suck sucks sucker'.split(' '));

const masksAt = (masked: string, i: number) => MASK_CHARS.includes(masked[i]);
// Single letters between dots are initials ("a.s.", "u.s."), not a word with a dotted-out letter ("sc.m").
const INITIALISM = /^[a-z](?:\.[a-z])+$/;

/**
 * The lexicon word of the same length whose letters agree wherever the masked word shows one; several
 * are settled by `maskRank`, then alphabetically. At least half the letters must show, so "f***" or
 * "n****r" alone decide nothing; masks that only trail or lead a word that is already a lexicon word
 * mark a footnote or a correction ("trash*").
 */
function unmaskWord(masked: string): string | undefined {
  let masks = 0;
  for (let i = 0; i < masked.length; i++) if (masksAt(masked, i)) masks++;
  if (masks === 0 || masks * 2 > masked.length) return undefined;
  let start = 0;
  let end = masked.length;
  while (masksAt(masked, start)) start++;
  while (masksAt(masked, end - 1)) end--;
  if (TARGET_RANK.has(masked.slice(start, end)) || INITIALISM.test(masked)) return undefined;
  let found: string | undefined;
  for (const target of maskTargets.get(masked.length) ?? []) {
    if (!fitsMask(masked, target)) continue;
    if (found === undefined || maskRank(target) < maskRank(found) || (maskRank(target) === maskRank(found) && target < found)) {
      found = target;
    }
  }
  for (const decoy of MASK_DECOYS) if (decoy.length === masked.length && fitsMask(masked, decoy)) return undefined;
  return found;
}

const EMPHASIS = '*_';

function unmaskRun(run: string): string {
  let start = 0;
  let end = run.length;
  // Sentence dots, hashtags and @mentions at the edges are not masks, nor are *emphasis* marks around a word.
  while (start < end && '.#@'.includes(run[start])) start++;
  while (end > start && run[end - 1] === '.') end--;
  if (start < end && EMPHASIS.includes(run[start]) && EMPHASIS.includes(run[end - 1])) {
    while (start < end && EMPHASIS.includes(run[start])) start++;
    while (end > start && EMPHASIS.includes(run[end - 1])) end--;
  }
  const word = unmaskWord(run.slice(start, end));
  return word === undefined ? run : run.slice(0, start) + word + run.slice(end);
}

/** Spells out masked lexicon words in a text before it is split into tokens (which "*" would split). */
export function unmask(text: string): string {
  return MASK_SYMBOL.test(text) || MASK_DOT.test(text) ? text.replace(MASKED_RUN, unmaskRun) : text;
}
