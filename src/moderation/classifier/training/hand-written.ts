/**
 * The tuning comments written for issue #12 by writers who saw no code (`fixtures/*-tuning.ts`, the round 13
 * check) and the batches written as training data (`fixtures/written-training-*.ts`), as training examples
 * beside the generated templates (`handWrittenWeight`): the public sets are
 * tweets, forum posts and chat, and these are what a newsroom's readers write. Training on them makes
 * their figures in `eval:moderation` in-sample for the learned heads too; the blind fixtures, which no
 * training reads, stay the measure. A head a list says nothing about is left out, as for the public sets.
 */
import type { Head } from '../model.js';
import { BLIND_CIVIL } from '../../fixtures/blind-civil.js';
import { BLIND_FOURTH_WRITER_2026_12 } from '../../fixtures/blind-fourth-writer-2026-12.js';
import { BLIND_MIXED_2026_12 } from '../../fixtures/blind-mixed-2026-12.js';
import { BLIND_PROBES } from '../../fixtures/blind-probes.js';
import { BLIND_PROBES_2 } from '../../fixtures/blind-probes-2.js';
import { BLIND_SIXTH } from '../../fixtures/blind-sixth-writer-2026-12.js';
import { BLIND_SEVENTH } from '../../fixtures/blind-seventh-writer-2026-12.js';
import { BLIND_EIGHTH } from '../../fixtures/blind-eighth-writers-2026-12.js';
import { BLIND_NINTH } from '../../fixtures/blind-ninth-writers-2026-12.js';
import { BLIND_TENTH } from '../../fixtures/blind-tenth-writers-2026-12.js';
import { CIVIL_TUNING } from '../../fixtures/civil-tuning.js';
import { COUNTER_SPEECH_LOOKALIKES, COUNTER_SPEECH_TUNING } from '../../fixtures/counter-speech-tuning.js';
import { DEHUMANISING_HATE, PEOPLES_CIVIL } from '../../fixtures/dehumanising-tuning.js';
import { DENIAL_DENIED, DENIAL_KEPT } from '../../fixtures/denied-denial-tuning.js';
import { HEATED_CIVIL, HEATED_LOOKALIKES } from '../../fixtures/heated-civil-tuning.js';
import { COUNTER_SPEECH_3, GENDER_CIVIL, IDENTITY_CIVIL, IMPLICIT_HATE, SEXISM } from '../../fixtures/implicit-sexism-tuning.js';
import { OWN_OBJECTION, OWN_OBJECTION_LOOKALIKES } from '../../fixtures/objection-frames-tuning.js';
import { QUOTED_COUNTER, QUOTED_COUNTER_LOOKALIKES } from '../../fixtures/quoted-counter-tuning.js';
import { QUOTED_MENTIONS, QUOTED_USES } from '../../fixtures/quoted-mention-tuning.js';
import { COUNTER_SPEECH_4, IMPLICIT_HATE_2, NEWS_AND_SPORT_CIVIL, PEOPLES_CIVIL_2, SEXISM_2, THREATS_4 } from '../../fixtures/round-13-check.js';
import { AIMED_AT_PEOPLE_14, COUNTER_SPEECH_14, ENDORSED_QUOTES_14, FRIENDLY_SWEARING_14, LITERAL_HARM_14, NEWS_OF_HATE_14 } from '../../fixtures/round-14-tuning.js';
import { SPEAKER_REJECTED, SPEAKER_VOUCHED } from '../../fixtures/speaker-verdict-tuning.js';
import { AIMED_PROFANITY, FRIENDLY_PROFANITY, THREATS_3, VIOLENT_WORDS_CIVIL_3 } from '../../fixtures/threat-profanity-tuning.js';
import { ABUSE_2, CIVIL_2, THREATS_2 } from '../../fixtures/violence-tuning-2.js';
import { VIOLENCE_AND_ABUSE, VIOLENCE_WORDS_CIVIL } from '../../fixtures/violence-tuning.js';
import { WRITTEN_ABUSE } from '../../fixtures/written-training-abuse.js';
import { WRITTEN_IMPLICIT } from '../../fixtures/written-training-implicit.js';
import { WRITTEN_QUOTED } from '../../fixtures/written-training-quoted.js';
import { WRITTEN_THREATS } from '../../fixtures/written-training-threats.js';
import { WRITTEN_CODED } from '../../fixtures/written-training-coded.js';
import { WRITTEN_EVERYDAY } from '../../fixtures/written-training-everyday.js';
import { WRITTEN_GENDER } from '../../fixtures/written-training-gender.js';
import { WRITTEN_HEATED } from '../../fixtures/written-training-heated.js';
import { WRITTEN_CULTURE } from '../../fixtures/written-training-third-culture.js';
import { WRITTEN_LOCAL } from '../../fixtures/written-training-third-local.js';
import { WRITTEN_OPINION } from '../../fixtures/written-training-third-opinion.js';
import { WRITTEN_WORLD } from '../../fixtures/written-training-third-world.js';
import { WRITTEN_CRIME } from '../../fixtures/written-training-fourth-crime.js';
import { WRITTEN_GENERAL } from '../../fixtures/written-training-fourth-general.js';
import { WRITTEN_POLITICS } from '../../fixtures/written-training-fourth-politics.js';
import { WRITTEN_SPORT } from '../../fixtures/written-training-fourth-sport.js';
import { dedupKey } from './corpus.js';

type Labels = Partial<Record<Head, number>>;

