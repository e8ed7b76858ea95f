/**
 * The tuning sets written for issue #12 (`fixtures/*-tuning.ts`, the hand-written corpus, the round 13
 * check): civil texts held and look-alikes missed, each held civil text listed. They were read in full
 * while writing the rules, and since round 14 the learned heads are trained on them too (`hand-written.ts`),
 * so they measure what was tuned, never how far it generalises (`blind.ts` does).
 */
import type { Classifier } from '../classifier.js';
import { falseHoldRate, scoreTexts } from './evaluate.js';
import { rocAuc } from './metrics.js';
import { CIVIL_TUNING } from '../../fixtures/civil-tuning.js';
import { COUNTER_SPEECH_LOOKALIKES, COUNTER_SPEECH_TUNING } from '../../fixtures/counter-speech-tuning.js';
import { CIVIL, COUNTER_SPEECH, FUNCTIONAL_PROBE, MUST_HOLD } from '../../fixtures/corpus.js';
import { HEATED_CIVIL, HEATED_LOOKALIKES } from '../../fixtures/heated-civil-tuning.js';
import { QUOTED_COUNTER, QUOTED_COUNTER_LOOKALIKES } from '../../fixtures/quoted-counter-tuning.js';
import { DENIAL_DENIED, DENIAL_KEPT } from '../../fixtures/denied-denial-tuning.js';
import { OWN_OBJECTION, OWN_OBJECTION_LOOKALIKES } from '../../fixtures/objection-frames-tuning.js';
import { SPEAKER_REJECTED, SPEAKER_VOUCHED } from '../../fixtures/speaker-verdict-tuning.js';
import { QUOTED_MENTIONS, QUOTED_USES } from '../../fixtures/quoted-mention-tuning.js';
import { VIOLENCE_AND_ABUSE, VIOLENCE_WORDS_CIVIL } from '../../fixtures/violence-tuning.js';
import { ABUSE_2, CIVIL_2, THREATS_2 } from '../../fixtures/violence-tuning-2.js';
import { DEHUMANISING_HATE, PEOPLES_CIVIL } from '../../fixtures/dehumanising-tuning.js';
import { AIMED_PROFANITY, FRIENDLY_PROFANITY, THREATS_3, VIOLENT_WORDS_CIVIL_3 } from '../../fixtures/threat-profanity-tuning.js';
import { COUNTER_SPEECH_3, GENDER_CIVIL, IDENTITY_CIVIL, IMPLICIT_HATE, SEXISM } from '../../fixtures/implicit-sexism-tuning.js';
import { COUNTER_SPEECH_4, IMPLICIT_HATE_2, NEWS_AND_SPORT_CIVIL, PEOPLES_CIVIL_2, SEXISM_2, THREATS_4 } from '../../fixtures/round-13-check.js';
import { WAVES } from './hand-written.js';
import { AIMED_AT_PEOPLE_14, COUNTER_SPEECH_14, ENDORSED_QUOTES_14, FRIENDLY_SWEARING_14, LITERAL_HARM_14, NEWS_OF_HATE_14 } from '../../fixtures/round-14-tuning.js';

