/**
 * Counter-speech and endorsement read at `assess()` time (round 7). `rules.ts` marks reported findings
 * condemned in the same or the next sentence as `countered`, and that reading is a learned feature. This
 * wider reading is not (the shipped weights never saw it): it only decides, in `score-rules.ts`, whether a
 * finding lifts a floor and whether the learned scores are capped as counter-speech.
 *
 * - objected: words reported in a wider sense ("stop telling me X", "the fan who shouted X", "anyone who
 *   says X …") and objected to nearby: condemned, sanctioned ("should resign", "belong in court"), shamed,
 *   or denied ("it is not true", "a lie"); or a report the writer rejects ("Stop saying", "Don't tell me",
 *   "How can anyone say", "Imagine thinking"), or denies of its speaker ("… have never met one");
 * - endorsed: a negation or condemnation taken back ("is not wrong, it is accurate", "it's not racist to
 *   say", "because they are", "and they are right", "Finally someone says it"), or a denial inside a
 *   rejected report ("Don't tell me Jews are not parasites"): the finding counts after all, in full;
 * - objection (the whole text, which caps the learned scores when no finding counts): a report of an
 *   attack on a people followed by its denial or shame ("The idea that X are Y is a lie", "Anyone calling
 *   X Y should …"), a rejected report of one ("Stop calling X Y"), or a people's attack denied ("Gay people
 *   do not deserve to be shot", "X aren't a drain"), with nothing endorsed and no insult of the writer's own.
 */
import { CONDEMNING, INSULTS, OWN_VOICE_VERBS, PROFANITY, REPORTING, VIOLENCE_DONE } from './lexicon.js';
import { ENDORSING, OBJECTING, REPORTING_MORE, SPEAKERS } from './lexicon-counter.js';
import { CLAUSE_TURN, OWN_VOICE, groupAt, reportedAt, type Located } from './rule-helpers.js';
import { objectsInOwnFrame } from './objection-frames.js';
import { deniedAfter, deniedInside, isAttack, rejectedReportBefore, rejectsAttack } from './report-frames.js';
import type { Token } from './tokens.js';

const WIDE_REPORTING: ReadonlySet<string> = new Set([...REPORTING, ...REPORTING_MORE]);
const WIDE_OWN_VOICE: ReadonlySet<string> = new Set([...OWN_VOICE_VERBS, ...REPORTING_MORE]);
const RIGHT_BEFORE = new Set(['are', 'is', 'was', 'were', "he's", "she's", "they're", "you're", "it's", "that's", 'absolutely', 'completely', 'totally', 'quite', 'so', 'dead', 'simply']);
/** What is said of a speaker who lies: objection when plain ("they are lying"), vouching when denied ("he never lies"). */
const LYING = new Set(['lie', 'lies', 'lied', 'lying', 'liar', 'liars']);
const QUESTION = new Set(['if', 'whether']);
const PROFANE = /shit|fuck|cunt|bitch|dick|wank|twat|piss/;
/** Denial and shame, stronger than a condemning word alone (which hate also uses: "they call it racist"). */
const DENIAL = new Set(['lie', 'lies', 'lying', 'myth', 'myths', 'untrue', 'false', 'debunked', 'nonsense', 'rubbish', 'ashamed', 'shame', 'shameful', 'resign', 'prosecuted', 'prosecute', 'court', 'dehumanising', 'dehumanizing', 'dehumanisation', 'dehumanization', 'incitement', 'bigots', 'bigotry', 'propaganda']);

let cues: Set<string> | undefined;

/** Every word a cue below starts from, so the token loop can pass over the rest with one lookup. */
function cueWords(): Set<string> {
  cues ??= new Set([
    ...CONDEMNING, ...OBJECTING, ...ENDORSING, ...DENIAL, ...JUDGEMENTS, ...SHOULD, ...INSULTS, ...PROFANITY,
    'right', 'true', 'fact', 'facts', 'truth', 'say', 'said', 'are', 'help', 'about', 'spot', 'well', 'finally', 'agree', 'reported', 'sense',
    ...LYING, 'point', 'onto', 'tell', 'tells', 'listen', 'listened', 'believe', 'believes', 'argue', 'ask', 'care',
  ]);
  return cues;
}

