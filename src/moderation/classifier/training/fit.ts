import { extractFeatures } from '../features.js';
import { HEADS, logits, type Model } from '../model.js';
import { prepareText } from '../prepare.js';
import { fitPlatt, type CalibrationPoint } from './calibrate.js';
import { isValidationExample, type Example } from './datasets.js';
import { trainOnFeatures, featurise, type LabelledText, type TrainingOptions } from './train.js';

/**
 * The whole recipe: train on the public sets (less their validation split) plus the generated examples,
 * then calibrate each head on the validation split, each source weighing the same there so the largest
 * set does not decide what 0.5 means. Give it examples without the test split.
 */
export function trainCalibrated(examples: Example[], generated: LabelledText[], options: TrainingOptions): Model {
  const log = options.log ?? (() => {});
  const fit = balanceSources(examples.filter((example) => !isValidationExample(example)), options.sourceBalance ?? 0);
  const validation = examples.filter((example) => isValidationExample(example));
  const training = [...fit, ...generated];
  const model = trainOnFeatures(training, featurise(training.map((example) => example.text), options), options);
  const totals = new Map<string, number>();
  for (const example of validation) totals.set(example.source, (totals.get(example.source) ?? 0) + 1);
  const raw = validation.map((example) => {
    const prepared = prepareText(example.text);
    return logits(model, extractFeatures(prepared.canonical, prepared.hints, options).features);
  });
  model.calibration = HEADS.map((head, h) => {
    const points: CalibrationPoint[] = [];
    validation.forEach((example, i) => {
      const label = example.labels[head];
      if (label === undefined) return;
      points.push({ logit: raw[i][h], label, weight: example.weight / (totals.get(example.source) ?? 1) });
    });
    const calibration = fitPlatt(points, options.negativeBias, options.calibrateIntercept ?? false);
    log(`head ${head}: calibrated on ${points.length} validation texts, a=${calibration.a.toFixed(3)} b=${calibration.b.toFixed(3)}`);
    return calibration;
  });
  return model;
}

export function balanceSources<T extends { source: string; weight: number }>(examples: T[], power: number): T[] {
  if (power === 0) return examples;
  const totals = new Map<string, number>();
  for (const example of examples) totals.set(example.source, (totals.get(example.source) ?? 0) + example.weight);
  const mean = [...totals.values()].reduce((sum, total) => sum + total, 0) / Math.max(totals.size, 1);
  return examples.map((example) => ({ ...example, weight: example.weight * Math.pow(mean / (totals.get(example.source) ?? mean), power) }));
}
