import {
  CONDEMNING, CONFINEMENT, DEHUMANISING, DEMONSTRATIVES, DOOM, DOOM_ONLY_WISHED, GATHERING_PLACES, GROUP_ADJECTIVES,
  GROUP_NOUNS, HATE_VERBS, MODALS, NEGATIONS, NEGATIVE_ATTRIBUTES, OWN_VOICE_VERBS, PEOPLE_NOUNS, PERSON_TARGETS,
  PREDICTIVE, REPORTING, VIOLENCE, VIOLENCE_DONE, VIOLENT_NOUNS,
} from './lexicon.js';
import { isWord, type Token } from './tokens.js';

/** One targeted finding: what kind, how sure, which words, and whether it was reported or negated. */
export interface Finding {
  kind: 'dehumanising' | 'hate' | 'threat';
  score: number;
  phrase: string;
  /** Quoted, or after "saying"/"calling": someone else's words. */
  reported: boolean;
  negated: boolean;
  /** Reported and condemned in the same or the next sentence: counter-speech. */
  countered: boolean;
}

export interface RuleResult {
  findings: Finding[];
  /** The text condemns something ("is disgusting", "racist"): reported hate in it is counter-speech. */
  condemns: boolean;
  /** A sentence opens by reporting words and condemns them: "Calling every protester a terrorist is lazy". */
  counterFrame: boolean;
  /** Words in the text naming a people or identity group. */
  groups: number;
  /** Every slur in the text is quoted or reported, and condemned: "He called them 'X'. Disgusting." */
  slursCountered: boolean;
}

// Words allowed between a group and what is said of it ("Kurds are nothing but filthy vermin").
const FILLERS = new Set(`are is were was be been being just all nothing but like basically literally truly
  simply the a an bunch of pack herd such so more no better than as same real total absolute kind breed
  fucking filthy dirty bloody damn disgusting stinking dumb little these those them they're theyre that
  who really only ever always still very mere mostly typical worse worst too`.split(/\s+/));
const THREAT_TAIL = [['one', 'by', 'one'], ['every', 'last', 'one'], ['them', 'all'], ['all', 'of', 'them'], ['on', 'sight']];
const NOT_VIOLENT_AFTER: Record<string, Set<string>> = {
  hang: new Set(['out', 'on', 'in', 'around', 'up', 'onto', 'over', 'together', 'with']),
  shoot: new Set(['for', 'me', 'down', 'the', 'a', 'an', 'up', 'back', 'film', 'video', 'photos', 'pictures']),
  kill: new Set(['time', 'it', 'the', 'off', 'bill', 'deal']),
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

type Located = Finding & { sentence: number };

/** `slurs`: the listed slurs the word scan found, as spelled in the canonical text. */
export function analyse(tokens: Token[], slurs: readonly string[] = []): RuleResult {
  const findings: Located[] = [];
  let groups = 0;
  for (let i = 0; i < tokens.length; i++) {
    const groupEnd = groupAt(tokens, i);
    if (groupEnd > i) {
      groups++;
      findAfterGroup(tokens, i, groupEnd, findings);
    }
    const word = tokens[i].text;
    if (DEHUMANISING.has(word)) findDehumanisingCompound(tokens, i, findings);
    if (HATE_VERBS.has(word)) findHate(tokens, i, findings);
    if (VIOLENCE.has(word) || word === 'die' || word === 'death' || phrasalViolenceAt(tokens, i)) findThreat(tokens, i, findings);
    if (VIOLENT_NOUNS.has(word)) findViolentNoun(tokens, i, findings);
  }
  findThreatPhrases(tokens, groups, findings);
  const condemning = new Set<number>();
  tokens.forEach((token, i) => {
    if (condemnsAt(tokens, i)) condemning.add(token.sentence);
  });
  for (const finding of findings) {
    finding.countered = finding.reported && (condemning.has(finding.sentence) || condemning.has(finding.sentence + 1));
  }
  const condemns = condemning.size > 0;
  return {
    findings: findings.map(({ sentence: _, ...finding }) => finding),
    condemns,
    counterFrame: condemns && opensWithReport(tokens),
    groups,
    slursCountered: slurs.length > 0 && slursAreCountered(tokens, slurs, condemning),
  };
}

const WORD_ABOUT_WORDS = new Set(['slur', 'insult', 'word', 'term', 'offensive', 'derogatory', 'unacceptable']);

/**
 * "the word X", "words like X", "X is a slur": the word is talked about, not used. Only the singular
 * "is" counts: "X are disgusting" says it of people.
 */
function mentionedAt(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]?.text ?? '';
  if (['word', 'words', 'term', 'terms', 'slur', 'slurs'].includes(before)) return true;
  if (before === 'like' && ['words', 'terms', 'slurs', 'names', 'insults'].includes(tokens[i - 2]?.text ?? '')) return true;
  const next = tokens.slice(i + 1, i + 4).map((token) => token.text);
  return ['is', 'was'].includes(next[0]) && next.slice(1).some((word) => WORD_ABOUT_WORDS.has(word));
}

