/**
 * What one word says about a report near it, read at `assess()` time (`counter-speech.ts` reads the text
 * with these): it objects, endorses, vouches for the speaker, takes a judgement back, reaffirms a denied
 * attack, or denies.
 */
import { CONDEMNING, INSULTS, PROFANITY, REPORT_OPENERS } from './lexicon.js';
import { ENDORSING, OBJECTING, SPEAKERS } from './lexicon-counter.js';
import type { Token } from './tokens.js';

const RIGHT_BEFORE = new Set(['are', 'is', 'was', 'were', "he's", "she's", "they're", "you're", "it's", "that's", 'absolutely', 'completely', 'totally', 'quite', 'so', 'dead', 'simply']);
/** What is said of a speaker who lies: objection when plain ("they are lying"), vouching when denied ("he never lies"). */
const LYING = new Set(['lie', 'lies', 'lied', 'lying', 'liar', 'liars']);
export const QUESTION = new Set(['if', 'whether']);
/** Denial and shame, stronger than a condemning word alone (which hate also uses: "they call it racist"). */
const DENIAL = new Set(['lie', 'lies', 'lying', 'myth', 'myths', 'untrue', 'false', 'debunked', 'nonsense', 'rubbish', 'ashamed', 'shame', 'shameful', 'resign', 'prosecuted', 'prosecute', 'court', 'dehumanising', 'dehumanizing', 'dehumanisation', 'dehumanization', 'incitement', 'bigots', 'bigotry', 'propaganda']);

let cues: Set<string> | undefined;

/** Every word a cue below starts from, so the token loop can pass over the rest with one lookup. */
export function cueWords(): Set<string> {
  cues ??= new Set([
    ...CONDEMNING, ...OBJECTING, ...ENDORSING, ...DENIAL, ...JUDGEMENTS, ...SHOULD, ...INSULTS, ...PROFANITY,
    'right', 'true', 'fair', 'fine', 'fact', 'facts', 'truth', 'say', 'said', 'are', 'help', 'about', 'spot', 'well', 'finally', 'agree', 'reported', 'sense',
    ...LYING, 'point', 'onto', 'tell', 'tells', 'listen', 'listened', 'believe', 'believes', 'argue', 'ask', 'care',
  ]);
  return cues;
}

export const SHOULD = new Set(['should', 'needs', 'need', 'must', 'ought']);

/** Judgements a writer denies to say the rest is fine: "It's not racist to say", "Nobody should be ashamed to say". */
const JUDGEMENTS = new Set(['racist', 'wrong', 'hateful', 'bigoted', 'offensive', 'dehumanising', 'dehumanizing', 'ashamed', 'xenophobic',
  'islamophobic', 'antisemitic', 'homophobic', 'transphobic', 'sexist', 'misogynistic', 'hate', 'bigotry', 'racism', 'unacceptable', 'shameful']);
const DENIAL_GAP = new Set(['a', 'an', 'be', 'feel', 'really', 'at', 'all', 'even', 'remotely', 'just', 'is', 'it', "it's", 'think', 'believe']);

/** "not racist", "isn't wrong", "nobody should be ashamed", "not hate speech": the negator right before the judgement. */
export function takesBackAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted || !token.negated || !JUDGEMENTS.has(token.text)) return false;
  if (token.text === 'hate' && !['speech', 'crime'].includes(tokens[i + 1]?.text ?? '')) return false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (tokens[k].negator) return true;
    if (!DENIAL_GAP.has(tokens[k].text) && !['should', 'must', 'need'].includes(tokens[k].text)) return false;
  }
  return false;
}

/** "… because they are", "that's what they are", "they really are", "but most of them are": a denial taken back. */
export function reaffirmsAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted || token.text !== 'are' || (tokens[i + 1] !== undefined && tokens[i + 1].word)) return false;
  const before = [tokens[i - 1]?.text, tokens[i - 2]?.text, tokens[i - 3]?.text];
  // "… because they are", "they really are", and "Not all X are Y, but most (of them) are".
  const most = (word: string | undefined) => word === 'most' || word === 'many';
  return (before[0] === 'they' && ['because', 'what', 'cause', 'coz'].includes(before[1] ?? '')) || (before[0] === 'really' && before[1] === 'they') ||
    most(before[0]) || (before[0] === 'them' && before[1] === 'of' && most(before[2]));
}

