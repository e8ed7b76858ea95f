import { DEHUMANISING, HATE_VERBS, INSULTS, NEGATIVE_ATTRIBUTES, PROFANITY, SECOND_PERSON, VIOLENCE } from './lexicon.js';
import { EXCLUSION, FIRST_PERSON, GENERALISING, IN_GROUP, NEGATIVE, OTHERING } from './lexicon-attitude.js';
import { isRoleNoun } from './lexicon-targets.js';
import { readsAsAttackAt } from './rule-helpers.js';
import { groupAt, type RuleResult } from './rules.js';
import type { Token } from './tokens.js';

/** Word classes a token can belong to, for counting and for "near a group" interactions. */
type Attack = 'neg' | 'dehum' | 'viol' | 'insult' | 'prof' | 'hate' | 'excl' | 'fedup';

const REACH = 5;

function attacksOf(word: string): Attack[] {
  const out: Attack[] = [];
  if (NEGATIVE.has(word) || NEGATIVE_ATTRIBUTES.has(word)) out.push('neg');
  if (DEHUMANISING.has(word)) out.push('dehum');
  if (VIOLENCE.has(word)) out.push('viol');
  if (INSULTS.has(word)) out.push('insult');
  if (PROFANITY.has(word)) out.push('prof');
  if (HATE_VERBS.has(word)) out.push('hate');
  if (EXCLUSION.has(word)) out.push('excl');
  return out;
}

/**
 * Dense features that do not depend on which words a source happens to use: log-counts of word classes
 * and "target + attack" pairs (a group noun, "they" or "you" within a few words of a negative,
 * dehumanising, violent or abusive word, in the same sentence), split by negation. Counts are not scaled
 * by length, so one insult in a long comment still counts.
 */
export function lexicalFeatures(tokens: Token[], rules: RuleResult, hints: { slurs: number; profanity: number }): [string, number][] {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const words: { text: string; sentence: number; negated: boolean; quoted: boolean; group: boolean; attacks: Attack[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.word) continue;
    const group = groupAt(tokens, i) > i;
    // "cancer patients", "worst affected": no attack in a longer noun or a state. "Sick of" is a class of
    // its own: weariness of the subject ("Ukrainians are sick of war") or hostility to what follows.
    const attacks = readsAsAttackAt(tokens, i) ? attacksOf(token.text) : token.text === 'sick' ? ['fedup' as const] : [];
    words.push({ text: token.text, sentence: token.sentence, negated: token.negated, quoted: token.quoted, group, attacks });
  }
  const pairs = new Set<string>();
  words.forEach((word, i) => {
    for (const attack of word.attacks) bump(`n:${attack}${word.negated ? ':neg' : ''}`);
    if (word.group) bump('n:group');
    else if (isRoleNoun(word.text)) bump('n:role');
    if (OTHERING.has(word.text)) bump('n:they');
    if (IN_GROUP.has(word.text)) bump('n:we');
    if (SECOND_PERSON.has(word.text)) bump('n:you');
    if (FIRST_PERSON.has(word.text)) bump('n:i');
    if (GENERALISING.has(word.text)) bump('n:general');
    const target = word.group ? 'group' : OTHERING.has(word.text) ? 'they' : SECOND_PERSON.has(word.text) ? 'you' : isRoleNoun(word.text) ? 'role' : undefined;
    if (!target) return;
    for (let k = Math.max(0, i - REACH); k <= Math.min(words.length - 1, i + REACH); k++) {
      const other = words[k];
      if (k === i || other.sentence !== word.sentence) continue;
      for (const attack of other.attacks) {
        pairs.add(`p:${target}~${attack}${other.negated ? ':neg' : ''}${other.quoted || word.quoted ? ':q' : ''}`);
      }
      if (target === 'group' && GENERALISING.has(other.text)) pairs.add('p:group~general');
    }
  });
  const out: [string, number][] = [];
  for (const [name, count] of counts) out.push([name, Math.log2(1 + count)]);
  for (const name of pairs) out.push([name, 1]);
  if (hints.slurs > 0 && rules.groups > 0) out.push(['p:slur+group', 1]);
  return out;
}
