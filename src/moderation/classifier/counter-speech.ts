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
import { cueWords, deniesAt, endorsesAt, judgesTheActAt, objectsAt, QUESTION, reaffirmsAt, SHOULD, takesBackAt } from './counter-cues.js';
import { INSULTS, OWN_VOICE_VERBS, PROFANITY, VIOLENCE_DONE } from './lexicon.js';
import { REPORTING_MORE, SPEAKERS, WIDE_REPORTING } from './lexicon-counter.js';
import { CLAUSE_TURN, OWN_VOICE, groupAt, reportedAt, type Located } from './rule-helpers.js';
import { objectsInOwnFrame, opensCondemned } from './objection-frames.js';
import { attackAfter, deniedAfter, deniedInside, isAttack, rejectedReportBefore, rejectsAttack, verdictClosesReport } from './report-frames.js';
import type { Token } from './tokens.js';

const WIDE_OWN_VOICE: ReadonlySet<string> = new Set([...OWN_VOICE_VERBS, ...REPORTING_MORE]);
const PROFANE = /shit|fuck|cunt|bitch|dick|wank|twat|piss/;

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
  const insideFinding = (i: number) => findings.some((finding) => i >= finding.from && i < finding.to);
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
    const insult = INSULTS.has(token.text) || PROFANITY.has(token.text) || (token.text.length > 5 && PROFANE.test(token.text));
    if (insult && !judgesTheActAt(tokens, i)) insults.push(i);
    // A condemning word inside the attack ("Saying Muslims are vile is true") is the attack, not an objection to it.
    if (objectsAt(tokens, i, condemned[i]) && !insideFinding(i)) {
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
  const insulting = insults.some((i) => !insideFinding(i));
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
    if (scareQuoted(tokens, finding) || (finding.reported && verdictClosesReport(tokens, finding, condemned, WIDE_REPORTING))) {
      finding.endorsed = true;
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
    finding.objected = !endorsed && !insulting && ((reported && (rejected || speakerDenied || objectedNear(finding))) || opensCondemned(tokens, finding.from, finding.to));
    // "Anyone who says X is right": a report endorsed is the writer's own, in full.
    if (reported && endorsed) finding.endorsed = true;
  }

  // The text as a whole: a report of an attack on a people, then its denial, and nothing after it.
  let objection = false;
  if (groups > 0 && !endorses.some(Boolean)) {
    objection = ((denials > 0 || negators > 0) && deniedReport(tokens, speakerFrames, insults)) || (negators > 0 && !insulting && deniesAttack(tokens)) ||
      (!insulting && (rejectsAttack(tokens) || (findings.length === 0 && (objectsInOwnFrame(tokens) || objectedReport(tokens, speakerFrames, objecting, objects)))));
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

/**
 * Where no attack phrase was found to turn around, only the learned model holds: "Anyone claiming that trans
 * people are predators is peddling lies", "Mods, the post saying Indigenous people 'had their chance' should
 * come down. It's vile." A report (or a speaker as subject) naming a people, then the writer objecting, in
 * that sentence or the next, after the people is named; with no attack of the writer's own after it.
 */
function objectedReport(tokens: Token[], speakerFrames: Map<number, number>, objecting: number[], objects: boolean[]): boolean {
  for (let r = 0; r < tokens.length; r++) {
    const s = tokens[r].sentence;
    if (!reportsAt(tokens, r) && speakerFrames.get(s) !== r) continue;
    // Where the people's name ends; the two words after it are what was said of them ("calling trans people disgusting").
    let named = -1;
    for (let k = r + 1; k < tokens.length && tokens[k].sentence === s && named < 0; k++) if (groupAt(tokens, k) > k) named = groupAt(tokens, k);
    if (named < 0) continue;
    const objection = objecting.find((i) => objects[tokens[i].sentence] && (i >= named + 2 ? tokens[i].sentence <= s + 1 : tokens[i].sentence === s + 1));
    if (objection !== undefined && !attackAfter(tokens, objection + 1)) return true;
  }
  return false;
}

const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', "it's", "that's", "'s", 'been']);

/** The denial is what is said of the report: "was a lie", "is a myth", "should be ashamed", "needs help", "not true". */
function predicated(tokens: Token[], k: number): boolean {
  if (tokens[k].text === 'true' || tokens[k].text === 'help') return true;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (COPULAS.has(tokens[j].text)) return true;
  return false;
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

/** Someone else's words reported: "the fan who shouted", "the idea that", but not "I think" or "we say". */
function reportsAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted || !WIDE_REPORTING.has(token.text)) return false;
  if (!WIDE_OWN_VOICE.has(token.text)) return true;
  return ![tokens[i - 1]?.text, tokens[i - 2]?.text].some((word) => word !== undefined && OWN_VOICE.has(word));
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

/**
 * 'Those "refugees" are parasites': only a people's name is in quotation marks, and what is said of it,
 * outside them, is the writer's own; the learned reading counted the finding as reported.
 */
function scareQuoted(tokens: Token[], finding: Located): boolean {
  if (!finding.reported) return false;
  let first = -1;
  let last = -1;
  for (let k = finding.from; k < finding.to; k++) {
    if (!tokens[k].quoted) continue;
    if (first < 0) first = k;
    else if (k !== last + 1) return false;
    last = k;
  }
  // The quotation must open at the name: "'… because she's a woman' is lazy" quotes a claim, not a name.
  if (first < 0 || last > first + 2 || last + 1 >= finding.to || groupAt(tokens, first) <= first || tokens[first - 1]?.quoted) return false;
  return !reportedAt(tokens, last + 1, finding.to, WIDE_REPORTING, WIDE_OWN_VOICE);
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
    // "Imagine thinking Muslims aren't a threat": the writer rejects the denial.
    if (end <= i || rejectedReportBefore(tokens, i)) continue;
    const clause: Token[] = [];
    for (let k = end; k < Math.min(tokens.length, end + 8) && tokens[k].sentence === tokens[i].sentence && tokens[k].text !== ','; k++) clause.push(tokens[k]);
    const text = clause.map((token) => token.text);
    const attack = clause.findIndex((token) => isAttack(token.text));
    if (attack < 0 || !clause[attack].negated) continue;
    const dehumanised = !VIOLENCE_DONE.has(text[attack]) && clause.slice(0, attack).some((token, k) => token.text === "aren't" || token.text === 'arent' || (token.text === 'are' && clause[k + 1]?.negator));
    const undeserved = VIOLENCE_DONE.has(text[attack]) && text.slice(0, attack).some((w) => w === 'deserve' || w === 'deserves');
    if (!dehumanised && !undeserved) continue;
    return !attackAfter(tokens, end + attack + 1);
  }
  return false;
}