export interface CounterReading {
  objection: boolean;
}

/**
 * Sets `objected` and `endorsed` on `findings` and says whether the text as a whole objects. `condemned`
 * is the learned reading's own test per token (`condemnsAt` in `rules.ts`), so everything it condemns
 * objects here too, unless negated; `groups` is the number of people named.
 */
export function readCounterSpeech(tokens: Token[], findings: Located[], condemned: readonly boolean[], groups: number): CounterReading {
  // Nothing to turn around and no people named: most comments stop here.
  if (findings.length === 0 && groups === 0) return { objection: false };
  const sentences = (tokens[tokens.length - 1]?.sentence ?? 0) + 1;
  const objecting: number[] = [];
  const takenBack = new Array<boolean>(sentences).fill(false);
  const reaffirms = new Array<boolean>(sentences).fill(false);
  // Per sentence, the last objecting word, endorsing word and clause turn (-1: none).
  const lastObject = new Array<number>(sentences).fill(-1);
  const lastEndorse = new Array<number>(sentences).fill(-1);
  const lastTurn = new Array<number>(sentences).fill(-1);
  // Per sentence, the first vouching that is itself a denial ("you cannot argue with …"), whose negation
  // reaches over what follows (-1: none).
  const deniedVouch = new Array<number>(sentences).fill(-1);
  const insults: number[] = [];
  let denials = 0;
  let negators = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const s = token.sentence;
    if (token.negator) negators++;
    if (CLAUSE_TURN.has(token.text)) lastTurn[s] = i;
    if (token.quoted || !token.word) continue;
    // One lookup for most words: only cue words (and long words, for "bullshit") are read further.
    if (!condemned[i] && !cueWords().has(token.text) && token.text.length <= 5) continue;
    if (SHOULD.has(token.text) || deniesAt(tokens, i)) denials++;
    if (INSULTS.has(token.text) || PROFANITY.has(token.text) || (token.text.length > 5 && PROFANE.test(token.text))) insults.push(i);
    if (objectsAt(tokens, i, condemned[i])) {
      objecting.push(i);
      lastObject[s] = i;
    }
    if (endorsesAt(tokens, i)) {
      lastEndorse[s] = i;
      if (token.negated && deniedVouch[s] < 0) deniedVouch[s] = i;
    }
    if (reaffirmsAt(tokens, i)) reaffirms[s] = true;
    if (takesBackAt(tokens, i)) takenBack[s] = true;
  }
  // Per sentence: does it object, does it endorse? "Everyone says it's wrong to call them vermin, but
  // that's what they are": after a turn, the later reading decides.
  const objects = new Array<boolean>(sentences).fill(false);
  const endorses = new Array<boolean>(sentences).fill(false);
  for (let s = 0; s < sentences; s++) {
    objects[s] = lastObject[s] >= 0;
    endorses[s] = lastEndorse[s] >= 0;
    if (objects[s] && endorses[s]) {
      if (lastEndorse[s] > lastTurn[s] && lastTurn[s] > lastObject[s]) objects[s] = false;
      else endorses[s] = false;
    }
    // "It's not racist to say …", "Nobody should be ashamed to say …": a condemnation taken back endorses.
    if (takenBack[s] && !objects[s]) endorses[s] = true;
  }
  const sentenceOf = (i: number) => tokens[i].sentence;
  const near = (flags: boolean[], s: number, from: number, to: number) => {
    for (let k = s + from; k <= s + to; k++) if (flags[k]) return true;
    return false;
  };
  /** An objecting word near the finding, outside its own words ("Jews are a dangerous group" objects to nothing). */
  const objectedNear = (finding: Located) => objecting.some((i) => {
    const s = sentenceOf(i);
    return objects[s] && s >= finding.sentence - 1 && s <= finding.sentence + 2 && (i < finding.from || i >= finding.to);
  });
  // An insult of the writer's own, outside what is reported ("Anyone who says X is an idiot").
  const spans = findings.map((finding) => [finding.from, finding.to]);
  const insulting = insults.some((i) => !spans.some(([from, to]) => i >= from && i < to));
  // Where each sentence's speaker frame starts: what it reports comes after it.
  const speakerFrames = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) if (!speakerFrames.has(tokens[i].sentence) && speakerFrameAt(tokens, i)) speakerFrames.set(tokens[i].sentence, i);
  const reportedBefore = (finding: Located) =>
    finding.reported || reportedAt(tokens, finding.from, finding.to, WIDE_REPORTING, WIDE_OWN_VOICE) || (speakerFrames.get(finding.sentence) ?? finding.from) < finding.from;

  for (const finding of findings) {
    const s = finding.sentence;
    const rejected = rejectedReportBefore(tokens, finding.from);
    if (finding.negated) {
      // "… say Jews are not parasites, because they are": only a plain reaffirmation takes a negation back,
      // or, for a report, a condemnation denied ("It's not racist to say X": the negation was of "racist"),
      // or a denial in a report that is itself rejected ("Don't tell me Jews are not parasites", "Shame on
      // anyone who says trans people are not ill"): the writer insists on what was denied.
      const insisted = deniedInside(tokens, finding) && (rejected || (reportedBefore(finding) && objectedNear(finding)));
      // The negation came from outside the finding's own words: from a vouching or a denial that was itself denied.
      const affirmed = !negatesItself(tokens, finding) && !finding.countered && !objects[s] &&
        ((deniedVouch[s] >= 0 && deniedVouch[s] < finding.from) || denialDenied(tokens, finding));
      finding.endorsed = reaffirms[s] || (finding.reported && takenBack[s] && !objects[s]) || insisted || affirmed;
      continue;
    }
    const endorsed = near(endorses, s, 0, 1);
    if (finding.countered) {
      finding.endorsed = endorsed;
      continue;
    }
    const reported = rejected || reportedBefore(finding) || speakerFrames.has(s) || askedAbout(tokens, finding.from);
    // "Those who say Jews are rats don't know any Jews": what the writer denies of the speaker.
    const speakerDenied = (speakerFrames.get(s) ?? finding.from) < finding.from && deniedAfter(tokens, finding.to, s);
    // Counter-speech that insults or swears is still rude: the learned model decides it.
    finding.objected = reported && !endorsed && !insulting && (rejected || speakerDenied || objectedNear(finding));
    // "Anyone who says X is right": a report endorsed is the writer's own, in full.
    if (reported && endorsed) finding.endorsed = true;
  }

  // The text as a whole: a report of an attack on a people, then its denial, and nothing after it.
  let objection = false;
  if (groups > 0 && !endorses.some(Boolean)) {
    objection = ((denials > 0 || negators > 0) && deniedReport(tokens, speakerFrames, insults)) || (negators > 0 && !insulting && deniesAttack(tokens)) ||
      (!insulting && (rejectsAttack(tokens) || (findings.length === 0 && objectsInOwnFrame(tokens))));
  }
  return { objection };
}

