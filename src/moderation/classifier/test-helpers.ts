import { defaultClassifier } from './default-model.js';
import type { FindingKind } from './floors.js';
import { prepareText } from './prepare.js';
import { analyse, isTurned } from './rules.js';
import { tokenize } from './tokens.js';

/** The rules of the assess-time findings that count (not turned by negation, condemnation or objection), of the given kinds. */
export function assessedRules(text: string, kinds?: readonly FindingKind[]): string[] {
  return (analyse(tokenize(text.toLowerCase())).assessFindings ?? [])
    .filter((finding) => !isTurned(finding) && (kinds === undefined || kinds.includes(finding.kind)))
    .map((finding) => finding.rule);
}

let shipped: ReturnType<typeof defaultClassifier> | undefined;

/** The highest of the shipped classifier's three scores for a text, read as the pipeline reads it. */
export function worstScore(text: string): number {
  shipped ??= defaultClassifier();
  const prepared = prepareText(text);
  const { scores } = shipped.classify(prepared.canonical, prepared.hints);
  return Math.max(scores.toxicity, scores.identity_attack, scores.threat);
}
