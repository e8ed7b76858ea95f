/**
 * Readable slugs in any alphabet. `unicode` keeps the words as written (lower case: `泱泱大国`,
 * `ışık-yılı`); `ascii` spells Latin, Greek and Cyrillic letters in plain a–z (`isik-yili`), and keeps
 * scripts without a spelling here (Chinese, Japanese, Arabic…) as they are, rather than drop them.
 */
export type SlugStyle = 'unicode' | 'ascii';

/** Letters (lower-case where the script has case), combining marks and digits of any script. */
const WORD_CHAR = '\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}';
export const SLUG_PATTERN = new RegExp(`^[${WORD_CHAR}]+(?:-[${WORD_CHAR}]+)*$`, 'u');
const NOT_WORD = new RegExp(`[^${WORD_CHAR}]+`, 'u');

const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŋ: 'ng', ħ: 'h', ĸ: 'k', ŀ: 'l', ſ: 's', ŧ: 't',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz',
};
const SPELLED: Record<string, string> = { ...LATIN, ...GREEK, ...CYRILLIC };

/** Lower case in the Unicode sense, with Turkish's dotted capital İ read as i rather than i + a dot. */
function lower(text: string): string {
  return text.replace(/İ/g, 'i').normalize('NFC').toLowerCase().normalize('NFC');
}

function spellAscii(text: string): string {
  // Spelled before accents are stripped: й and ї are letters of their own, not и and і with a mark.
  const spelled = [...lower(text)].map((char) => SPELLED[char] ?? char).join('');
  return [...spelled.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')].map((char) => SPELLED[char] ?? char).join('').normalize('NFC');
}

/** A slug from a title in the given style, at most `max` characters, cut at a word; '' when it has no letters or digits. */
export function slugFrom(title: string, style: SlugStyle, max = 80): string {
  const text = (style === 'ascii' ? spellAscii(title) : lower(title)).replace(/['’ʼ]/g, '');
  const words = text.split(NOT_WORD).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  if (slug || !words[0]) return slug;
  // One word longer than the limit: cut it between characters, never inside one.
  let cut = '';
  for (const char of words[0]) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}

export function isSlug(text: string, maxLength: number): boolean {
  return text.length <= maxLength && SLUG_PATTERN.test(text) && text === text.normalize('NFC');
}