function slursAreCountered(tokens: Token[], slurs: readonly string[], condemning: Set<number>): boolean {
  let seen = 0;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (!slurs.some((slur) => text.startsWith(slur))) continue;
    seen++;
    const { sentence } = tokens[i];
    const condemned = condemning.has(sentence) || condemning.has(sentence + 1) || condemning.has(sentence - 1);
    if (!condemned || !(reportedAt(tokens, i, i + 1) || mentionedAt(tokens, i))) return false;
  }
  return seen > 0;
}

/**
 * A condemning word outside quotation marks. "Hate" condemns only as "hate speech" or "hate crime", so
 * "I hate them, and calling them rats is fair" is not read as counter-speech.
 */
function condemnsAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (token.text === 'hate') return ['speech', 'crime', 'crimes', 'preacher', 'preachers', 'propaganda'].includes(tokens[i + 1]?.text ?? '');
  // "is never okay", "not acceptable": approval denied.
  if (APPROVAL.has(token.text)) return token.negated;
  // "sick of hearing", "tired of", "fed up with", "makes me sick".
  if (['sick', 'tired', 'fed'].includes(token.text)) return ['of', 'up'].includes(tokens[i + 1]?.text ?? '') || tokens[i - 1]?.text === 'me';
  // "has no place here".
  if (token.text === 'place') return tokens[i - 1]?.text === 'no';
  return CONDEMNING.has(token.text);
}

const APPROVAL = new Set(['okay', 'ok', 'acceptable', 'fine', 'appropriate', 'alright', 'funny', 'cool', 'excusable', 'normal', 'tolerated']);

const REPORT_OPENERS = new Set(['calling', 'saying', 'describing', 'labelling', 'labeling', 'comparing', 'claiming', 'branding']);

function opensWithReport(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    const first = i === 0 || tokens[i - 1].sentence !== token.sentence;
    const toSay = token.text === 'to' && ['say', 'call', 'claim', 'describe', 'compare'].includes(tokens[i + 1]?.text ?? '');
    return first && (REPORT_OPENERS.has(token.text) || toSay || (token.text === 'stop' && REPORT_OPENERS.has(tokens[i + 1]?.text ?? '')));
  });
}

/** End of a group mention at `i` ("Kurds", "Kurdish people", "those people"), or `i` when none. */
export function groupAt(tokens: Token[], i: number): number {
  const word = tokens[i]?.text;
  if (!word) return i;
  const next = tokens[i + 1]?.text;
  // "trans people": the adjective reading first, so the noun does not end the group early.
  if (GROUP_ADJECTIVES.has(word) && next && PEOPLE_NOUNS.has(next)) return i + 2;
  if (GROUP_NOUNS.has(word)) return i + 1;
  if (DEMONSTRATIVES.has(word) && next && ['people', 'folks', 'foreigners', 'immigrants'].includes(next)) return i + 2;
  return i;
}

function isTarget(tokens: Token[], i: number): boolean {
  const word = tokens[i]?.text;
  return word !== undefined && (groupAt(tokens, i) > i || PERSON_TARGETS.has(word) || GROUP_ADJECTIVES.has(word) || GATHERING_PLACES.has(word));
}

/** Words that make a violent verb a wish or a plan: "should", "I'd happily". */
const WISHING = new Set([...MODALS, "i'd", "we'd", 'happily', 'gladly', 'hope', 'wish']);
/** And a violent noun: "deserves a bullet", "send them to the ovens", "a noose for every traitor". */
const WISHING_NOUN = new Set([...WISHING, 'give', 'put', 'send', 'for']);

