import { describe, expect, it } from 'vitest';
import { createClassifier } from './classifier/index.js';
import { HEADS, type Model } from './classifier/model.js';
import { assess, createAssess } from './pipeline.js';
import { candidateWith, contextWith, minutesAgo } from './testing.js';

/** A model whose every weight is zero scores 0.5 minus a bias: lets the tests pick the learned score. */
function flatModel(bias: number): Model {
  return { bits: 4, heads: HEADS, weights: HEADS.map(() => new Float32Array(16)), biases: HEADS.map(() => bias) };
}
const calm = createAssess({ classifier: createClassifier(flatModel(-6)) });
const angry = createAssess({ classifier: createClassifier(flatModel(3)) });

describe('assess pipeline', () => {
  it('publishes a civil comment with its scores', () => {
    const result = assess(candidateWith(), contextWith());
    expect(result.decision).toBe('publish');
    expect(result.reasons).toEqual([]);
    for (const head of ['toxicity', 'identity_attack', 'threat']) {
      expect(result.scores[head]).toBeGreaterThanOrEqual(0);
      expect(result.scores[head]).toBeLessThan(0.5);
    }
  });

  it('stops at the first phase that decides: a banned reader is rejected before anything else', () => {
    const result = calm(candidateWith({ author: { status: 'banned', premoderate: true }, article: { premoderate: true } }), contextWith());
    expect(result.decision).toBe('reject');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['READER_BANNED']);
  });

  it('publishes staff comments but still reports scores', () => {
    const result = angry(candidateWith({ author: { role: 'editor' } }), contextWith());
    expect(result.decision).toBe('publish');
    expect(result.scores.toxicity).toBeGreaterThan(0.9);
  });

  it('nudges on a toxic first attempt and holds for review when posted anyway', () => {
    const first = angry(candidateWith(), contextWith({ nudge: true }));
    expect(first).toMatchObject({ decision: 'hold', nudge: true });
    const anyway = angry(candidateWith({ postAnyway: true }), contextWith({ nudge: true }));
    expect(anyway.decision).toBe('hold');
    expect(anyway.nudge).toBe(false);
    expect(anyway.reasons.map((reason) => reason.code)).toContain('POSTED_AFTER_NUDGE');
  });

  it('does not nudge when the site turned nudging off, nor for holds the reader cannot fix', () => {
    expect(angry(candidateWith(), contextWith({ nudge: false })).nudge).toBe(false);
    const premoderated = calm(candidateWith(), contextWith({ premoderateAll: true }));
    expect(premoderated).toMatchObject({ decision: 'hold', nudge: false });
  });

  it('content-only skips history, reader and article phases', () => {
    const candidate = candidateWith({
      text: 'Read https://example.com please',
      author: { status: 'banned', approvedCount: 0, premoderate: true, recent: [{ text: 'Read https://example.com please', createdAt: minutesAgo(1) }] },
      article: { premoderate: true },
    });
    expect(calm(candidate, contextWith({}, { contentOnly: true }))).toMatchObject({ decision: 'publish', reasons: [] });
    expect(calm(candidate, contextWith()).decision).toBe('reject');
  });

  it('lets a slur through when it is only quoted to condemn it, and notes it', () => {
    const quoted = calm(candidateWith({ text: 'He called my neighbours "k1kes". That is disgusting and racist.' }), contextWith());
    expect(quoted.decision).toBe('publish');
    expect(quoted.reasons).toMatchObject([{ code: 'SLUR_QUOTED' }]);
    const used = calm(candidateWith({ text: 'My neighbours are k1kes. Disgusting.' }), contextWith());
    expect(used).toMatchObject({ decision: 'hold', reasons: [{ code: 'SLUR' }] });
    const reportedUncondemned = calm(candidateWith({ text: 'He called my neighbours "k1kes" and he is right.' }), contextWith());
    expect(reportedUncondemned.decision).toBe('hold');
  });

  it('rejects site-banned words even in content-only mode', () => {
    const result = calm(candidateWith({ text: 'you grifter' }), contextWith({ bannedWords: ['grifter'] }, { contentOnly: true }));
    expect(result).toMatchObject({ decision: 'reject', reasons: [{ code: 'BANNED_WORD' }] });
  });

  it('holds a link from a new reader after the content phases pass', () => {
    const result = calm(candidateWith({ text: 'see www.example.com', author: { approvedCount: 0 } }), contextWith({ linkMinApproved: 1 }));
    expect(result).toMatchObject({ decision: 'hold', reasons: [{ code: 'LINK_NEW_READER' }], nudge: false });
  });
});
