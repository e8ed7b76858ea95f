import type { Head } from '../model.js';
import * as V from './augment-vocab.js';
import { generateCivil } from './augment-civil.js';

/**
 * Training-time examples generated from templates written for this project. The public sets hold few
 * threats, dehumanising comparisons, counter-speech or civil political argument; these fill the gap
 * with the same frames on both sides (hate and its negation or condemnation), so the model has to learn
 * the words that matter rather than the register.
 */
export interface Generated {
  text: string;
  labels: Partial<Record<Head, number>>;
}

interface Family {
  name: string;
  count: number;
  labels: Partial<Record<Head, number>>;
  templates: string[];
}

const HATE = { toxicity: 1, identity_attack: 1, threat: 0 };
const THREAT_AT_GROUP = { toxicity: 1, identity_attack: 1, threat: 1 };
const THREAT_AT_PERSON = { toxicity: 1, identity_attack: 0, threat: 1 };
const INSULT = { toxicity: 1, identity_attack: 0, threat: 0 };
const CIVIL = { toxicity: 0, identity_attack: 0, threat: 0 };
const MILD = { toxicity: 0.15, identity_attack: 0, threat: 0 };
/** Rude about a group that is not a people or identity ("politicians are parasites"): not hate. */
const RUDE_NOT_HATE = { toxicity: 0.35, identity_attack: 0, threat: 0 };