export function tuningReport(classifier: Classifier, threshold: number): string[] {
  const lines: string[] = [];
  const civil = falseHoldRate(classifier, [...CIVIL, ...COUNTER_SPEECH], threshold);
  const heldRight = falseHoldRate(classifier, MUST_HOLD, threshold).held.length;
  lines.push(`false-hold rate, hand-written civil + counter-speech (${CIVIL.length + COUNTER_SPEECH.length} texts): ${(civil.rate * 100).toFixed(1)}%`);
  for (const text of civil.held) lines.push(`  held: ${text}`);
  const tuning = falseHoldRate(classifier, CIVIL_TUNING, threshold);
  lines.push(`false-hold rate, issue #12 civil tuning set (${CIVIL_TUNING.length} texts: roles, violence in the news, condemned slurs, ids): ${(tuning.rate * 100).toFixed(1)}%`);
  for (const text of tuning.held) lines.push(`  held: ${text}`);
  lines.push(`hand-written must-hold corpus held: ${heldRight}/${MUST_HOLD.length}`);
  /** A tuning pair: civil texts that must publish (each one held is listed), look-alikes that must hold. */
  const tuningPair = (label: string, civilTexts: string[], lookalikes: string[]) => {
    const held = falseHoldRate(classifier, civilTexts, threshold).held;
    const missed = lookalikes.length - falseHoldRate(classifier, lookalikes, threshold).held.length;
    lines.push(`${label}: civil held ${held.length}/${civilTexts.length}, look-alikes missed ${missed}/${lookalikes.length}`);
    for (const text of held) lines.push(`  held: ${text}`);
  };
  tuningPair('counter-speech tuning set (round 7)', COUNTER_SPEECH_TUNING, COUNTER_SPEECH_LOOKALIKES);
  tuningPair('heated civil tuning set (round 9)', HEATED_CIVIL, HEATED_LOOKALIKES);
  tuningPair('quoted counter-speech tuning set (round 9)', QUOTED_COUNTER, QUOTED_COUNTER_LOOKALIKES);
  tuningPair('speaker verdict tuning set (round 11: the speaker lies / is vouched for)', SPEAKER_REJECTED, SPEAKER_VOUCHED);
  tuningPair('own-frame objection tuning set (round 11)', OWN_OBJECTION, OWN_OBJECTION_LOOKALIKES);
  tuningPair('denied denial tuning set (round 11: denials kept / denials denied)', DENIAL_KEPT, DENIAL_DENIED);
  tuningPair('quoted mention tuning set (round 12: slurs quoted as words / taken up)', QUOTED_MENTIONS, QUOTED_USES);
  tuningPair('violence and abuse tuning set (round 12: civil look-alikes / threats and abuse of anyone)', VIOLENCE_WORDS_CIVIL, VIOLENCE_AND_ABUSE);
  tuningPair('violence and abuse tuning set, second batch (round 12)', CIVIL_2, [...THREATS_2, ...ABUSE_2]);
  tuningPair('dehumanising tuning set (round 12: peoples in civil comments / likened to vermin, coded)', PEOPLES_CIVIL, DEHUMANISING_HATE);
  tuningPair('threats, third batch (round 13: violent words in civil use / threats in many forms)', VIOLENT_WORDS_CIVIL_3, THREATS_3);
  tuningPair('swearing (round 13: friendly / aimed at someone)', FRIENDLY_PROFANITY, AIMED_PROFANITY);
  tuningPair('implicit hate and sexism (round 13: peoples, gender, counter-speech / implicit hate, sexism)', [...IDENTITY_CIVIL, ...GENDER_CIVIL, ...COUNTER_SPEECH_3], [...IMPLICIT_HATE, ...SEXISM]);
  tuningPair('round 13 check, no stock phrases (counter-speech, news, sport, peoples / sexism, implicit hate, veiled threats)',
    [...COUNTER_SPEECH_4, ...NEWS_AND_SPORT_CIVIL, ...PEOPLES_CIVIL_2], [...SEXISM_2, ...IMPLICIT_HATE_2, ...THREATS_4]);
  tuningPair('round 14: quoted hate (counter-speech, news of hate / endorsed)', [...COUNTER_SPEECH_14, ...NEWS_OF_HATE_14], ENDORSED_QUOTES_14);
  tuningPair('round 14: harm to things (pests, plants, tasks; friendly swearing / aimed at people)', [...LITERAL_HARM_14, ...FRIENDLY_SWEARING_14], AIMED_AT_PEOPLE_14);
  // The waves written as training data (the second since round 14, the third and fourth in round 17), trained on since round 17: in-sample.
  for (const [wave, batches] of Object.entries(WAVES)) {
    for (const [batch, entries] of Object.entries(batches)) {
      tuningPair(`${wave} wave, ${batch}, trained on (civil / toxic)`, entries.filter((c) => c.toxicity === 0).map((c) => c.text), entries.filter((c) => c.toxicity === 1).map((c) => c.text));
    }
  }
  const probeTexts = FUNCTIONAL_PROBE.map(([text]) => text);
  const probeLabels = FUNCTIONAL_PROBE.map(([, hateful]) => hateful);
  const probeAuc = (head: 'toxicity' | 'identity_attack') => rocAuc(scoreTexts(classifier, probeTexts, head), probeLabels).toFixed(3);
  lines.push(`hand-written functional probe (${probeTexts.length} texts, never trained on): ROC-AUC toxicity ${probeAuc('toxicity')}, identity_attack ${probeAuc('identity_attack')}`);
  return lines;
}
