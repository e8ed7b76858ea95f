/**
 * Harm wished, planned or threatened in the writer's own words, and abuse aimed at the reader, read at
 * `assess()` time only (never learned features; round 12). The rules of `threat-rules.ts` find a violent
 * verb aimed at a target ("should be shot", "kill them"); comments more often name the harm by its outcome
 * or its instrument ("hope he gets stabbed", "a rope and a lamppost", "breaking both his legs", "deserve
 * to be set on fire") or threaten the reader ("I know where you live"). What they find lifts the floors
 * of `floors.ts` like any finding, and is turned by negation, quotation and condemnation the same way.
 */
import type { RuleName } from './floors.js';
import {
  ABUSE, ALWAYS_AIMED, BODY_PARTS as BODY, CONDITIONAL_FRAMES, CONDITIONS, DEFEAT_IDIOMS, DENIED_HARM, DENIED_HARM_ALONE, FRAMES, HARM, IMPERATIVE_HARM,
  MISFORTUNE, SELF_HARM_ORDERED, SELF_HARM_URGED, THREATS_TO_READER, WISHES,
} from './harm-phrases.js';
import { endOfAny } from './phrase-match.js';
import { INSULTS, SECOND_PERSON, VIOLENCE_DONE } from './lexicon.js';
import { CLAUSE_TURN, assessedFinding, isTarget, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/**
 * Said to the reader's face: never someone else's words reported ("say that to my face" is no report),
 * and never a report that counter-speech could turn around.
 */
export const SAID_TO_THE_READER: ReadonlySet<RuleName> = new Set(['threat-to-reader', 'self-harm-urged', 'abuse-aimed']);

/**
 * Violence in a verb's other forms: done to someone after "be" or "get" ("should be hung", "hope he gets
 * shot"), or wanted as "-ing" ("needs shooting", "wants hanging"). News reports the deed with no wish
 * before it ("two officers were stabbed"), which the frame tells apart.
 */
const SUFFERED_AFTER = new Set(['be', 'been', 'being', 'get', 'gets', 'got', 'getting']);
const WANTED_ING = new Set(['shooting', 'hanging', 'stabbing', 'killing', 'lynching', 'drowning', 'kneecapping', 'stringing', 'putting', 'slapping', 'kicking', 'battering', 'burning']);

const RELATIVE = new Set(['who', 'whoever', 'which', 'whom', 'whose']);
/** Where a relative clause gives way to the main one again: "the guy who did this and a claw hammer". */
const RELATIVE_ENDS = new Set([',', 'and', 'is', 'was', 'are', 'were', 'gets', 'get']);
const SOMEONE = new Set(['his', 'her', 'their', 'your', 'he', 'she', 'whoever', 'guy', 'man', 'woman', 'bloke', 'lot', 'staff', 'agent', 'boss', 'owner', 'owners', 'family']);

const REGRETTING = new Set(['shame', 'pity']);

const ASKING = new Set(["wouldn't", 'wouldnt', "won't", 'wont', "isn't", 'isnt']);

/** What an order after a comma falls on: "torch the caravans", "string him up". */
const ORDERED_ON = new Set(['the', 'his', 'her', 'their', 'them', 'him', 'every', 'all', 'that', 'those', 'these']);

let cues: Set<string> | undefined;

function cueWords(): Set<string> {
  const lists = [HARM, MISFORTUNE, DENIED_HARM, FRAMES, CONDITIONAL_FRAMES, THREATS_TO_READER, SELF_HARM_URGED, SELF_HARM_ORDERED, ABUSE, ALWAYS_AIMED];
  cues ??= new Set([...lists.flatMap((list) => [...list.keys()]), ...INSULTS, ...VIOLENCE_DONE, ...WANTED_ING]);
  return cues;
}

/**
 * Findings of harm wished (a frame, then the harm later in the same clause, someone to harm in the
 * sentence), threats to the reader, self-harm urged and abuse aimed at the reader. `condemned`: per
 * token, whether it condemns, as `rules.ts` reads it ("Wishing him stabbed is disgusting" turns it).
 */
export function findHarm(tokens: Token[], condemned: readonly boolean[]): Located[] {
  const found: Located[] = [];
  const push = (rule: RuleName, from: number, to: number) => {
    const finding = assessedFinding(tokens, condemned, rule, from, to, SAID_TO_THE_READER.has(rule));
    if (finding) found.push(finding);
    return finding !== undefined;
  };
  const someoneIn = new Map<number, boolean>();
  const someoneToHarm = (k: number) => {
    const { sentence } = tokens[k];
    let someone = someoneIn.get(sentence);
    if (someone === undefined) someoneIn.set(sentence, (someone = someoneInSentence(tokens, sentence)));
    return someone;
  };
  let frame = -1;
  // What the frame is: a wish (misfortune counts: "hope his brakes fail"), or a condition's outcome
  // ("if …, he is getting stabbed"), after which a sports page's "getting a hiding" does not count.
  let wished = false;
  let conditional = false;
  // An "if" or "next" earlier in the sentence: "the next one that cuts me up is going under my wheels".
  let condition = false;
  // Inside a relative clause the harm is someone else's deed ("I hope the man who stabbed him is caught").
  let relative = false;
  // "Wouldn't it be funny if …" asks for agreement: it denies nothing.
  let rhetorical = false;
  // "Shame she didn't get hit harder", "Pity her dad didn't drown her": regret that the harm was not done wishes it.
  let regret = false;
  // "Wouldn't shed a tear if their dinghy flipped": the denial was of the tear, not of what follows.
  let unmoved = false;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const opens = k === 0 || tokens[k - 1].sentence !== token.sentence || tokens[k - 1].text === ':';
    // "Just drive over them", "So string him up".
    const starts = opens || (['just', 'so', 'then'].includes(tokens[k - 1]?.text ?? '') && (k === 1 || tokens[k - 2].sentence !== token.sentence));
    if (starts) [frame, relative, condition, rhetorical] = [-1, false, false, false];
    // "lads, we go in at dawn, torch the caravans": an order after a comma, on someone or their things.
    const afterComma = !starts && tokens[k - 1].text === ',' && !relative && ORDERED_ON.has(tokens[k + 1]?.text ?? '');
    if (starts || afterComma) {
      const ordered = endOfAny(tokens, k, IMPERATIVE_HARM);
      if (ordered > k && orderedOnSomeone(tokens, k, ordered)) push('harm-wished', k, ordered);
    }
    // "May your children die": a wish only where it opens the sentence ("police may have shot him" is news).
    if (opens && token.text === 'may') {
      [frame, wished, conditional, regret, unmoved] = [k, true, false, false, false];
      continue;
    }
    if (token.quoted) continue;
    if (ASKING.has(token.text) && tokens[k + 1]?.text === 'it' && tokens[k + 2]?.text === 'be') rhetorical = true;
    // The harm just after the denial, in the regret's clause: not "a shame the police didn't stop him before he stabbed her".
    const regretted = frame >= 0 && k > frame && token.negated === true &&
      (unmoved || (regret && tokens.slice(Math.max(frame, k - 3), k).some((t) => t.negator)));
    const negated = token.negated && !rhetorical && !regretted;
    if (CLAUSE_TURN.has(token.text)) frame = -1;
    if (CONDITIONS.has(token.text)) condition = true;
    if (RELATIVE.has(token.text)) relative = true;
    else if (RELATIVE_ENDS.has(token.text)) relative = false;
    // One lookup for most words: only a word some phrase starts with is read further.
    if (!cueWords().has(token.text)) continue;
    const framing = endOfAny(tokens, k, FRAMES) > k;
    const conditioned = !framing && condition && !negated && endOfAny(tokens, k, CONDITIONAL_FRAMES) > k;
    if (framing) relative = false;

    const threat = endOfAny(tokens, k, THREATS_TO_READER);
    if (threat > k && !negated) push('threat-to-reader', k, threat);
    const urged = endOfAny(tokens, k, SELF_HARM_URGED);
    if (urged > k && !negated && aimedAtReader(tokens, k)) push('self-harm-urged', k, urged);
    const ordered = endOfAny(tokens, k, SELF_HARM_ORDERED);
    if (ordered > k && !negated) push('self-harm-urged', k, ordered);
    const abuse = Math.max(endOfAny(tokens, k, ABUSE), INSULTS.has(token.text) ? k + 1 : -1);
    if (abuse > k && !negated && insultsReader(tokens, k)) push('abuse-aimed', k, abuse);
    const aimed = endOfAny(tokens, k, ALWAYS_AIMED);
    if (aimed > k && !negated) push('abuse-aimed', k, aimed);
    // "you won't be leaving the ground on your own legs": a threat with no wish before it.
    const deniedAlone = negated && !relative ? endOfAny(tokens, k, DENIED_HARM_ALONE) : -1;
    if (deniedAlone > k && frame < 0 && someoneToHarm(k) && push('harm-wished', k, deniedAlone)) continue;

    // "wouldn't shed a tear" frames by its denial; any other denied frame ("nobody deserves to be …") does not.
    if ((framing && (!negated || token.text === 'shed')) || conditioned) {
      [frame, wished, conditional] = [k, endOfAny(tokens, k, WISHES) > k, conditioned];
      regret = REGRETTING.has(token.text);
      unmoved = token.text === 'shed' && token.negated === true;
    }
    if (frame < 0 || k <= frame || relative) continue;
    const end = harmEnd(tokens, k, frame, wished || regretted, conditional, negated);
    // A condition's outcome falls on its subject: "… that headteacher is getting stabbed".
    if (end > k && (conditional || someoneToHarm(k)) && push('harm-wished', frame, end)) frame = -1;
  }
  return found;
}

