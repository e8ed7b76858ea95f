import type { FeatureOptions } from '../features.js';
import { generateExamples } from './augment.js';
import { loadCorpus, type Corpus } from './corpus.js';
import type { Example } from './datasets.js';
import { featuriseTexts } from './featurised.js';
import { TEMPLATES, type TrainingSet } from './fit.js';

/** The generated templates as examples of their own source, which is never split. */
export function templateExamples(): Example[] {
  return generateExamples().map((example) => ({ text: example.text, labels: example.labels, source: TEMPLATES, key: example.text, weight: 1, tag: 'template' }));
}

/** Every shared set (test split included: `fitCalibrated` leaves it out) plus the templates, featurised once. */
export function buildTrainingSet(dir: string, options: FeatureOptions, log: (message: string) => void = () => {}): TrainingSet & { corpus: Corpus } {
  const started = Date.now();
  const corpus = loadCorpus(dir);
  const examples = [...corpus.examples, ...templateExamples()];
  log(`read ${corpus.examples.length} labelled texts and ${examples.length - corpus.examples.length} generated ones in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { corpus, examples, featurised: featuriseTexts(examples.map((example) => example.text), options, log) };
}
