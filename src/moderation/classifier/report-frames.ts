/**
 * How a report is framed, read at `assess()` time for `counter-speech.ts`: rejected or mocked by the
 * writer ("Stop saying", "Don't tell me", "How can anyone say", "Imagine thinking"), denied inside
 * ("Jews are not parasites") or denied of its speaker ("… have never met one"), and which words count as
 * said against a people.
 */
import { DEHUMANISING, NEGATIVE_ATTRIBUTES, VIOLENCE, VIOLENCE_DONE } from './lexicon.js';
import { EXCLUSION } from './lexicon-attitude.js';
import { judgesTheActAt } from './counter-cues.js';
import { CLAUSE_TURN, groupAt, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

const REJECTABLE = new Set(['say', 'says', 'saying', 'tell', 'telling', 'claim', 'claims', 'claiming', 'pretend', 'pretending', 'call', 'calling', 'believe',
  'thinking', 'believing']);
const IMPERATIVE_LEAD = new Set(['please', 'so', 'and', 'just', 'now', 'oh']);

/**
 * "Stop saying …", "Don't tell me …", "How can anyone say …", "Why do people believe …", "Who says …": a report the writer rejects,
 * right before what it reports in the same clause.
 */
export function rejectedReportBefore(tokens: Token[], from: number): boolean {
  const sentence = tokens[from]?.sentence;
  for (let k = from - 1; k >= Math.max(0, from - 5) && tokens[k].sentence === sentence; k--) {
    if (CLAUSE_TURN.has(tokens[k].text)) return false;
    // "Can we stop with 'the Roma are ruining the high street'?"
    if (tokens[k].text === 'with' && tokens[k - 1]?.text === 'stop') return true;
    if (!REJECTABLE.has(tokens[k].text)) continue;
    const before = tokens[k - 1]?.text;
    // "Stop saying", "Imagine thinking": mocked or stopped.
    if (before === 'stop' || before === 'quit' || before === 'imagine') return true;
    if (before === 'who') return opensClause(tokens, k - 1);
    // "Don't tell me", "Do not say", "Never claim": a negated imperative at the start of its clause.
    let j = k - 1;
    if (before === 'not' && tokens[k - 2]?.text === 'do') j = k - 2;
    if ((tokens[k - 1]?.negator || before === 'never') && opensClause(tokens, j)) return true;
    // "How can anyone say", "How dare you claim", "How could they call", "Why do people still believe".
    const lead = tokens.slice(Math.max(0, k - 4), k).map((token) => token.text);
    if ((lead.includes('how') || lead.includes('why')) && lead.some((word) => ['can', 'could', 'dare', 'do', 'does', 'would'].includes(word))) return true;
  }
  return false;
}

const COPULAS = new Set(['is', 'was', "it's", "that's"]);
const CLAUSE_BREAKS = new Set([',', ';', ':', '-', '—']);

/**
 * "Calling Muslims terrorists is wrong, they are vermin": the report was closed by the writer's verdict on
 * it (a copula, a condemning word, a clause break) before the finding, which is then the writer's own, not
 * part of what was reported. The learned reading counts everything after "calling" in the sentence as
 * reported; a new report after the break ("…, and saying they are vermin is worse") stays one.
 */
export function verdictClosesReport(tokens: Token[], finding: Located, condemned: readonly boolean[], reporting: ReadonlySet<string>): boolean {
  if (tokens.slice(finding.from, finding.to).some((token) => reporting.has(token.text))) return false;
  let closed = false;
  for (let k = finding.from - 1; k >= 0 && tokens[k].sentence === finding.sentence; k--) {
    if (reporting.has(tokens[k].text)) return closed;
    if (!closed && CLAUSE_BREAKS.has(tokens[k].text)) closed = verdictBefore(tokens, k, condemned);
  }
  return false;
}

/** "… is wrong" right before the break at `k`: a copula, then a condemning word not denied. */
function verdictBefore(tokens: Token[], k: number, condemned: readonly boolean[]): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
    if (!condemned[j] || tokens[j].negated) continue;
    for (let c = j - 1; c >= Math.max(0, j - 3); c--) if (COPULAS.has(tokens[c].text)) return true;
  }
  return false;
}

