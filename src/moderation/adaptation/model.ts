import type { Classification, Head, Scores } from '../classifier/index.js';
import type { ScoreAdjustment } from '../types.js';
import { textFeatures, type SparseVector } from './features.js';

export const ADAPTATION_FORMAT = 'tribune-site-adaptation/1';

/**
 * What a site learned: a shift in log-odds added to every head of the shipped classifier, from a bias
 * and the text's words, scaled by how unsure the shipped model is. All zeros is "no change".
 */
export interface AdaptationWeights {
  format: typeof ADAPTATION_FORMAT;
  /** The heads whose largest logit says how sure the shipped model is. */
  heads: Head[];
  /** logit(hold threshold) at fitting time: where the shipped model is least sure. */
  center: number;
  /** log2 of the word buckets (features.ts). */
  bits: number;
  bias: number;
  /** One weight per word bucket (dense; 4,096 numbers). */
  words: number[];
}

/**
 * However sure the fit is, one comment's scores move at most this far in log-odds (0.05 → 0.5, or
 * 0.5 → 0.95): a site's decisions may re-rank the shipped model's doubts, not overrule a certainty.
 */
export const MAX_SHIFT = 3;
const EPSILON = 1e-4;

export function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * 1 where the shipped model sits on the threshold (offset 0), 0.42 at a score of 0.12 or 0.88, 0.19 at
 * 0.05 or 0.95: comments the model is sure about barely move, whatever the site's words say.
 */
export function doubt(offset: number): number {
  const p = sigmoid(offset);
  return 4 * p * (1 - p);
}

export function headLogits(scores: Scores, heads: readonly Head[]): number[] {
  return heads.map((head) => logit(scores[head] ?? 0));
}

/** The shift in log-odds this adaptation gives a text whose shipped head logits are `logits`. */
export function shiftFor(weights: AdaptationWeights, logits: readonly number[], text: SparseVector): number {
  let shift = weights.bias;
  for (let i = 0; i < text.indices.length; i++) shift += weights.words[text.indices[i]] * text.values[i];
  shift *= doubt(Math.max(...logits) - weights.center);
  return Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, shift));
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Scores after the adaptation: every head moved by the same shift, so the largest stays the largest.
 * A comment in which the shipped rules found anything (a threat, an attack on a people, dehumanising
 * abuse: `protect`) is never scored lower: what moderators let through elsewhere must not teach the site
 * to publish those.
 */
export function adjustScores(weights: AdaptationWeights, scores: Scores, canonical: string, protect = false): Scores {
  const raw = shiftFor(weights, headLogits(scores, weights.heads), textFeatures(canonical, weights.bits));
  const shift = protect ? Math.max(0, raw) : raw;
  const out = { ...scores };
  for (const head of Object.keys(out) as Head[]) out[head] = round(sigmoid(logit(out[head]) + shift));
  return out;
}

export function createScoreAdjustment(weights: AdaptationWeights): ScoreAdjustment {
  return {
    weights,
    adjust(classification: Classification, canonical: string): Classification {
      const protect = classification.findings.length > 0;
      return { ...classification, scores: adjustScores(weights, classification.scores, canonical, protect) };
    },
  };
}

/** Weights as read back from the database; anything malformed is refused rather than half-applied. */
export function parseWeights(json: string): AdaptationWeights | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const weights = value as Partial<AdaptationWeights> | null;
  if (!weights || weights.format !== ADAPTATION_FORMAT || !Array.isArray(weights.heads) || weights.heads.length === 0) return undefined;
  if (typeof weights.bits !== 'number' || weights.bits < 4 || weights.bits > 16 || !Array.isArray(weights.words)) return undefined;
  if (weights.words.length !== 1 << weights.bits) return undefined;
  const numbers = [weights.bias, weights.center, ...weights.words];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  return weights as AdaptationWeights;
}
