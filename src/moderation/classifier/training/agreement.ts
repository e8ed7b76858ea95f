import type { Scores } from '../classifier.js';
import { random, shuffle } from './augment.js';
import { keyHash, type Example } from './datasets.js';
import { rocAuc } from './metrics.js';

/**
 * How far a score can go on a set is bounded by how much its annotators agree. For the sets that
 * publish each annotator's judgement, one annotator per text (picked by a generator seeded with its key
 * and text, so the same one every run) is the label; the mean of the other annotators' judgements ranks
 * it as a human panel would, and the model's toxicity ranks the same labels. Where a text has six judgements or
 * more, a panel of three (the label: their majority, as most sets' labels are) is also ranked by the
 * share of three others (when each side has 30 such texts). A model near the panels has little left
 * to learn from that set's labels.
 */
export interface AgreementReport {
  name: string;
  texts: number;
  /** Of the picked annotators' judgements, how many were toxic (≥ 0.5: SBIC's "maybe" counts). */
  positives: number;
  humans: number;
  model: number;
  /** Majority of three annotators, ranked by three others and by the model (texts judged six times or more). */
  panel?: { texts: number; humans: number; model: number };
}

/** The text's judgements in an order fixed by its key and text. */
function shuffled(example: Example): number[] {
  return shuffle([...(example.judgements ?? [])], random(keyHash(`${example.key}\u0000${example.text}`)));
}

/** Fewer panels than this on either side rank nothing worth printing (ConvAbuse has 13 in all). */
const MIN_PANEL_CLASS = 30;

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export function agreementReport(name: string, examples: readonly Example[], scores: readonly Scores[]): AgreementReport | undefined {
  const one = { humans: [] as number[], model: [] as number[], labels: [] as boolean[] };
  const panel = { humans: [] as number[], model: [] as number[], labels: [] as boolean[] };
  examples.forEach((example, i) => {
    const judgements = shuffled(example);
    if (judgements.length < 2) return;
    one.labels.push(judgements[0] >= 0.5);
    one.humans.push(mean(judgements.slice(1)));
    one.model.push(scores[i].toxicity);
    if (judgements.length < 6) return;
    panel.labels.push(mean(judgements.slice(0, 3)) >= 0.5);
    panel.humans.push(mean(judgements.slice(3, 6)));
    panel.model.push(scores[i].toxicity);
  });
  if (one.labels.length === 0) return undefined;
  const report: AgreementReport = {
    name,
    texts: one.labels.length,
    positives: one.labels.filter(Boolean).length,
    humans: rocAuc(one.humans, one.labels),
    model: rocAuc(one.model, one.labels),
  };
  const panelPositives = panel.labels.filter(Boolean).length;
  if (Math.min(panelPositives, panel.labels.length - panelPositives) >= MIN_PANEL_CLASS) {
    report.panel = { texts: panel.labels.length, humans: rocAuc(panel.humans, panel.labels), model: rocAuc(panel.model, panel.labels) };
  }
  return report;
}

export const AGREEMENT_HEADER = `${'set'.padEnd(36)}${'texts'.padStart(7)}${'pos'.padStart(8)}${'humans'.padStart(8)}${'model'.padStart(8)}   panels of 3: texts humans model`;

export function formatAgreement(report: AgreementReport): string {
  const panel = report.panel ? `${String(report.panel.texts).padStart(18)}${report.panel.humans.toFixed(3).padStart(7)}${report.panel.model.toFixed(3).padStart(6)}` : '';
  return `${report.name.padEnd(36)}${String(report.texts).padStart(7)}${String(report.positives).padStart(8)}${report.humans.toFixed(3).padStart(8)}${report.model.toFixed(3).padStart(8)}${panel}`;
}
