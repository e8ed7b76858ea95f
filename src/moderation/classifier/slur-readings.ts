/**
 * How a listed slur is used: quoted or reported and condemned (`slursAreCountered`, a learned feature), or
 * only talked about as a word or reported as someone else's (`slursAreMentioned`, read at `assess()` time).
 */
import { cueWords, endorsesAt, takesBackAt } from './counter-cues.js';
import { INSULTS, PROFANITY } from './lexicon.js';
import { PRAISING } from './lexicon-counter.js';
import { CLAUSE_TURN, reportedAt } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Someone else's words, said at or of a person: "a man called my son …", "fans shouted … at him", "the MP tweeted …". */
const SAID_AT = new Set(['called', 'shouted', 'yelled', 'screamed', 'chanted', 'wrote', 'sprayed', 'painted', 'scrawled', 'hurled', 'texted', 'messaged',
  'said', 'tweeted', 'posted', 'printed', 'labelled', 'labeled', 'branded', 'described', 'referred']);
/**
 * The same verbs in the present or as a base form: someone else's only with a subject that is not the
 * writer ("my uncle calls every …", "they used to call us …"); alone they are the writer's own naming
 * ("Call them what they are", "Calling them X is fair").
 */
const SAID_AT_WITH_SUBJECT = new Set(['calls', 'call', 'calling', 'says', 'say', 'saying', 'shouts', 'shouting', 'yells', 'yelling', 'chants', 'chanting',
  'writes', 'tweets', 'posts', 'describes', 'describing', 'refers', 'referring', 'labels', 'labelling', 'labeling', 'brands']);
const FIRST_PERSON_SUBJECTS = new Set(['i', 'we', "i'd", "we'd", "i've", "we've", "i'm"]);
/** What may stand between the verb and the slur besides one noun: "called my son a …", "shouted at him …", "referred to them as …". */
const SAID_AT_GAP = new Set(['me', 'us', 'him', 'her', 'them', 'it', 'my', 'his', 'our', 'their', 'your', 'a', 'an', 'the', 'that', 'this', 'at', 'on', 'out', 'names', 'like',
  'to', 'as', 'every', 'all', 'still', 'always', 'openly']);
const MODAL_BEFORE = new Set(['can', 'could', 'should', 'must', 'would', 'might', 'may', 'to']);
/** Words between a subject and its verb: "my uncle still calls", "they used to call", "the MP kept calling". */
const SUBJECT_GAP = new Set(['still', 'always', 'often', 'openly', 'publicly', 'kept', 'keeps', 'used', 'to', 'once', 'even', 'then', 'literally']);

/**
 * The slur at `i` is reported as someone else's: a verb of SAID_AT a few words before it, whose subject
 * is not the writer ("I called him …", "… and called it …" after "I") and which no modal turns into
 * the writer's wish ("can be called"; "used to call" is no wish).
 */
function saidBySomeoneElse(tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  let others = 0;
  for (let k = i - 1; k >= Math.max(0, i - 5) && tokens[k].sentence === sentence; k--) {
    const word = tokens[k].text;
    if (CLAUSE_TURN.has(word)) return false;
    const needsSubject = SAID_AT_WITH_SUBJECT.has(word);
    if (!SAID_AT.has(word) && !needsSubject) {
      if (!SAID_AT_GAP.has(word) && ++others > 1) return false;
      continue;
    }
    const before = [tokens[k - 1], tokens[k - 2]].map((token) => (token?.sentence === sentence ? token.text : ''));
    const habitual = before[0] === 'to' && before[1] === 'used';
    if (!habitual && before.some((w) => MODAL_BEFORE.has(w))) return false;
    if (needsSubject && !subjectBefore(tokens, k)) return false;
    if (FIRST_PERSON_SUBJECTS.has(before[0]) || (before[0] === 'and' || before[0] === 'just') && tokens.slice(0, k).some((t) => t.sentence === sentence && FIRST_PERSON_SUBJECTS.has(t.text))) return false;
    return true;
  }
  return false;
}

/** A subject word before the verb at `k`, over SUBJECT_GAP, that is not the writer and not a clause's start. */
function subjectBefore(tokens: Token[], k: number): boolean {
  const sentence = tokens[k].sentence;
  let j = k - 1;
  while (j >= 0 && tokens[j].sentence === sentence && SUBJECT_GAP.has(tokens[j].text)) j--;
  const subject = tokens[j];
  if (subject === undefined || subject.sentence !== sentence || !subject.word) return false;
  return !FIRST_PERSON_SUBJECTS.has(subject.text) && !['and', 'just', 'please', 'so', 'then', 'you', 'let', "let's", 'or'].includes(subject.text);
}

