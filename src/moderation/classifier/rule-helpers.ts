/**
 * What the rule finders share: findings located in a sentence, who counts as a target, and how a phrase
 * is read as reported (someone else's words) or negated.
 */
import { DEMONSTRATIVES, GATHERING_PLACES, GROUP_ADJECTIVES, GROUP_NOUNS, OWN_VOICE_VERBS, PEOPLE_NOUNS, PERSON_TARGETS, REPORTING } from './lexicon.js';
import { RULE_FLOORS, type FindingKind, type RuleName } from './floors.js';
import { isRoleNoun } from './lexicon-targets.js';
import { type Token } from './tokens.js';

/** One targeted finding: what kind, how sure, which words, and whether it was reported or negated. */
export interface Finding {
  kind: FindingKind;
  /** Which rule found it; its floor and head are in `floors.ts`. */
  rule: RuleName;
  score: number;
  phrase: string;
  /** Quoted, or after "saying"/"calling": someone else's words. */
  reported: boolean;
  negated: boolean;
  /** Reported and condemned in the same or the next sentence: counter-speech. */
  countered: boolean;
  /**
   * Read at `assess()` time only, never a learned feature (`counter-speech.ts`): reported in a wider sense
   * and objected to ("Anyone who says X should be ashamed", "Stop telling me X").
   */
  objected?: boolean;
  /** Negated or condemned, but endorsed nearby ("Calling them vermin is not wrong, it is accurate"): it counts. */
  endorsed?: boolean;
  /**
   * Read at `assess()` time only: harm that falls on no person, a result foretold in sports talk ("We'll
   * murder them on Saturday", `sporting.ts`) or pest control ("drown the lot of them", `literal-harm.ts`).
   */
  aimedAtNoOne?: boolean;
}

export type Located = Finding & { sentence: number; from: number; to: number };

/** A finding that lifts nothing: aimed at no one, or negated, condemned or objected to and not endorsed after all. */
export function isTurned(finding: Finding): boolean {
  return (finding.aimedAtNoOne ?? false) || (!finding.endorsed && (finding.negated || finding.countered || (finding.objected ?? false)));
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

export function isTarget(tokens: Token[], i: number): boolean {
  const word = tokens[i]?.text;
  return word !== undefined && (groupAt(tokens, i) > i || PERSON_TARGETS.has(word) || GROUP_ADJECTIVES.has(word) || GATHERING_PLACES.has(word) || isRoleNoun(word));
}

/** Subject pronouns: "you are vermin", "he should be shot". Objects ("him", "them") are read by the verb rules. */
const SUBJECT_PRONOUNS = new Set(['you', 'he', 'she', 'they', 'u', "y'all"]);

/** A person or a crowd that is not a people, as the subject of what follows: "landlords", "you", "the mayor". */
export function subjectAt(tokens: Token[], i: number): boolean {
  const word = tokens[i]?.text;
  if (word === undefined || !tokens[i].word) return false;
  // "the protesters' signs are trash": a possessive is not the subject.
  if (tokens[i + 1]?.text === "'") return false;
  return SUBJECT_PRONOUNS.has(word) || isRoleNoun(word, true);
}

function phraseOf(tokens: Token[], from: number, to: number): string {
  return tokens.slice(Math.max(0, from), to).map((token) => token.text).join(' ');
}

export const OWN_VOICE: ReadonlySet<string> = new Set(['just', 'i', "i'm", 'im', 'we', "we're"]);

export const CLAUSE_TURN = new Set(['but', 'however', 'yet', 'although', 'though']);

/** `verbs` and `ownVoice`: the reporting verbs, and those of them that "I" or "we" say in their own voice. */
export function reportedAt(tokens: Token[], from: number, to: number, verbs: ReadonlySet<string> = REPORTING, ownVoice: ReadonlySet<string> = OWN_VOICE_VERBS): boolean {
  if (tokens.slice(from, to).some((token) => token.quoted)) return true;
  const sentence = tokens[from].sentence;
  for (let k = from - 1; k >= 0 && tokens[k].sentence === sentence; k--) {
    // "They say we are racist, but Jews are rats": the writer's own clause after "but".
    if (CLAUSE_TURN.has(tokens[k].text)) return false;
    if (verbs.has(tokens[k].text)) {
      // "I'm just saying", "I say", "we really think": the writer's own words, not a report of someone else's.
      if (!ownVoice.has(tokens[k].text)) return true;
      return ![tokens[k - 1]?.text, tokens[k - 2]?.text].some((word) => word !== undefined && OWN_VOICE.has(word));
    }
  }
  return false;
}

/**
 * A word that condemns (`condemned`, per token, as `rules.ts` reads it), not denied ("won't stop" is no
 * condemnation), outside `from`..`to`, in the same sentence or the next: "Hoping he gets stabbed is disgusting".
 */
function condemnedNear(tokens: Token[], condemned: readonly boolean[], from: number, to: number): boolean {
  const { sentence } = tokens[from];
  return tokens.some((token, j) => condemned[j] && (!token.negated || deniedOnlyBy(tokens, j, from, to)) && (j < from || j >= to) &&
    (token.sentence === sentence || token.sentence === sentence + 1));
}

/**
 * The negation over `j` comes from a negator between `from` and `to`, the finding's own words: "Saying women
 * can't lead is sexist" denies what women can do, not that saying it is sexist.
 */
function deniedOnlyBy(tokens: Token[], j: number, from: number, to: number): boolean {
  if (j < to) return false;
  let k = j - 1;
  while (k >= 0 && !tokens[k].negator) k--;
  return k >= from && k < to;
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
export function negatesPhrase(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].negator) return true;
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    if (tokens[k].negator) return true;
    if (!NEGATION_GAP.has(tokens[k].text)) return false;
  }
  return false;
}

