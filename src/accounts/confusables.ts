import unhomoglyph from 'unhomoglyph';

/**
 * The skeleton of Unicode TR39 (Security Mechanisms, section 4): NFD, each character replaced by its
 * prototype from Unicode's confusables.txt, NFD again. Two strings look alike when their skeletons are
 * equal ('Εddie' with a Greek Ε, 'Editоr' with a Cyrillic о). `unhomoglyph` ships confusables.txt as a
 * source → prototype map and applies it; a skeleton is for comparing, never for display.
 */
export function tr39Skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/** Digits and signs that read as letters in a name ('Ed1t0r'), applied after the TR39 mapping. */
const LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'i', '!': 'i', '|': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't' };

/**
 * A name's skeleton for telling whether one name passes for another: compatibility-folded (fullwidth,
 * ligatures), accents dropped, TR39-mapped across scripts, case-folded, look-alike digits read as
 * letters, and l read as i (TR39 maps I and 1 to l). Mapped again after lower-casing, because a
 * lower-case letter can have a prototype its capital lacks.
 */
export function nameSkeleton(name: string): string {
  const folded = tr39Skeleton(name.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();
  return tr39Skeleton(folded)
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[0-9!|@$]/g, (char) => LOOKALIKES[char] ?? char)
    .replace(/l/g, 'i');
}
