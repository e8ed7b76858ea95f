import {
  CONDEMNING, DEHUMANISING, DOOM, GROUP_ADJECTIVES, HATE_VERBS, MODALS, NEGATIONS, NEGATIVE_ATTRIBUTES, REPORT_OPENERS, VIOLENCE, VIOLENT_NOUNS,
} from './lexicon.js';
import { readCounterSpeech } from './counter-speech.js';
import { SAID_TO_THE_READER, findHarm } from './harm-wishes.js';
import { findLikenings } from './likenings.js';
import { findCodedHate } from './coded-hate.js';
import { findGenderedAbuse } from './gendered-abuse.js';
import { findContempt } from './contempt.js';
import { findHarmPraised } from './harm-praised.js';
import { harmsOnlyThings } from './literal-harm.js';
import { isSportsIdiom, talksSport } from './sporting.js';
import { victimsReported } from './victims-reported.js';
import { slursAreCountered, slursAreMentioned, slursTakenUp } from './slur-readings.js';
import { groupAt, negatesPhrase, push, readsAsAttackAt, subjectAt, type Finding, type Located } from './rule-helpers.js';
import { findBelonging, findNormativeViolence, findThreat, findThreatPhrases, findViolentNoun, modalForce, phrasalViolenceAt } from './threat-rules.js';
import { isWord, type Token } from './tokens.js';

export { groupAt, isTurned, type Finding } from './rule-helpers.js';

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
  /**
   * The text objects to what it reports ("Anyone who says X should be ashamed"), read at `assess()` time
   * only (`counter-speech.ts`), never a learned feature.
   */
  objection?: boolean;
  /**
   * Every slur in the text is talked about as a word or reported as said by someone else ("The word X
   * was a joke for years", "A man called my son a 'X' on the bus"), with nothing endorsed and no abuse
   * of the writer's own: read at `assess()` time only, never a learned feature.
   */
  slursMentioned?: boolean;
  /** The writer takes a reported slur up ("… and he is not wrong"): read at `assess()` time only. */
  slursTakenUp?: boolean;
  /**
   * Findings read at `assess()` time only, never learned features: harm wished by outcome or instrument,
   * threats to the reader, abuse aimed at them (`harm-wishes.ts`), peoples likened to vermin (`likenings.ts`).
   */
  assessFindings?: Finding[];
  /** The text talks sport (`sporting.ts`): read at `assess()` time only. */
  sporting?: boolean;
  /** Every violent word falls on a creature or a thing and nobody is named (`literal-harm.ts`): read at `assess()` time only. */
  harmsOnlyThings?: boolean;
  /** A people named as the victims of what was done, and nothing approving (`victims-reported.ts`): read at `assess()` time only. */
  victimsReported?: boolean;
}

// Words allowed between a group and what is said of it ("Kurds are nothing but filthy vermin").
const FILLERS = new Set(`are is were was be been being just all nothing but like basically literally truly
  simply the a an bunch of pack herd such so more no better than as same real total absolute kind breed
  fucking filthy dirty bloody damn disgusting stinking dumb little these those them they're theyre that
  who really only ever always still very mere mostly typical worse worst too`.split(/\s+/));