/** "every one of them deserves a bullet", "send them to the ovens", "a noose for every traitor". */
function findViolentNoun(tokens: Token[], i: number, findings: Located[]): void {
  const next = tokens[i + 1]?.text ?? '';
  if (['point', 'points', 'train', 'trains', 'proof', 'music', 'orchestra', 'choir', 'gloves', 'mitt', 'mitts', 'dish'].includes(next)) return;
  const { sentence } = tokens[i];
  const near = (k: number) => k >= 0 && k < tokens.length && tokens[k].sentence === sentence;
  let target = -1;
  for (let k = Math.max(0, i - 5); k <= i + 6; k++) if (k !== i && near(k) && isTarget(tokens, k) && !GATHERING_PLACES.has(tokens[k].text)) target = k;
  if (target < 0) return;
  const from = Math.min(i, target);
  const wished = tokens.slice(Math.max(0, from - 4), Math.max(i, target) + 1).some((token) => token.sentence === sentence && WISHING_NOUN.has(token.text));
  if (wished) push(findings, tokens, 'threat', 0.86, from, Math.max(i, target) + 1, from - 3);
}

const THREAT_PHRASES = [['final', 'solution'], ['day', 'of', 'the', 'rope'], ['off', 'the', 'map'], ['deal', 'with', 'them', 'permanently']];
/** "take care of them, permanently", "get rid of the X for good". */
const DISPOSAL = [['care', 'of'], ['rid', 'of']];
const FOR_GOOD = [['permanently'], ['for', 'good'], ['once', 'and', 'for', 'all']];

/** Euphemisms for killing a people; they count only when a people or "them" is in the text. */
function findThreatPhrases(tokens: Token[], groups: number, findings: Located[]): void {
  const aimed = groups > 0 || tokens.some((token) => token.text === 'them' || token.text === 'they');
  if (!aimed) return;
  const at = (k: number, words: string[]) => words.every((word, offset) => tokens[k + offset]?.text === word);
  for (let k = 0; k < tokens.length; k++) {
    const phrase = THREAT_PHRASES.find((words) => at(k, words));
    if (phrase) push(findings, tokens, 'threat', 0.86, k, k + phrase.length, k - 3);
    const disposal = DISPOSAL.find((words) => at(k, words));
    if (!disposal) continue;
    const sentence = tokens.filter((token) => token.sentence === tokens[k].sentence);
    const start = tokens.indexOf(sentence[0]);
    const final = sentence.some((_, j) => FOR_GOOD.some((words) => at(start + j, words)));
    const object = k + disposal.length;
    const aimedHere = [object, object + 1].some((j) => isTarget(tokens, j) && !GATHERING_PLACES.has(tokens[j].text));
    if (final && aimedHere) push(findings, tokens, 'threat', 0.86, k - 1, object + 2, k - 3);
  }
}

function phraseOf(tokens: Token[], from: number, to: number): string {
  return tokens.slice(Math.max(0, from), to).map((token) => token.text).join(' ');
}

const OWN_VOICE = new Set(['just', 'i', "i'm", 'im', 'we', "we're"]);

const CLAUSE_TURN = new Set(['but', 'however', 'yet', 'although', 'though']);

function reportedAt(tokens: Token[], from: number, to: number): boolean {
  if (tokens.slice(from, to).some((token) => token.quoted)) return true;
  const sentence = tokens[from].sentence;
  for (let k = from - 1; k >= 0 && tokens[k].sentence === sentence; k--) {
    // "They say we are racist, but Jews are rats": the writer's own clause after "but".
    if (CLAUSE_TURN.has(tokens[k].text)) return false;
    if (REPORTING.has(tokens[k].text)) {
      // "I'm just saying", "I say", "we really think": the writer's own words, not a report of someone else's.
      if (!OWN_VOICE_VERBS.has(tokens[k].text)) return true;
      return ![tokens[k - 1]?.text, tokens[k - 2]?.text].some((word) => word !== undefined && OWN_VOICE.has(word));
    }
  }
  return false;
}

function negatedBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k <= to && k < tokens.length; k++) {
    if (tokens[k].negated || (tokens[k].negator && k < to)) return true;
  }
  return false;
}

// Words that may stand between a negation and the phrase it denies: "not really just Kurdish orcs".
const NEGATION_GAP = new Set(['a', 'an', 'the', 'just', 'all', 'really', 'simply', 'merely', 'only', 'are', 'is', 'were', 'was', 'be', 'been', 'being', 'any', 'some', 'even']);

/**
 * A noun phrase ("arab scum") is denied only by a negation that governs it ("they are not arab scum",
 * "no Kurdish orcs"), not by one elsewhere in the clause ("Ireland doesn't need arab scum like these").
 */
