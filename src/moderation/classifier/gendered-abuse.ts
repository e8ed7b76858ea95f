/**
 * Abuse of women by name and by trope, read at `assess()` time only (round 16; never learned features).
 * The learned heads score "slag", "harpy" or "face for radio" near civil talk: the public sets have few
 * of them, and of the second wave's 150 sexist comments the shipped pipeline published 91. Words that are
 * only ever said of a woman to demean her are listed whole; words with a second sense ("cow", "tart")
 * count only in the abusive frame ("silly cow", "dressed like a tart"). Quoted, reported and condemned,
 * they are turned as any finding ("Being called a slag at work is harassment").
 */
import { endOfAny, phrases } from './phrase-match.js';
import { assessedFinding, reportedAt, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Said of a woman only to demean her ("foid", "roastie" are slurs of the word scan, `words/builtin.ts`). */
const GENDERED_INSULTS = new Set(`slag slags slapper slappers hag hags harpy harpies harridan harridans bimbo bimbos fishwife
  fishwives floozy floozies hussy hussies trollop trollops strumpet strumpets skank skanks skanky thot thots feminazi
  feminazis man-hater man-haters manhater manhaters`.split(/\s+/));

/** Insults with a second sense, in the frame that leaves only the insult. */
const FRAMED_INSULTS = phrases(`silly cow | stupid cow | selfish cow | selfish cows | fat cow | lazy cow | lazy cows | ugly cow |
  miserable cow | daft cow | dozy cow | horrible cow | nasty cow | vile cow | useless cow | stuck-up cow | like a tart | such a tart |
  gold digger | gold diggers | gold-digger | gold-diggers`);

/**
 * Sexist stock phrases beyond `coded-hate.ts`: her body or her sex as the reason for her job, her
 * judgement ruled by hormones, blame for what was done to her, and "for a woman" as faint praise.
 */
const TROPES = phrases(`her time of the month | her time-of-the-month | time of the month again | keep your legs shut |
  keep her legs shut | kept her legs shut | was asking for it | were asking for it | she's asking for it | women want it both ways |
  face for radio | needed a skirt | get back to your knitting | back to your knitting | stick to modelling | pretty face with nothing |
  clever for a blonde | smart for a blonde | bright for a blonde | alright for a woman | not bad for a woman | clever for a woman |
  smart for a woman | funny for a woman | decent for a woman | run along sweetheart | run along love | run along dear |
  calm down dear | let women near | let girls near | nagging wife`);

/** "slag off" is to criticise, a slag heap is a mine's; a harpy eagle is a bird. */
const OTHER_SENSE_AFTER = new Set(['off', 'heap', 'heaps', 'tip', 'tips', 'pile', 'piles', 'eagle', 'eagles']);

const FIRST_WORDS = new Set([...GENDERED_INSULTS, ...FRAMED_INSULTS.keys(), ...TROPES.keys()]);

export function findGenderedAbuse(tokens: Token[], condemned: readonly boolean[]): Located[] {
  const found: Located[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    // One lookup for most words.
    if (!FIRST_WORDS.has(token.text) || token.negated || token.quoted) continue;
    if (OTHER_SENSE_AFTER.has(tokens[k + 1]?.text ?? '')) continue;
    const insult = GENDERED_INSULTS.has(token.text) ? k + 1 : endOfAny(tokens, k, FRAMED_INSULTS);
    const end = Math.max(insult, endOfAny(tokens, k, TROPES));
    if (end <= k) continue;
    // A condemning word near the writer's own insult is seldom about it ("shame the rest of you harpies …"):
    // only a report is turned by one.
    const own = insult > k && !reportedAt(tokens, k, end);
    const finding = assessedFinding(tokens, condemned, insult > k ? 'gendered-insult' : 'sexist-trope', k, end, own);
    if (finding) found.push(finding);
  }
  return found;
}
