/**
 * Calls for violence against people: violent verbs, phrasal verbs, weapons and euphemisms aimed at a
 * target and framed as a wish, plan or order, and what is wished on a group after a modal.
 */
import { CONFINEMENT, DOOM, DOOM_ONLY_WISHED, GATHERING_PLACES, GROUP_NOUNS, MODALS, PERSON_TARGETS, PREDICTIVE, VIOLENCE, VIOLENCE_DONE } from './lexicon.js';
import { containsPhrase, groupAt, isTarget, push, type Located } from './rule-helpers.js';
import { isWord, type Token } from './tokens.js';

const THREAT_TAIL = [['one', 'by', 'one'], ['every', 'last', 'one'], ['them', 'all'], ['all', 'of', 'them'], ['on', 'sight']];

const NOT_VIOLENT_AFTER: Record<string, Set<string>> = {
  hang: new Set(['out', 'on', 'in', 'around', 'up', 'onto', 'over', 'together', 'with']),
  shoot: new Set(['for', 'me', 'down', 'the', 'a', 'an', 'up', 'back', 'film', 'video', 'photos', 'pictures']),
  // "I'd kill to have her voice", "I could kill for a coffee": a longing.
  kill: new Set(['time', 'it', 'the', 'off', 'bill', 'deal', 'to', 'for']),
  murder: new Set(['to', 'for']),
  gas: new Set(['prices', 'price', 'supply', 'supplies', 'pipeline', 'station', 'bill', 'bills', 'up']),
  burn: new Set(['out', 'calories', 'fuel', 'money', 'cash', 'bridges']),
  bomb: new Set(['the', 'a']),
  drown: new Set(['out']),
  execute: new Set(['the', 'a', 'an', 'plan', 'plans', 'orders', 'order', 'policy', 'policies']),
  eliminate: new Set(['the', 'a', 'waste', 'poverty', 'debt', 'taxes', 'tax']),
  purge: new Set(['the']),
  wipe: new Set(['the', 'a']),
  beat: new Set([]),
};

/** Words that make a violent verb a wish or a plan: "should", "I'd happily". */
const WISHING = new Set([...MODALS, "i'd", "we'd", 'happily', 'gladly', 'hope', 'wish']);
/** And a violent noun: "deserves a bullet", "send them to the ovens", "a noose for every traitor". */
const WISHING_NOUN = new Set([...WISHING, 'give', 'put', 'send', 'for']);

/** "every one of them deserves a bullet", "send them to the ovens", "a noose for every traitor". */
export function findViolentNoun(tokens: Token[], i: number, findings: Located[]): void {
  const next = tokens[i + 1]?.text ?? '';
  if (['point', 'points', 'train', 'trains', 'proof', 'music', 'orchestra', 'choir', 'gloves', 'mitt', 'mitts', 'dish'].includes(next)) return;
  const { sentence } = tokens[i];
  const near = (k: number) => k >= 0 && k < tokens.length && tokens[k].sentence === sentence;
  let target = -1;
  for (let k = Math.max(0, i - 5); k <= i + 6; k++) if (k !== i && near(k) && isTarget(tokens, k) && !GATHERING_PLACES.has(tokens[k].text)) target = k;
  if (target < 0) return;
  const from = Math.min(i, target);
  const wished = tokens.slice(Math.max(0, from - 4), Math.max(i, target) + 1).some((token) => token.sentence === sentence && WISHING_NOUN.has(token.text));
  if (wished) push(findings, tokens, 'violent-noun-wished', from, Math.max(i, target) + 1, from - 3);
}

const THREAT_PHRASES = [['final', 'solution'], ['day', 'of', 'the', 'rope'], ['off', 'the', 'map'], ['deal', 'with', 'them', 'permanently']];
/** "take care of them, permanently", "get rid of the X for good". */
const DISPOSAL = [['care', 'of'], ['rid', 'of']];
const FOR_GOOD = [['permanently'], ['for', 'good'], ['once', 'and', 'for', 'all']];

