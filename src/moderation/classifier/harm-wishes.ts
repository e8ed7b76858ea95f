/**
 * Harm wished, planned or threatened in the writer's own words, and abuse aimed at the reader, read at
 * `assess()` time only (never learned features; round 12). The rules of `threat-rules.ts` find a violent
 * verb aimed at a target ("should be shot", "kill them"); comments more often name the harm by its outcome
 * or its instrument ("hope he gets stabbed", "a rope and a lamppost", "breaking both his legs", "deserve
 * to be set on fire") or threaten the reader ("I know where you live"). What they find lifts the floors
 * of `floors.ts` like any finding, and is turned by negation, quotation and condemnation the same way.
 */
import type { RuleName } from './floors.js';
import { INSULTS, SECOND_PERSON, VIOLENCE_DONE } from './lexicon.js';
import { CLAUSE_TURN, assessedFinding, isTarget, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Phrases of words ('*' stands for any one word, '…' for up to five), by first word: one lookup a token. */
type Phrases = ReadonlyMap<string, readonly string[][]>;
function phrases(text: string): Phrases {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of text.split('|').map((words) => words.trim().split(/\s+/))) {
    const list = byFirst.get(phrase[0]) ?? [];
    list.push(phrase);
    byFirst.set(phrase[0], list);
  }
  return byFirst;
}

/** The harm itself, by outcome or instrument. */
const HARM = phrases(`stabbed | stab | stabbing | flattened | drowned | drown | drowns | torched | torch | lynched | lynch |
  strangled | strangle | beheaded | behead | hanged | kneecapped | maimed | bleed out | bleeds out | set on fire | set alight |
  set fire to | burned alive | burnt alive | burn alive | petrol | noose | rope | bullet | bullets | baseball bat | a bat |
  cricket bat | claw hammer | a hammer | machete | acid | a brick | a kicking | a * kicking | a beating | a * beating |
  a hiding | a * hiding | a thrashing | a slap | broken ribs | broken legs | broken jaw | broken neck | broken bones |
  breaking … legs | break … legs | break … neck | legs breaking | knock … teeth | keep your teeth | smash … face |
  what's coming | whats coming | face down | off a bridge | against the wall | stringing up | strung up | string … up |
  sinks | sink | stop kicking | six feet under | body bag | body bags | run … over | drive over | under my wheels |
  same treatment | put down | in boxes | in a box | gassed | firing squad | turn the gas on | end up in hospital |
  hanging from lamp posts | hanging from lampposts | goes down | round a tree`);

/** Harm said by what will not be left ("he won't be leaving in one piece"): counts only when denied. */
const DENIED_HARM = phrases(`in one piece | walk again | see christmas | see another birthday`);

/**
 * Violence in a verb's other forms: done to someone after "be" or "get" ("should be hung", "hope he gets
 * shot"), or wanted as "-ing" ("needs shooting", "wants hanging"). News reports the deed with no wish
 * before it ("two officers were stabbed"), which the frame tells apart.
 */
const SUFFERED_AFTER = new Set(['be', 'been', 'being', 'get', 'gets', 'got', 'getting']);
const WANTED_ING = new Set(['shooting', 'hanging', 'stabbing', 'killing', 'lynching', 'drowning', 'kneecapping', 'stringing', 'putting', 'slapping', 'kicking', 'battering', 'burning']);

/** What makes it a wish, plan or threat. */
const FRAMES = phrases(`hope | hoping | hoped | wish | should | deserve | deserves | deserved | needs | need | wants | want |
  i'd | id | i'll | i'm | im | we'd | we'll | gonna | going to | let's | happily | gladly | shame | shed a tear | give me |
  see how long | would love | can't wait | cant wait | pray | ought | must | time for | bring back`);

/** Harm ordered at the start of a sentence: "Line them up against the wall", "String him up". */
const IMPERATIVE_HARM = phrases(`line … up | string … up | torch | stab | drown | lynch | hang | round … up and | run … over | drive … over | burn … down`);

