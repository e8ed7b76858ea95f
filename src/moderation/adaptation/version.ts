import { createHash } from 'node:crypto';
import { HEADS, prepareText, type Classifier } from '../classifier/index.js';

/**
 * Texts whose scores identify the shipped classifier's behaviour: retrained weights or changed rules
 * move some of them, and an adaptation fitted on the old scores is then ignored until it is refitted.
 */
const PROBES = [
  'The council should publish the full budget before the vote.',
  'Thanks for the clear report on the ferry timetable.',
  'You are an idiot and nobody wants you here.',
  'What a stupid, pathetic article.',
  'They are vermin and should be wiped out.',
  'Immigrants are ruining this country.',
  'I will find where you live and hurt you.',
  'Someone should shoot the mayor.',
  'Damn, this is a hell of a good piece.',
  'About fucking time someone reported this.',
  'Calling people vermin is how genocide starts; stop it.',
  'My neighbour is a nurse and works nights at the hospital.',
  'This is a scam, click my link for free money.',
  'Women should not be allowed to vote.',
  'I disagree with the editorial, but it is well argued.',
  'Go back to where you came from.',
];

const versions = new WeakMap<Classifier, string>();

/** A short fingerprint of what this classifier says about the probes (computed once per classifier). */
export function modelVersion(classifier: Classifier): string {
  let version = versions.get(classifier);
  if (!version) {
    const hash = createHash('sha256');
    for (const text of PROBES) {
      const prepared = prepareText(text);
      const { scores } = classifier.classify(prepared.canonical, prepared.hints);
      hash.update(HEADS.map((head) => (scores[head] ?? 0).toFixed(4)).join(',') + '\n');
    }
    version = hash.digest('hex').slice(0, 16);
    versions.set(classifier, version);
  }
  return version;
}