/** A strong objection: "a lie", "not true", "should be ashamed", "needs help". */
export function deniesAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (token.text === 'true') return token.negated;
  if (token.text === 'help') return ['needs', 'need'].includes(tokens[i - 1]?.text ?? '');
  return DENIAL.has(token.text) && !token.negated;
}

/** `condemned`: the learned reading's own test (`condemnsAt` in `rules.ts`) found a condemning word here. */
export function objectsAt(tokens: Token[], i: number, condemned: boolean): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  // "… aren't a threat" names nothing a threat: denied, a condemning word condemns nothing.
  if (condemned) return !((CONDEMNING.has(token.text) || token.text === 'threat' || token.text === 'threats') && token.negated);
  const word = token.text;
  // "It is not true", "Neither is true".
  if (word === 'true') return token.negated;
  // "needs help", "says more about you".
  if (word === 'help') return ['needs', 'need'].includes(tokens[i - 1]?.text ?? '');
  if (word === 'about' && tokens[i - 1]?.text === 'more' && ['you', 'them', 'him', 'her'].includes(tokens[i + 1]?.text ?? '')) return true;
  // "says everything about the man", "says a lot about him".
  if (word === 'about' && ['everything', 'lot'].includes(tokens[i - 1]?.text ?? '') && ['says', 'said', 'say', 'a'].includes(tokens[i - 2]?.text ?? '')) return true;
  // "I reported the man who said …", not "it was reported that …".
  if (word === 'reported') return !token.negated && ['i', 'we', "i've", "we've", 'have', 'already'].includes(tokens[i - 1]?.text ?? '');
  // "Those who say X are lying", "peddling lies", "liars and cowards".
  if (LYING.has(word)) return !token.negated;
  // "When someone says X, ask them how many … they know": the speaker challenged.
  if (word === 'ask') return !token.negated && ['them', 'him', 'her'].includes(tokens[i + 1]?.text ?? '');
  return OBJECTING.has(word) && !token.negated;
}

const TRUE_OF_A_REPORT = new Set(['true', 'fair', 'right', 'accurate', 'correct', 'justified', 'fine']);

/** The sentence of `i` opens with a report ("Calling …", "Saying …"). */
function opensWithReport(tokens: Token[], i: number): boolean {
  let k = i;
  while (k > 0 && tokens[k - 1].sentence === tokens[i].sentence) k--;
  return REPORT_OPENERS.has(tokens[k].text);
}

/** Insults that, as the verdict on a report opening the sentence, judge the act: "Telling Muslims to go back … is racist and stupid". */
const VERDICT_INSULTS = new Set(['stupid', 'dumb', 'pathetic', 'brainless', 'ignorant', 'idiotic', 'moronic']);
const ACT_OPENERS = new Set([...REPORT_OPENERS, 'telling', 'referring', 'shouting', 'chanting', 'posting', 'writing']);

/** Whether the insult word at `i` judges the reported act that opens its sentence, after "is" or "was" in it, not a person. */
export function judgesTheActAt(tokens: Token[], i: number): boolean {
  if (!VERDICT_INSULTS.has(tokens[i].text)) return false;
  let k = i;
  let copula = false;
  while (k > 0 && tokens[k - 1].sentence === tokens[i].sentence) {
    k--;
    if (tokens[k].text === 'is' || tokens[k].text === 'was') copula = true;
  }
  return copula && ACT_OPENERS.has(tokens[k].text);
}

