import * as V from './augment-vocab.js';

/**
 * Civil, heated comments composed from parts, so the negatives cover the register of political argument
 * and of neutral talk about peoples and faiths — what a model trained on tweets and forums has never seen
 * labelled harmless.
 */
const OPENERS = ['', '', '', 'Honestly, ', 'Frankly, ', 'To be fair, ', 'I think ', 'In my view ', "Let's be clear: ", 'Sadly, ', 'Once again ', 'As usual, ', 'Look, ', 'With respect, ', 'Of course '];
const CRITICAL = [
  'has failed on {T}', 'is wrong about {T}', 'keeps lying about {T}', 'has no plan for {T}', 'should resign over {T}', 'must answer for {T}',
  'is right about {T}', 'deserves credit for {T}', 'made a mess of {T}', 'is playing politics with {T}', 'betrayed its voters on {T}',
  'has been hopeless on {T}', 'is completely out of touch on {T}', 'got {T} badly wrong', 'cannot be trusted on {T}', 'is finally moving on {T}',
  'is hiding the real cost of {T}', 'was warned about {T} years ago', 'wasted billions on {T}', 'should be ashamed of {T}',
];
const CLOSINGS = ['.', '.', '.', ', and everyone knows it.', '. Shameful.', '. Voters will remember.', ' — the numbers prove it.', '. What a mess.', '!', '. Enough is enough.', '?', '. Disgraceful.', '. Good.', ', full stop.', '. I am furious.'];

const GROUP_NOUNS = ['students', 'workers', 'farmers', 'soldiers', 'officials', 'doctors', 'families', 'voters', 'residents', 'community leaders', 'journalists', 'women', 'children', 'pensioners', 'activists', 'clerics', 'refugees', 'veterans', 'businesses', 'writers'];
const NEUTRAL_PREDICATES = [
  'are protesting against {T}', 'are worried about {T}', 'have a point about {T}', 'were evacuated from {CITY}', 'are starving in {CITY}',
  'are being watched by the security services', 'voted against {T}', 'have a right to be heard on {T}', 'marched through {CITY} on Sunday',
  'lost their homes in {CITY}', 'are divided over {T}', 'have lived in {CITY} for generations', 'were the first to help after the earthquake',
  'are angry, and they have every reason to be', 'fought in the war and deserve better', 'are fleeing the fighting', 'celebrated the holiday in {CITY}',
  'are underrepresented in parliament', 'pay the same taxes as everyone else', 'have been ignored for decades', 'are the majority in {CITY}',
  'were killed in the shelling of {CITY}', 'were shot at a checkpoint near {CITY}', 'are mourning the dead', 'built most of the old town',
  'run half the shops on this street', 'are everywhere in this city', 'want peace more than anyone', 'are not a monolith', 'disagree among themselves about {T}',
];
const FAITH_TALK = [
  '{R} teaches forgiveness, which this government seems to have forgotten.', 'I left {R} years ago but I respect people who stay.',
  'The debate about {R} in schools is older than any of us.', '{R} has a long history in {CITY}.', 'Criticising {R} is not the same as attacking believers.',
  'My mother found comfort in {R} during the war.', 'Leaders of {R} called for calm after the attack.', 'The article gets basic facts about {R} wrong.',
];

export function generateCivil(rand: () => number, count: number): string[] {
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const fillSlots = (text: string) =>
    text.replace(/\{T\}/g, () => pick(V.TOPICS)).replace(/\{CITY\}/g, () => pick(V.CITIES)).replace(/\{R\}/g, () => pick(V.RELIGIONS));
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 5; tries++) {
    const roll = rand();
    let text: string;
    if (roll < 0.4) {
      const subject = pick([...V.PARTIES, ...V.LEADERS, ...V.COUNTRIES]);
      text = `${pick(OPENERS)}${subject} ${fillSlots(pick(CRITICAL))}${pick(CLOSINGS)}`;
    } else if (roll < 0.85) {
      const group = pick(V.GROUPS);
      const subject = rand() < 0.5 ? group.plural : `${group.adjective} ${pick(GROUP_NOUNS)}`;
      text = `${pick(OPENERS)}${subject} ${fillSlots(pick(NEUTRAL_PREDICATES))}${pick(['.', '.', '!', ', and that matters.', '. Read the article.', ' and nobody reports it.'])}`;
    } else {
      text = fillSlots(pick(FAITH_TALK));
    }
    text = text.charAt(0).toUpperCase() + text.slice(1);
    out.add(text);
  }
  return [...out];
}