/**
 * Where the harm read at `k` ends, or -1. A denied harm counts only where the denial is the threat ("won't
 * be leaving in one piece"); misfortune only when wished; a defeat's idiom not as a condition's outcome.
 */
function harmEnd(tokens: Token[], k: number, frame: number, wished: boolean, conditional: boolean, negated: boolean): number {
  if (negated) return endOfAny(tokens, k, DENIED_HARM);
  if (conditional && endOfAny(tokens, k, DEFEAT_IDIOMS) > k) return -1;
  return Math.max(endOfAny(tokens, k, HARM), violenceInOtherForms(tokens, k, frame), wished ? misfortuneEnd(tokens, k, frame) : -1);
}

const DYING = new Set(['die', 'dies', 'dying', 'drop', 'drops']);
const THE_WRITER = new Set(['i', 'me', 'we', 'us', 'myself', 'rather', "i'd", 'id']);
const SOMEONE_ELSE = new Set(['him', 'her', 'them', 'you', 'he', 'she', 'they', 'u']);

/** Misfortune wished; dying only of someone else ("I hope he dies", not "I'd rather die than vote for them"). */
function misfortuneEnd(tokens: Token[], k: number, frame: number): number {
  const end = endOfAny(tokens, k, MISFORTUNE);
  if (end <= k || !DYING.has(tokens[k].text)) return end;
  for (let j = k - 1; j > frame && j >= k - 4; j--) {
    const { text } = tokens[j];
    if (THE_WRITER.has(text)) return -1;
    if (SOMEONE_ELSE.has(text) || SOMEONE.has(text) || isTarget(tokens, j)) return end;
  }
  return -1;
}