/**
 * "The idea that Mexicans are rapists was a lie", "Anyone who says gay people should be shot needs help",
 * "People who call refugees invaders have never met one":
 * a report (or a speaker as subject), then a people and an attack on them, then a denial or shame in the
 * same or the next sentence, and no attack after it (hate quotes its opponents the other way round:
 * "they spread the myth that …, but X are vermin").
 */
function deniedReport(tokens: Token[], speakerFrames: Map<number, number>, insults: number[]): boolean {
  for (let r = 0; r < tokens.length; r++) {
    if (!reportsAt(tokens, r) && !(speakerFrames.has(tokens[r].sentence) && SPEAKERS.has(tokens[r].text))) continue;
    let group = false;
    let attack = -1;
    for (let k = r + 1; k < tokens.length && tokens[k].sentence <= tokens[r].sentence + 1; k++) {
      // "They call it racist, but …": the writer's own clause after a turn is not the report.
      if (CLAUSE_TURN.has(tokens[k].text)) break;
      if (groupAt(tokens, k) > k) group = true;
      if (isAttack(tokens[k].text)) attack = k;
      // "Anyone calling disabled people a burden should spend a day with a carer": what the speaker should do;
      // "People who call refugees invaders have never met one": what the speaker has not done or does not know.
      const speaker = speakerFrames.has(tokens[r].sentence) && SPEAKERS.has(tokens[r].text);
      const speakerShould = speaker && SHOULD.has(tokens[k].text);
      const speakerDenied = speaker && attack > r && k > attack && tokens[k].negator === true && !tokens[attack].negated && deniedAfter(tokens, k, tokens[k].sentence);
      if (group && attack > r && (speakerShould || speakerDenied || (deniesAt(tokens, k) && predicated(tokens, k)))) {
        const outside = insults.some((i) => i < r || i > k);
        return !outside && !tokens.slice(k + 1).some((token) => isAttack(token.text) && !token.negated);
      }
    }
  }
  return false;
}

