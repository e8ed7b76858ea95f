import type { Classifier, Scores } from '../classifier.js';
import type { Head } from '../model.js';
import { prepareText } from '../prepare.js';
import type { Example } from './datasets.js';
import { atThreshold, rocAuc } from './metrics.js';

export interface Report {
  name: string;
  head: Head;
  count: number;
  positives: number;
  auc: number;
  precision: number;
  recall: number;
  falseHoldRate: number;
}

/** Sets whose labels judge hate or sexism only: their negatives may be rude, so they are judged on identity attack. */
const IDENTITY_SETS = new Set(['stormfront', 'toxigen-seeds', 'implicit-hate', 'edos', 'hatemoji-build']);

/** Which score a set is judged on: hate sets by identity attack, comment sets by overall toxicity. */
export function headFor(source: string): Head {
  return IDENTITY_SETS.has(source) ? 'identity_attack' : 'toxicity';
}

export function scoreTexts(classifier: Classifier, texts: string[], head: Head): number[] {
  return texts.map((text) => scoreText(classifier, text)[head]);
}

export function scoreText(classifier: Classifier, text: string): Scores {
  const prepared = prepareText(text);
  return classifier.classify(prepared.canonical, prepared.hints).scores;
}

export type Positive = (example: Example) => boolean;

/** Over the examples labelled for the judged head; positives are those whose label is at least 0.5. */
export function evaluateScored(
  name: string,
  examples: Example[],
  scores: Scores[],
  head: Head,
  threshold: number,
  positive: Positive = (example) => (example.labels[head] ?? 0) >= 0.5,
): Report {
  const rows = examples.flatMap((example, i) => (example.labels[head] !== undefined ? [i] : []));
  const labels = rows.map((i) => positive(examples[i]));
  const values = rows.map((i) => scores[i][head]);
  const at = atThreshold(values, labels, threshold);
  return { name, head, count: rows.length, positives: labels.filter(Boolean).length, auc: rocAuc(values, labels), ...at };
}

export function evaluate(name: string, classifier: Classifier, examples: Example[], head: Head, threshold: number, positive?: Positive): Report {
  return evaluateScored(name, examples, examples.map((example) => scoreText(classifier, example.text)), head, threshold, positive);
}

/** Share of texts that should publish but score at or above the threshold on any head. */
export function falseHoldRate(classifier: Classifier, texts: string[], threshold: number): { rate: number; held: string[] } {
  const held = texts.filter((text) => {
    const scores = scoreText(classifier, text);
    return Math.max(scores.toxicity, scores.identity_attack, scores.threat) >= threshold;
  });
  return { rate: texts.length === 0 ? Number.NaN : held.length / texts.length, held };
}

export function formatReport(report: Report): string {
  const pct = (value: number) => (Number.isNaN(value) ? '  n/a' : `${(value * 100).toFixed(1).padStart(5)}%`);
  return [
    report.name.padEnd(34),
    report.head.padEnd(16),
    String(report.count).padStart(6),
    String(report.positives).padStart(6),
    (Number.isNaN(report.auc) ? '  n/a' : report.auc.toFixed(3)).padStart(6),
    pct(report.precision),
    pct(report.recall),
    pct(report.falseHoldRate),
  ].join('  ');
}

export const REPORT_HEADER = `${'set'.padEnd(34)}  ${'score'.padEnd(16)}  ${'texts'.padStart(6)}  ${'pos'.padStart(6)}  ${'AUC'.padStart(6)}  ${'prec'.padStart(6)}  ${'recall'.padStart(6)}  ${'f.hold'.padStart(6)}`;
