/**
 * Counter-speech in the writer's own frame, read at `assess()` time only (round 11), where no attack
 * phrase was found for the other readings to turn around and the learned model alone holds the text:
 * a condemned opening report, a belief given up, a trait denied, a challenge put to the speaker. Each
 * needs a people named and no attack of the writer's own after it; `counter-speech.ts` asks them only
 * when nothing in the text endorses and the writer insults no one.
 */
import { CONDEMNING, REPORT_OPENERS } from './lexicon.js';
import { OBJECTING, WIDE_REPORTING } from './lexicon-counter.js';
import { attackAfter } from './report-frames.js';
import { groupAt } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Openers that report what others blame a people for, beyond the learned feature's `REPORT_OPENERS`. */
const BLAME_OPENERS = new Set(['blaming', 'accusing', 'treating', 'painting', 'lumping', 'stereotyping', 'smearing', 'demonising', 'demonizing']);
const GIVEN_UP = new Set(['think', 'thought', 'believe', 'believed', 'assume', 'assumed']);
/** Verdicts on such a report beyond the condemning and objecting words: "is lazy and dishonest". */
const VERDICTS = new Set(['eugenics', 'lazy', 'dishonest', 'unfair', 'unjust', 'ugly', 'cheap', 'cowardly', 'unfounded']);

export function objectsInOwnFrame(tokens: Token[]): boolean {
  return condemnedOpening(tokens) || beliefGivenUp(tokens) || traitDenied(tokens) || speakerChallenged(tokens) || crimeReported(tokens);
}

/** A people named between `from` and `to` (exclusive). */
function namesGroup(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (groupAt(tokens, k) > k) return true;
  return false;
}

function sentenceEnd(tokens: Token[], i: number): number {
  let k = i;
  while (k < tokens.length && tokens[k].sentence === tokens[i].sentence) k++;
  return k;
}

/** No attack word of the writer's own from `from` on, a verdict on the report apart. */
function noAttackAfter(tokens: Token[], from: number): boolean {
  return !attackAfter(tokens, from, isVerdict);
}

function isVerdict(word: string): boolean {
  return CONDEMNING.has(word) || OBJECTING.has(word) || VERDICTS.has(word);
}

/** Where the clause from `from` ends: a comma, a turn ("but", "now", "until", "then") or the sentence's end. */
function clauseEnd(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k].sentence === tokens[from].sentence && ![',', 'but', 'now', 'until', 'then', 'yet'].includes(tokens[k].text)) k++;
  return k;
}

/** "Blaming Roma for every burglary is lazy and cruel", "Accusing Jews of … is an old lie". */
function condemnedOpening(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    if (!BLAME_OPENERS.has(token.text) && !REPORT_OPENERS.has(token.text)) return false;
    const verb = condemnedVerbAfterOpener(tokens, i);
    return verb > 0 && namesGroup(tokens, i + 1, verb);
  });
}

/** Openers of what someone did to a person, not only to a people: "Threatening to kill a journalist is disgusting". */
const DEED_OPENERS = new Set(['threatening', 'wishing', 'urging', 'inciting', 'joking', 'posting', 'tweeting', 'shouting', 'chanting', 'writing']);

/**
 * A finding inside a report or deed that opens its sentence and that the writer then condemns: "Threatening
 * to kill a journalist over an article is disgusting", "Wishing death on Muslims is vile".
 */
export function opensCondemned(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i >= 0 && tokens[i].sentence === tokens[from].sentence; i--) {
    const opener = BLAME_OPENERS.has(tokens[i].text) || REPORT_OPENERS.has(tokens[i].text) || DEED_OPENERS.has(tokens[i].text);
    if (!opener) continue;
    // "Wishing death on Muslims is vile": the verdict on the deed was read as the finding's own attribute.
    const verb = condemnedVerbAfterOpener(tokens, i, true);
    return verb >= to || (verb > from && i < from);
  }
  return false;
}

