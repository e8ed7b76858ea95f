import { HEADS, logits, type Model } from '../model.js';
import { fitPlatt, type CalibrationPoint } from './calibrate.js';
import { isTestExample, isValidationExample, type Example } from './datasets.js';
import type { Featurised } from './featurised.js';
import { fitStacked } from './stack.js';
import { trainOnFeatures, type TrainingOptions } from './train.js';

/** The generated examples' source name: never split, always fitted on. */
export const TEMPLATES = 'templates';

/** Examples and their features, parallel arrays; featurised once, trained on many times. */
export interface TrainingSet {
  examples: Example[];
  featurised: Featurised[];
}

/**
 * The whole recipe: fit on every example `include` admits, less the test and validation splits (the
 * generated templates are never split), each set's weight evened out by `balanceSources`; then
 * calibrate each head on the validation split, each source weighing the same there so the largest set
 * does not decide what 0.5 means.
 */
export function fitCalibrated(set: TrainingSet, include: (example: Example) => boolean, options: TrainingOptions): Model {
  const log = options.log ?? (() => {});
  const fitRows: number[] = [];
  const validationRows: number[] = [];
  set.examples.forEach((example, i) => {
    if (!include(example)) return;
    if (example.source === TEMPLATES) fitRows.push(i);
    else if (isTestExample(example)) return;
    else if (isValidationExample(example)) validationRows.push(i);
    else fitRows.push(i);
  });
  const balanced = balanceSources(fitRows.map((i) => set.examples[i]), options.sourceBalance ?? 0, options.templateShare ?? 1);
  const fit = options.civilGroupWeight ? weighCivilGroupTalk(balanced, fitRows.map((i) => set.featurised[i]), options.civilGroupWeight) : balanced;
  const model = options.embeddingHead
    ? fitStacked(fit, fitRows.map((i) => set.featurised[i]), validationRows.map((i) => set.examples[i]), validationRows.map((i) => set.featurised[i]), options)
    : trainOnFeatures(fit, fitRows.map((i) => set.featurised[i].features), options);
  const totals = new Map<string, number>();
  for (const i of validationRows) totals.set(set.examples[i].source, (totals.get(set.examples[i].source) ?? 0) + 1);
  const raw = validationRows.map((i) => logits(model, set.featurised[i].features));
  model.calibration = HEADS.map((head, h) => {
    const points: CalibrationPoint[] = [];
    validationRows.forEach((i, k) => {
      const example = set.examples[i];
      const label = example.labels[head];
      if (label === undefined) return;
      points.push({ logit: raw[k][h], label, weight: example.weight / (totals.get(example.source) ?? 1) });
    });
    const calibration = fitPlatt(points, options.negativeBias, options.calibrateIntercept ?? false);
    log(`head ${head}: calibrated on ${points.length} validation texts, a=${calibration.a.toFixed(3)} b=${calibration.b.toFixed(3)}`);
    return calibration;
  });
  return model;
}

/**
 * Evens out the sets: each set's weights are scaled by (mean set total / its total)^power, so with
 * power 1 every set weighs the same in all and no single source dominates. The generated templates
 * count as one more set, scaled by `templateShare`.
 */
export function balanceSources<T extends { source: string; weight: number }>(examples: T[], power: number, templateShare = 1): T[] {
  if (power === 0 && templateShare === 1) return examples;
  const totals = new Map<string, number>();
  for (const example of examples) totals.set(example.source, (totals.get(example.source) ?? 0) + example.weight);
  const mean = [...totals.values()].reduce((sum, total) => sum + total, 0) / Math.max(totals.size, 1);
  return examples.map((example) => {
    const scale = Math.pow(mean / (totals.get(example.source) ?? mean), power) * (example.source === TEMPLATES ? templateShare : 1);
    return { ...example, weight: example.weight * scale };
  });
}

/** Harmless texts that name a people weigh `factor` times more (see `TrainingOptions.civilGroupWeight`). */
export function weighCivilGroupTalk<T extends { labels: Example['labels']; weight: number }>(examples: T[], featurised: Pick<Featurised, 'rules'>[], factor: number): T[] {
  return examples.map((example, k) => {
    const labels = Object.values(example.labels);
    const harmless = labels.length > 0 && labels.every((label) => label < 0.5);
    return harmless && featurised[k].rules.groups > 0 ? { ...example, weight: example.weight * factor } : example;
  });
}
