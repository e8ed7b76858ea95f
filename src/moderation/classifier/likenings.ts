/**
 * A people likened to vermin or disease in the writer's own words where the rules' "[people] are
 * [vermin]" does not reach, read at `assess()` time only (round 12): a simile ("come over the border like
 * cockroaches", "multiply like fruit flies"), a copula further on ("they're locusts", "are all the same,
 * soulless worker ants"), a compound ("a parasite class"), breeding talk ("they are outbreeding us"), and
 * two antisemitic codes ("(((them)))", "happy merchant"). Literal animals and diseases near a people ("the
 * locust plague left Somali herders with nothing") have no likening word before them and are not read.
 */
import type { RuleName } from './floors.js';
import { DEHUMANISING } from './lexicon.js';
import { CLAUSE_TURN, assessedFinding, groupAt, readsAsAttackAt, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Vermin and disease the learned lexicon lacks (it is a learned feature, so it stays as trained). */
const MORE_VERMIN = new Set(['ants', 'flies', 'fleas', 'bedbugs', 'mosquitoes', 'germs', 'contagion', 'measles', 'gangrene', 'infection', 'swarm', 'swarms', 'weeds']);
const likens = (word: string) => DEHUMANISING.has(word) || MORE_VERMIN.has(word);

/** A faith named as its people: "Islam is spreading like a cancer". */
const FAITHS = new Set(['islam', 'judaism']);
const COPULAS = new Set(['are', 'is', "they're", 'theyre', 'were', 'be', 'being', 'become']);
const SUBJECTS = new Set(['they', 'them', 'these', 'those', 'all', 'most', 'every']);
/** Nouns that make the vermin word a kind of people: "a parasite class" ("an infestation of [people]" the rules read). */
const AS_PEOPLE = new Set(['class', 'horde', 'hordes', 'race', 'breed']);
const BREEDING = new Set(['outbreeding', 'outbreed', 'outbreeds', 'outbred']);
/** Vermin's verbs said of a people: "migrants swarming over the fences", "crawling with Pakistanis". */
const VERMIN_VERBS = new Set(['swarming', 'swarmed', 'infesting', 'infested', 'crawling', 'overrun', 'overrunning']);

const cue = (word: string) => likens(word) || BREEDING.has(word) || VERMIN_VERBS.has(word) || word === '(' || word === 'happy';

export function findLikenings(tokens: Token[], condemned: readonly boolean[]): Located[] {
  // Most comments name no vermin at all: one lookup a word, and nothing else is read.
  if (!tokens.some((token) => cue(token.text))) return [];
  const peopleIn = sentencesNamingAPeople(tokens);
  const found: Located[] = [];
  // The writer's own likening condemned ("Calling them cockroaches, like he did, is vile") is no likening.
  const push = (rule: RuleName, from: number, to: number) => {
    const finding = assessedFinding(tokens, condemned, rule, from, to);
    if (finding) found.push(finding);
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (!cue(token.text) || token.quoted || (token.negated && !negationClosed(tokens, k))) continue;
    if (token.text === '(' && tokens[k + 1]?.text === '(' && tokens[k + 2]?.text === '(') push('coded-antisemitism', k, Math.min(tokens.length, k + 4));
    if (token.text === 'happy' && tokens[k + 1]?.text === 'merchant') push('coded-antisemitism', k, k + 2);
    if (!peopleIn.has(token.sentence)) continue;
    if (BREEDING.has(token.text)) push('people-likened', k, k + 1);
    if (VERMIN_VERBS.has(token.text) && nearAPeople(tokens, k)) push('people-likened', k, k + 1);
    if (!likens(token.text) || !readsAsAttackAt(tokens, k)) continue;
    const from = likeningBefore(tokens, k);
    if (from >= 0) push('people-likened', from, k + 1);
    else if (AS_PEOPLE.has(tokens[k + 1]?.text ?? '')) push('people-likened', k, k + 2);
  }
  return found;
}

const CLAUSE_OPENERS = new Set(['who', 'which', 'how', 'what', 'where', 'when', 'why']);

/** Where the likening of the word at `k` starts: "like" up to four words before, or a copula with a people or "they" as subject. */
function likeningBefore(tokens: Token[], k: number): number {
  const { sentence } = tokens[k];
  for (let j = k - 1; j >= Math.max(0, k - 8) && tokens[j].sentence === sentence; j--) {
    const word = tokens[j].text;
    // "Females is how you describe animals": a clause of its own between, whose subject is someone else.
    if (CLAUSE_TURN.has(word) || CLAUSE_OPENERS.has(word)) return -1;
    if ((word === 'like' || word === 'than') && k - j <= 4) return j;
    if (!COPULAS.has(word)) continue;
    if (word === "they're" || word === 'theyre') return j;
    for (let s = j - 1; s >= Math.max(0, j - 3) && tokens[s].sentence === sentence; s--) {
      if (SUBJECTS.has(tokens[s].text) || groupAt(tokens, s) > s || FAITHS.has(tokens[s].text)) return s;
    }
  }
  return -1;
}

/**
 * Sentences that name a people; the next one when it goes on about "they", or when the people was named
 * alone ("Refugees? More like a parasite class").
 */
function sentencesNamingAPeople(tokens: Token[]): Set<number> {
  const named = new Set<number>();
  const length = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    length.set(tokens[i].sentence, (length.get(tokens[i].sentence) ?? 0) + 1);
    if (groupAt(tokens, i) > i || FAITHS.has(tokens[i].text)) named.add(tokens[i].sentence);
  }
  for (const token of tokens) {
    const before = token.sentence - 1;
    if (named.has(before) && (['they', 'them', "they're", 'their'].includes(token.text) || (length.get(before) ?? 0) <= 3)) named.add(token.sentence);
  }
  return named;
}

/** A people within three words either side: "migrants swarming", "crawling with Pakistanis". */
function nearAPeople(tokens: Token[], k: number): boolean {
  for (let j = Math.max(0, k - 3); j <= k + 3 && j < tokens.length; j++) {
    if (j !== k && tokens[j].sentence === tokens[k].sentence && groupAt(tokens, j) > j) return true;
  }
  return false;
}

/** "They aren't refugees, they're locusts": a comma after the negator ends what it denies. */
function negationClosed(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && tokens[j].sentence === tokens[k].sentence; j--) {
    if (tokens[j].negator) return false;
    if (tokens[j].text === ',') return true;
  }
  return false;
}
