import type { Classifier } from '../classifier.js';
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

/** Which score a set is judged on: hate sets by identity attack, comment sets by overall toxicity. */
export function headFor(source: string): Head {
  return source === 'stormfront' || source === 'toxigen-seeds' ? 'identity_attack' : 'toxicity';
}

export function scoreTexts(classifier: Classifier, texts: string[], head: Head): number[] {
  return texts.map((text) => {
    const prepared = prepareText(text);
    return classifier.classify(prepared.canonical, prepared.hints).scores[head];
  });
}

/** Positives are examples whose label for the judged head is at least 0.5. */
export function evaluate(
  name: string,
  classifier: Classifier,
  examples: Example[],
  head: Head,
  threshold: number,
  positive: (example: Example) => boolean = (example) => (example.labels[head] ?? example.labels.toxicity ?? 0) >= 0.5,
): Report {
  const labelled = examples.filter((example) => example.labels[head] !== undefined || example.labels.toxicity !== undefined);
  const labels = labelled.map(positive);
  const scores = scoreTexts(classifier, labelled.map((example) => example.text), head);
  const at = atThreshold(scores, labels, threshold);
  return { name, head, count: labelled.length, positives: labels.filter(Boolean).length, auc: rocAuc(scores, labels), ...at };
}

/** Share of texts that should publish but score at or above the threshold on any head. */
export function falseHoldRate(classifier: Classifier, texts: string[], threshold: number): { rate: number; held: string[] } {
  const held = texts.filter((text) => {
    const prepared = prepareText(text);
    const { scores } = classifier.classify(prepared.canonical, prepared.hints);
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
