import type { FeatureOptions } from '../features.js';
import { generateExamples } from './augment.js';
import { loadCorpus, type Corpus } from './corpus.js';
import { keyHash, type Example } from './datasets.js';
import { featuriseTexts } from './featurised.js';
import { handWrittenTexts, secondWaveTexts, thirdWaveTexts } from './hand-written.js';
import { TEMPLATES, type TrainingSet } from './fit.js';

export interface WrittenWeights {
  handWrittenWeight?: number;
  secondWaveWeight?: number;
  thirdWaveWeight?: number;
}

/**
 * The generated templates as examples of their own source, which is never split, and the written
 * comments in the same set at their weight each (0 or absent: not read). A third-wave comment is tagged
 * with its writer's site (`third-wave:local`), so an experiment can leave one writer out.
 */
export function templateExamples({ handWrittenWeight = 0, secondWaveWeight = 0, thirdWaveWeight = 0 }: WrittenWeights = {}): Example[] {
  const asTemplates = (texts: { text: string; labels: Example['labels']; site?: string }[], weight: number, tag: string): Example[] =>
    texts.map(({ text, labels, site }) => ({ text, labels, source: TEMPLATES, key: text, weight, tag: site ? `${tag}:${site}` : tag }));
  return [
    ...asTemplates(generateExamples(), 1, 'template'),
    ...(handWrittenWeight > 0 ? asTemplates(handWrittenTexts(), handWrittenWeight, 'hand-written') : []),
    ...(secondWaveWeight > 0 ? asTemplates(secondWaveTexts(), secondWaveWeight, 'second-wave') : []),
    ...(thirdWaveWeight > 0 ? asTemplates(thirdWaveTexts(), thirdWaveWeight, 'third-wave') : []),
  ];
}

/** Every shared set (test split included: `fitCalibrated` leaves it out) plus the templates, featurised once. */
export function buildTrainingSet(dir: string, options: FeatureOptions & WrittenWeights, log: (message: string) => void = () => {}, samplePercent = 100): TrainingSet & { corpus: Corpus } {
  const started = Date.now();
  const loaded = loadCorpus(dir);
  const corpus = samplePercent >= 100 ? loaded : { ...loaded, examples: loaded.examples.filter((example) => inSample(example, samplePercent)) };
  const examples = [...corpus.examples, ...templateExamples(options)];
  log(`read ${corpus.examples.length} labelled texts and ${examples.length - corpus.examples.length} generated ones in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { corpus, examples, featurised: featuriseTexts(examples.map((example) => example.text), options, log) };
}

/**
 * A fixed sample of every set by its split key (posts, threads and pairs stay whole), for a quicker
 * leave-one-out look while trying ideas (`eval:moderation -- --sample 40`); independent of the test split.
 */
export function inSample(example: Pick<Example, 'source' | 'key'>, percent: number): boolean {
  return keyHash(`sub:${example.source}:${example.key}`) % 100 < percent;
}
