import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureOptions } from './features.js';

/** A sparse vector as plain or typed arrays: bucket indices and their values, parallel. */
export interface SparseVector {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

export const HEADS = ['toxicity', 'identity_attack', 'threat'] as const;
export type Head = (typeof HEADS)[number];

/** Logistic regression per head over one shared hashed feature space. */
export interface Model {
  bits: number;
  /** Feature option the model was trained with; see `FeatureOptions`. */
  charWeight?: number;
  /** The other feature options it was trained with. */
  features?: Omit<FeatureOptions, 'bits' | 'charWeight'>;
  heads: readonly Head[];
  weights: Float32Array[];
  biases: number[];
  /** Platt scaling per head, fitted on a validation split: p = sigmoid(a · logit + b). */
  calibration?: Calibration[];
}

export interface Calibration {
  a: number;
  b: number;
}

export interface ModelMeta {
  format: 'tribune-moderation/1';
  bits: number;
  charWeight?: number;
  features?: Omit<FeatureOptions, 'bits' | 'charWeight'>;
  heads: Head[];
  biases: number[];
  /** Weights are stored as little-endian int16; weight = stored × scale. */
  scales: number[];
  calibration?: Calibration[];
  trainedOn: string[];
  examples: number;
  /** A hash of the texts, labels and weights fitted on: the same data gives the same bytes (no clock). */
  dataFingerprint?: string;
  /** Models before the fingerprint carried a creation time instead. */
  createdAt?: string;
}

export const WEIGHTS_FILE = 'weights.bin';
export const META_FILE = 'meta.json';

export function loadModel(dir: string): Model {
  const meta = JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as ModelMeta;
  if (meta.format !== 'tribune-moderation/1') throw new Error(`unknown model format ${String(meta.format)} in ${dir}`);
  const bytes = readFileSync(join(dir, WEIGHTS_FILE));
  const size = 1 << meta.bits;
  if (bytes.length !== size * meta.heads.length * 2) throw new Error(`weights file in ${dir} does not match its meta`);
  const weights = meta.heads.map((_, head) => {
    const out = new Float32Array(size);
    const scale = meta.scales[head];
    const offset = head * size * 2;
    for (let i = 0; i < size; i++) out[i] = bytes.readInt16LE(offset + i * 2) * scale;
    return out;
  });
  return { bits: meta.bits, charWeight: meta.charWeight, features: meta.features, heads: meta.heads, weights, biases: meta.biases, calibration: meta.calibration };
}

/** int16 keeps the file at 2 bytes a weight (1.5 MB for three heads of 2^18) with no loss that matters. */
export function encodeModel(model: Model, info: Pick<ModelMeta, 'trainedOn' | 'examples' | 'dataFingerprint'>): { meta: ModelMeta; bytes: Buffer } {
  const size = 1 << model.bits;
  const bytes = Buffer.alloc(size * model.heads.length * 2);
  const scales = model.weights.map((weights, head) => {
    let max = 0;
    for (const weight of weights) max = Math.max(max, Math.abs(weight));
    const scale = max > 0 ? max / 32767 : 1;
    for (let i = 0; i < size; i++) bytes.writeInt16LE(Math.round(weights[i] / scale), (head * size + i) * 2);
    return scale;
  });
  return {
    meta: {
      format: 'tribune-moderation/1', bits: model.bits, charWeight: model.charWeight, features: model.features, heads: [...model.heads],
      biases: model.biases, scales,
      ...(model.calibration ? { calibration: model.calibration } : {}), ...info,
    },
    bytes,
  };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Raw score (log-odds before calibration) per head. */
export function logits(model: Model, features: SparseVector): number[] {
  const { indices, values } = features;
  if (model.weights.length === 3) {
    // One pass for the usual three heads: each feature's bucket is read from the three arrays together.
    const [w0, w1, w2] = model.weights;
    let s0 = model.biases[0];
    let s1 = model.biases[1];
    let s2 = model.biases[2];
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i];
      const value = values[i];
      s0 += w0[index] * value;
      s1 += w1[index] * value;
      s2 += w2[index] * value;
    }
    return [s0, s1, s2];
  }
  return model.weights.map((weights, head) => {
    let sum = model.biases[head];
    for (let i = 0; i < indices.length; i++) sum += weights[indices[i]] * values[i];
    return sum;
  });
}

/**
 * `logits` for a classifier's lifetime, from a copy of the three heads' weights side by side (bucket i at
 * 3i, 3i+1, 3i+2): a comment's few thousand features hit random buckets, and reading the three from one
 * place is one cache miss a feature instead of three. The copy is taken now, so weights changed later
 * (training does) are not seen: scoring while training uses `logits`.
 */
export function sideBySideLogits(model: Model): (features: SparseVector) => number[] {
  if (model.weights.length !== 3) return (features) => logits(model, features);
  const [w0, w1, w2] = model.weights;
  const packed = new Float32Array(w0.length * 3);
  for (let i = 0; i < w0.length; i++) {
    packed[3 * i] = w0[i];
    packed[3 * i + 1] = w1[i];
    packed[3 * i + 2] = w2[i];
  }
  const [b0, b1, b2] = model.biases;
  return ({ indices, values }) => {
    let s0 = b0;
    let s1 = b1;
    let s2 = b2;
    for (let i = 0; i < indices.length; i++) {
      const at = 3 * indices[i];
      const value = values[i];
      s0 += packed[at] * value;
      s1 += packed[at + 1] * value;
      s2 += packed[at + 2] * value;
    }
    return [s0, s1, s2];
  };
}

/** Calibrated probability per head. */
export function predict(model: Model, features: SparseVector): number[] {
  return logits(model, features).map((logit, head) => {
    const calibration = model.calibration?.[head];
    return sigmoid(calibration ? calibration.a * logit + calibration.b : logit);
  });
}