const SHOULD = new Set(['should', 'needs', 'need', 'must', 'ought']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', "it's", "that's", "'s", 'been']);

/** The denial is what is said of the report: "was a lie", "is a myth", "should be ashamed", "needs help", "not true". */
function predicated(tokens: Token[], k: number): boolean {
  if (tokens[k].text === 'true' || tokens[k].text === 'help') return true;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (COPULAS.has(tokens[j].text)) return true;
  return false;
}

/** Judgements a writer denies to say the rest is fine: "It's not racist to say", "Nobody should be ashamed to say". */
const JUDGEMENTS = new Set(['racist', 'wrong', 'hateful', 'bigoted', 'offensive', 'dehumanising', 'dehumanizing', 'ashamed', 'xenophobic',
  'islamophobic', 'antisemitic', 'homophobic', 'transphobic', 'sexist', 'misogynistic', 'hate', 'bigotry', 'racism', 'unacceptable', 'shameful']);
const DENIAL_GAP = new Set(['a', 'an', 'be', 'feel', 'really', 'at', 'all', 'even', 'remotely', 'just', 'is', 'it', "it's", 'think', 'believe']);

/** "not racist", "isn't wrong", "nobody should be ashamed", "not hate speech": the negator right before the judgement. */
function takesBackAt(tokens: Token[], i: number): boolean {
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
function reaffirmsAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted || token.text !== 'are' || (tokens[i + 1] !== undefined && tokens[i + 1].word)) return false;
  const before = [tokens[i - 1]?.text, tokens[i - 2]?.text, tokens[i - 3]?.text];
  // "… because they are", "they really are", and "Not all X are Y, but most (of them) are".
  const most = (word: string | undefined) => word === 'most' || word === 'many';
  return (before[0] === 'they' && ['because', 'what', 'cause', 'coz'].includes(before[1] ?? '')) || (before[0] === 'really' && before[1] === 'they') ||
    most(before[0]) || (before[0] === 'them' && before[1] === 'of' && most(before[2]));
}

/** Verbs of denial and forgetting: denied themselves ("you can't deny that …"), they affirm what follows. */
const DENYING = new Set(['deny', 'denies', 'denying', 'denied', 'dispute', 'disputes', 'disputing', 'doubt', 'doubts', 'doubting', 'doubted', 'forget', 'forgetting']);

/**
 * "You can't deny that Jews are …", "There is no denying that …", "Never forget that …", "Nobody doubts
 * that …": the finding is negated only by a negator whose verb is itself a denial, so it is affirmed.
 */
function denialDenied(tokens: Token[], finding: Located): boolean {
  let negator = finding.from - 1;
  while (negator >= 0 && tokens[negator].sentence === tokens[finding.from].sentence && !tokens[negator].negator) negator--;
  if (negator < 0 || !tokens[negator].negator) return false;
  for (let k = negator + 1; k <= negator + 3 && k < finding.from; k++) if (DENYING.has(tokens[k].text)) return true;
  return false;
}

/** The finding's own words hold a negator: "Muslims are not terrorists". */
function negatesItself(tokens: Token[], finding: Located): boolean {
  for (let k = finding.from; k < finding.to; k++) if (tokens[k].negator) return true;
  return false;
}

