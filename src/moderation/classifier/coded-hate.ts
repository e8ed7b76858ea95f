/**
 * Hate said in code or in a stock phrase, read at `assess()` time only (round 13; never learned features).
 * The learned heads rank implicit hate and sexism above civil talk of the same people but seldom over the
 * hold threshold: a code-blind writer's implicit hate was 25 of 50 published, sexism 38 of 50. Codes and
 * tropes with one reading are listed here: white-supremacist numbers and slogans ("1488", "13/50", "the
 * great replacement"), antisemitic tropes ("the goyim know", "globalist bankers"), "go back to where you
 * came from", and sexist stock phrases ("a woman's place is in the home", "make me a sandwich"). Quoted,
 * condemned ("Calling her a diversity hire is sexist") or reported and condemned, they are turned as any
 * finding; what only suggests a people's guilt ("let me guess the name") is left to the learned heads.
 */
import type { RuleName } from './floors.js';
import { WIDE_REPORTING } from './lexicon-counter.js';
import { endOfAny, phrases } from './phrase-match.js';
import { assessedFinding, reportedAt, type Located } from './rule-helpers.js';
import type { Token } from './tokens.js';

/** Codes and slogans of organised racism and antisemitism, and telling someone to leave the country. */
const CODES = phrases(`1488 | secure the existence of our people | a future for white children | white genocide |
  great replacement | kalergi | day of the rope | goyim know | jewish question | rootless cosmopolitan |
  rootless cosmopolitans | zionist occupied | dindu | we wuz | jewish lobby | globalist bankers | globalist elite |
  globalist elites | same surnames | it's pattern recognition | its pattern recognition | just pattern recognition |
  diversity hire | diversity hires | dei hire | dei hires | diversity quota | jungle language | remigration |
  go back to where you came from | go back to where they came from | go back to your own country |
  go back to your country | go back to africa | they are not like us | they're not like us | theyre not like us |
  never be like us | check the early life | check his early life | check her early life | check their early life |
  look at the early life | ok groomer | okay groomer | gorillion | gorrillion | goy math | londonistan | eurabia |
  bongo bongo | kung flu | useless eaters | globohomo | 109 countries | ovens are still warm | ovens are warm`);

/**
 * "Groomer" as the smear of gay and trans people: a groom- word in a sentence that names them ("the LGBT
 * crowd are all groomers", "drag story hour is grooming"). Convicted groomers in a court report name no
 * such people.
 */
const GROOMING = new Set(['groomer', 'groomers', 'grooming']);
const QUEER_PEOPLE = new Set(['lgbt', 'lgbtq', 'lgbtq+', 'lgbtqia', 'gay', 'gays', 'trans', 'queer', 'queers', 'lesbian', 'lesbians',
  'homosexual', 'homosexuals', 'bisexual', 'bisexuals', 'transgender', 'non-binary']);
const DRAG_ACTS = new Set(['queen', 'queens', 'story', 'artist', 'artists', 'show', 'shows', 'act', 'acts']);

/** Sexist stock phrases: a woman's place, her body as her worth, "females" as a kind. */
const TROPES = phrases(`woman's place is in the home | woman's place is at home | woman's place is in the kitchen |
  womans place is in the home | womans place is at home | womans place is in the kitchen | back in the kitchen |
  back to the kitchen | make me a sandwich | make me a sammich | on her period | on their period | typical female |
  typical woman | women drivers | woman driver | female driver | slept her way | sleeping her way |
  slept with the boss | on her knees | used goods | women exist to | exist to please men | a real woman knows |
  women are too emotional | too emotional to lead | hysterical women | not bad for a girl | good for a girl |
  pretty for a | smart for a girl | clever for a girl | keep her in line | keep them in line`);

/**
 * Women restricted as a kind: "women can't handle pressure", "girls should learn to cook", "lady referees
 * should stick to netball", "female comedians aren't funny". Their rights and their plight use other
 * verbs ("women shouldn't have to walk home in fear", "women can't get an abortion there").
 */
const WOMEN = new Set(['women', 'woman', 'females', 'girls', 'ladies', 'lady', 'female', 'wives', 'feminists']);
const RESTRICTING = new Set(['should', "shouldn't", 'shouldnt', "can't", 'cant', 'cannot', "aren't", 'arent', 'belong', 'only', 'need', 'must']);
const RESTRICTED_TO = phrases(`be allowed | vote | drive | lead | be in charge | be trusted | handle | stick to | stay home | stay at home |
  stay in the kitchen | learn to cook | know their place | know her place | shut up | be seen | funny | cut out for | good for |
  good at | think logically | understand | do maths | do math | need a man | serve | obey | submit`);

