import type { Head } from '../classifier/index.js';
import { WORD_BITS, type SparseVector } from './features.js';
import { minimise } from './lbfgs.js';
import { ADAPTATION_FORMAT, doubt, logit, type AdaptationWeights } from './model.js';

/** One moderator decision as the fit sees it: the shipped model's head logits, the words, and the verdict. */
export interface TrainingExample {
  logits: number[];
  text: SparseVector;
  /** 1: a moderator rejected or removed it; 0: approved or kept it. */
  label: 0 | 1;
}

export interface FitOptions {
  heads: readonly Head[];
  /** The site's hold threshold: the shipped model "holds" where its largest score reaches it. */
  threshold: number;
  bits?: number;
  /**
   * L2 pull towards "no change". The loss is summed, not averaged, over decisions, so the pull weighs
   * the same against 200 or 20,000 of them: few decisions move the model little.
   */
  l2?: { bias: number; words: number };
  maxIterations?: number;
  pause?: () => Promise<void>;
}

export const DEFAULT_L2 = { bias: 5, words: 4 };

/**
 * Logistic regression for "a moderator of this site would hold it", with the shipped model's own
 * verdict as a fixed offset: log-odds = z + doubt(z) · (bias + words), where z is the largest head logit
 * less logit(threshold). All weights zero reproduces the shipped hold decision exactly, and that is
 * where the L2 pull leads. No weight multiplies the head logits: re-mixing the heads is what cost the
 * public sets most in the simulations (scripts/simulate-site-adaptation.ts).
 */
export async function fitAdaptation(examples: readonly TrainingExample[], options: FitOptions): Promise<AdaptationWeights> {
  const bits = options.bits ?? WORD_BITS;
  const l2 = options.l2 ?? DEFAULT_L2;
  const size = 1 << bits;
  const dimension = 1 + size;
  const center = logit(options.threshold);
  const offsets = examples.map((example) => Math.max(...example.logits) - center);
  const gates = offsets.map(doubt);

  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    let loss = 0.5 * l2.bias * theta[0] * theta[0];
    gradient[0] = l2.bias * theta[0];
    for (let i = 1; i < dimension; i++) {
      loss += 0.5 * l2.words * theta[i] * theta[i];
      gradient[i] = l2.words * theta[i];
    }
    examples.forEach((example, n) => {
      const { indices, values } = example.text;
      let shift = theta[0];
      for (let k = 0; k < indices.length; k++) shift += theta[1 + indices[k]] * values[k];
      const z = offsets[n] + gates[n] * shift;
      // log(1 + e^z) − y·z, written so that large |z| neither overflows nor loses precision.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - example.label * z;
      const residual = (1 / (1 + Math.exp(-z)) - example.label) * gates[n];
      gradient[0] += residual;
      for (let k = 0; k < indices.length; k++) gradient[1 + indices[k]] += residual * values[k];
    });
    return loss;
  };

  const { x } = await minimise(objective, new Float64Array(dimension), { maxIterations: options.maxIterations ?? 300, tolerance: 1e-5, pause: options.pause });
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return {
    format: ADAPTATION_FORMAT,
    heads: [...options.heads],
    center: round(center),
    bits,
    bias: round(x[0]),
    words: Array.from(x.subarray(1), round),
  };
}