export const FAMILIES: Family[] = [
  { name: 'dehumanising', count: 1600, labels: HATE, templates: [
    '{G} are {DH}.', '{G} are nothing but {DH}.', 'All {G} are {DH} and everyone knows it.', 'Those {A} {DH} are ruining everything.',
    'The {A} {DH} should go back where they came from.', '{G} breed like {DH}.', '{G} are like {DH}, they spread everywhere.',
    'Honestly {G} are just {DH} in human form.', 'I see the {A} {DH} are at it again.', '{G}? Filthy {DH}, every one of them.',
    '{G} are not human, they are {DH}.', 'Another day, another crime by {A} {DH}.', 'Why do we let {DH} like {G} into our country?',
    'you can smell the {A} {DH} from miles away', 'the {A} {DH} are multiplying', '{A} {DH} everywhere in this city now',
    'Typical {A} {DH}.', 'they are {DH}, those {G}', 'those people are {DH}', '{G} are the {DH} of Europe.',
  ] },
  { name: 'hate', count: 1600, labels: HATE, templates: [
    'I hate {G}.', 'I hate {G} so much.', "I really can't stand {G}.", 'I despise all {G}.', '{G} are {ATTR}.', '{G} are a plague on this country.',
    '{G} are all {ATTR}.', '{G} make me sick.', 'Never trust {G}.', '{G} are the worst, all of them.', '{G} have no place in a civilised society.',
    '{G} are fucking {ATTR}.', 'I fucking hate {G}.', 'I think {G} are {ATTR}.', 'In my opinion {G} are {ATTR}.', 'Why are {G} so {ATTR}?',
    '{G} are ruining this country and should all leave.', '{G} only come here to steal and cheat.', "It's a fact that {G} are {ATTR}.",
    'Just admit it, {G} are {ATTR}.', 'No {S} can ever be trusted.', 'Every {S} I have met was {ATTR}.', '{G} should not be allowed to vote.',
    '{G} do not deserve any rights.', 'we would be better off without {G}', '{G} are a danger to our children.',
    'We believe {G} are {ATTR}.', 'I honestly think {G} are {DH}.', 'Everyone knows {G} are {ATTR}, it is not a myth.',
  ] },
  { name: 'threat-group', count: 1400, labels: THREAT_AT_GROUP, templates: [
    'We should {V} them all.', '{V} them one by one.', 'Liquidate them one by one.', 'We should gas them all.', '{G} should be {VD}.',
    '{G} deserve to die.', 'Death to {G}!', 'Someone should {V} every last one of those {G}.', 'Line the {G} up and {V} them.',
    'The only good {S} is a dead {S}.', 'Round up the {G} and {V} them.', "Let's {V} the {G} before it is too late.", 'I hope all {G} die.',
    '{G} must be wiped out.', 'Exterminate the {A} vermin.', 'all {G} should be {VD}, no exceptions', 'time to {V} the {G}',
    'we need to {V} all {G}', 'The {G} will be {VD} one by one.', '{V} every {S} you see.', '{G} need to be {VD} like the animals they are.',
  ] },
  { name: 'doom-and-confinement', count: 900, labels: THREAT_AT_GROUP, templates: [
    '{G} should be beaten in the street.', '{G} will hang for what they did.', 'Every one of those {G} should rot.', '{G} deserve to be whipped.',
    'Shoot the {G} on sight.', '{G} on our streets should be shot on sight.', 'Put the {G} down like dogs.', '{G} should be put in camps.',
    '{G} belong in cages.', 'Lock the {G} in cages where they belong.', '{G} will burn, mark my words.', 'The {G} ought to swing from a rope.',
    'Round up the {G} and put them in camps.', '{G} must be caged.', 'Herd the {G} into camps and be done with it.', '{A} scum belong in a zoo.',
    'I want to see {G} beaten bloody.', 'Beat every {S} you meet.', 'someone should teach those {G} a lesson with a baseball bat',
  ] },
  { name: 'violence-news', count: 900, labels: CIVIL, templates: [
    '{G} have been {VD} by the hundreds in {CITY}, the UN says.', '{G} will be {VD} if the offensive on {CITY} continues, aid groups warn.',
    'Thousands of {G} were sent to camps during the war.', 'Historians estimate that {N} thousand {G} were {VD}.', '{G} have suffered under {P} for years.',
    'Will {G} be safe if {C} wins the war?', '{G} belong in our community as much as anyone.', 'Many {G} fear they will be {VD} if they go back to {C}.',
    'The report documents how {G} were beaten and tortured in detention.', 'If the aid stops, {G} in {CITY} will starve.',
    'The camps where {G} were held are now a museum.', '{G} have been targeted by hate crimes in {CITY}, police say.',
    'No {S} should fear being beaten for who they are.', 'Nobody deserves to be {VD}, not even the {G} who started this war.',
  ] },
  { name: 'threat-person', count: 900, labels: THREAT_AT_PERSON, templates: [
    'I will {V} you.', "I'm going to {V} you and your family.", 'If I see you I will {V} you.', 'You deserve to be {VD}.', 'Kill yourself.',
    'I hope you die.', 'Someone should {V} the author.', 'The journalist who wrote this should be {VD}.', 'Hang the traitors from the lampposts.',
    'We know where you live and we will {V} you.', 'you should be {VD} for writing this', '{L} should be {VD} in the town square.',
    'go die in a ditch', 'Every one of these traitors should be {VD}.', 'I will find you and {V} you.',
  ] },
  { name: 'insult', count: 900, labels: INSULT, templates: [
    'You are an {INS}.', 'Shut up, you {INS}.', 'What a pathetic {INS} you are.', 'Only an {INS} would write this.', 'The author is a complete {INS}.',
    'You fucking {INS}.', 'Go fuck yourself.', 'Fuck you and your article.', "You're too stupid to understand anything.", 'Nobody cares about your opinion, {INS}.',
    'Are you really this dumb or just pretending?', 'Typical brainless {INS} comment.', 'You {INS}, read the article before commenting.',
  ] },
  { name: 'news-comment-abuse', count: 900, labels: INSULT, templates: [
    'Anyone who voted for {P} is an {INS}.', 'What an ignorant, stupid comment.', 'You clearly have no brain at all.', 'The author is a hack and an {INS}.',
    '{L} is a lying {INS} and everyone knows it.', 'Shut your mouth, nobody asked you.', 'People like you are the problem, you {INS}.',
    'Stupid people like you should not be allowed to vote.', 'Crawl back under your rock, {INS}.', 'Only a complete {INS} would believe {L}.',
    'Your comment is the dumbest thing I have read all week.', '{P} are a pack of lying {INS}s.', 'This so-called journalist is a pathetic {INS}.',
    'Get a brain, {INS}.', 'Are all of {P} this stupid or only the ones in charge?', 'Go away, troll, and take your idiotic opinions with you.',
    "You're an embarrassment to this city, you {INS}.", 'What a moronic take from a moronic paper.',
  ] },
  { name: 'civil', count: 3600, labels: CIVIL, templates: [
    'I strongly disagree with {L} on {T}.', '{P} have no credible plan for {T}, and it shows.', '{C} should negotiate a ceasefire before more people die.',
    '{N} civilians were killed when shells hit {CITY} last night.', 'Soldiers shot three protesters in {CITY}, witnesses said.', 'The regime executed {N} prisoners last year, according to the report.',
    '{A} forces bombed a hospital in {CITY}; the UN called it a war crime.', 'Sanctions on {C} have hurt ordinary people more than the elite.',
    'Many {G} I know are against the war.', '{G} in {CITY} held a vigil for the victims.', '{A} officials rejected the proposal on Tuesday.',
    'The {A} government has a terrible human rights record.', 'I disagree with {A} foreign policy, but the article is one-sided.', '{G} have suffered enormously in this conflict.',
    'As a {S}, I find this piece unfair and badly researched.', '{R} has been used to justify terrible things, but so has nationalism.', 'This is the worst budget in decades and {L} should resign.',
    '{L} lied about {T} and should be held accountable.', 'The war is a catastrophe and both sides share the blame.', 'I hate this war and everything it has done to {CITY}.',
    'Arming {C} will only prolong the killing.', 'Without more weapons {C} will lose, and then what?', 'The headline is misleading: the attack killed soldiers, not civilians.',
    'Both {G} and {G2} deserve to live in peace.', 'My grandparents were {G} who fled {CITY} in 1944.', 'The article ignores what {P} did in {CITY}.',
    'What a disgraceful decision by {P}.', 'Frankly {P} are incompetent and should be voted out.', 'This policy will destroy the economy of {C}.',
    'The opposition will crush {P} at the next election.', "{L}'s speech was full of lies, as usual.", 'Religious freedom applies to {G} too.',
    'The bombing of {CITY} was a crime, whoever ordered it.', '{G} and {G2} lived side by side in {CITY} for centuries.', 'I am tired of {T}; nobody is asking what voters want.',
    'Protests against {T} drew thousands of {G} onto the streets.', 'Even {G} are divided over {T}.', 'The number of refugees from {C} has doubled this year.',
    'Who will pay for the reconstruction of {CITY}?', 'Mass graves were found near {CITY}, investigators said.', 'He was hanged in 1946 after the Nuremberg trials.',
    'The gunman shot two people before police arrived.', 'Survivors describe how their families were gassed in the camps.', 'Rats are spreading in the subway and the city must act.',
    'The invasion of {C} was illegal under international law.', '{C} must withdraw its troops from {CITY}.', 'How many more must die before {P} act?',
    'A ceasefire that rewards aggression is no peace at all.', 'I am a {S} and I condemn the attack on {CITY}.', 'The army claims it killed {N} militants, which cannot be verified.',
  ] },
  { name: 'counter-speech', count: 1300, labels: CIVIL, templates: [
    'Saying {G} are {DH} is disgusting.', 'Calling {G} {DH} is how genocide starts.', "Comments like '{G} are {DH}' have no place here.",
    "I'm tired of people calling {G} {DH}.", 'Stop calling {G} {DH}.', 'It is wrong to say {G} should be {VD}.', 'Anyone who says {G} are {ATTR} is spreading hate.',
    'The propaganda that {G} are {DH} was used to justify mass murder.', 'He said {G} are {DH}; that is racist and unacceptable.',
    "Posters saying '{V} them all' are abhorrent.", 'Calls to {V} {G} one by one should be prosecuted.', 'Describing {G} as {DH} is dehumanising.',
    "The phrase '{A} {DH}' is hate speech, plain and simple.", "When you call {G} '{DH}' you sound like a fascist.", 'Referring to {G} as {DH} is shameful.',
    'Chanting that {G} should be {VD} is a crime in this country.', "'{G} are {ATTR}' is a lie that has been repeated for centuries.",
    'If you think {G} are {ATTR}, you should get out more.', 'People who believe {G} are {DH} are bigots.', 'The myth that {G} are {ATTR} was debunked long ago.',
    'I keep hearing that {G} are {ATTR}. It is a lie.', 'Whoever sprayed "{V} the {G}" on the school should be prosecuted.', 'Using the word "{DH}" for {G} is never okay.',
    'I am sick of reading that {G} are {ATTR}.', 'Why do so many still think {G} are {DH}? It is a racist stereotype.',
  ] },
  { name: 'negation', count: 900, labels: CIVIL, templates: [
    "I don't hate {G}.", '{G} are not {DH}.', "{G} aren't {ATTR}.", 'Nobody should {V} {G}.', 'No one deserves to be {VD}, including {G}.',
    'I have never said {G} are {ATTR}.', 'We should not {V} anyone.', "I don't think {G} are {ATTR} at all.", 'No, {G} are not {DH} and never were.',
    "I do not hate {G}, I hate what this war has done.", 'Nobody here wants to {V} {G}.', "{G} are people, not {DH}.",
  ] },
  { name: 'positive', count: 700, labels: CIVIL, templates: [
    'I love {G}.', '{G} are welcome here.', 'My neighbours are {G} and they are lovely people.', 'We are a group of {G} and proud of it.',
    '{G} have contributed so much to this city.', 'As one of the {G} here, I agree with the article.', 'Some of my best colleagues are {G}.',
    '{A} food is the best thing about this neighbourhood.', '{G} deserve the same rights as everyone else.',
  ] },
  { name: 'mild-profanity', count: 600, labels: MILD, templates: [
    '{PO} this is great news.', '{PO} what a result.', '{PO} the minister actually resigned.', 'This is fucking brilliant reporting.',
    'I fucking love this paper.', 'What the hell were {P} thinking?', 'f***ing great news!', 'Damn, that is a good point about {T}.',
    'Holy shit, {N} votes in it.', '{PO} I did not expect that from {P}.', 'shit, I missed the vote', 'Bloody brilliant piece on {T}.',
  ] },
  // Of people who are not a people: rudeness about their character stays mild, but dehumanising
  // them or wishing them violence holds, as toxicity and threat, not as an identity attack.
  { name: 'not-identity', count: 500, labels: RUDE_NOT_HATE, templates: [
    'Lobbyists are {ATTR}.', 'I hate politicians.', 'Tax dodgers are {ATTR}.', '{L} is a {INS} on {T}.', '{P} are a bunch of {INS}s.',
    '{RO} are useless.', '{RO} are the worst.', 'I cannot stand {RO}.', '{RO} are ruining this town.',
  ] },
  { name: 'dehumanising-roles', count: 700, labels: INSULT, templates: [
    '{RO} are {DH}.', '{RO} are nothing but {DH}.', 'All {RO} are {DH}.', 'Politicians are {DH}.', 'Bankers are {DH}, all of them.',
    'Landlords are {DH}.', 'Football hooligans are {DH}.', '{R1} is {DH1}.', 'You are {DH1}.', 'You are nothing but {DH1}.', 'He is {DH1} and always was.',
    '{RO} are {DH} who should be put in a zoo.', 'Spammers are {DH}.',
  ] },
  { name: 'threat-roles', count: 900, labels: THREAT_AT_PERSON, templates: [
    '{RO} should be {VD}.', '{RO} should all be {VD}.', '{RO} are {DH} and should be {VD}.', '{RO} deserve a bullet.', '{RO} deserve to be {VD}.',
    'Someone should {V} the {RO}.', '{V} the {RO}.', "Let's {V} all the {RO}.", 'I hope {RO} die.', 'Death to {RO}!', '{R1} should be {VD}.',
    '{R1} deserves a bullet.', 'Every one of those {RO} should be {VD}.', '{RO} should be run over.', 'I would happily run over {RO}.',
    '{RO} should be lined up and {VD}.', 'Round up the {RO} and {V} them.', 'Time to {V} the {RO}, one by one.',
  ] },
  { name: 'roles-civil', count: 900, labels: CIVIL, templates: [
    '{N} {RO} were injured in the attack, police said.', '{RO} were {VD} during the riots, witnesses said.', '{RO} should be sacked.',
    '{RO} should be held to account.', '{RO} should be prosecuted if they broke the law.', '{RO} should be voted out.', '{R1} should resign.',
    'Nobody should be {VD}, not even {RO}.', 'Saying {RO} should be {VD} is disgusting.', 'Calling {RO} {DH} is lazy and cruel.',
    '{RO} are not {DH}.', '{RO} were shot at by soldiers near {CITY}.', 'Four {RO} were killed when the bridge collapsed.',
    '{RO} have a point about {T}.', '{RO} are angry about {T}, and rightly so.', '{R1} was attacked outside the court last night.',
    'The threats against {RO} must stop.', '{RO} deserve better pay.', 'I disagree with {RO} on {T}, but they should be heard.',
  ] },
  { name: 'not-people', count: 600, labels: CIVIL, templates: [
    'I hate {TH}.', '{TH} is disgusting.', '{TH} is a plague.', 'I could kill for a coffee.', 'That comedian killed it last night.',
    'The bill was killed in committee.', 'We need to kill this bill.', "Let's shoot for a deal by Friday.", 'Gas prices are killing us.',
    'Hang in there, everyone.', 'Cockroaches infested the old hospital.', 'The orcs in the film looked terrible.', 'Pigs and cattle died in the floods.',
    'My dog is smarter than most animals.', 'Rats carry disease, so the council must act.', '{TH} should be banned.', 'I absolutely despise {TH}.',
  ] },
];

