/**
 * How a listed slur is used: quoted or reported and condemned (`slursAreCountered`, a learned feature), or
 * only talked about as a word or reported as someone else's (`slursAreMentioned`, read at `assess()` time).
 */
import { INSULTS, PROFANITY } from './lexicon.js';
import { CLAUSE_TURN, reportedAt } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Someone else's words, said at a person: "a man called my son …", "fans shouted … at him". */
const SAID_AT = new Set(['called', 'shouted', 'yelled', 'screamed', 'chanted', 'wrote', 'sprayed', 'painted', 'scrawled', 'hurled', 'texted', 'messaged']);
const FIRST_PERSON_SUBJECTS = new Set(['i', 'we', "i'd", "we'd", "i've", "we've", "i'm"]);
/** What may stand between the verb and the slur besides one noun: "called my son a …", "shouted at him …". */
const SAID_AT_GAP = new Set(['me', 'us', 'him', 'her', 'them', 'it', 'my', 'his', 'our', 'their', 'your', 'a', 'an', 'the', 'that', 'this', 'at', 'on', 'out', 'names', 'like']);
const MODAL_BEFORE = new Set(['can', 'could', 'should', 'must', 'would', 'might', 'may', 'to']);

/**
 * The slur at `i` is reported as someone else's: a verb of SAID_AT a few words before it, whose subject
 * is not the writer ("I called him …", "… and called it …" after "I") and which no modal turns into
 * the writer's wish ("can be called").
 */
function saidBySomeoneElse(tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  let others = 0;
  for (let k = i - 1; k >= Math.max(0, i - 5) && tokens[k].sentence === sentence; k--) {
    const word = tokens[k].text;
    if (CLAUSE_TURN.has(word)) return false;
    if (!SAID_AT.has(word)) {
      if (!SAID_AT_GAP.has(word) && ++others > 1) return false;
      continue;
    }
    const before = [tokens[k - 1], tokens[k - 2]].map((token) => (token?.sentence === sentence ? token.text : ''));
    if (before.some((w) => MODAL_BEFORE.has(w))) return false;
    if (FIRST_PERSON_SUBJECTS.has(before[0]) || (before[0] === 'and' || before[0] === 'just') && tokens.slice(0, k).some((t) => t.sentence === sentence && FIRST_PERSON_SUBJECTS.has(t.text))) return false;
    return true;
  }
  return false;
}

/** Words that take a mention back: endorsement, amusement, and asking leave to use the word. */
const NOT_A_COMPLAINT = new Set(['right', 'true', 'deserved', 'deserve', 'deserves', 'accurate', 'correct', 'fact', 'facts', 'truth', 'lol', 'lmao',
  'lmfao', 'haha', 'hahaha', 'funny', 'hilarious', 'amused', 'ok', 'okay', 'allowed', "can't", 'cannot', '😂', '🤣', '😅', '😆', '😁', '😄']);

export function slursAreMentioned(tokens: Token[], slurs: readonly string[]): boolean {
  let seen = 0;
  for (let i = 0; i < tokens.length; i++) {
    const { text } = tokens[i];
    if (!slurs.some((slur) => text.startsWith(slur))) {
      if (NOT_A_COMPLAINT.has(text) || INSULTS.has(text) || PROFANITY.has(text)) return false;
      // "that's what I would call him", "I call them …": the writer's own name for someone.
      if ((text === 'call' || text === 'calling') && [tokens[i - 1]?.text, tokens[i - 2]?.text].some((w) => w === 'would' || FIRST_PERSON_SUBJECTS.has(w ?? ''))) return false;
      continue;
    }
    seen++;
    if (!mentionedAt(tokens, i) && !saidBySomeoneElse(tokens, i)) return false;
  }
  return seen > 0;
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
