import type { FindingKind } from './floors.js';
import { analyse, isTurned } from './rules.js';
import { tokenize } from './tokens.js';

/** The rules of the assess-time findings that count (not turned by negation, condemnation or objection), of the given kinds. */
export function assessedRules(text: string, kinds?: readonly FindingKind[]): string[] {
  return (analyse(tokenize(text.toLowerCase())).assessFindings ?? [])
    .filter((finding) => !isTurned(finding) && (kinds === undefined || kinds.includes(finding.kind)))
    .map((finding) => finding.rule);
}