/** `slurs`: the listed slurs the word scan found, as spelled in the canonical text. */
export function analyse(tokens: Token[], slurs: readonly string[] = []): RuleResult {
  const findings: Located[] = [];
  let groups = 0;
  let groupSentence = -2;
  for (let i = 0; i < tokens.length; i++) {
    const groupEnd = groupAt(tokens, i);
    if (groupEnd > i) {
      groups++;
      groupSentence = tokens[i].sentence;
      findAfterGroup(tokens, i, groupEnd, findings, true);
    } else if (subjectAt(tokens, i)) {
      // "I have nothing against Muslims. They are just violent": "they" after a people named stands for it.
      const people = tokens[i].text === 'they' && !tokens[i].negated && tokens[i].sentence - groupSentence <= 1;
      findAfterGroup(tokens, i, i + 1, findings, people);
    }
    const word = tokens[i].text;
    if (DEHUMANISING.has(word) && readsAsAttackAt(tokens, i)) findDehumanisingCompound(tokens, i, findings);
    if (HATE_VERBS.has(word)) findHate(tokens, i, findings);
    if (VIOLENCE.has(word) || word === 'die' || word === 'death' || phrasalViolenceAt(tokens, i)) findThreat(tokens, i, findings);
    if (VIOLENT_NOUNS.has(word)) findViolentNoun(tokens, i, findings);
  }
  findThreatPhrases(tokens, groups, findings);
  const condemning = new Set<number>();
  const condemned = tokens.map((token, i) => {
    const found = condemnsAt(tokens, i);
    if (found) condemning.add(token.sentence);
    return found;
  });
  for (const finding of findings) {
    finding.countered = finding.reported && (condemning.has(finding.sentence) || condemning.has(finding.sentence + 1));
  }
  const condemns = condemning.size > 0;
  // What the learned rules already found is theirs; the assess-time readings add only what they missed,
  // and counter-speech reads them like the rules' findings ("Those who say X should be hanged are the
  // extremists"), except what is said to the reader's face, which is never a report to object to.
  const assessed = [...findHarm(tokens, condemned), ...findLikenings(tokens, condemned), ...findCodedHate(tokens, condemned), ...findGenderedAbuse(tokens, condemned),
    ...findContempt(tokens, condemned), ...findHarmPraised(tokens, condemned)]
    .filter((late) => !findings.some((finding) => finding.from < late.to && late.from < finding.to));
  const reportable = assessed.filter((late) => !SAID_TO_THE_READER.has(late.rule));
  const { objection } = readCounterSpeech(tokens, [...findings, ...reportable], condemned, groups);
  const sporting = talksSport(tokens);
  if (sporting) for (const finding of [...findings, ...assessed]) finding.aimedAtNoOne = isSportsIdiom(tokens, finding) || undefined;
  const onlyThings = harmsOnlyThings(tokens);
  if (onlyThings) for (const finding of [...findings, ...assessed]) if (finding.kind === 'threat') finding.aimedAtNoOne = true;
  const takenUp = slurs.length > 0 && slursTakenUp(tokens);
  const unlocated = ({ sentence: _, from: _from, to: _to, ...finding }: Located): Finding => finding;
  return {
    findings: findings.map(unlocated),
    condemns,
    counterFrame: condemns && opensWithReport(tokens),
    groups,
    slursCountered: slurs.length > 0 && slursAreCountered(tokens, slurs, condemning),
    objection,
    slursMentioned: slurs.length > 0 && !takenUp && slursAreMentioned(tokens, slurs),
    slursTakenUp: takenUp,
    assessFindings: assessed.map(unlocated),
    sporting,
    harmsOnlyThings: onlyThings,
    victimsReported: groups > 0 && victimsReported(tokens),
  };
}

/**
 * A condemning word outside quotation marks. "Hate" condemns only as "hate speech" or "hate crime", so
 * "I hate them, and calling them rats is fair" is not read as counter-speech.
 */
function condemnsAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (token.text === 'hate') return HATE_NOUNS.has(tokens[i + 1]?.text ?? '');
  // "is a threat", "death threats": what was said is named a threat.
  if (token.text === 'threat' || token.text === 'threats') return ['a', 'death', 'violent', 'online'].includes(tokens[i - 1]?.text ?? '');
  // "is never okay", "not acceptable": approval denied.
  if (APPROVAL.has(token.text)) return token.negated;
  // "sick of hearing", "tired of", "fed up with", "makes me sick".
  if (['sick', 'tired', 'fed'].includes(token.text)) return ['of', 'up'].includes(tokens[i + 1]?.text ?? '') || tokens[i - 1]?.text === 'me';
  // "has no place here".
  if (token.text === 'place') return tokens[i - 1]?.text === 'no';
  return CONDEMNING.has(token.text);
}

const HATE_NOUNS = new Set(['speech', 'crime', 'crimes', 'preacher', 'preachers', 'propaganda', 'mail', 'campaign', 'group', 'groups', 'incident', 'incidents']);

const APPROVAL = new Set(['okay', 'ok', 'acceptable', 'fine', 'appropriate', 'alright', 'funny', 'cool', 'excusable', 'normal', 'tolerated']);


function opensWithReport(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    const first = i === 0 || tokens[i - 1].sentence !== token.sentence;
    const toSay = token.text === 'to' && ['say', 'call', 'claim', 'describe', 'compare'].includes(tokens[i + 1]?.text ?? '');
    return first && (REPORT_OPENERS.has(token.text) || toSay || (token.text === 'stop' && REPORT_OPENERS.has(tokens[i + 1]?.text ?? '')));
  });
}

