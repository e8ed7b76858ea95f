/**
 * A people named as the victims of what was done, read at `assess()` time only (round 14; never a learned
 * feature): "Armenians were driven out of Karabakh in a matter of days", "Thousands of Rohingya have been
 * killed". The learned identity head reads the people and the harm together as an attack on them. Where a
 * people is the subject of a harm in the past passive ("were", "was", "have been", "had been" and a harm
 * done), and nothing in the text approves of it, wishes more of it, insults or attacks anyone, the learned scores
 * are capped like counter-speech. Rule findings still lift ("… and good riddance" approves; "should be
 * driven out again" wishes). Since round 17 also a people as the object of what others do to it, its doers
 * condemned ("People who attack Muslims make me sick", "Those who harass Jews disgust me"): the condemning
 * words are then about the doers, and only praise of them keeps the learned scores.
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

/** Those who do harm, as the subject of "who …": "people who attack", "anyone who harasses". */
const DOERS = new Set(['people', 'those', 'anyone', 'anybody', 'whoever', 'men', 'lads', 'guys', 'thugs', 'someone', 'somebody', 'idiots', 'cowards']);
const HARMING = new Set(`attack attacks attacked harass harasses harassed abuse abuses abused target targets targeted assault assaults
  assaulted threaten threatens threatened beat beats bully bullies bullied intimidate intimidates intimidated insult insults
  insulted spit spits spat kill kills killed murder murders murdered stab stabs stabbed shoot shoots shot lynch lynched
  chase chases chased burn burns burned burnt firebomb firebombed`.split(/\s+/));
/** What may stand between the harm and the people it is done to: "spat at", "beat up those", "chased the". */
const BEFORE_OBJECT = new Set(['at', 'on', 'up', 'the', 'those', 'these', 'some', 'all']);
/** Praise of the doers: "People who attack Muslims are heroes". */
const PRAISED = new Set(['right', 'hero', 'heroes', 'legend', 'legends', 'brave', 'respect', 'good', 'great', 'deserved', 'deserve', 'deserves', 'fair']);

/**
 * "people who attack Muslims", "anyone who spat at Jews", "whoever beat up those gay lads": a people as the
 * object of a harm others do. Where the people ends, or `i` when there is none.
 */
export function harmDoneBy(tokens: Token[], i: number): number {
  if (!DOERS.has(tokens[i].text)) return i;
  const verb = tokens[i + 1]?.text === 'who' ? i + 2 : tokens[i].text === 'whoever' ? i + 1 : -1;
  if (verb < 0 || !HARMING.has(tokens[verb]?.text ?? '')) return i;
  let object = verb + 1;
  while (object < verb + 3 && BEFORE_OBJECT.has(tokens[object]?.text ?? '') && groupAt(tokens, object) === object) object++;
  const end = groupAt(tokens, object);
  return end > object ? end : i;
}

export function victimsReported(tokens: Token[]): boolean {
  const doersCondemned = tokens.some((token, i) => !token.negated && harmDoneBy(tokens, i) > i);
  if (doersCondemned && !tokens.some((token) => PRAISED.has(token.text) && !token.negated)) return true;
  // "… kicked out of the site, those dirty scum": an insult or an attack word of the writer's own.
  if (tokens.some((token) => APPROVING.has(token.text) || INSULTS.has(token.text) || DEHUMANISING.has(token.text) || NEGATIVE_ATTRIBUTES.has(token.text))) return false;
  return tokens.some((token, i) => !token.negated && harmDoneTo(tokens, i));
}
