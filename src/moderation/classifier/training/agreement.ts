import type { Scores } from '../classifier.js';
import type { Example } from './datasets.js';
import { rocAuc } from './metrics.js';

/**
 * How far a score can go on a set is bounded by how much its annotators agree. For the sets that
 * publish each annotator's judgement, one annotator per text (picked by a hash of its key and text, so
 * the same one every run) is the label; the mean of the other annotators' judgements ranks it as a
 * human panel would, and the model's toxicity ranks the same labels. A model near the panel has little
 * left to learn from that set's labels.
 */
export interface AgreementReport {
  name: string;
  texts: number;
  /** Of the picked annotators' judgements, how many were toxic (≥ 0.5: SBIC's "maybe" counts). */
  positives: number;
  humans: number;
  model: number;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // FNV's low bits are poor (the key appears twice, so its parity cancels): mix before taking a remainder.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function agreementReport(name: string, examples: readonly Example[], scores: readonly Scores[]): AgreementReport | undefined {
  const humans: number[] = [];
  const model: number[] = [];
  const labels: boolean[] = [];
  examples.forEach((example, i) => {
    const judgements = example.judgements;
    if (!judgements || judgements.length < 2) return;
    const picked = hash(`${example.key}\u0000${example.text}`) % judgements.length;
    const others = judgements.filter((_, k) => k !== picked);
    labels.push(judgements[picked] >= 0.5);
    humans.push(others.reduce((sum, judgement) => sum + judgement, 0) / others.length);
    model.push(scores[i].toxicity);
  });
  if (labels.length === 0) return undefined;
  return { name, texts: labels.length, positives: labels.filter(Boolean).length, humans: rocAuc(humans, labels), model: rocAuc(model, labels) };
}

export const AGREEMENT_HEADER = `${'set'.padEnd(36)}${'texts'.padStart(7)}${'pos'.padStart(8)}${'humans'.padStart(8)}${'model'.padStart(8)}${'ratio'.padStart(7)}`;

export function formatAgreement(report: AgreementReport): string {
  const ratio = report.model / report.humans;
  return `${report.name.padEnd(36)}${String(report.texts).padStart(7)}${String(report.positives).padStart(8)}${report.humans.toFixed(3).padStart(8)}${report.model.toFixed(3).padStart(8)}${ratio.toFixed(2).padStart(7)}`;
}