/** Words that take a mention back: endorsement, amusement, and asking leave to use the word. */
const NOT_A_COMPLAINT = new Set(['right', 'true', 'deserved', 'deserve', 'deserves', 'accurate', 'correct', 'fact', 'facts', 'truth', 'lol', 'lmao',
  'lmfao', 'haha', 'hahaha', 'funny', 'hilarious', 'amused', 'ok', 'okay', 'allowed', "can't", 'cannot', '😂', '🤣', '😅', '😆', '😁', '😄']);

/** Every slur only talked about or reported; `analyse` asks only where the writer takes none up (`slursTakenUp`). */
export function slursAreMentioned(tokens: Token[], slurs: readonly string[]): boolean {
  let seen = 0;
  for (let i = 0; i < tokens.length; i++) {
    const { text } = tokens[i];
    if (!slurs.some((slur) => text.startsWith(slur))) {
      // An insult inside the quotation marks is part of what was said ("Got called a 'tranny freak'").
      if (NOT_A_COMPLAINT.has(text) || ((INSULTS.has(text) || PROFANITY.has(text)) && !tokens[i].quoted) || ownNamingAt(tokens, i)) return false;
      continue;
    }
    seen++;
    if (!mentionedAt(tokens, i) && !saidBySomeoneElse(tokens, i) && !quotedAsWordsAt(tokens, i)) return false;
  }
  return seen > 0;
}

/**
 * The writer takes a reported slur up as their own: "and honestly he is not wrong", "he was right",
 * "because she is one", "that is what they are". Read at `assess()` time, also over the learned reading
 * of a countered slur (`slur:countered`), which never saw these.
 */
export function slursTakenUp(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (takesUpAt(tokens, i)) return true;
  return false;
}

function takesUpAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.quoted) return false;
  const next = tokens[i + 1]?.text;
  // Short words no cue starts from are passed over with one lookup, as in `counter-speech.ts`.
  const cue = cueWords().has(token.text) || token.text.length > 5;
  if (cue && ((endorsesAt(tokens, i) && !PRAISING.has(token.text)) || takesBackAt(tokens, i))) return true;
  // "and so do I", "me too": the writer joins in.
  if (token.text === 'so' && next === 'do' && ['i', 'we'].includes(tokens[i + 2]?.text ?? '')) return true;
  if (token.text === 'me' && next === 'too') return true;
  // "because she is one".
  return token.text === 'one' && ['is', 'was', "he's", "she's"].includes(tokens[i - 1]?.text ?? '') && (next === undefined || !tokens[i + 1].word);
}

/** "that's what I would call him", "I call them …", "Call them …": the writer's own name for someone. */
function ownNamingAt(tokens: Token[], i: number): boolean {
  const { text } = tokens[i];
  if (text !== 'call' && text !== 'calling') return false;
  const before = [tokens[i - 1], tokens[i - 2]].map((token) => (token?.sentence === tokens[i].sentence ? token.text : ''));
  if (before.some((w) => w === 'would' || FIRST_PERSON_SUBJECTS.has(w))) return true;
  return text === 'call' && ['', 'just', 'please', 'so', 'and', "let's"].includes(before[0]);
}

/** What may stand between a copula and a slur said of someone: "they are a 'X'", "such filthy 'X'". */
const BEFORE_NAMING = new Set(['a', 'an', 'such', 'dirty', 'filthy', 'fucking', 'bloody']);
const NAMES_FOR_WORDS = new Set(['word', 'words', 'term', 'name', 'names', 'slur', 'insult', 'chant', 'nickname', 'graffiti', 'message', 'headline', 'sign']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'being', 'am', "'m", "i'm", "you're", "they're", "he's", "she's", "it's", "that's", 'become', 'became']);

/**
 * A slur in quotation marks that the writer does not say of anyone: "the chant about 'X'", "'X' was the
 * worst thing you could call a boy", "print 'X' in full". Quoted after "they are", "you're a" or "call
 * them", it is the writer's own word after all.
 */
function quotedAsWordsAt(tokens: Token[], i: number): boolean {
  const { sentence } = tokens[i];
  if (!tokens[i].quoted) return false;
  let start = i;
  while (start > 0 && tokens[start - 1].quoted && tokens[start - 1].sentence === sentence) start--;
  const before = [tokens[start - 1], tokens[start - 2]].map((token) => (token?.sentence === sentence ? token.text : ''));
  // "those 'X' shops", "call him 'X'": what the writer points at or names, named with it.
  if (['those', 'these', 'them', 'him', 'her', 'em'].includes(before[0])) return false;
  const copula = COPULAS.has(before[0]) ? start - 1 : BEFORE_NAMING.has(before[0]) && COPULAS.has(before[1]) ? start - 2 : -1;
  // "The word on the banner was 'X'": a copula whose subject is the word itself.
  return copula < 0 || tokens.slice(Math.max(0, copula - 4), copula).some((token) => token.sentence === sentence && NAMES_FOR_WORDS.has(token.text));
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

export function slursAreCountered(tokens: Token[], slurs: readonly string[], condemning: Set<number>): boolean {
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