/** Euphemisms for killing a people; they count only when a people or "them" is in the text. */
export function findThreatPhrases(tokens: Token[], groups: number, findings: Located[]): void {
  const aimed = groups > 0 || tokens.some((token) => token.text === 'them' || token.text === 'they');
  if (!aimed) return;
  const at = (k: number, words: string[]) => words.every((word, offset) => tokens[k + offset]?.text === word);
  for (let k = 0; k < tokens.length; k++) {
    const phrase = THREAT_PHRASES.find((words) => at(k, words));
    if (phrase) push(findings, tokens, 'euphemism-for-killing', k, k + phrase.length, k - 3);
    const disposal = DISPOSAL.find((words) => at(k, words));
    if (!disposal) continue;
    const sentence = tokens.filter((token) => token.sentence === tokens[k].sentence);
    const start = tokens.indexOf(sentence[0]);
    const final = sentence.some((_, j) => FOR_GOOD.some((words) => at(start + j, words)));
    const object = k + disposal.length;
    const aimedHere = [object, object + 1].some((j) => isTarget(tokens, j) && !GATHERING_PLACES.has(tokens[j].text));
    if (final && aimedHere) push(findings, tokens, 'euphemism-for-killing', k - 1, object + 2, k - 3);
  }
}

type Force = 'wish' | 'prediction';

/**
 * "should", "must", "have to", "let's" wish for something; "will" and "going to" may only predict it, and
 * "have been" reports it: "Kurds have been killed by the thousands" is news, not a threat.
 */
export function modalForce(tokens: Token[], k: number): Force | undefined {
  const word = tokens[k].text;
  const next = tokens[k + 1]?.text;
  if (word === 'have' || word === 'has') return next === 'to' ? 'wish' : undefined;
  if (word === 'going') return next === 'to' ? 'prediction' : undefined;
  return PREDICTIVE.has(word) ? 'prediction' : 'wish';
}

/** "be run over", "mown down": passives of the phrasal verbs of violence. */
const PASSIVE_PHRASAL: Partial<Record<string, string>> = {
  run: 'over', mown: 'down', mowed: 'down', gunned: 'down', beaten: 'up', blown: 'up', shot: 'up', strung: 'up', wiped: 'out', lined: 'up',
};

/** "[group] should/must/deserve to be shot | die | hang", "[group] should be put in camps". */
export function findNormativeViolence(tokens: Token[], start: number, modal: number, force: Force, findings: Located[], identity = true): void {
  for (let k = modal + 1; k < Math.min(tokens.length, modal + 6); k++) {
    const word = tokens[k].text;
    if (!isWord(tokens[k])) return;
    const tail = THREAT_TAIL.some((phrase) => containsPhrase(tokens, k + 1, k + 5, phrase));
    if (VIOLENCE_DONE.has(word) || word === 'dead' || (PASSIVE_PHRASAL[word] !== undefined && PASSIVE_PHRASAL[word] === tokens[k + 1]?.text)) {
      if (force === 'wish' || tail) push(findings, tokens, 'violence-wished', start, k + 1);
      return;
    }
    if (DOOM.has(word) && tokens[k - 1]?.text !== 'be') {
      if (force === 'wish' || tail) push(findings, tokens, 'doom-wished', start, k + 1);
      else if (!DOOM_ONLY_WISHED.has(word)) push(findings, tokens, 'doom-predicted', start, k + 1);
      return;
    }
    if (force === 'wish' && ['put', 'locked', 'thrown', 'sent', 'kept', 'herded', 'shoved'].includes(word)) {
      if (tokens[k + 1]?.text === 'down') return push(findings, tokens, 'put-down', start, k + 2);
      // "should be locked in prison" is a sentence, "locked in cages" is not; of a people, both are.
      const place = tokens.slice(k + 1, k + 5).findIndex((token) => (identity ? CONFINEMENT : CAGES).has(token.text));
      if (place >= 0) return push(findings, tokens, 'confinement-wished', start, k + place + 2);
    }
  }
}

/** Places that say "not human" of anyone put there; jail and the kitchen say it only of a people. */
const CAGES = new Set(['cage', 'cages', 'zoo', 'zoos', 'oven', 'ovens', 'chamber', 'chambers', 'kennel', 'kennels', 'sewer', 'sewers']);