/** "should be hung", "hope he gets shot", "needs shooting", "wants his legs breaking": the end, or -1. */
function violenceInOtherForms(tokens: Token[], k: number, frame: number): number {
  const { text } = tokens[k];
  if (VIOLENCE_DONE.has(text) && SUFFERED_AFTER.has(tokens[k - 1]?.text ?? '')) return k + 1;
  const wanting = ['needs', 'need', 'wants', 'want', 'deserves'].includes(tokens[frame].text);
  return WANTED_ING.has(text) && wanting && k - frame <= 3 ? k + 1 : -1;
}

/** Someone in the sentence the harm can fall on: a person, a people, a role, a possessive ("his legs") or a body ("the leader's skull"). */
function someoneInSentence(tokens: Token[], sentence: number): boolean {
  // "that ref's car": the possessive's owner.
  const owner = (token: Token) => token.text.endsWith("'s") && isTarget([{ ...token, text: token.text.slice(0, -2) }], 0);
  return tokens.some((token, j) => token.sentence === sentence && (isTarget(tokens, j) || SOMEONE.has(token.text) || BODY.has(token.text) || owner(token)));
}

/**
 * An order falls on whoever it names next: "string him up", "torch the travellers' caravans", "burn the
 * mosque down"; not "hang the new prints higher" or "stab the potatoes with a fork".
 */