/** The theory named to be refuted, not held: "the great replacement conspiracy theory". */
const NAMED_TO_REFUTE = new Set(['conspiracy', 'myth', 'hoax', 'so-called']);

const FIRST_WORDS = new Set([...CODES.keys(), ...TROPES.keys()]);

export function findCodedHate(tokens: Token[], condemned: readonly boolean[]): Located[] {
  const found: Located[] = [];
  const push = (rule: RuleName, from: number, to: number) => {
    const finding = assessedFinding(tokens, condemned, rule, from, to);
    if (finding) found.push(finding);
  };
  for (let k = 0; k < tokens.length; k++) {
    if (GROOMING.has(tokens[k].text) && !tokens[k].negated && !tokens[k].quoted && namesQueerPeople(tokens, tokens[k].sentence)) push('coded-hate', k, k + 1);
    const restricted = RESTRICTING.has(tokens[k].text) ? womenRestricted(tokens, k) : -1;
    if (restricted > k) push('sexist-trope', k, restricted);
    // One lookup for most words.
    if (!FIRST_WORDS.has(tokens[k].text) || tokens[k].negated) continue;
    const code = endOfAny(tokens, k, CODES);
    if (code > k && !refuted(tokens, k, code) && !(tokens[k].text === '1488' && isYear(tokens, k))) push('coded-hate', k, code);
    const trope = endOfAny(tokens, k, TROPES);
    if (trope > k && (tokens[k].text !== 'on' || earnedBy(tokens, k))) push('sexist-trope', k, trope);
  }
  return found;
}

function namesQueerPeople(tokens: Token[], sentence: number): boolean {
  return tokens.some((token, k) => token.sentence === sentence && (QUEER_PEOPLE.has(token.text) || (token.text === 'drag' && DRAG_ACTS.has(tokens[k + 1]?.text ?? ''))));
}

/** The end of "[women] can't handle …" read at the modal `k`, or -1; its subject named in the three words before. */
function womenRestricted(tokens: Token[], k: number): number {
  let subject = -1;
  for (let j = Math.max(0, k - 3); j < k; j++) if (subject < 0 && tokens[j].sentence === tokens[k].sentence && WOMEN.has(tokens[j].text)) subject = j;
  if (subject < 0 || tokens[subject].negated || tokens[subject].quoted) return -1;
  // "My daughter was told girls can't do maths": what she was told, which the learned heads may still weigh.
  if (reportedAt(tokens, subject, k, WIDE_REPORTING)) return -1;
  for (let j = k + 1; j <= k + 3 && j < tokens.length && tokens[j].sentence === tokens[k].sentence; j++) {
    const end = endOfAny(tokens, j, RESTRICTED_TO);
    if (end > j) return end;
  }
  return -1;
}

const WORK = new Set(['earned', 'role', 'job', 'promotion', 'promoted', 'hired', 'contract', 'career', 'got']);

/** "Bet she earned that role on her knees", not "she was on her knees in the garden". */
function earnedBy(tokens: Token[], k: number): boolean {
  return tokens.slice(Math.max(0, k - 4), k).some((token) => token.sentence === tokens[k].sentence && WORK.has(token.text));
}

const BEFORE_A_YEAR = new Set(['in', 'since', 'from', 'by', 'of', 'year', 'until', 'till', 'to', 'before', 'after', 'around', 'circa', 'c', 'the', 'between']);

/** "In 1488 the city fell": years publish. */
function isYear(tokens: Token[], k: number): boolean {
  return BEFORE_A_YEAR.has(tokens[k - 1]?.text ?? '') || ['ad', 'bc', 'ce', 'and', 'to'].includes(tokens[k + 1]?.text ?? '');
}

/** Named as a theory to refute: "the so-called great replacement", "the great replacement conspiracy". */
function refuted(tokens: Token[], from: number, to: number): boolean {
  const near = tokens.slice(Math.max(0, from - 2), Math.min(tokens.length, to + 2));
  return near.some((token) => NAMED_TO_REFUTE.has(token.text) || (token.text === 'theory' && !token.negated));
}