/** Threats to the reader, whole. */
const THREATS_TO_READER = phrases(`know where you live | watch your back | say that to my face | see you outside | you're next |
  youre next | your days are numbered | one eye open | coming for you | find out where you live | find out where he lives`);

/** Self-harm urged: on the reader ("you", "yourself") or in an imperative that needs no "you". */
const SELF_HARM_URGED = phrases(`kill yourself | jump off | jumping off | drink bleach | neck yourself`);
const SELF_HARM_ORDERED = phrases(`kys | favour and stop breathing | favor and stop breathing | favour and die | favor and die |
  favour and jump | favor and jump`);

/** Abuse beyond the insult words of the lexicon (which the learned model reads; these it never saw). */
const ABUSE = phrases(`excuse for a human | waste of oxygen | waste of space | waste of skin | thickest person | dumbest person |
  stupidest person | old cow | little rat | spineless | snivelling | sniveling | thick | bellend | knobhead | muppet | plonker |
  gobshite | thicko | lowlife | degenerate | simpleton | troglodyte | worm | nonce`);
const ALWAYS_AIMED = phrases(`thick as mince | thick as two short planks`);

/**
 * Said to the reader's face: never someone else's words reported ("say that to my face" is no report),
 * and never a report that counter-speech could turn around.
 */
export const SAID_TO_THE_READER: ReadonlySet<RuleName> = new Set(['threat-to-reader', 'self-harm-urged', 'abuse-aimed']);

const RELATIVE = new Set(['who', 'whoever', 'which', 'whom', 'whose']);
/** Where a relative clause gives way to the main one again: "the guy who did this and a claw hammer". */
const RELATIVE_ENDS = new Set([',', 'and', 'is', 'was', 'are', 'were', 'gets', 'get']);
const SOMEONE = new Set(['his', 'her', 'their', 'your', 'he', 'she', 'whoever', 'guy', 'man', 'woman', 'bloke', 'lot', 'staff', 'agent', 'boss', 'owner', 'owners', 'family']);

let cues: Set<string> | undefined;

function cueWords(): Set<string> {
  const lists = [HARM, DENIED_HARM, FRAMES, THREATS_TO_READER, SELF_HARM_URGED, SELF_HARM_ORDERED, ABUSE, ALWAYS_AIMED];
  cues ??= new Set([...lists.flatMap((list) => [...list.keys()]), ...INSULTS, ...VIOLENCE_DONE, ...WANTED_ING]);
  return cues;
}

