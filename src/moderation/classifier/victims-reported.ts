/**
 * A people named as the victims of what was done, read at `assess()` time only (round 14; never a learned
 * feature): "Armenians were driven out of Karabakh in a matter of days", "Thousands of Rohingya have been
 * killed". The learned identity head reads the people and the harm together as an attack on them. Where a
 * people is the subject of a harm in the past passive ("were", "was", "have been", "had been" and a harm
 * done), and nothing in the text approves of it, wishes more of it, insults or attacks anyone, the learned scores
 * are capped like counter-speech. Rule findings still lift ("… and good riddance" approves; "should be
 * driven out again" wishes).
 */
import { DEHUMANISING, INSULTS, NEGATIVE_ATTRIBUTES, VIOLENCE_DONE } from './lexicon.js';
import { EXCLUSION } from './lexicon-attitude.js';
import { groupAt } from './rule-helpers.js';
import type { Token } from './tokens.js';

const PAST_PASSIVE = new Set(['were', 'was']);
const PERFECT = new Set(['have', 'has', 'had']);
/** Harm done with a particle: "driven out", "forced out", "pushed out", "wiped out". */
const DRIVEN = new Set(['driven', 'forced', 'pushed', 'chased', 'run', 'hounded', 'burned', 'burnt', 'starved', 'wiped', 'thrown']);
const OUT = new Set(['out', 'off', 'from', 'away']);
/** Words that approve of what was done or ask for more of it. */
const APPROVING = new Set(`riddance deserved deserve deserves rightly good finally glad should must again more pity shame wish hope
  needed need needs great brilliant excellent best`.split(/\s+/));

/** "Armenians were driven out", "Rohingya have been killed": a people, then a harm done to them in the past. */
function harmDoneTo(tokens: Token[], i: number): boolean {
  let k = groupAt(tokens, i);
  if (k <= i) return false;
  if (PERFECT.has(tokens[k]?.text ?? '') && tokens[k + 1]?.text === 'been') k += 2;
  else if (PAST_PASSIVE.has(tokens[k]?.text ?? '')) k += 1;
  else return false;
  const done = tokens[k]?.text ?? '';
  return VIOLENCE_DONE.has(done) || EXCLUSION.has(done) || (DRIVEN.has(done) && OUT.has(tokens[k + 1]?.text ?? ''));
}

export function victimsReported(tokens: Token[]): boolean {
  // "… kicked out of the site, those dirty scum": an insult or an attack word of the writer's own.
  if (tokens.some((token) => APPROVING.has(token.text) || INSULTS.has(token.text) || DEHUMANISING.has(token.text) || NEGATIVE_ATTRIBUTES.has(token.text))) return false;
  return tokens.some((token, i) => !token.negated && harmDoneTo(tokens, i));
}
