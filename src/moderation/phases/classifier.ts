import type { Head } from '../classifier/index.js';
import type { Reason } from '../types.js';
import type { Phase } from './types.js';

const REASONS: Record<Head, { code: string; message: string }> = {
  threat: { code: 'THREAT', message: 'May threaten or call for violence.' },
  identity_attack: { code: 'IDENTITY_ATTACK', message: 'May attack or dehumanise a people or group.' },
  toxicity: { code: 'TOXICITY', message: 'May be abusive.' },
};

/**
 * Scores at or above the hold threshold hold the comment. Above the reject threshold it is still held,
 * flagged as severe: a model is never the last word on deleting someone's comment.
 */
export const classifier: Phase = {
  name: 'classifier',
  content: true,
  run({ classification, context }) {
    const { holdThreshold, rejectThreshold } = context.settings;
    const { scores, findings } = classification;
    const reasons: Reason[] = [];
    for (const head of ['threat', 'identity_attack', 'toxicity'] as const) {
      if (scores[head] < holdThreshold) continue;
      if (head === 'toxicity' && reasons.length > 0) continue;
      const kinds = head === 'threat' ? ['threat'] : head === 'identity_attack' ? ['dehumanising', 'hate'] : ['abuse'];
      const matches = findings.filter((finding) => kinds.includes(finding.kind)).map((finding) => finding.phrase);
      reasons.push({ ...REASONS[head], score: scores[head], ...(matches.length ? { matches } : {}) });
    }
    if (reasons.length === 0) return undefined;
    const worst = Math.max(scores.toxicity, scores.threat, scores.identity_attack);
    if (worst >= rejectThreshold) {
      reasons.push({ code: 'SEVERE', message: 'Scored above the reject threshold; held for a person to decide.', score: worst });
    }
    return { decision: 'hold', reasons };
  },
};