/**
 * "[group] are vermin", "[group] are disgusting", "[group] should be shot", "[group] must die". A subject
 * that is not a people ("landlords", "you") is read the same way for dehumanisation and violence, as
 * abuse and threat; what is merely said of its character is left to the learned model. A finding that
 * is not a threat reads on through "and" to what is wished for: "are vermin and should be run over".
 */
function findAfterGroup(tokens: Token[], start: number, end: number, findings: Located[], identity: boolean): void {
  const sentence = tokens[start].sentence;
  let found = false;
  for (let k = end; k < Math.min(tokens.length, end + (found ? 12 : 7)) && tokens[k].sentence === sentence; k++) {
    const word = tokens[k].text;
    if (found && (CONTINUATION.has(word) || word === ',')) continue;
    if (!isWord(tokens[k])) break;
    if ((DEHUMANISING.has(word) || NEGATIVE_ATTRIBUTES.has(word)) && !readsAsAttackAt(tokens, k)) return;
    if (DEHUMANISING.has(word) && !found) {
      push(findings, tokens, identity ? 'group-is-dehumanised' : 'target-is-dehumanised', start, k + 1);
      found = true;
      continue;
    }
    if (NEGATIVE_ATTRIBUTES.has(word) && k - end <= 4 && copulaBetween(tokens, end, k) && !found) {
      if (identity) push(findings, tokens, 'group-has-vile-attribute', start, k + 1);
      found = true;
      continue;
    }
    // "trans freaks should…": an abusive noun after the group reads on to what is said of it.
    if (NEGATIVE_ATTRIBUTES.has(word)) continue;
    if (word === 'belong' || word === 'belongs') return findBelonging(tokens, start, k, findings, identity);
    // "gays burn in hell": doom wished on a people without a modal.
    if (identity && DOOM.has(word) && tokens[k + 1]?.text === 'in' && tokens[k + 2]?.text === 'hell') return push(findings, tokens, 'doom-wished', start, k + 3);
    if (MODALS.has(word)) {
      const force = modalForce(tokens, k);
      return force ? findNormativeViolence(tokens, start, k, force, findings, identity) : undefined;
    }
    if (!FILLERS.has(word) && !NEGATIONS.has(word) && !word.endsWith("n't")) return;
  }
}

/** What may join a finding to a wish: "vermin and should", "scum, they should", "animals who must". */
const CONTINUATION = new Set(['and', 'so', 'who', 'that', 'which', 'they', 'them', 'all', 'deserve', 'frankly', 'honestly', 'really', 'just']);

function copulaBetween(tokens: Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).some((token) => ['are', 'is', 'were', 'was', "they're", 'theyre', 'be', 'being'].includes(token.text));
}

/** "Kurdish orcs", "those rats", "[group] ... like rats", "orcs like the Russians". */
function findDehumanisingCompound(tokens: Token[], i: number, findings: Located[]): void {
  const previous = tokens[i - 1]?.text;
  if (previous && GROUP_ADJECTIVES.has(previous) && !['white', 'black', 'brown', 'native', 'foreign', 'wild', 'mixed-race'].includes(previous)) {
    push(findings, tokens, 'dehumanising-compound', i - 1, i + 1);
    findings[findings.length - 1].negated = negatesPhrase(tokens, i - 1, i + 1);
    return;
  }
  const sentence = tokens[i].sentence;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4) && tokens[k].sentence === sentence; k++) {
    if (groupAt(tokens, k) > k && ['like', 'called', 'the', 'i.e', 'aka', 'of'].some((w) => tokens.slice(i + 1, k).some((t) => t.text === w) || k === i + 1)) {
      return push(findings, tokens, 'dehumanised-then-named', i, groupAt(tokens, k));
    }
  }
  // "they are vermin", "those people are animals": a people is meant, but which one is left unsaid.
  const window = tokens.slice(Math.max(0, i - 4), i).map((token) => token.text);
  if ((window.includes('they') || window.includes("they're") || window.includes('them')) && window.some((w) => ['are', "they're", 'like'].includes(w))) {
    return push(findings, tokens, 'they-are-dehumanised', i - 3, i + 1);
  }
}

/** "I hate Kurds", "we despise all Muslims". */
function findHate(tokens: Token[], i: number, findings: Located[]): void {
  // "hate crimes against Muslims", "hate speech about Jews": the noun, not the verb.
  if (HATE_NOUNS.has(tokens[i + 1]?.text ?? '')) return;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    if (!isWord(tokens[k])) return;
    if (groupAt(tokens, k) > k) return push(findings, tokens, 'hate-verb-at-group', i, groupAt(tokens, k), i - 3);
  }
}
