import { extractFeatures, type Analysis, type Features, type WordHints } from './features.js';
import { HEADS, logits as modelLogits, sideBySideLogits, type Head, type Model, type SparseVector } from './model.js';
import { applyRules } from './score-rules.js';
import type { Finding } from './rules.js';

export type Scores = Record<Head, number>;

export interface Classification {
  scores: Scores;
  /** Targeted findings that count: not negated, not counter-speech. */
  findings: Finding[];
  /** Every slur in the text is quoted or reported and condemned, or only talked about: not a slur used. */
  slursCountered: boolean;
}

/** The learned model's view of a text, before the rule floors and caps: for site adaptation and audits. */
export interface Inspection {
  /** Sparse hashed feature vector (indices into 2^model.bits buckets; repeats are summed). */
  features: Features;
  /** Raw per-head log-odds of the learned model, before calibration. */
  logits: Scores;
  /** Calibrated learned probabilities, before the rules' floors and caps. */
  probabilities: Scores;
  /** The final scores, as `classify` returns them. */
  classification: Classification;
}

export interface Classifier {
  classify(canonical: string, hints?: WordHints): Classification;
  inspect(canonical: string, hints?: WordHints): Inspection;
  readonly model: Model;
}

const NO_HINTS: WordHints = { slurs: 0, profanity: 0 };

/** Learned logits, calibrated probabilities and final scores of an already extracted analysis. */
export function scoreAnalysis(
  model: Model,
  analysis: { features: SparseVector; rules: Analysis['rules'] },
  hints: WordHints,
  score: (features: SparseVector) => number[] = (features) => modelLogits(model, features),
): Omit<Inspection, 'features'> {
  const raw = score(analysis.features);
  const calibrated = raw.map((logit, head) => {
    const calibration = model.calibration?.[head];
    return 1 / (1 + Math.exp(-(calibration ? calibration.a * logit + calibration.b : logit)));
  });
  const byHead = (values: number[]) => Object.fromEntries(HEADS.map((head) => [head, values[model.heads.indexOf(head)] ?? 0])) as Scores;
  const probabilities = byHead(calibrated);
  return { logits: byHead(raw), probabilities, classification: applyRules(probabilities, analysis.rules, hints) };
}

export function createClassifier(model: Model): Classifier {
  const options = { bits: model.bits, charWeight: model.charWeight, ...model.features };
  const score = sideBySideLogits(model);
  const inspect = (canonical: string, hints: WordHints = NO_HINTS): Inspection => {
    const analysis = extractFeatures(canonical, hints, options);
    return { features: analysis.features, ...scoreAnalysis(model, analysis, hints, score) };
  };
  return {
    model,
    inspect,
    classify: (canonical, hints = NO_HINTS) => inspect(canonical, hints).classification,
  };
}