/** "[group] belong in cages", "[group] belongs in the kitchen", "landlords belong in a zoo". */
export function findBelonging(tokens: Token[], start: number, belong: number, findings: Located[], identity = true): void {
  if (!['in', 'into', 'inside'].includes(tokens[belong + 1]?.text ?? '')) return;
  const place = tokens.slice(belong + 2, belong + 5).findIndex((token) => (identity ? CONFINEMENT : CAGES).has(token.text));
  if (place >= 0) push(findings, tokens, identity ? 'group-belongs-confined' : 'target-is-dehumanised', start, belong + place + 3);
}

const PHRASAL_VIOLENCE = new Map([['run', 'over'], ['mow', 'down'], ['string', 'up'], ['blow', 'up'], ['beat', 'up'], ['gun', 'down'], ['shoot', 'up']]);

/** "run over", "mow down", "string up": violent only with their particle. */
export function phrasalViolenceAt(tokens: Token[], i: number): boolean {
  const particle = PHRASAL_VIOLENCE.get(tokens[i].text);
  return particle !== undefined && tokens[i + 1]?.text === particle;
}

/** "were used to murder", "tried to kill": what was done or attempted, not a wish. */
const PAST_PURPOSE = new Set(['used', 'tried', 'attempted', 'managed', 'helped', 'order', 'sought', 'planned', 'plotted', 'conspired', 'ordered']);

/** A call for violence: a violent verb aimed at people, framed as a wish, plan or order. */
export function findThreat(tokens: Token[], i: number, findings: Located[]): void {
  const word = tokens[i].text;
  const next = tokens[i + 1]?.text ?? '';
  // "bomb the exam" is not violent, "bomb the mosque" is.
  const aimedPast = (['the', 'a', 'an'].includes(next) && isTarget(tokens, i + 2)) || (['up', 'down'].includes(next) && [2, 3].some((k) => isTarget(tokens, i + k)));
  if (NOT_VIOLENT_AFTER[word]?.has(next) && !aimedPast) return;
  const sentence = tokens[i].sentence;
  const before = tokens.slice(Math.max(0, i - 5), i).filter((token) => token.sentence === sentence).map((token) => token.text);
  if (word === 'death' && next === 'to' && isTarget(tokens, i + 2)) return push(findings, tokens, 'death-to', i, i + 3);
  if (word === 'die' || word === 'dead') {
    // "the names of all 21 dead", "we honour the dead": the victims, named.
    if (word === 'dead' && (tokens[i - 1]?.text === 'the' || /^\d+$/.test(tokens[i - 1]?.text ?? ''))) return;
    const wish = before.some((w) => ['hope', 'should', 'must', 'deserve', 'deserves', 'go', 'wish', 'all'].includes(w));
    const aimed = before.some((w) => PERSON_TARGETS.has(w) || GROUP_NOUNS.has(w));
    if (wish && aimed) push(findings, tokens, 'death-wished', i - 4, i + 1);
    return;
  }
  if (VIOLENCE_DONE.has(word) && !VIOLENCE.has(word)) return;
  let target = -1;
  // "a crowd of those Muslims": a quantity phrase does not put the target out of reach.
  const reach = i + 5 + (tokens.slice(i + 1, i + 5).some((token) => token.text === 'of') ? 3 : 0);
  for (let k = i + 1; k < Math.min(tokens.length, reach) && tokens[k].sentence === sentence; k++) {
    if (isTarget(tokens, k)) {
      target = k;
      break;
    }
    if (!isWord(tokens[k])) break;
  }
  const tail = THREAT_TAIL.some((phrase) => containsPhrase(tokens, i + 1, i + 9, phrase));
  if (target < 0 && !tail) return;
  const sentenceStart = i === 0 || tokens[i - 1].sentence !== sentence || !isWord(tokens[i - 1]);
  const wishTo = before.some((w, k) => w === 'to' && !PAST_PURPOSE.has(before[k - 1] ?? ''));
  const framed = before.some((w) => WISHING.has(w)) || wishTo || sentenceStart || tail;
  // "killed", "shot": past tense reports what happened; a call for violence is a wish, plan or order.
  const base = !/(?:ed|en)$/.test(word) && !['shot', 'hung', 'burnt'].includes(word);
  if (!framed || !base) return;
  const end = target >= 0 ? Math.max(target + 1, groupAt(tokens, target)) : i + 2;
  push(findings, tokens, tail ? 'violence-programme' : 'violence-at-target', i - 2, end, i - 3);
}
