import { HEADS, logits, type Model, type SparseVector } from '../model.js';
import type { Example } from './datasets.js';
import type { Featurised } from './featurised.js';
import { trainOnFeatures, type TrainingOptions } from './train.js';
import { fitTwoWeights } from './calibrate.js';

export interface MixPoint {
  /** The two models' logits for one text. */
  logits: [number, number];
  label: number;
  weight: number;
}

/**
 * A small head of its own for the word vectors: one logistic regression on the hashed features without
 * the word-vector dims, another on the named rule and lexical features plus the word-vector dims alone,
 * then per head the mix a·first + b·second fitted on the held-out rows (`mixRows`, the validation split,
 * itself split by source post). Both read the same buckets, so the mix folds into one weight vector and
 * reading a comment costs what the joint model does.
 */
export function fitStacked(fit: Example[], fitFeatures: Featurised[], mixExamples: Example[], mixFeatures: Featurised[], options: TrainingOptions): Model {
  const plain = { ...options, embeddingL2: undefined, embeddingLearningRate: undefined, log: undefined };
  const hashed = trainOnFeatures(fit, fitFeatures.map((row) => slice(row, 0, row.blocks.embedding)), plain);
  const small = trainOnFeatures(fit, fitFeatures.map((row) => slice(row, row.blocks.named, row.features.indices.length)), {
    ...plain,
    l2: options.embeddingL2 ?? options.l2,
    learningRate: options.embeddingLearningRate ?? options.learningRate,
  });
  const totals = new Map<string, number>();
  for (const example of mixExamples) totals.set(example.source, (totals.get(example.source) ?? 0) + 1);
  const first = mixFeatures.map((row) => logits(hashed, row.features));
  const second = mixFeatures.map((row) => logits(small, row.features));
  HEADS.forEach((head, h) => {
    const points: MixPoint[] = [];
    mixExamples.forEach((example, k) => {
      const label = example.labels[head];
      if (label !== undefined) points.push({ logits: [first[k][h], second[k][h]], label, weight: example.weight / (totals.get(example.source) ?? 1) });
    });
    const [a, b] = fitMix(points, options.negativeBias);
    options.log?.(`head ${head}: hashed model ×${a.toFixed(3)} + word-vector head ×${b.toFixed(3)}`);
    const w = hashed.weights[h];
    const v = small.weights[h];
    for (let j = 0; j < w.length; j++) w[j] = a * w[j] + b * v[j];
    hashed.biases[h] = a * hashed.biases[h] + b * small.biases[h];
  });
  return hashed;
}

function slice(row: Featurised, from: number, to: number): SparseVector {
  return { indices: row.features.indices.subarray(from, to), values: row.features.values.subarray(from, to) };
}

/** Weights (a, b) of two logits, no intercept (each model keeps its own bias). */
export function fitMix(points: MixPoint[], negativeBias = 1): [number, number] {
  return fitTwoWeights(points.map(({ logits: [x, y], label, weight }) => ({ x, y, label, weight })), negativeBias);
}