function negatesPhrase(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].negator) return true;
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    if (tokens[k].negator) return true;
    if (!NEGATION_GAP.has(tokens[k].text)) return false;
  }
  return false;
}

function push(findings: Located[], tokens: Token[], kind: Finding['kind'], score: number, from: number, to: number, negFrom = from): void {
  const start = Math.max(0, from);
  findings.push({
    kind,
    score,
    phrase: phraseOf(tokens, from, to),
    reported: reportedAt(tokens, start, to),
    negated: negatedBetween(tokens, negFrom, to - 1),
    countered: false,
    sentence: tokens[Math.min(start, tokens.length - 1)].sentence,
  });
}

/** "[group] are vermin", "[group] are disgusting", "[group] should be shot", "[group] must die". */
function findAfterGroup(tokens: Token[], start: number, end: number, findings: Located[]): void {
  const sentence = tokens[start].sentence;
  for (let k = end; k < Math.min(tokens.length, end + 7) && tokens[k].sentence === sentence; k++) {
    const word = tokens[k].text;
    if (!isWord(tokens[k])) break;
    if (DEHUMANISING.has(word)) return push(findings, tokens, 'dehumanising', 0.93, start, k + 1);
    if (NEGATIVE_ATTRIBUTES.has(word) && k - end <= 4 && copulaBetween(tokens, end, k)) {
      return push(findings, tokens, 'hate', 0.82, start, k + 1);
    }
    // "trans freaks should…": an abusive noun after the group reads on to what is said of it.
    if (NEGATIVE_ATTRIBUTES.has(word)) continue;
    if (word === 'belong' || word === 'belongs') return findBelonging(tokens, start, k, findings);
    if (MODALS.has(word)) {
      const force = modalForce(tokens, k);
      return force ? findNormativeViolence(tokens, start, k, force, findings) : undefined;
    }
    if (!FILLERS.has(word) && !NEGATIONS.has(word) && !word.endsWith("n't")) return;
  }
}

function copulaBetween(tokens: Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).some((token) => ['are', 'is', 'were', 'was', "they're", 'theyre', 'be', 'being'].includes(token.text));
}

type Force = 'wish' | 'prediction';

/**
 * "should", "must", "have to", "let's" wish for something; "will" and "going to" may only predict it, and
 * "have been" reports it: "Kurds have been killed by the thousands" is news, not a threat.
 */
function modalForce(tokens: Token[], k: number): Force | undefined {
  const word = tokens[k].text;
  const next = tokens[k + 1]?.text;
  if (word === 'have' || word === 'has') return next === 'to' ? 'wish' : undefined;
  if (word === 'going') return next === 'to' ? 'prediction' : undefined;
  return PREDICTIVE.has(word) ? 'prediction' : 'wish';
}

/** "[group] should/must/deserve to be shot | die | hang", "[group] should be put in camps". */
function findNormativeViolence(tokens: Token[], start: number, modal: number, force: Force, findings: Located[]): void {
  for (let k = modal + 1; k < Math.min(tokens.length, modal + 6); k++) {
    const word = tokens[k].text;
    if (!isWord(tokens[k])) return;
    const tail = THREAT_TAIL.some((phrase) => containsPhrase(tokens, k + 1, k + 5, phrase));
    if (VIOLENCE_DONE.has(word) || word === 'dead') {
      if (force === 'wish' || tail) push(findings, tokens, 'threat', 0.92, start, k + 1);
      return;
    }
    if (DOOM.has(word) && tokens[k - 1]?.text !== 'be') {
      if (force === 'wish' || tail) push(findings, tokens, 'threat', 0.9, start, k + 1);
      else if (!DOOM_ONLY_WISHED.has(word)) push(findings, tokens, 'threat', 0.8, start, k + 1);
      return;
    }
    if (force === 'wish' && ['put', 'locked', 'thrown', 'sent', 'kept', 'herded', 'shoved'].includes(word)) {
      if (tokens[k + 1]?.text === 'down') return push(findings, tokens, 'threat', 0.9, start, k + 2);
      const place = tokens.slice(k + 1, k + 5).findIndex((token) => CONFINEMENT.has(token.text));
      if (place >= 0) return push(findings, tokens, 'threat', 0.88, start, k + place + 2);
    }
  }
}

/** "[group] belong in cages", "[group] belongs in the kitchen". */
function findBelonging(tokens: Token[], start: number, belong: number, findings: Located[]): void {
  if (!['in', 'into', 'inside'].includes(tokens[belong + 1]?.text ?? '')) return;
  const place = tokens.slice(belong + 2, belong + 5).findIndex((token) => CONFINEMENT.has(token.text));
  if (place >= 0) push(findings, tokens, 'dehumanising', 0.86, start, belong + place + 3);
}

