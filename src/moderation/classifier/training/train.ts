import { extractFeatures, type FeatureOptions, type Features } from '../features.js';
import { HEADS, type Head, type Model } from '../model.js';
import { prepareText } from '../prepare.js';
import { random } from './augment.js';

export interface LabelledText {
  text: string;
  labels: Partial<Record<Head, number>>;
  weight: number;
}

export interface TrainingOptions extends FeatureOptions {
  bits: number;
  charWeight: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Extra weight on negatives, so the 0.5 hold threshold errs towards publishing. */
  negativeBias: number;
  /**
   * Evens out the sets' sizes: each set's weights are scaled by (mean set total / its total)^power, so
   * with 0.5 the 25k Davidson tweets count less and the 600 ToxiGen seeds more. 0 leaves them as they are.
   */
  sourceBalance?: number;
  /** Calibrate each head's intercept too, not only its slope (see `fitPlatt`). */
  calibrateIntercept?: boolean;
  log?: (message: string) => void;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  bits: 18, charWeight: 0.5, lexical: true, lexicalWeight: 0.5, epochs: 4, learningRate: 0.2, l2: 0.05, seed: 11, negativeBias: 1.3, sourceBalance: 0.5,
};

export function featurise(texts: string[], options: FeatureOptions): Features[] {
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
  return trainOnFeatures(examples, features, options);
}

/** The same, on features already extracted (parallel to `examples`), so experiments can reuse them. */
export function trainOnFeatures(examples: LabelledText[], features: Features[], options: TrainingOptions = DEFAULT_TRAINING): Model {
  const log = options.log ?? (() => {});
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
  return { bits: options.bits, charWeight: options.charWeight, features: featureOptionsOf(options), heads: HEADS, weights, biases };
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

/** The feature options a model must be read with, recorded in its meta. */
export function featureOptionsOf(options: FeatureOptions): Model['features'] {
  const { binary, charMin, charMax, lexical, lexicalWeight } = options;
  return JSON.parse(JSON.stringify({ binary, charMin, charMax, lexical, lexicalWeight })) as Model['features'];
}
