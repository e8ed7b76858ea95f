import { NEGATIONS } from './lexicon.js';
import { respell, unmask } from './spelling.js';

export interface Token {
  /** Lower-case word, or a punctuation mark. */
  text: string;
  /** Inside quotation marks. */
  quoted: boolean;
  /** Inside the scope of a negation ("don't hate Kurds" negates "hate" and "kurds"). */
  negated: boolean;
  /** Index of the sentence this token belongs to. */
  sentence: number;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
  /** Opens a negation scope ("not", "don't"); "why don't we…" and "nothing but" do not. */
  negator?: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*|[.!?;:,"“”«»()]|(?<![\p{L}])'|'(?![\p{L}])/gu;
const EMOJI = /^\p{Extended_Pictographic}/u;

/**
 * Emoji that stand for a word of the lexicon, so "I would love to 🔪 them" reads as the verb it replaces
 * (HatemojiBuild is written this way). Any other emoji is a word of its own for the n-grams.
 */
const EMOJI_WORDS: Record<string, string> = {
  '🔪': 'stab', '🗡': 'stab', '🔫': 'shoot', '💣': 'bomb', '🪓': 'butcher', '🐀': 'rats', '🐁': 'rats', '🐒': 'monkeys', '🐵': 'monkeys',
  '🦍': 'apes', '🐷': 'pigs', '🐖': 'pigs', '🪳': 'cockroaches', '🐛': 'maggots', '🐍': 'snakes', '🦠': 'disease', '🤮': 'disgusting',
  '🤢': 'disgusting', '🗑': 'trash', '💩': 'shit', '🖕': 'fuck', '⚰': 'dead', '🪦': 'dead',
};
const SENTENCE_END = new Set(['.', '!', '?', ';']);
const SCOPE_END = new Set(['.', '!', '?', ';', ',', ':', '(', ')', 'but', 'however', 'yet', 'though', 'although']);
const QUOTE = new Set(['"', '“', '”', '«', '»', "'"]);
const NEGATION_REACH = 6;

/** Tidies markup and addresses that say nothing about tone: links, @mentions, entities, retweet marks. */
export function cleanText(text: string): string {
  if (!/[&@']|http|www\.|rt /i.test(text)) return text;
  return text
    .replace(/&amp;/g, '&')
    .replace(/&(?:lt|gt|quot|#\d+);/g, ' ')
    .replace(/https?:\/\/\S+|www\.\S+/g, ' link ')
    .replace(/(^|\s)rt\s+@\w+:?/gi, ' ')
    .replace(/@\w+/g, ' @user ')
    .replace(/’/g, "'");
}

/** Emoji of a person (with or without a skin tone): they stand for people, the target of what is said. */
function isPersonEmoji(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x1f466 && code <= 0x1f478) || (code >= 0x1f9d1 && code <= 0x1f9dd) || (code >= 0x1f645 && code <= 0x1f64e) ||
    code === 0x1f481 || code === 0x1f482 || (code >= 0x1f934 && code <= 0x1f937);
}

export function tokenize(canonical: string): Token[] {
  const tokens: Token[] = [];
  let quoted = false;
  // A quote whose sentence ended inside it ("ill.\"") was closed with that sentence: its mark opens nothing.
  let closedBySentence = false;
  let sentence = 0;
  // Masks go first: the token pattern would split "sc*m" at the "*".
  for (const match of unmask(cleanText(canonical)).matchAll(TOKEN)) {
    const text = match[0].includes('’') ? match[0].replace(/’/g, "'") : match[0];
    if (QUOTE.has(text)) {
      if (!closedBySentence) quoted = !quoted;
      closedBySentence = false;
      continue;
    }
    closedBySentence = false;
    // Every emoji starts outside ASCII, so most words skip the test.
    if (text.charCodeAt(0) > 127 && EMOJI.test(text)) {
      const base = String.fromCodePoint(text.codePointAt(0) ?? 0);
      tokens.push({ text: EMOJI_WORDS[base] ?? (isPersonEmoji(base) ? 'people' : text), quoted, sentence, word: true, negated: false });
      continue;
    }
    const code = text.charCodeAt(0);
    const word = text.length > 1 || (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code > 127 && /[\p{L}\p{N}]/u.test(text));
    // Misspellings are read before negation scopes are drawn; a run-together pair becomes two words.
    const read = word ? respell(text) : undefined;
    if (read !== undefined) {
      for (const part of read) tokens.push({ text: part, quoted, sentence, word, negated: false });
      continue;
    }
    tokens.push({ text, quoted, sentence, word, negated: false });
    if (SENTENCE_END.has(text)) {
      sentence++;
      // An unclosed quote ends with its sentence, so one stray mark cannot swallow the whole comment.
      closedBySentence = quoted;
      quoted = false;
    }
  }
  let negationLeft = 0;
  tokens.forEach((token, i) => {
    if (SCOPE_END.has(token.text)) negationLeft = 0;
    token.negated = negationLeft > 0;
    if (negationLeft > 0) negationLeft--;
    // "Why don't we…", "why not…": a suggestion, not a denial.
    const rhetorical = tokens[i - 1]?.text === 'why' || (tokens[i - 2]?.text === 'why' && tokens[i - 1]?.word);
    if (isNegation(token.text, tokens[i + 1]) && !rhetorical) {
      token.negator = true;
      negationLeft = NEGATION_REACH;
    }
  });
  return tokens;
}

// "nothing but vermin", "no better than rats", "not only", "isn't just wrong": these intensify rather than negate.
// "can't wait to": eager, not denying.
const NOT_NEGATING_NEXT = new Set(['but', 'more', 'less', 'better', 'short', 'only', 'just', 'merely', 'doubt', 'wonder', 'matter', 'wait']);

/** A quoted word after the negation is what it denies: "It is not 'just a joke'". */
function isNegation(word: string, next: Token | undefined): boolean {
  if (!(NEGATIONS.has(word) || word.endsWith("n't"))) return false;
  return next === undefined || next.quoted || !NOT_NEGATING_NEXT.has(next.text);
}

export function isWord(token: Token | undefined): boolean {
  return token !== undefined && token.word;
}
