import {
  collapseDuplicatesTransformer,
  createStatefulTransformer,
  resolveConfusablesTransformer,
  toAsciiLowerCaseTransformer,
  type SimpleTransformerContainer,
  type StatefulTransformerContainer,
} from 'obscenity';

// Leetspeak is read by `deobfuscate` only inside words with letters, so obscenity's own leetspeak
// transformer (which turns "ok 455" into "ok ass") is left out on purpose.
/** Letters that may stay doubled ("boob", "feel", "ass"); any other run collapses to one letter. */
export const DOUBLE_LETTERS = new Map([['b', 2], ['e', 2], ['o', 2], ['l', 2], ['s', 2], ['g', 2], ['z', 2]]);

/** A listed word or pattern as the matcher will see text: runs of letters collapsed the same way, or it never matches. */
export function collapseRuns(word: string): string {
  return word.replace(/(.)\1+/g, (run, char: string) => char.repeat(Math.min(run.length, DOUBLE_LETTERS.get(char) ?? 1)));
}

interface Collapse {
  defaultThreshold: number;
  customThresholds: Map<string, number>;
}

const BLACKLIST_STEPS = (): SimpleTransformerContainer[] => [resolveConfusablesTransformer(), toAsciiLowerCaseTransformer()];
const BLACKLIST_COLLAPSE: Collapse = { defaultThreshold: 1, customThresholds: DOUBLE_LETTERS };
const WHITELIST_STEPS = (): SimpleTransformerContainer[] => [toAsciiLowerCaseTransformer()];
const WHITELIST_COLLAPSE: Collapse = { defaultThreshold: Number.POSITIVE_INFINITY, customThresholds: new Map([[' ', 1]]) };

/** What the listed words are matched in: confusables resolved, lower case, runs of a letter collapsed. */
export const BLACKLIST_TRANSFORMERS = [fused(BLACKLIST_STEPS(), BLACKLIST_COLLAPSE)];
/** What the allowed words are found in: lower case, runs of spaces collapsed. */
export const WHITELIST_TRANSFORMERS = [fused(WHITELIST_STEPS(), WHITELIST_COLLAPSE)];

/** The same transformers as obscenity composes them, for the test that the fused ones read alike. */
export function unfusedTransformers(): { blacklist: unknown[]; whitelist: unknown[] } {
  return {
    blacklist: [...BLACKLIST_STEPS(), collapseDuplicatesTransformer(BLACKLIST_COLLAPSE)],
    whitelist: [...WHITELIST_STEPS(), collapseDuplicatesTransformer(WHITELIST_COLLAPSE)],
  };
}

/**
 * obscenity's per-character transformers, then its `collapseDuplicatesTransformer`, as one: they run on
 * every character of every comment (the confusables lookup alone was a tenth of a long comment's
 * moderation time), so the per-character steps are one table of the Basic Multilingual Plane, filled as
 * each character is first seen, and the collapse (the same rule as obscenity's) reads its thresholds
 * from an array.
 */
export function fused(steps: SimpleTransformerContainer[], collapse: Collapse): StatefulTransformerContainer {
  const read = lookupTable(steps);
  const custom = new Map([...collapse.customThresholds].map(([char, threshold]) => [char.codePointAt(0) ?? -1, threshold]));
  const ascii = Float64Array.from({ length: 128 }, (_, char) => custom.get(char) ?? collapse.defaultThreshold);
  return createStatefulTransformer(() => {
    let lastChar = -1;
    let remaining = -1;
    return {
      transform(input: number) {
        const char = read(input);
        if (char === undefined) return undefined;
        // A repeat is kept while the run's allowance lasts.
        if (char === lastChar) return remaining-- > 0 ? char : undefined;
        const threshold = char < 128 ? ascii[char] : (custom.get(char) ?? collapse.defaultThreshold);
        remaining = threshold - 1;
        lastChar = char;
        return threshold > 0 ? char : undefined;
      },
      reset() {
        lastChar = -1;
        remaining = -1;
      },
    };
  });
}

function lookupTable(steps: SimpleTransformerContainer[]): (char: number) => number | undefined {
  const UNSEEN = -2;
  const DROPPED = -1;
  const table = new Int32Array(0x10000).fill(UNSEEN);
  const apply = (char: number) => {
    let out: number | undefined = char;
    for (const step of steps) if (out !== undefined) out = step.transform(out);
    return out;
  };
  return (char) => {
    if (char > 0xffff) return apply(char);
    let out = table[char];
    if (out === UNSEEN) out = table[char] = apply(char) ?? DROPPED;
    return out === DROPPED ? undefined : out;
  };
}