export function endorsesAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (vouchesAt(tokens, i)) return true;
  if (token.negated) return false;
  const word = token.text;
  const next = tokens[i + 1]?.text;
  const previous = tokens[i - 1]?.text ?? '';
  // "Saying Muslims are vile is true", "Calling them vermin is fair": the verdict on a report that opens the sentence.
  if (TRUE_OF_A_REPORT.has(word) && ['is', 'was'].includes(previous) && opensWithReport(tokens, i)) return true;
  if (word === 'right') return RIGHT_BEFORE.has(previous) && !['to', 'now', 'here', 'there', 'wing', 'wingers', 'away', 'about', 'of', 'on'].includes(next ?? '');
  // "it is true", "so true", but not "if it is true", "is it true", "true love".
  if (word === 'true') {
    const before = tokens.slice(Math.max(0, i - 4), i).map((t) => t.text);
    return ['is', "it's", "that's", 'so', 'was', 'are'].includes(previous) && !before.some((w) => QUESTION.has(w)) && !(previous === 'is' && tokens[i - 2]?.text !== 'it' && tokens[i - 2]?.text !== 'that');
  }
  // "a fact", "just the truth", "telling the truth"; not "the fact that", "the truth behind".
  if (word === 'fact' || word === 'facts' || word === 'truth') return next === undefined || !tokens[i + 1].word || ['is', 'hurts'].includes(next ?? '');
  // "I'll say it", "someone has to say it": the writer owns what follows.
  if ((word === 'say' || word === 'said') && next === 'it') return ["i'll", 'i', 'to', 'let', 'gonna', 'will'].includes(previous);
  if (reaffirmsAt(tokens, i)) return true;
  // "spot on", "well said", "finally someone says it", "I agree".
  if (word === 'spot') return next === 'on';
  if (word === 'sense') return previous === 'common';
  if (word === 'well') return next === 'said';
  if (word === 'finally') return ['someone', 'somebody', 'say', 'says', 'said'].includes(next ?? '');
  if (word === 'agree') return ['i', 'totally', 'completely', 'fully', 'so'].includes(previous) && (next === undefined || !tokens[i + 1].word || next === 'with');
  // "… is harassment, and the tribunal agreed": a ruling upholds the complaint, not what was said.
  if (word === 'agreed') return !RULING_BODIES.has(previous) && !RULING_BODIES.has(tokens[i - 2]?.text ?? '');
  return ENDORSING.has(word) && !['fact', 'facts', 'truth'].includes(word);
}

const RULING_BODIES = new Set(['tribunal', 'court', 'judge', 'jury', 'panel', 'magistrates', 'ombudsman', 'regulator', 'police', 'hr',
  'club', 'league', 'fa', 'uefa', 'fifa', 'council', 'school', 'university', 'employer', 'inquiry', 'committee', 'board']);

/**
 * The writer vouches for whoever said it: "they never lie", "he is not lying", "did not lie to you", "has a
 * (good) point", "is onto something", "knows what he is talking about", "tells it like it is", "should be
 * listened to", "believes those who say", "you cannot argue with".
 */
function vouchesAt(tokens: Token[], i: number): boolean {
  const word = tokens[i].text;
  const next = tokens[i + 1]?.text;
  const deniedRightBefore = tokens[i].negated && [tokens[i - 1], tokens[i - 2]].some((token) => token?.negator === true);
  // "they never lie", "you cannot argue with people who say".
  if (LYING.has(word)) return deniedRightBefore;
  if (word === 'argue') return deniedRightBefore && next === 'with';
  // "I don't care what anyone says, X are Y": what others say is waved away, and what follows is the writer's.
  if (word === 'care') return deniedRightBefore && next === 'what';
  if (tokens[i].negated) return false;
  if (word === 'point') {
    const before = tokens.slice(Math.max(0, i - 3), i).map((token) => token.text);
    return before.includes('a') && before.some((w) => ['have', 'has', 'had', "they've", "he's", "she's"].includes(w)) && next !== 'of';
  }
  if (word === 'onto') return next === 'something';
  // "should be listened to", "I always listen to anyone who says"; "believes those who say".
  if (word === 'listen' || word === 'listened') return next === 'to';
  if (word === 'believe' || word === 'believes') return SPEAKERS.has(next ?? '') || next === 'them' || next === 'him' || next === 'her';
  if (word === 'talking') return tokens[i + 1]?.text === 'about' && tokens.slice(Math.max(0, i - 5), i).some((token) => token.text === 'know' || token.text === 'knows');
  if (word === 'tell' || word === 'tells') return next === 'it' && tokens[i + 2]?.text === 'like';
  return false;
}