function orderedOnSomeone(tokens: Token[], k: number, end: number): boolean {
  for (let j = k + 1; j < end + 3 && j < tokens.length && tokens[j].sentence === tokens[k].sentence; j++) {
    if (SOMEONE_ELSE.has(tokens[j].text) || isTarget(tokens, j) || BODY.has(tokens[j].text)) return true;
  }
  return false;
}

/** "you" in the same sentence, or the text addressed to someone ("@name"). */
function aimedAtReader(tokens: Token[], k: number): boolean {
  return tokens.some((token) => token.sentence === tokens[k].sentence && SECOND_PERSON.has(token.text)) || tokens[0]?.text.startsWith('@') === true;
}

const YOU_ARE = new Set(["you're", 'youre', 'ur']);
/** Words between "you are" and the insult: "you are genuinely the thickest person", "you're so thick". */
const SAID_OF_GAP = new Set(['a', 'an', 'the', 'such', 'so', 'just', 'really', 'genuinely', 'truly', 'literally', 'clearly', 'obviously', 'nothing', 'but', 'absolute', 'complete', 'total', 'utter', 'fucking', 'bloody', 'little', 'disgusting', 'pathetic', 'sad', 'ignorant', 'miserable', 'lying', 'old', 'dumb', 'stupid', 'filthy', 'hateful', ',']);
/** Words after a vocative "you": "you absolute cretin", "you sad, lonely old cow". */
const VOCATIVE_GAP = new Set(['absolute', 'complete', 'total', 'utter', 'fucking', 'bloody', 'little', 'stupid', 'sad', 'lonely', 'pathetic', 'ignorant', 'dumb', 'filthy', 'disgusting', 'lying', 'miserable', 'old', 'bitter', ',']);

/**
 * Function words, pronouns and the verbs of a report: what cannot stand between a vocative "you" and its
 * insult ("you called him an idiot", "you know that idiot").
 */
const NOT_DESCRIBING = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'i',
  'me', 'my', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'we', 'us', 'our', 'it', 'its', 'to', 'of', 'in',
  'on', 'at', 'for', 'with', 'and', 'or', 'but', 'not', 'no', 'so', 'as', 'if', 'like', 'call', 'called', 'calling', 'said', 'say',
  'says', 'think', 'thought', 'know', 'knew', 'told', 'tell', 'make', 'made', 'get', 'got', 'see', 'saw', 'want', 'guys', 'lot', 'all']);

/** A word that can describe the insulted reader: "you whiny little bitch", "you sad, lonely old cow". */
function describes(token: Token): boolean {
  return VOCATIVE_GAP.has(token.text) || (token.word && /^[a-z]{3,}$/.test(token.text) && !NOT_DESCRIBING.has(token.text));
}

/**
 * An insult said of the reader: "you are (a) … idiot", "you absolute cretin", "what a … rat you are", or
 * said to them after a comma at the end or alone ("Nobody asked, idiot.", "Moron."); not "he called me an idiot" (reported),
 * "don't be an idiot" (negated) or "do you think these clowns care".
 */
function insultsReader(tokens: Token[], k: number): boolean {
  const { sentence } = tokens[k];
  const inSentence = (j: number) => j >= 0 && j < tokens.length && tokens[j].sentence === sentence;
  let j = k - 1;
  while (inSentence(j) && j >= k - 4 && describes(tokens[j])) j--;
  if (inSentence(j) && tokens[j].text === 'you' && !['are', 'were'].includes(tokens[j + 1]?.text ?? '')) return true;
  j = k - 1;
  while (inSentence(j) && j >= k - 4 && SAID_OF_GAP.has(tokens[j].text)) j--;
  if (inSentence(j) && (YOU_ARE.has(tokens[j].text) || (['are', 'r'].includes(tokens[j].text) && tokens[j - 1]?.text === 'you'))) return true;
  // "Nobody asked, idiot.", or the insult alone: "Moron."
  const last = !inSentence(k + 1) || !tokens[k + 1].word;
  if (last && (!inSentence(k - 1) || tokens[k - 1].text === ',')) return true;
  // "What a snivelling, spineless little rat you are."
  for (let after = k + 1; after <= k + 2 && inSentence(after); after++) {
    if (tokens[after].text === 'you' && ['are', 'r'].includes(tokens[after + 1]?.text ?? '')) {
      return tokens.slice(Math.max(0, k - 6), k).some((token) => token.sentence === sentence && token.text === 'what');
    }
  }
  return false;
}