const CIVIL: Labels = { toxicity: 0, identity_attack: 0, threat: 0 };
/** Hate at a people; whether it also threatens, the lists do not say. */
const HATE: Labels = { toxicity: 1, identity_attack: 1 };
/** Threats at anyone; whether at a people, the lists do not say. */
const THREAT: Labels = { toxicity: 1, threat: 1 };
/** Abuse of a person: rude, neither an identity attack nor a threat. */
const ABUSE: Labels = { toxicity: 1, identity_attack: 0, threat: 0 };
const TOXIC: Labels = { toxicity: 1 };

const LISTS: [Labels, readonly string[]][] = [
  [CIVIL, [
    ...CIVIL_TUNING, ...COUNTER_SPEECH_TUNING, ...PEOPLES_CIVIL, ...DENIAL_KEPT, ...HEATED_CIVIL, ...IDENTITY_CIVIL, ...GENDER_CIVIL,
    ...COUNTER_SPEECH_3, ...OWN_OBJECTION, ...QUOTED_COUNTER, ...QUOTED_MENTIONS, ...SPEAKER_REJECTED, ...VIOLENT_WORDS_CIVIL_3,
    ...FRIENDLY_PROFANITY, ...CIVIL_2, ...VIOLENCE_WORDS_CIVIL, ...COUNTER_SPEECH_4, ...NEWS_AND_SPORT_CIVIL, ...PEOPLES_CIVIL_2,
    ...COUNTER_SPEECH_14, ...NEWS_OF_HATE_14, ...LITERAL_HARM_14, ...FRIENDLY_SWEARING_14,
  ]],
  [HATE, [
    ...COUNTER_SPEECH_LOOKALIKES, ...DEHUMANISING_HATE, ...DENIAL_DENIED, ...HEATED_LOOKALIKES, ...IMPLICIT_HATE, ...SEXISM,
    ...OWN_OBJECTION_LOOKALIKES, ...QUOTED_COUNTER_LOOKALIKES, ...QUOTED_USES, ...SPEAKER_VOUCHED, ...SEXISM_2, ...IMPLICIT_HATE_2,
    ...ENDORSED_QUOTES_14,
  ]],
  [THREAT, [...THREATS_2, ...THREATS_3, ...THREATS_4]],
  [ABUSE, [...AIMED_PROFANITY, ...ABUSE_2]],
  [TOXIC, [...VIOLENCE_AND_ABUSE, ...AIMED_AT_PEOPLE_14]],
];

/** Written as training data (round 14), each comment labelled on every head by its writer. */
const WRITTEN: readonly { text: string; toxicity: number; identity_attack: number; threat: number }[] = [...WRITTEN_THREATS, ...WRITTEN_IMPLICIT, ...WRITTEN_ABUSE, ...WRITTEN_QUOTED];

/** Every blind text, by the key the corpus de-duplicates on. */
export function blindKeys(): Set<string> {
  const blind = [...BLIND_CIVIL, ...BLIND_PROBES, ...BLIND_PROBES_2, ...BLIND_MIXED_2026_12, ...BLIND_FOURTH_WRITER_2026_12, ...BLIND_SIXTH, ...BLIND_SEVENTH, ...BLIND_EIGHTH, ...BLIND_NINTH, ...BLIND_TENTH];
  return new Set(blind.map(({ text }) => dedupKey(text)));
}

/** The labelled tuning comments, less any that a blind writer also wrote ("Jews control the banks and the media. Wake up."). */
export function handWrittenTexts(): { text: string; labels: Labels }[] {
  const blind = blindKeys();
  const labelled = [
    ...LISTS.flatMap(([labels, texts]) => texts.map((text) => ({ text, labels }))),
    ...WRITTEN.map(withLabels),
  ];
  return labelled.filter(({ text }) => !blind.has(dedupKey(text)));
}

/**
 * Batches written as training data after the first (round 14), by wave, each batch one writer's or one
 * topic's: the second wave (round 14, trained on since round 17); the third and fourth (round 17), four
 * writers each who saw no code, briefed with the categories of the eighth blind set and no example
 * phrases, one kind of site each, 120 hateful and 180 hard civil comments apiece.
 */
export const WAVES = {
  second: { heated: WRITTEN_HEATED, gender: WRITTEN_GENDER, coded: WRITTEN_CODED, everyday: WRITTEN_EVERYDAY },
  third: { local: WRITTEN_LOCAL, world: WRITTEN_WORLD, culture: WRITTEN_CULTURE, opinion: WRITTEN_OPINION },
  fourth: { sport: WRITTEN_SPORT, politics: WRITTEN_POLITICS, crime: WRITTEN_CRIME, general: WRITTEN_GENERAL },
} as const;
export type Wave = keyof typeof WAVES;

/** How much the written comments weigh, each in the templates' set (absent or 0: not read). */
export interface WrittenWeights {
  /** The tuning comments and the first written batches, per comment. */
  handWrittenWeight?: number;
  /** Each wave of written batches, per comment. */
  waveWeights?: Partial<Record<Wave, number>>;
}

/** A wave's comments with the batch they came from, less any a blind writer also wrote. */
export function waveTexts(wave: Wave): { text: string; labels: Labels; batch: string }[] {
  const blind = blindKeys();
  return Object.entries(WAVES[wave]).flatMap(([batch, entries]) =>
    entries.filter(({ text }) => !blind.has(dedupKey(text))).map((entry) => ({ ...withLabels(entry), batch })),
  );
}

/** A written batch's entry, labelled on every head by its writer. */
function withLabels({ text, toxicity, identity_attack, threat }: { text: string; toxicity: number; identity_attack: number; threat: number }): { text: string; labels: Labels } {
  return { text, labels: { toxicity, identity_attack, threat } };
}
