import { extractFeatures, type WordHints } from './features.js';
import { predict, type Head, type Model } from './model.js';
import type { Finding } from './rules.js';

export type Scores = Record<Head, number>;

export interface Classification {
  scores: Scores;
  /** Targeted findings that count: not negated, not counter-speech. */
  findings: Finding[];
}

export interface Classifier {
  classify(canonical: string, hints?: WordHints): Classification;
}

/** Learned scores of a text whose only hateful words were negated or condemned are capped here. */
const TURNED_CAP = 0.35;
const REPORTED_FACTOR = 0.5;

export function createClassifier(model: Model): Classifier {
  const options = { bits: model.bits, charWeight: model.charWeight, ...model.features };
  return {
    classify(canonical, hints = { slurs: 0, profanity: 0 }) {
      const { features, rules } = extractFeatures(canonical, hints, options);
      const learned = predict(model, features);
      const score = (head: Head) => learned[model.heads.indexOf(head)] ?? 0;
      let toxicity = score('toxicity');
      let identity = score('identity_attack');
      let threat = score('threat');

      const active: Finding[] = [];
      let turned = false;
      for (const finding of rules.findings) {
        if (finding.negated || finding.countered) turned = true;
        else active.push({ ...finding, score: finding.reported ? finding.score * REPORTED_FACTOR : finding.score });
      }
      // Hate that is only negated or condemned, or a sentence that reports words to condemn them.
      if ((turned || rules.counterFrame) && active.length === 0 && hints.slurs === 0) {
        toxicity = Math.min(toxicity, TURNED_CAP);
        identity = Math.min(identity, TURNED_CAP);
        threat = Math.min(threat, TURNED_CAP);
      }
      for (const finding of active) {
        if (finding.kind === 'threat') threat = Math.max(threat, finding.score);
        else identity = Math.max(identity, finding.score);
      }
      if (hints.slurs > 0 && !rules.condemns) {
        identity = Math.max(identity, 0.6);
        toxicity = Math.max(toxicity, 0.7);
      }
      toxicity = Math.max(toxicity, identity, threat);
      return { scores: { toxicity: round(toxicity), identity_attack: round(identity), threat: round(threat) }, findings: active };
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
