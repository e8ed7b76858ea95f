/**
 * Text folding shared by the word matcher, the classifier and the repeat-post check. It keeps a map from
 * every output character back to the input, so matches can be highlighted in the text as written.
 */
export interface Folded {
  text: string;
  /** `origin[i]` is the index in the input of output character `i`. */
  origin: number[];
}

const COMBINING = /\p{M}/u;
const LETTER = /\p{L}/u;

// Digits and symbols that stand for letters, read only inside a word that has real letters too, so
// "ok 455" stays digits while "a55", "sh1t" and "b!tch" are read as letters.
const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's', '!': 'i', '€': 'e', '¡': 'i', '|': 'l', '+': 't',
};
/** Ordinals, decades and units: digits in them are numbers, not letters. */
const NUMERIC_WORD = /^\d+(?:st|nd|rd|th|s|am|pm|k|m|bn|km|kg|mm|cm|ft|mph|kmh|gb|mb|hz|x|v|d|g|p)?$|^(?:mp|covid|g|f|b|su|tu|mig|t|a|p|c|h|e|u|s)-?\d+$/i;

const foldedChars = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

/** Unicode compatibility forms and diacritics folded to plain lower-case letters, one char at a time. */
export function foldChars(input: string): Folded {
  // Most comments are plain ASCII: lower-cased in one call, each character its own origin.
  if (ASCII.test(input)) {
    const origin: number[] = [];
    for (let i = 0; i < input.length; i++) origin.push(i);
    return { text: input.toLowerCase(), origin };
  }
  let text = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of input) {
    const code = char.charCodeAt(0);
    // Plain ASCII is most of every comment: lower-case it without the Unicode machinery.
    if (code < 128) {
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
      origin.push(index);
      index++;
      continue;
    }
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      folded = '';
      for (const part of char.normalize('NFKD')) if (!COMBINING.test(part)) folded += part.toLowerCase();
      if (foldedChars.size < 10_000) foldedChars.set(char, folded);
    }
    text += folded;
    for (let k = 0; k < folded.length; k++) origin.push(index);
    index += char.length;
  }
  return { text, origin };
}

/**
 * Undoes the common tricks used to slip words past a filter: letters spaced or dotted apart
 * ("f u c k", "f.u.c.k"), digits and symbols inside words ("sh1t") — while leaving real numbers alone.
 */
export function deobfuscate(input: string): Folded {
  const folded = foldChars(input);
  const joined = joinSpacedLetters(folded);
  return readLeetInWords(joined);
}

// Three or more single letters split by the same spaces or punctuation: "f u c k", "f.u.c.k", "f-u-c-k";
// the same separator throughout, so "a U.S. citizen" stays as it is.
const SPACED = /(?<![\p{L}\p{N}])\p{L}([\s.\-_*·,'"~]{1,3})\p{L}(?![\p{L}\p{N}])(?:\1\p{L}(?![\p{L}\p{N}]))+/gu;

function joinSpacedLetters(input: Folded): Folded {
  const matches = [...input.text.matchAll(SPACED)];
  if (matches.length === 0) return input;
  let text = '';
  const origin: number[] = [];
  let last = 0;
  for (const match of matches) {
    const start = match.index ?? 0;
    copy(input, last, start, (char, from) => {
      text += char;
      origin.push(from);
    });
    for (let i = start; i < start + match[0].length; i++) {
      const char = input.text[i];
      if (LETTER.test(char)) {
        text += char;
        origin.push(input.origin[i]);
      }
    }
    last = start + match[0].length;
  }
  copy(input, last, input.text.length, (char, from) => {
    text += char;
    origin.push(from);
  });
  return { text, origin };
}

function copy(input: Folded, from: number, to: number, emit: (char: string, origin: number) => void): void {
  for (let i = from; i < to; i++) emit(input.text[i], input.origin[i]);
}

const HAS_LEET = /[0-9@$!€¡|+]/;
/** A run without spaces, read for leet when it holds a digit or symbol (`HAS_LEET`). */
const RUN = /\S+/g;

function readLeetInWords(input: Folded): Folded {
  if (!HAS_LEET.test(input.text)) return input;
  let text = input.text;
  for (const match of input.text.matchAll(RUN)) {
    const word = match[0];
    if (!HAS_LEET.test(word)) continue;
    // "$" and "@" stick to a word as letters; a trailing "!" or "." is punctuation.
    const core = word.replace(/^[^\p{L}\p{N}$@]+|[^\p{L}\p{N}$@]+$/gu, '');
    if (!LETTER.test(core) || NUMERIC_WORD.test(core)) continue;
    const start = (match.index ?? 0) + word.indexOf(core);
    // Same length in and out, so the origin map still holds.
    text = text.slice(0, start) + readSegments(core) + text.slice(start + core.length);
  }
  return { text, origin: input.origin };
}

/**
 * Ids, codes and prices are read part by part ("r1-c1-480", "AB-480", "ISO9001"): a part with no letter,
 * or with more digits than letters, is a number, so "480" never becomes a slur; "sh1t", "n1gg3r" and
 * "a$$" still read as letters.
 */
function readSegments(core: string): string {
  return core.replace(/[^\-_/.:#,+]+/g, (part) => {
    const digits = part.replace(/[^0-9]/g, '').length;
    const letters = part.replace(/[^\p{L}$@!€¡|]/gu, '').length;
    if (!LETTER.test(part) || digits > letters || NUMERIC_WORD.test(part)) return part;
    let read = '';
    for (const char of part) read += LEET[char] ?? char;
    return read;
  });
}

/** For repeat-post detection: case, spacing, punctuation and stretched letters do not make a new text. */
export function normaliseForComparison(text: string): string {
  return foldChars(text)
    .text.replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(.)\1+/gu, '$1')
    .trim();
}