/**
 * Where an opener at `i` that starts its sentence runs to its verb ("… is"), when what follows the verb
 * is the writer's verdict on it with no attack of their own after (in the rest of the text, or with
 * `inSentence` of the sentence: "… is disgusting. Whoever sent those messages should be prosecuted"): the
 * verb, or -1.
 */
function condemnedVerbAfterOpener(tokens: Token[], i: number, inSentence = false): number {
  if (i > 0 && tokens[i - 1].sentence === tokens[i].sentence) return -1;
  const end = sentenceEnd(tokens, i);
  const verb = tokens.findIndex((other, k) => k > i && k < end && ['is', 'was', "it's", 'says'].includes(other.text));
  if (verb < 0) return -1;
  const verdict = tokens.slice(verb + 1, end);
  const attacked = attackAfter(inSentence ? tokens.slice(0, end) : tokens, verb + 1, isVerdict);
  return verdict.some((other) => !other.negated && !other.quoted && isVerdict(other.text)) && !attacked ? verb : -1;
}

/** "I used to think immigrants were lazy. Then I worked with them", with nothing worse said after. */
function beliefGivenUp(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    if (token.text !== 'used' || tokens[i + 1]?.text !== 'to' || !GIVEN_UP.has(tokens[i + 2]?.text ?? '')) return false;
    const belief = clauseEnd(tokens, i + 3);
    return namesGroup(tokens, i + 3, belief) && noAttackAfter(tokens, belief) && !tokens.slice(belief).some((other) => ['right', 'true', 'correct'].includes(other.text) && !other.negated);
  });
}

/** "Nothing about trans women makes them a threat", "Nothing about being Muslim makes a person violent". */
function traitDenied(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    if (token.text !== 'nothing' || tokens[i + 1]?.text !== 'about') return false;
    const end = sentenceEnd(tokens, i);
    const makes = tokens.findIndex((other, k) => k > i + 1 && k < end && (other.text === 'makes' || other.text === 'make'));
    return makes > 0 && namesGroup(tokens, i + 2, makes) && noAttackAfter(tokens, clauseEnd(tokens, makes + 1));
  });
}

/** "When someone says Somalis are savages, ask them how many Somalis they have met." */
function speakerChallenged(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    if (token.text !== 'ask' || !['them', 'him', 'her'].includes(tokens[i + 1]?.text ?? '') || token.negated) return false;
    const start = tokens.findIndex((other) => other.sentence === token.sentence);
    return namesGroup(tokens, start, i) && noAttackAfter(tokens, i + 2);
  });
}

/** Who said it, named as the offender: "the accused yelling …", "a thug who called her …". */
const OFFENDERS = new Set(`accused defendant defendants attacker attackers assailant suspect suspects offender offenders
  gunman culprit culprits perpetrator perpetrators thug thugs yob yobs`.split(/\s+/));
/** The words of a crime report: police, court and what they do. */
const CRIME_NEWS = new Set(`police officers detectives witnesses cctv footage arrested charged court jury trial sentenced jailed
  convicted investigating investigation appeal appealing prosecuted prosecutors magistrates`.split(/\s+/));

/**
 * "The jury was shown footage of the accused yelling 'dirty gypsies' at a Roma family", "A man called her a
 * 'waste of space'. Police are appealing for witnesses": words said in a crime the text reports, by someone
 * it names as the offender or with the police or a court in that sentence or the next, and nothing of the
 * writer's own said against anyone outside the quotation marks.
 */
function crimeReported(tokens: Token[]): boolean {
  return tokens.some((token, i) => {
    if (token.quoted || !WIDE_REPORTING.has(token.text)) return false;
    const s = token.sentence;
    const offender = tokens.slice(Math.max(0, i - 4), i).some((other) => other.sentence === s && OFFENDERS.has(other.text));
    const news = tokens.some((other) => (other.sentence === s || other.sentence === s + 1 || other.sentence === s - 1) && !other.quoted && CRIME_NEWS.has(other.text));
    return (offender || news) && noAttackAfter(tokens, 0);
  });
}