/** "Kurdish orcs", "those rats", "[group] ... like rats", "orcs like the Russians". */
function findDehumanisingCompound(tokens: Token[], i: number, findings: Located[]): void {
  const previous = tokens[i - 1]?.text;
  if (previous && GROUP_ADJECTIVES.has(previous) && !['white', 'black', 'brown', 'native', 'foreign', 'wild', 'mixed-race'].includes(previous)) {
    push(findings, tokens, 'dehumanising', 0.9, i - 1, i + 1);
    findings[findings.length - 1].negated = negatesPhrase(tokens, i - 1, i + 1);
    return;
  }
  const sentence = tokens[i].sentence;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4) && tokens[k].sentence === sentence; k++) {
    if (groupAt(tokens, k) > k && ['like', 'called', 'the', 'i.e', 'aka', 'of'].some((w) => tokens.slice(i + 1, k).some((t) => t.text === w) || k === i + 1)) {
      return push(findings, tokens, 'dehumanising', 0.85, i, groupAt(tokens, k));
    }
  }
  // "they are vermin", "those people are animals": a people is meant, but which one is left unsaid.
  const window = tokens.slice(Math.max(0, i - 4), i).map((token) => token.text);
  if ((window.includes('they') || window.includes("they're") || window.includes('them')) && window.some((w) => ['are', "they're", 'like'].includes(w))) {
    return push(findings, tokens, 'dehumanising', 0.7, i - 3, i + 1);
  }
}

/** "I hate Kurds", "we despise all Muslims". */
function findHate(tokens: Token[], i: number, findings: Located[]): void {
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    if (!isWord(tokens[k])) return;
    if (groupAt(tokens, k) > k) return push(findings, tokens, 'hate', 0.85, i, groupAt(tokens, k), i - 3);
  }
}

const PHRASAL_VIOLENCE: Record<string, string> = { run: 'over', mow: 'down', string: 'up', blow: 'up', beat: 'up', gun: 'down', shoot: 'up' };

/** "run over", "mow down", "string up": violent only with their particle. */
function phrasalViolenceAt(tokens: Token[], i: number): boolean {
  const particle = PHRASAL_VIOLENCE[tokens[i].text];
  return particle !== undefined && tokens[i + 1]?.text === particle;
}

/** "were used to murder", "tried to kill": what was done or attempted, not a wish. */
const PAST_PURPOSE = new Set(['used', 'tried', 'attempted', 'managed', 'helped', 'order', 'sought', 'planned', 'plotted', 'conspired', 'ordered']);

/** A call for violence: a violent verb aimed at people, framed as a wish, plan or order. */
function findThreat(tokens: Token[], i: number, findings: Located[]): void {
  const word = tokens[i].text;
  const next = tokens[i + 1]?.text ?? '';
  // "bomb the exam" is not violent, "bomb the mosque" is.
  const aimedPast = (['the', 'a', 'an'].includes(next) && isTarget(tokens, i + 2)) || (['up', 'down'].includes(next) && [2, 3].some((k) => isTarget(tokens, i + k)));
  if (NOT_VIOLENT_AFTER[word]?.has(next) && !aimedPast) return;
  const sentence = tokens[i].sentence;
  const before = tokens.slice(Math.max(0, i - 5), i).filter((token) => token.sentence === sentence).map((token) => token.text);
  if (word === 'death' && next === 'to' && isTarget(tokens, i + 2)) return push(findings, tokens, 'threat', 0.92, i, i + 3);
  if (word === 'die' || word === 'dead') {
    const wish = before.some((w) => ['hope', 'should', 'must', 'deserve', 'deserves', 'go', 'wish', 'all'].includes(w));
    const aimed = before.some((w) => PERSON_TARGETS.has(w) || GROUP_NOUNS.has(w));
    if (wish && aimed) push(findings, tokens, 'threat', 0.85, i - 4, i + 1);
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
  push(findings, tokens, 'threat', tail ? 0.95 : 0.88, i - 2, end, i - 3);
}

function containsPhrase(tokens: Token[], from: number, to: number, phrase: string[]): boolean {
  for (let k = from; k < Math.min(tokens.length, to); k++) {
    if (phrase.every((word, offset) => tokens[k + offset]?.text === word)) return true;
  }
  return false;
}
