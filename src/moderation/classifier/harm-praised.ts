/**
 * Violence against a people praised, read at `assess()` time only (round 18; never learned features):
 * "People who attack Muslims are heroes", "Whoever beat up those gay men deserves a medal", "Good on
 * the men who chased the refugees off". Only the doers are named with the praise, so the learned heads,
 * which read "heroes" and "medal" as warm words, publish it; HateCheck would call it support for hateful
 * violence. The praise must be said of the doers in their own sentence and not denied ("are not heroes"), and only
 * a strict list of phrases counts, since "deserve" and "right" alone also end "deserve prison" and "right
 * to be angry".
 */
import { harmDoneBy } from './victims-reported.js';
import { endOfAny, phrases } from './phrase-match.js';
import { assessedFinding, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Praise said of the doers, just after them. */
const PRAISE_AFTER = phrases(`are heroes | are real heroes | are true heroes | are national heroes | is a hero | is a real hero |
  is a legend | are legends | are absolute legends | is an absolute legend | are patriots | are true patriots | is a patriot |
  deserve a medal | deserves a medal | deserve medals | should get a medal | should be given a medal | should be thanked |
  deserve our thanks | did nothing wrong | have done nothing wrong | has done nothing wrong | are doing god's work |
  have the right idea | has the right idea | did the right thing | are doing the right thing | did us all a favour |
  did us all a favor | are doing us a favour | are doing us a favor`);

/** Praise said before the doers. */
const PRAISE_BEFORE = phrases(`well done to | good on | fair play to | hats off to | respect to | thank god for | god bless`);

export function findHarmPraised(tokens: Token[], condemned: readonly boolean[]): Located[] {
  const found: Located[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const doers = harmDoneBy(tokens, i);
    if (doers <= i || tokens[i].negated || tokens[i].quoted) continue;
    const praise = praiseAfter(tokens, doers, tokens[i].sentence) ?? (praisedBefore(tokens, i) ? i : undefined);
    if (praise === undefined) continue;
    const finding = assessedFinding(tokens, condemned, 'harm-to-people-praised', Math.min(i, praise), Math.max(doers, praise + 1));
    if (finding) found.push(finding);
  }
  return found;
}

/**
 * Where praise of the doers starts, up to seven words after them in their sentence ("… out of the hostel
 * last night are heroes"), and not itself negated ("don't deserve a medal"; "did nothing wrong" negates
 * only its own last word).
 */
function praiseAfter(tokens: Token[], doers: number, sentence: number): number | undefined {
  for (let k = doers; k < Math.min(tokens.length, doers + 8); k++) {
    if (tokens[k].sentence !== sentence) return undefined;
    if (!tokens[k].negated && endOfAny(tokens, k, PRAISE_AFTER) > k) return k;
  }
  return undefined;
}

function praisedBefore(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) {
    // "Good on the men who …": an article may stand between.
    const end = endOfAny(tokens, k, PRAISE_BEFORE);
    if (end === i || (end === i - 1 && ['the', 'those', 'these', 'all'].includes(tokens[i - 1].text))) return !tokens[k].negated;
  }
  return false;
}