/** A strong objection: "a lie", "not true", "should be ashamed", "needs help". */
function deniesAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (token.text === 'true') return token.negated;
  if (token.text === 'help') return ['needs', 'need'].includes(tokens[i - 1]?.text ?? '');
  return DENIAL.has(token.text) && !token.negated;
}

/** Someone else's words reported: "the fan who shouted", "the idea that", but not "I think" or "we say". */
function reportsAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted || !WIDE_REPORTING.has(token.text)) return false;
  if (!WIDE_OWN_VOICE.has(token.text)) return true;
  return ![tokens[i - 1]?.text, tokens[i - 2]?.text].some((word) => word !== undefined && OWN_VOICE.has(word));
}

/** `condemned`: the learned reading's own test (`condemnsAt` in `rules.ts`) found a condemning word here. */
function objectsAt(tokens: Token[], i: number, condemned: boolean): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (condemned) return !(CONDEMNING.has(token.text) && token.negated);
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

function endorsesAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  if (vouchesAt(tokens, i)) return true;
  if (token.negated) return false;
  const word = token.text;
  const next = tokens[i + 1]?.text;
  const previous = tokens[i - 1]?.text ?? '';
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
  return ENDORSING.has(word) && !['fact', 'facts', 'truth'].includes(word);
}

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

/**
 * "Anyone who says …", "People calling …", "Whoever sprayed …", "Those who chant …": the sentence is about
 * the speaker, so what is reported is theirs and what the writer says is said of them.
 */
function speakerFrameAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  const first = i === 0 || tokens[i - 1].sentence !== token.sentence || tokens[i - 1].text === ',';
  if (!first || !SPEAKERS.has(token.text)) return false;
  let k = i + 1;
  if (['who', 'that'].includes(tokens[k]?.text ?? '')) k++;
  else if (token.text !== 'whoever' && !tokens[k]?.text.endsWith('ing')) return false;
  for (let j = k; j < Math.min(tokens.length, k + 3); j++) {
    if (tokens[j].sentence !== token.sentence) return false;
    if (WIDE_REPORTING.has(tokens[j].text)) return true;
    if (!['keep', 'keeps', 'still', 'ever', 'would', 'will', 'could', 'can', 'continue', 'continues', 'to', 'publicly', 'online', 'openly'].includes(tokens[j].text)) return false;
  }
  return false;
}

/** "asking if it is true that X", "whether X": asked about, not said. */
function askedAbout(tokens: Token[], from: number): boolean {
  const sentence = tokens[from]?.sentence;
  for (let k = from - 1; k >= Math.max(0, from - 6) && tokens[k].sentence === sentence; k--) {
    if (tokens[k].text === 'that' && tokens[k - 1]?.text === 'true') {
      return tokens.slice(Math.max(0, k - 5), k).some((t) => QUESTION.has(t.text));
    }
  }
  return false;
}

/**
 * "Gay people do not deserve to be shot", "Muslims are not vermin", "Disabled people aren't a drain": a
 * people, then a denied attack in the same clause, as "are not [attack word]" or "do not deserve to be
 * [violence done]", and no attack of the writer's own after it.
 */
function deniesAttack(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const end = groupAt(tokens, i);
    if (end <= i) continue;
    const clause: Token[] = [];
    for (let k = end; k < Math.min(tokens.length, end + 8) && tokens[k].sentence === tokens[i].sentence && tokens[k].text !== ','; k++) clause.push(tokens[k]);
    const text = clause.map((token) => token.text);
    const attack = clause.findIndex((token) => isAttack(token.text));
    if (attack < 0 || !clause[attack].negated) continue;
    const dehumanised = !VIOLENCE_DONE.has(text[attack]) && clause.slice(0, attack).some((token, k) => token.text === "aren't" || token.text === 'arent' || (token.text === 'are' && clause[k + 1]?.negator));
    const undeserved = VIOLENCE_DONE.has(text[attack]) && text.slice(0, attack).some((w) => w === 'deserve' || w === 'deserves');
    if (!dehumanised && !undeserved) continue;
    return !tokens.slice(end + attack + 1).some((token) => !token.negated && !token.quoted && isAttack(token.text));
  }
  return false;
}
