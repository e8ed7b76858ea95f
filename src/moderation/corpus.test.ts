import { describe, expect, it } from 'vitest';
import { CIVIL, COUNTER_SPEECH, MUST_HOLD } from './fixtures/corpus.js';
import { assess } from './pipeline.js';
import { candidateWith, contextWith } from './testing.js';

const judge = (text: string) => assess(candidateWith({ text }), contextWith({}, { contentOnly: true }));

describe('moderation corpus with the committed model', () => {
  it.each(MUST_HOLD)('holds or rejects: %s', (text) => {
    expect(judge(text).decision).not.toBe('publish');
  });

  it.each(CIVIL)('publishes civil disagreement: %s', (text) => {
    const result = judge(text);
    expect(result.reasons).toEqual([]);
    expect(result.decision).toBe('publish');
  });

  it.each(COUNTER_SPEECH)('publishes counter-speech and negation: %s', (text) => {
    expect(judge(text).decision).toBe('publish');
  });

  it('holds the seed-style calls to violence as threats', () => {
    for (const text of ['liquidate them one by one', 'We should gas them all.']) {
      const result = judge(text);
      expect(result.reasons.map((reason) => reason.code)).toContain('THREAT');
      expect(result.scores.threat).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('holds dehumanising comparisons as identity attacks', () => {
    for (const text of ['Kurdish orcs', 'those people are vermin']) {
      expect(judge(text).reasons.map((reason) => reason.code)).toContain('IDENTITY_ATTACK');
    }
  });

  it('keeps every score a number between 0 and 1', () => {
    for (const text of [...MUST_HOLD, ...CIVIL]) {
      for (const score of Object.values(judge(text).scores)) expect(score).toBeGreaterThanOrEqual(0), expect(score).toBeLessThanOrEqual(1);
    }
  });
});