/** Where `phrase` read from `k` ends (exclusive), or -1: unquoted words of one sentence. */
function matchEnd(tokens: Token[], k: number, phrase: readonly string[], sentence = tokens[k]?.sentence): number {
  if (phrase.length === 0) return k;
  const token = tokens[k];
  if (token === undefined || token.quoted || token.sentence !== sentence) return -1;
  const [word, ...rest] = phrase;
  if (word === '…') {
    for (let skip = 0; skip <= 5; skip++) {
      const end = matchEnd(tokens, k + skip, rest, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  return word === '*' || token.text === word ? matchEnd(tokens, k + 1, rest, sentence) : -1;
}

/** The end of the first of `list` read at `k`, or -1. */
function endOfAny(tokens: Token[], k: number, list: Phrases): number {
  for (const phrase of list.get(tokens[k]?.text ?? '') ?? []) {
    const end = matchEnd(tokens, k, phrase);
    if (end >= 0) return end;
  }
  return -1;
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
  // Inside a relative clause the harm is someone else's deed ("I hope the man who stabbed him is caught").
  let relative = false;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    const opens = k === 0 || tokens[k - 1].sentence !== token.sentence || tokens[k - 1].text === ':';
    // "Just drive over them", "So string him up".
    if (opens || (['just', 'so', 'then'].includes(tokens[k - 1]?.text ?? '') && (k === 1 || tokens[k - 2].sentence !== token.sentence))) {
      frame = -1;
      relative = false;
      const ordered = endOfAny(tokens, k, IMPERATIVE_HARM);
      if (ordered > k && someoneToHarm(k)) push('harm-wished', k, ordered);
    }
    if (token.quoted) continue;
    if (CLAUSE_TURN.has(token.text)) frame = -1;
    if (RELATIVE.has(token.text)) relative = true;
    else if (RELATIVE_ENDS.has(token.text)) relative = false;
    // One lookup for most words: only a word some phrase starts with is read further.
    if (!cueWords().has(token.text)) continue;
    const framing = endOfAny(tokens, k, FRAMES) > k;
    if (framing) relative = false;

    const threat = endOfAny(tokens, k, THREATS_TO_READER);
    if (threat > k && !token.negated) push('threat-to-reader', k, threat);
    const urged = endOfAny(tokens, k, SELF_HARM_URGED);
    if (urged > k && !token.negated && aimedAtReader(tokens, k)) push('self-harm-urged', k, urged);
    const ordered = endOfAny(tokens, k, SELF_HARM_ORDERED);
    if (ordered > k && !token.negated) push('self-harm-urged', k, ordered);
    const abuse = Math.max(endOfAny(tokens, k, ABUSE), INSULTS.has(token.text) ? k + 1 : -1);
    if (abuse > k && !token.negated && insultsReader(tokens, k)) push('abuse-aimed', k, abuse);
    const aimed = endOfAny(tokens, k, ALWAYS_AIMED);
    if (aimed > k && !token.negated) push('abuse-aimed', k, aimed);

    // "wouldn't shed a tear" frames by its denial; any other denied frame ("nobody deserves to be …") does not.
    if (framing && (!token.negated || token.text === 'shed')) frame = k;
    if (frame < 0 || k <= frame || relative) continue;
    // A denied harm counts only where the denial is the threat ("won't be leaving in one piece").
    const end = token.negated ? endOfAny(tokens, k, DENIED_HARM) : Math.max(endOfAny(tokens, k, HARM), violenceInOtherForms(tokens, k, frame));
    if (end > k && someoneToHarm(k) && push('harm-wished', frame, end)) frame = -1;
  }
  return found;
}

/** "should be hung", "hope he gets shot", "needs shooting", "wants his legs breaking": the end, or -1. */
function violenceInOtherForms(tokens: Token[], k: number, frame: number): number {
  const { text } = tokens[k];
  if (VIOLENCE_DONE.has(text) && SUFFERED_AFTER.has(tokens[k - 1]?.text ?? '')) return k + 1;
  const wanting = ['needs', 'need', 'wants', 'want', 'deserves'].includes(tokens[frame].text);
  return WANTED_ING.has(text) && wanting && k - frame <= 3 ? k + 1 : -1;
}

/** Someone in the sentence the harm can fall on: a person, a people, a role, or a possessive ("his legs"). */
function someoneInSentence(tokens: Token[], sentence: number): boolean {
  // "that ref's car": the possessive's owner.
  const owner = (token: Token) => token.text.endsWith("'s") && isTarget([{ ...token, text: token.text.slice(0, -2) }], 0);
  return tokens.some((token, j) => token.sentence === sentence && (isTarget(tokens, j) || SOMEONE.has(token.text) || owner(token)));
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
 * An insult said of the reader: "you are (a) … idiot", "you absolute cretin", "what a … rat you are", or
 * said to them after a comma at the end or alone ("Nobody asked, idiot.", "Moron."); not "he called me an idiot" (reported),
 * "don't be an idiot" (negated) or "do you think these clowns care".
 */
function insultsReader(tokens: Token[], k: number): boolean {
  const { sentence } = tokens[k];
  const inSentence = (j: number) => j >= 0 && j < tokens.length && tokens[j].sentence === sentence;
  let j = k - 1;
  while (inSentence(j) && j >= k - 4 && VOCATIVE_GAP.has(tokens[j].text)) j--;
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
