import type { ModeratorDecision } from './learn.js';

/**
 * A made-up site whose moderators hold a standard the shipped model does not: they remove sweeping
 * attacks on landlords, tourists and cyclists (classes the model does not treat as protected groups)
 * and advertising, and they let through swearing aimed at no one and rough words about public
 * officials, which the shipped model holds about half the time. Deterministic per seed, so tests
 * measure the same thing on every run.
 */
export type SimulatedKind = 'civil' | 'frank' | 'officials' | 'class-attack' | 'spam';

export interface SimulatedComment {
  text: string;
  kind: SimulatedKind;
  /** What this site's moderators decided (a few decisions go the other way, as they do in life). */
  label: 0 | 1;
}

const BODIES = ['council', 'school board', 'harbour authority', "mayor's office", 'planning committee', 'transit agency'];
const DOCS = ['budget', 'minutes', 'audit', 'survey', 'consultation report', 'traffic study'];
const TOPICS = ['the ferry timetable', 'the harbour dredging', 'bus route 9', 'the library hours', 'the new bike lanes', 'the school lunches', 'the sewer works', 'the market square'];
const TOWNS = ['Porthaven', 'the old town', 'the harbour district', 'Millbrook'];
const CLASSES = ['landlords', 'tourists', 'cyclists', 'developers'];
const OFFICIALS = ['mayor', 'harbour master', 'council leader', 'transit director', 'planning chief', 'school superintendent'];

const TEMPLATES: Record<SimulatedKind, readonly string[]> = {
  civil: [
    'The {body} should publish the {doc} before the vote on {topic}.',
    'I went to the meeting on {topic} and the {body} barely answered questions.',
    'Thanks for covering {topic}; the {doc} matters more than the headlines.',
    'My street has waited {n} years for {topic} to be sorted out.',
    'Does anyone know when the {doc} on {topic} will be online?',
    'I disagree with the {body} on {topic}, but this is a fair report.',
    'The {doc} shows {topic} costs {n} times what we were told.',
    'Good to see {topic} in the paper. People in {town} care about this.',
  ],
  frank: [
    'Damn, this is a hell of a good piece on {topic}.',
    'Holy shit, the {body} finally listened about {topic}.',
    'About fucking time someone reported on {topic}.',
    'The {doc} is a bloody mess, but the reporting is spot on.',
    'What a shitshow of a {doc}. Great reporting though.',
    'Hell yes, {topic} is fixed at last. Damn good news for {town}.',
    'Bloody brilliant work on {topic}, keep the {body} honest.',
  ],
  officials: [
    'The {official} is a clueless idiot and should resign over {topic}.',
    'The {official} is an incompetent fool, and the {doc} proves it.',
    'Pathetic. The {official} is a joke and a liar about {topic}.',
    'The {official} is a spineless coward on {topic}.',
    'The {official} is a lying idiot, read the {doc}.',
    'What a useless clown the {official} is. Vote them out.',
  ],
  'class-attack': [
    '{Class} are leeches sucking {town} dry, every last one of them.',
    'Typical {class}, greedy crooks who only care about money.',
    'Every one of the {class} in {town} is a selfish parasite.',
    '{Class} ruin everything they touch. We should drive them out of {town}.',
    'Never trust {class}. Liars and thieves, the lot of them.',
    'The {class} are vermin and {topic} proves it again.',
  ],
  spam: [
    'Earn {n}00 dollars a day from home! Message me for details.',
    'Best crypto signals in {town}, join my channel today.',
    'Cheap watches and bags, free shipping, visit my profile.',
    'I made {n}000 last week with this trading app, ask me how.',
    'Lose {n} kilos in a week with this one trick, link in my bio.',
  ],
};

const SHARES: readonly [SimulatedKind, number][] = [['civil', 0.4], ['frank', 0.1], ['officials', 0.15], ['class-attack', 0.2], ['spam', 0.15]];

/** Mulberry32: small, fast and the same on every platform. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulatedComments(count: number, seed = 1, noise = 0.04): SimulatedComment[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    let roll = next();
    let kind: SimulatedKind = 'civil';
    for (const [candidate, share] of SHARES) {
      kind = candidate;
      if ((roll -= share) < 0) break;
    }
    const group = pick(CLASSES);
    const text = pick(TEMPLATES[kind])
      .replace('{body}', pick(BODIES))
      .replace('{doc}', pick(DOCS))
      .replace('{topic}', pick(TOPICS))
      .replace('{town}', pick(TOWNS))
      .replace('{n}', String(2 + Math.floor(next() * 8)))
      .replace('{official}', pick(OFFICIALS))
      .replace('{class}', group)
      .replace('{Class}', group[0].toUpperCase() + group.slice(1));
    const held = kind === 'class-attack' || kind === 'spam';
    const flipped = next() < noise;
    return { text, kind, label: (held !== flipped ? 1 : 0) as 0 | 1 };
  });
}

/** The same comments as decisions, one an hour from `start`, oldest first. */
export function simulatedDecisions(count: number, seed = 1, start = Date.parse('2026-01-01T00:00:00Z')): ModeratorDecision[] {
  return simulatedComments(count, seed).map((comment, i) => ({
    commentId: `sim-${seed}-${i}`,
    text: comment.text,
    label: comment.label,
    decidedAt: new Date(start + i * 3_600_000).toISOString(),
  }));
}
