import { extractFeatures, type Features } from '../features.js';
import { HEADS, type Head, type Model } from '../model.js';
import { prepareText } from '../prepare.js';
import { random } from './augment.js';

export interface LabelledText {
  text: string;
  labels: Partial<Record<Head, number>>;
  weight: number;
}

export interface TrainingOptions {
  bits: number;
  charWeight: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Extra weight on negatives, so the 0.5 hold threshold errs towards publishing. */
  negativeBias: number;
  log?: (message: string) => void;
}

export const DEFAULT_TRAINING: TrainingOptions = { bits: 18, charWeight: 0.5, epochs: 4, learningRate: 0.2, l2: 0.02, seed: 11, negativeBias: 1.3 };

export function featurise(texts: string[], options: Pick<TrainingOptions, 'bits' | 'charWeight'>): Features[] {
  return texts.map((text) => {
    const prepared = prepareText(text);
    return extractFeatures(prepared.canonical, prepared.hints, options).features;
  });
}

/** Logistic regression per head, AdaGrad over sparse hashed features, classes balanced per head. */
export function train(examples: LabelledText[], options: TrainingOptions = DEFAULT_TRAINING): Model {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const features = featurise(examples.map((example) => example.text), options);
  log(`featurised ${examples.length} texts in ${Date.now() - started} ms`);
  const size = 1 << options.bits;
  const weights: Float32Array[] = [];
  const biases: number[] = [];
  for (const head of HEADS) {
    const rows = examples.flatMap((example, i) => (example.labels[head] === undefined ? [] : [i]));
    const { weight: w, bias } = trainHead(rows, (i) => examples[i].labels[head] as number, (i) => examples[i].weight, features, size, options);
    weights.push(w);
    biases.push(bias);
    log(`head ${head}: ${rows.length} examples`);
  }
  return { bits: options.bits, charWeight: options.charWeight, heads: HEADS, weights, biases };
}

function trainHead(
  rows: number[],
  label: (i: number) => number,
  weightOf: (i: number) => number,
  features: Features[],
  size: number,
  options: TrainingOptions,
): { weight: Float32Array; bias: number } {
  let positive = 0;
  let negative = 0;
  for (const i of rows) {
    positive += label(i) * weightOf(i);
    negative += (1 - label(i)) * weightOf(i);
  }
  const total = positive + negative;
  const positiveScale = total / (2 * Math.max(positive, 1e-9));
  const negativeScale = (total / (2 * Math.max(negative, 1e-9))) * options.negativeBias;
  const weight = new Float32Array(size);
  const squares = new Float32Array(size).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const rand = random(options.seed);
  const order = [...rows];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const i of order) {
      const { indices, values } = features[i];
      let sum = bias;
      for (let f = 0; f < indices.length; f++) sum += weight[indices[f]] * values[f];
      const y = label(i);
      const p = 1 / (1 + Math.exp(-sum));
      // Soft labels weigh each side by its share, so a 0.35 label is mostly a negative.
      const scale = weightOf(i) * (y * positiveScale + (1 - y) * negativeScale);
      const error = (p - y) * scale;
      for (let f = 0; f < indices.length; f++) {
        const index = indices[f];
        const gradient = error * values[f] + options.l2 * weight[index];
        squares[index] += gradient * gradient;
        weight[index] -= (options.learningRate * gradient) / Math.sqrt(squares[index]);
      }
      biasSquares += error * error;
      bias -= (options.learningRate * error) / Math.sqrt(biasSquares);
    }
  }
  return { weight, bias };
}
