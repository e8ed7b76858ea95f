/**
 * Contempt for a people said outright, read at `assess()` time only (round 17; never learned features):
 * disgust ("Muslims disgust me", "refugees make me sick"), a people ranked below everything ("Indians
 * are lower than dirt", "there is nothing worse than immigrants"), weariness of a people as such ("I am
 * sick of Jews.") and distrust or fewer of them as a rule ("never trust Christians", "we need fewer women
 * here"). HateCheck calls the first strong negative emotion explicitly expressed. Training on the
 * written waves of round 17 made the learned heads read such short sentences more leniently (11 of 168
 * plain derogations published, against 3 before), so they are read here whatever the heads say.
 *
 * Who is the subject and what follows decide it. "People who attack Muslims make me sick" is disgust at
 * the attackers, so a people must open its clause before "disgust me"; "sick of refugees being blamed"
 * is weariness of the blaming, so after "sick of" or "never trust" the people must close its clause.
 */
import { endOfAny, phrases } from './phrase-match.js';
import { assessedFinding, groupAt, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Said by a people as subject. */
const SAID_OF_THE_PEOPLE = phrases(`disgust me | disgusts me | repulse me | repulses me | sicken me | sickens me | revolt me |
  revolts me | nauseate me | nauseates me | make me sick | makes me sick | make me ill | makes me ill | make me want to vomit |
  makes me want to vomit | make me want to puke | makes me want to puke | make me want to throw up | make my skin crawl |
  makes my skin crawl | are lower than | is lower than | are beneath contempt | are worse than animals | are worse than rats |
  are worse than vermin | are the scum of | are the dregs of`);

/** Said before a people that closes the clause. */
const SAID_BEFORE_THE_PEOPLE = phrases(`sick of | sick and tired of | sick to death of | tired of | fed up with | nothing worse than |
  nothing lower than | nothing more disgusting than | nothing more pathetic than | never trust | never trust a | never trust an |
  can't trust | cant trust | cannot trust | don't trust | dont trust | do not trust | need fewer | want fewer`);

/** What may stand before a people that opens its clause: "Honestly, immigrants disgust me", "I think Jews make me sick". */
const CLAUSE_OPENERS = new Set(['all', 'the', 'these', 'those', 'most', 'honestly', 'frankly', 'just', 'and', 'but', 'so', 'tbh', 'ngl',
  'really', 'think', 'say', 'swear', 'i', 'literally', 'seriously']);

/** What may follow a people that closes the clause: "we need fewer women here", "sick of Muslims now". */
const CLAUSE_CLOSERS = new Set(['here', 'now', 'anymore', 'already', 'honestly', 'frankly', 'tbh', 'lol', 'mate', 'period', 'full', 'stop']);
const PLACES_AFTER_IN = new Set(['this', 'our', 'my', 'the']);

const FIRST_WORDS = new Set([...SAID_OF_THE_PEOPLE.keys(), ...SAID_BEFORE_THE_PEOPLE.keys()]);

export function findContempt(tokens: Token[], condemned: readonly boolean[]): Located[] {
  const found: Located[] = [];
  for (let k = 0; k < tokens.length; k++) {
    // One lookup for most words.
    if (!FIRST_WORDS.has(tokens[k].text) || tokens[k].negated || tokens[k].quoted) continue;
    const after = endOfAny(tokens, k, SAID_OF_THE_PEOPLE);
    const subject = after > k ? peopleEndingAt(tokens, k) : -1;
    if (subject >= 0) push(found, tokens, condemned, subject, after);
    const before = endOfAny(tokens, k, SAID_BEFORE_THE_PEOPLE);
    if (before <= k) continue;
    const end = groupAt(tokens, before);
    if (end > before && closesClause(tokens, end, tokens[k].sentence)) push(found, tokens, condemned, k, end);
  }
  return found;
}

function push(found: Located[], tokens: Token[], condemned: readonly boolean[], from: number, to: number): void {
  const finding = assessedFinding(tokens, condemned, 'contempt-for-people', from, to);
  if (finding) found.push(finding);
}

/** Where a people that opens its clause and ends just before `k` starts, or -1. */
function peopleEndingAt(tokens: Token[], k: number): number {
  for (let start = Math.max(0, k - 2); start < k; start++) {
    if (groupAt(tokens, start) !== k || tokens[start].negated) continue;
    const before = tokens[start - 1];
    const opens = before === undefined || before.sentence !== tokens[start].sentence || !before.word || CLAUSE_OPENERS.has(before.text);
    if (opens) return start;
  }
  return -1;
}

function closesClause(tokens: Token[], end: number, sentence: number): boolean {
  const next = tokens[end];
  if (next === undefined || next.sentence !== sentence || !next.word || CLAUSE_CLOSERS.has(next.text)) return true;
  return ['in', 'around'].includes(next.text) && PLACES_AFTER_IN.has(tokens[end + 1]?.text ?? '');
}
