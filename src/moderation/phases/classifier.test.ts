import { describe, expect, it } from 'vitest';
import { candidateWith, contextWith, phaseInput, quietClassification } from '../testing.js';
import { classifier } from './classifier.js';

const run = (scores: Parameters<typeof quietClassification>[0], settings = {}) =>
  classifier.run(phaseInput(candidateWith(), contextWith(settings), quietClassification(scores)));

describe('classifier phase', () => {
  it('passes scores under the hold threshold', () => {
    expect(run({ toxicity: 0.49 }, { holdThreshold: 0.5 })).toBeUndefined();
  });

  it('holds at the threshold with the score in the reason', () => {
    expect(run({ toxicity: 0.7 })).toMatchObject({ decision: 'hold', reasons: [{ code: 'TOXICITY', score: 0.7 }] });
  });

  it('names threats and identity attacks rather than plain toxicity', () => {
    const result = run({ toxicity: 0.9, threat: 0.9, identity_attack: 0.8 });
    expect(result?.reasons.map((reason) => reason.code)).toEqual(['THREAT', 'IDENTITY_ATTACK']);
  });

  it('shows the moderator the abuse that lifted toxicity', () => {
    const classification = {
      ...quietClassification({ toxicity: 0.62 }),
      findings: [{ kind: 'abuse' as const, rule: 'abuse-aimed' as const, score: 0.62, phrase: 'cretin', reported: false, negated: false, countered: false }],
    };
    const result = classifier.run(phaseInput(candidateWith(), contextWith(), classification));
    expect(result?.reasons).toMatchObject([{ code: 'TOXICITY', matches: ['cretin'] }]);
  });

  it('holds (never drops) above the reject threshold, flagged as severe', () => {
    const result = run({ toxicity: 0.99 }, { rejectThreshold: 0.98 });
    expect(result?.decision).toBe('hold');
    expect(result?.reasons.map((reason) => reason.code)).toContain('SEVERE');
  });
});