export function push(findings: Located[], tokens: Token[], rule: RuleName, from: number, to: number, negFrom = from): void {
  const start = Math.max(0, from);
  findings.push(located(tokens, rule, start, to, { reported: reportedAt(tokens, start, to), negated: negatedBetween(tokens, negFrom, to - 1), countered: false }));
}

function located(tokens: Token[], rule: RuleName, from: number, to: number, state: Pick<Finding, 'reported' | 'negated' | 'countered'>): Located {
  const { kind, floor } = RULE_FLOORS[rule];
  return { kind, rule, score: floor, phrase: phraseOf(tokens, from, to), ...state, sentence: tokens[Math.min(from, tokens.length - 1)].sentence, from, to };
}

/**
 * A finding of the assess-time readings (`harm-wishes.ts`, `likenings.ts`), which test negation
 * themselves: said to the reader (`direct`) it is never a report; reported and condemned nearby it is
 * countered; the writer's own and condemned ("Hoping he gets stabbed is disgusting") it is none.
 */
export function assessedFinding(tokens: Token[], condemned: readonly boolean[], rule: RuleName, from: number, to: number, direct = false): Located | undefined {
  const reported = !direct && reportedAt(tokens, from, to);
  const condemns = !direct && condemnedNear(tokens, condemned, from, to);
  if (condemns && !reported) return undefined;
  return located(tokens, rule, from, to, { reported, negated: false, countered: reported && condemns });
}

export function containsPhrase(tokens: Token[], from: number, to: number, phrase: string[]): boolean {
  for (let k = from; k < Math.min(tokens.length, to); k++) {
    if (phrase.every((word, offset) => tokens[k + offset]?.text === word)) return true;
  }
  return false;
}

const MENTAL_ILLNESS = new Set(['ill', 'unstable', 'deficient', 'defective', 'retarded', 'disturbed', 'deranged', 'sick', 'unwell', 'inferior',
  'challenged', 'handicapped', 'damaged', 'diseased', 'broken', 'incompetent']);
/** Nouns that make an attribute word part of a longer noun: "cancer patients", "terrorist targets". */
const COMPOUND_HEADS = new Set(['patients', 'patient', 'survivors', 'survivor', 'victims', 'victim', 'sufferers', 'screening', 'research',
  'rates', 'rate', 'risk', 'risks', 'cases', 'treatment', 'care', 'ward', 'wards', 'charity', 'charities', 'targets', 'target', 'free']);
const STATE_AFTER_WORST = new Set(['hit', 'off', 'affected', 'paid', 'treated', 'served', 'placed', 'positioned', 'prepared', 'equipped', 'protected']);

/**
 * An attack word as what is said of someone, not a feeling, a state or part of a longer noun: "Ukrainians
 * are sick of war", "women are worst affected by the cuts", "mentally strong", "cancer patients".
 */
export function readsAsAttackAt(tokens: Token[], k: number): boolean {
  const word = tokens[k].text;
  const next = tokens[k + 1]?.word ? tokens[k + 1].text : undefined;
  if (next === undefined) return true;
  if (COMPOUND_HEADS.has(next)) return false;
  if (word === 'sick') return !['of', 'with', 'from'].includes(next) && !(next === 'and' && tokens[k + 2]?.text === 'tired');
  if (word === 'worst' || word === 'worse') return !STATE_AFTER_WORST.has(next) && !(next.length > 4 && next.endsWith('ed'));
  if (word === 'mentally') return MENTAL_ILLNESS.has(next);
  return true;
}