/** Small seeded PRNG so a training run is repeatable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place, drawing from `rand`. */
export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [items[k], items[j]] = [items[j], items[k]];
  }
  return items;
}

export function generateExamples(seed = 7, scale = 1): Generated[] {
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const out: Generated[] = [];
  const seen = new Set<string>();
  for (const text of generateCivil(rand, Math.round(4000 * scale))) {
    if (!seen.has(text)) out.push({ text: vary(text, rand), labels: CIVIL });
    seen.add(text);
  }
  for (const family of FAMILIES) {
    const target = Math.round(family.count * scale);
    for (let tries = 0, made = 0; made < target && tries < target * 6; tries++) {
      const text = vary(fill(pick(family.templates), pick, rand), rand);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, labels: family.labels });
      made++;
    }
  }
  return out;
}

function fill(template: string, pick: <T>(list: T[]) => T, rand: () => number): string {
  const group = pick(V.GROUPS);
  let other = pick(V.GROUPS);
  if (other === group) other = V.GROUPS[(V.GROUPS.indexOf(group) + 1) % V.GROUPS.length];
  const slots: Record<string, () => string> = {
    G: () => group.plural, G2: () => other.plural, A: () => group.adjective, S: () => group.singular,
    DH: () => pick(V.DEHUMANISING), ATTR: () => pick(V.ATTRIBUTES), V: () => pick(V.VIOLENCE), VD: () => pick(V.VIOLENCE_DONE),
    INS: () => pick(V.INSULTS), C: () => pick(V.COUNTRIES), CITY: () => pick(V.CITIES), L: () => pick(V.LEADERS), T: () => pick(V.TOPICS),
    P: () => pick(V.PARTIES), R: () => pick(V.RELIGIONS), TH: () => pick(V.THINGS), N: () => String(2 + Math.floor(rand() * 400)),
    PO: () => pick(V.PROFANE_OPENERS), RO: () => pick(V.ROLES), R1: () => pick(V.ROLE_SINGULAR),
    DH1: () => pick(V.DEHUMANISING_ONE),
  };
  const text = template.replace(/\{([A-Z0-9]+)\}/g, (_, slot: string) => slots[slot]?.() ?? slot);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Comments come in every case and punctuation; so should the templates. */
function vary(text: string, rand: () => number): string {
  const roll = rand();
  if (roll < 0.2) return text.toLowerCase();
  if (roll < 0.25) return text.toUpperCase();
  if (roll < 0.4) return text.replace(/[.!]$/, '');
  if (roll < 0.45) return `${text.replace(/[.!]$/, '')}!!`;
  return text;
}