/**
 * "You have to stop calling trans people disgusting": a rejected report of a people and an attack on them, in
 * one clause. Rejecting a denied attack affirms it ("Imagine thinking Muslims aren't a threat"). With no
 * attack word in the claim ("Why do people still believe disabled people are faking it?") the learned model
 * alone read it as hate, and the writer rejects it, unless an attack or a verdict of their own follows.
 */
export function rejectsAttack(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (groupAt(tokens, i) <= i || !rejectedReportBefore(tokens, i)) continue;
    let k = i + 1;
    for (; k < Math.min(tokens.length, i + 7) && tokens[k].sentence === tokens[i].sentence && tokens[k].text !== ','; k++) {
      if (isAttack(tokens[k].text)) return !tokens[k].negated;
    }
    if (!attackAfter(tokens, k) && !saysWhatTheyAre(tokens, k)) return true;
  }
  return false;
}

/** "… They're hopeless": what the writer then says they are is a claim of their own, for the learned model to read. */
function saysWhatTheyAre(tokens: Token[], from: number): boolean {
  return tokens.slice(from).some((token, k, rest) => !token.quoted && (token.text === "they're" || token.text === 'theyre' || (token.text === 'they' && rest[k + 1]?.text === 'are')));
}

/** `i` starts its sentence or clause, allowing "please", "so", "and". */
function opensClause(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && tokens[k].sentence === tokens[i].sentence && IMPERATIVE_LEAD.has(tokens[k].text)) k--;
  return k < 0 || tokens[k].sentence !== tokens[i].sentence || tokens[k].text === ',';
}

/** The finding's own words deny it ("Jews are not parasites"), not only a negation around it. */
export function deniedInside(tokens: Token[], finding: Located): boolean {
  for (let k = finding.from; k < finding.to; k++) if (tokens[k].negator) return true;
  return false;
}


/** "never lie", "are not mistaken": a denial that vouches for the speaker instead. */
const VOUCHING = new Set(['lie', 'lies', 'lying', 'lied', 'wrong', 'mistaken', 'exaggerate', 'exaggerating', 'exaggerated']);

/** A negation from `from` on in sentence `s` that is not a double negative vouching for what was said. */
export function deniedAfter(tokens: Token[], from: number, s: number): boolean {
  for (let k = from; k < tokens.length && tokens[k].sentence === s; k++) {
    if (!tokens[k].negator) continue;
    const next = [tokens[k + 1]?.text, tokens[k + 2]?.text];
    if (!next.some((word) => word !== undefined && VOUCHING.has(word))) return true;
  }
  return false;
}

/** What is said against a people in a report, denial or rejection: beyond the rules' words, threat and exclusion. */
const SAID_AGAINST = new Set(['threat', 'threats', 'danger', 'menace', 'drain', 'groomer', 'groomers', 'predators', 'paedophiles', 'pedophiles']);

export function isAttack(word: string): boolean {
  return DEHUMANISING.has(word) || NEGATIVE_ATTRIBUTES.has(word) || VIOLENCE_DONE.has(word) || VIOLENCE.has(word) || EXCLUSION.has(word) || SAID_AGAINST.has(word);
}

/**
 * An attack word of the writer's own (not negated, not quoted) from `from` on; `except` words do not
 * count, nor a verdict on the reported act ("… is both racist and stupid").
 */
export function attackAfter(tokens: Token[], from: number, except: (word: string) => boolean = () => false): boolean {
  return tokens.slice(from).some((token, j) => !token.negated && !token.quoted && isAttack(token.text) && !except(token.text) && !judgesTheActAt(tokens, from + j));
}
