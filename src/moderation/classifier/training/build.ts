import type { FeatureOptions } from '../features.js';
import { generateExamples } from './augment.js';
import { loadCorpus, type Corpus } from './corpus.js';
import { keyHash, type Example } from './datasets.js';
import { featuriseTexts } from './featurised.js';
import { WAVES, handWrittenTexts, waveTexts, type Wave, type WrittenWeights } from './hand-written.js';
import { TEMPLATES, type TrainingSet } from './fit.js';

/**
 * The generated templates as examples of their own source, which is never split, and the written
 * comments in the same set at their weight each (0 or absent: not read). A wave's comment is tagged with
 * its batch (`third-wave:local`), so an experiment can leave one writer out.
 */
export function templateExamples({ handWrittenWeight = 0, waveWeights = {} }: WrittenWeights = {}): Example[] {
  const asTemplates = (texts: { text: string; labels: Example['labels']; batch?: string }[], weight: number, tag: string): Example[] =>
    texts.map(({ text, labels, batch }) => ({ text, labels, source: TEMPLATES, key: text, weight, tag: batch ? `${tag}:${batch}` : tag }));
  return [
    ...asTemplates(generateExamples(), 1, 'template'),
    ...(handWrittenWeight > 0 ? asTemplates(handWrittenTexts(), handWrittenWeight, 'hand-written') : []),
    ...(Object.keys(WAVES) as Wave[]).flatMap((wave) => {
      const weight = waveWeights[wave] ?? 0;
      return weight > 0 ? asTemplates(waveTexts(wave), weight, `${wave}-wave`) : [];
    }),
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
