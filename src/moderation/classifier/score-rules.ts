import type { Classification, Scores } from './classifier.js';
import type { WordHints } from './features.js';
import { CAPS, RULE_FLOORS, SLUR_FLOORS } from './floors.js';
import { IN_GROUP_SLURS } from './lexicon.js';
import { isTurned, type Finding, type RuleResult } from './rules.js';

/**
 * The learned probabilities moved by what the rules found, with the numbers of `floors.ts`: findings
 * that count set floors under their head; text whose only hateful findings are negated or condemned is
 * capped below the hold threshold; a slur used sets its own floors. Toxicity is at least the other two.
 */
export function applyRules(learned: Scores, rules: RuleResult, hints: WordHints): Classification {
  let toxicity = rudeness(learned.toxicity);
  let identity = learned.identity_attack;
  // In sports talk the learned threat head reads a scoreline ("we got slaughtered 5-0"); findings still lift it.
  let threat = rules.sporting ? Math.min(learned.threat, CAPS.turned) : learned.threat;

  const active: Finding[] = [];
  let turned = false;
  for (const finding of [...rules.findings, ...(rules.assessFindings ?? [])]) {
    if (isTurned(finding)) turned = true;
    // An endorsed report ("calling them vermin is not wrong, it is accurate") is the writer's own.
    else active.push({ ...finding, score: finding.reported && !finding.endorsed ? finding.score * CAPS.reportedFactor : finding.score });
  }
  const slursQuoted = (rules.slursCountered && !rules.slursTakenUp) || (rules.slursMentioned ?? false);
  const slursUsed = hints.slurs > 0 && !slursQuoted;
  // Pest control ("kill the rats in the loft") and a people named as victims ("Armenians were driven out of
  // Karabakh"): the learned heads read a species as a slur, and a harm done to a people as wished on them.
  const harmless = ((rules.harmsOnlyThings ?? false) || (rules.victimsReported ?? false)) && hints.slurs === 0;
  if ((turned || rules.counterFrame || rules.objection || slursQuoted || harmless) && active.length === 0 && !slursUsed) {
    if (!harmless || hints.profanity === 0) toxicity = Math.min(toxicity, CAPS.turned);
    identity = Math.min(identity, CAPS.turned);
    threat = Math.min(threat, CAPS.turned);
  }
  for (const finding of active) {
    const head = RULE_FLOORS[finding.rule].head;
    if (head === 'threat') threat = Math.max(threat, finding.score);
    else if (head === 'identity_attack') identity = Math.max(identity, finding.score);
    else toxicity = Math.max(toxicity, finding.score);
  }
  if (slursUsed && !rules.condemns) {
    const soft = hints.slurWords?.every((word) => IN_GROUP_SLURS.has(word)) ?? false;
    const floors = soft ? SLUR_FLOORS.inGroup : SLUR_FLOORS.outGroup;
    identity = Math.max(identity, floors.identity_attack);
    toxicity = Math.max(toxicity, floors.toxicity);
  }
  toxicity = Math.max(toxicity, identity, threat);
  return {
    scores: { toxicity: round(toxicity), identity_attack: round(identity), threat: round(threat) },
    findings: active,
    slursCountered: slursQuoted,
  };
}

function rudeness(toxicity: number): number {
  return toxicity <= 0.5 ? toxicity : 0.5 + CAPS.rudenessSlope * (toxicity - 0.5);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
